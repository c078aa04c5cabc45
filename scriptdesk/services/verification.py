"""Verifying quotations: automatic suggestions, researchers' sign-off, the sources rule.

- :func:`auto_verify` matches every quotation (of one production or all)
  against the library and records each best match as a citation suggestion
  (method automatic, review state suggested). It marks nothing verified, and a
  re-run never deletes a confirmed or rejected citation or any note.
- :func:`confirm_citation` / :func:`reject_citation` act on one suggestion;
  :func:`verify_quotation` confirms a quotation's best suggestion or cites a
  named source by hand; :func:`mark_discrepancy` records a researcher's note.
- The independent-sources rule: a quotation confirmed in fewer independent
  sources than :func:`required_sources` (default 2) is "verified, single source".
- :func:`recheck_quotation` matches one edited quotation again, fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from scriptdesk.db.base import utcnow
from scriptdesk.db.models import Citation, Note, Production, Quotation, Source
from scriptdesk.db.unit_of_work import UnitOfWork
from scriptdesk.domain.enums import CitationMethod, MatchClass, Origin, ReviewState, VerificationState
from scriptdesk.domain.errors import ConflictError, InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import clean_text
from scriptdesk.services.sources import find_source, sessions_of
from scriptdesk.sources.matching import QuotationMatch, QuotationMatcher
from scriptdesk.sources.search import PassageSearch

#: Confirmed independent sources a quotation needs to be fully verified.
DEFAULT_REQUIRED_SOURCES = 2
#: Who automatic suggestions are recorded as in the audit log.
MATCHER_ACTOR = "scriptdesk-matcher"
_CLASS_ORDER = {c.value: rank for rank, c in enumerate(
    (MatchClass.NOT_FOUND, MatchClass.ALTERED, MatchClass.NORMALISED, MatchClass.EXACT))}


def required_sources() -> int:
    """The independent-sources rule: ``SCRIPTDESK_REQUIRED_SOURCES`` or 2."""
    value = os.environ.get("SCRIPTDESK_REQUIRED_SOURCES", "").strip()
    if not value:
        return DEFAULT_REQUIRED_SOURCES
    if not value.isdigit() or int(value) < 1:
        raise InvalidValueError(f"SCRIPTDESK_REQUIRED_SOURCES={value!r} is not a whole number of 1 or more")
    return int(value)


@dataclass(slots=True)
class QuotationVerdict:
    """What automatic matching found for one quotation (the ``--json`` record)."""

    quotation_id: int
    text: str
    speaker: str | None
    match_class: str
    score: float
    source_id: int | None = None
    source_title: str | None = None
    locator: str | None = None
    start: int | None = None  # character range in the source document's text
    end: int | None = None
    matched_passage: str = ""
    passage_speaker: str | None = None
    attribution_mismatch: bool = False
    differences: list[dict[str, str]] = field(default_factory=list)
    also_found: list[dict[str, object]] = field(default_factory=list)
    citation_id: int | None = None

    def as_json(self) -> dict[str, object]:
        """A plain dictionary for ``verify --auto --json``."""
        return {
            "quotation_id": self.quotation_id, "text": self.text, "speaker": self.speaker,
            "class": self.match_class, "score": self.score, "source_id": self.source_id,
            "source": self.source_title, "locator": self.locator,
            "range": [self.start, self.end] if self.start is not None else None,
            "matched_passage": self.matched_passage, "passage_speaker": self.passage_speaker,
            "attribution_mismatch": self.attribution_mismatch, "differences": self.differences,
            "also_found": self.also_found, "citation_id": self.citation_id,
        }


def _verdict(quotation: Quotation, match: QuotationMatch, titles: dict[int, str]) -> QuotationVerdict:
    hit = match.hit
    return QuotationVerdict(
        quotation_id=quotation.id,
        text=quotation.text,
        speaker=quotation.speaker_name,
        match_class=match.match_class.value,
        score=match.score,
        source_id=hit.source_id if hit else None,
        source_title=titles.get(hit.source_id) if hit else None,
        locator=match.locator,
        start=match.start,
        end=match.end,
        matched_passage=match.matched_text,
        passage_speaker=hit.speaker if hit else None,
        attribution_mismatch=match.attribution_mismatch,
        differences=[{"kind": d.kind, "source": d.source, "script": d.script} for d in match.differences],
        also_found=[
            {"source_id": o.hit.source_id, "source": titles.get(o.hit.source_id), "locator": o.locator,
             "class": o.match_class.value, "range": [o.start, o.end]}
            for o in match.also_found if o.hit is not None
        ],
    )


def _record(session: Session, quotation: Quotation, match: QuotationMatch) -> int | None:
    """Store a match as suggestions, keeping every confirmed/rejected citation and note."""
    existing = list(session.scalars(select(Citation).where(Citation.quotation_id == quotation.id)))
    settled = [c for c in existing if c.review_state != ReviewState.SUGGESTED.value or c.method != CitationMethod.AUTOMATIC.value]
    reusable = [c for c in existing if c not in settled]
    found = [match, *match.also_found] if match.match_class is not MatchClass.NOT_FOUND else [match]
    first_id: int | None = None
    for result in found:
        hit = result.hit
        already = hit is not None and any(
            c.source_id == hit.source_id and c.match_start == result.start and c.match_end == result.end
            for c in settled
        )
        if already:  # confirmed or rejected before: the researcher's word stands
            continue
        citation = reusable.pop(0) if reusable else Citation(quotation_id=quotation.id)
        citation.source_id = hit.source_id if hit else None
        citation.document_id = hit.document_id if hit else None
        citation.locator = result.locator
        citation.matched_passage = result.matched_text or None
        citation.match_start, citation.match_end = result.start, result.end
        citation.score = result.score
        citation.match_class = result.match_class.value
        citation.attribution_mismatch = result.attribution_mismatch
        citation.method = CitationMethod.AUTOMATIC.value
        citation.review_state = ReviewState.SUGGESTED.value
        session.add(citation)
        session.flush()
        first_id = first_id or citation.id
    for stale in reusable:
        if stale.note:
            continue  # a researcher wrote on it: never silently dropped
        session.delete(stale)
    return first_id


def _quotations(session: Session, production: str | None) -> list[Quotation]:
    statement = select(Quotation).order_by(Quotation.production_id, Quotation.ordinal, Quotation.id)
    if production:
        found = _production(session, production)
        statement = statement.where(Quotation.production_id == found.id)
    return list(session.scalars(statement))


def _production(session: Session, reference: str) -> Production:
    reference = reference.strip()
    production = session.get(Production, int(reference)) if reference.isdigit() else None
    if production is None:
        from sqlalchemy import func

        production = session.scalar(select(Production).where(func.lower(Production.title) == reference.lower()))
    if production is None:
        raise NotFoundError(f"there is no production called {reference!r}")
    return production


def auto_verify(
    workspace: object,
    production: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[QuotationVerdict]:
    """Suggest a citation for every quotation; nothing is marked verified."""
    with UnitOfWork(sessions_of(workspace), actor=MATCHER_ACTOR, actor_kind=Origin.ENGINE) as uow:
        session = uow.session
        quotations = _quotations(session, production)
        matcher = QuotationMatcher(PassageSearch(session.connection()))
        if len(quotations) > 50:
            matcher.prepare_for_many()
        titles = dict(session.execute(select(Source.id, Source.title)).all())
        verdicts = []
        for index, quotation in enumerate(quotations):
            match = matcher.match(quotation.text, quotation.speaker_name)
            verdict = _verdict(quotation, match, titles)
            verdict.citation_id = _record(session, quotation, match)
            verdicts.append(verdict)
            if progress is not None:
                progress(index + 1, len(quotations))
        return verdicts


def recheck_quotation(workspace: object, quotation_id: int) -> QuotationVerdict:
    """Match one (edited) quotation again and refresh its suggestions."""
    with UnitOfWork(sessions_of(workspace), actor=MATCHER_ACTOR, actor_kind=Origin.ENGINE) as uow:
        session = uow.session
        quotation = _quotation(session, quotation_id)
        match = QuotationMatcher(PassageSearch(session.connection())).match(quotation.text, quotation.speaker_name)
        titles = dict(session.execute(select(Source.id, Source.title)).all())
        verdict = _verdict(quotation, match, titles)
        verdict.citation_id = _record(session, quotation, match)
        return verdict


def _quotation(session: Session, quotation_id: int) -> Quotation:
    quotation = session.get(Quotation, quotation_id)
    if quotation is None:
        raise NotFoundError(f"there is no quotation {quotation_id}")
    return quotation


def _independence_key(source: Source) -> str:
    """Two records of one document (an archive file and its edition) are not independent."""
    if source.archive_reference:
        return "archive:" + " ".join(source.archive_reference.casefold().split())
    return "work:" + " ".join(f"{source.author or ''}|{source.title}".casefold().split())


def _settle_state(session: Session, quotation: Quotation, by: str) -> str:
    """Verified, verified single source, or back in progress, from confirmed citations."""
    confirmed = session.scalars(
        select(Citation).where(
            Citation.quotation_id == quotation.id,
            Citation.review_state == ReviewState.ACCEPTED.value,
            Citation.source_id.is_not(None),
        )
    ).all()
    keys = {_independence_key(session.get(Source, c.source_id)) for c in confirmed}  # type: ignore[arg-type]
    if keys:
        state = VerificationState.VERIFIED if len(keys) >= required_sources() else VerificationState.VERIFIED_SINGLE_SOURCE
        quotation.verified_by = by
        quotation.verified_at = utcnow()
    elif quotation.verification_state in (VerificationState.VERIFIED, VerificationState.VERIFIED_SINGLE_SOURCE):
        state = VerificationState.IN_PROGRESS
    else:
        return quotation.verification_state
    quotation.verification_state = state.value
    return state.value


def _checked_name(by: str | None) -> str:
    from scriptdesk.config import current_user

    name = clean_text(by or current_user()).strip()
    if not name:
        raise InvalidValueError("give the name of the researcher who verifies (--by NAME)")
    return name[:200]


def _commit_guard(uow: UnitOfWork, record: str) -> None:
    try:
        uow.session.flush()
    except StaleDataError:
        raise ConflictError(record, None, "a newer version", "your change") from None


def confirm_citation(workspace: object, citation_id: int, by: str | None = None, locator: str | None = None) -> str:
    """Confirm one suggestion (who, when); returns the quotation's new state."""
    name = _checked_name(by)
    with UnitOfWork(sessions_of(workspace), actor=name) as uow:
        citation = uow.session.get(Citation, citation_id)
        if citation is None:
            raise NotFoundError(f"there is no citation {citation_id}")
        if citation.source_id is None:
            raise InvalidValueError(f"citation {citation_id} found no source; name one with --source")
        _accept(citation, name, locator)
        state = _settle_state(uow.session, _quotation(uow.session, citation.quotation_id), name)
        _commit_guard(uow, f"citation {citation_id}")
        return state


def _accept(citation: Citation, name: str, locator: str | None) -> None:
    citation.review_state = ReviewState.ACCEPTED.value
    citation.confirmed_by = name
    citation.confirmed_at = utcnow()
    if locator:
        citation.locator = clean_text(locator).strip()[:200]


def reject_citation(workspace: object, citation_id: int, by: str | None = None, note: str = "") -> str:
    """Reject one suggestion; it is kept (with the note) so a re-run does not offer it again."""
    name = _checked_name(by)
    with UnitOfWork(sessions_of(workspace), actor=name) as uow:
        citation = uow.session.get(Citation, citation_id)
        if citation is None:
            raise NotFoundError(f"there is no citation {citation_id}")
        citation.review_state = ReviewState.REJECTED.value
        if note.strip():
            citation.note = _appended(citation.note, name, note)
        state = _settle_state(uow.session, _quotation(uow.session, citation.quotation_id), name)
        _commit_guard(uow, f"citation {citation_id}")
        return state


def verify_quotation(
    workspace: object, quotation_id: int, by: str | None, source: str | None = None, locator: str | None = None
) -> str:
    """Confirm a quotation's best suggestion, or cite ``source`` at ``locator`` by hand."""
    name = _checked_name(by)
    with UnitOfWork(sessions_of(workspace), actor=name) as uow:
        session = uow.session
        quotation = _quotation(session, quotation_id)
        suggestions = sorted(
            (c for c in session.scalars(select(Citation).where(Citation.quotation_id == quotation_id))
             if c.review_state == ReviewState.SUGGESTED.value and c.source_id is not None
             and c.match_class != MatchClass.NOT_FOUND.value),
            key=lambda c: (_CLASS_ORDER.get(c.match_class or "", 0), c.score or 0.0),
            reverse=True,
        )
        if source:
            cited = find_source(session, source)
            chosen = next((c for c in suggestions if c.source_id == cited.id), None)
            if chosen is None:
                chosen = Citation(quotation_id=quotation_id, source_id=cited.id,
                                  method=CitationMethod.MANUAL.value)
                session.add(chosen)
        elif suggestions:
            chosen = suggestions[0]
        else:
            raise InvalidValueError(
                f"quotation {quotation_id} has no suggested source; name one with --source (and --locator)"
            )
        _accept(chosen, name, locator)
        session.flush()
        state = _settle_state(session, quotation, name)
        _commit_guard(uow, f"quotation {quotation_id}")
        return state


def _appended(existing: str, name: str, note: str) -> str:
    line = f"[{utcnow():%Y-%m-%d} {name}] {clean_text(note).strip()}"
    return f"{existing.rstrip()}\n{line}" if existing.strip() else line


def mark_discrepancy(workspace: object, quotation_id: int, note: str, by: str | None = None) -> str:
    """Record that the script's wording or attribution disagrees with the source."""
    name = _checked_name(by)
    if not note.strip():
        raise InvalidValueError("say what the discrepancy is (--note TEXT)")
    with UnitOfWork(sessions_of(workspace), actor=name) as uow:
        session = uow.session
        quotation = _quotation(session, quotation_id)
        quotation.verification_state = VerificationState.DISCREPANCY.value
        quotation.notes = _appended(quotation.notes or "", name, note)
        session.add(Note(production_id=quotation.production_id, record_table="quotation",
                         record_id=quotation.id, author=name, text=clean_text(note).strip()))
        _commit_guard(uow, f"quotation {quotation_id}")
        return quotation.verification_state


@dataclass(frozen=True, slots=True)
class QuotationRow:
    """A quotation as ``quote list`` shows it."""

    quotation_id: int
    production: str
    state: str
    speaker: str | None
    text: str
    best_class: str | None  # of its best automatic suggestion
    locator: str | None
    verified_by: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "quotation_id": self.quotation_id, "production": self.production, "state": self.state,
            "speaker": self.speaker, "text": self.text, "class": self.best_class,
            "locator": self.locator, "verified_by": self.verified_by,
        }


@dataclass(frozen=True, slots=True)
class CitationLine:
    """One citation of a quotation, for ``quote show``."""

    citation_id: int
    source: str | None
    locator: str | None
    match_class: str | None
    score: float | None
    method: str
    review_state: str
    attribution_mismatch: bool
    confirmed_by: str | None
    matched_passage: str | None
    note: str


@dataclass(frozen=True, slots=True)
class QuotationDetail:
    """A quotation with its state, notes and citations."""

    row: QuotationRow
    notes: str
    citations: list[CitationLine]


def _state_filter(state: str | None) -> str | None:
    if state is None:
        return None
    try:
        return VerificationState(state.strip().lower()).value
    except ValueError:
        known = ", ".join(s.value for s in VerificationState)
        raise InvalidValueError(f"{state!r} is not a verification state (use one of: {known})") from None


def _best(citations: list[Citation]) -> Citation | None:
    ranked = sorted(
        (c for c in citations if c.review_state != ReviewState.REJECTED.value),
        key=lambda c: (c.review_state == ReviewState.ACCEPTED.value, _CLASS_ORDER.get(c.match_class or "", 0), c.score or 0.0),
        reverse=True,
    )
    return ranked[0] if ranked else None


def list_quotations(workspace: object, state: str | None = None, production: str | None = None) -> list[QuotationRow]:
    """Quotations (of one production, in one state) in script order."""
    wanted = _state_filter(state)
    with sessions_of(workspace)() as session:
        quotations = _quotations(session, production)
        titles = dict(session.execute(select(Production.id, Production.title)).all())
        by_quotation: dict[int, list[Citation]] = {}
        for citation in session.scalars(select(Citation)):
            by_quotation.setdefault(citation.quotation_id, []).append(citation)
        rows = []
        for q in quotations:
            if wanted is not None and q.verification_state != wanted:
                continue
            best = _best(by_quotation.get(q.id, []))
            rows.append(QuotationRow(
                quotation_id=q.id, production=titles.get(q.production_id, "?"), state=q.verification_state,
                speaker=q.speaker_name, text=q.text, best_class=best.match_class if best else None,
                locator=best.locator if best else None, verified_by=q.verified_by,
            ))
        return rows


def show_quotation(workspace: object, quotation_id: int) -> QuotationDetail:
    """One quotation with every citation, suggested, confirmed or rejected."""
    with sessions_of(workspace)() as session:
        q = _quotation(session, quotation_id)
        citations = list(session.scalars(select(Citation).where(Citation.quotation_id == q.id).order_by(Citation.id)))
        titles = dict(session.execute(select(Source.id, Source.title)).all())
        production = session.get(Production, q.production_id)
        best = _best(citations)
        row = QuotationRow(
            quotation_id=q.id, production=production.title if production else "?",
            state=q.verification_state, speaker=q.speaker_name, text=q.text,
            best_class=best.match_class if best else None, locator=best.locator if best else None,
            verified_by=q.verified_by,
        )
        return QuotationDetail(row, q.notes or "", [
            CitationLine(
                citation_id=c.id, source=titles.get(c.source_id) if c.source_id else None,
                locator=c.locator, match_class=c.match_class, score=c.score, method=c.method,
                review_state=c.review_state, attribution_mismatch=c.attribution_mismatch,
                confirmed_by=c.confirmed_by, matched_passage=c.matched_passage, note=c.note or "",
            )
            for c in citations
        ])
