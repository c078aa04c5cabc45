"""Automatic quote matching: citation suggestions for every quotation.

:func:`auto_verify` matches every quotation (of one production or all)
against the library and records each best match as a citation suggestion
(method automatic, review state suggested). It marks nothing verified, and a
re-run never deletes a confirmed or rejected citation or any note.
:func:`recheck_quotation` matches one edited quotation again, fast.

Suggestions are recorded for all quotations at once: existing citations are
read in one query and new ones inserted in one batch, so recording costs
little next to matching.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from scriptdesk.db.bulk import bulk_insert
from scriptdesk.db.models import Citation, Quotation, Source
from scriptdesk.db.unit_of_work import UnitOfWork
from scriptdesk.domain.enums import CitationMethod, MatchClass, Origin, ReviewState
from scriptdesk.services.sources import sessions_of
from scriptdesk.services.verification_listing import find_quotation, quotations_of
from scriptdesk.sources.matching import QuotationMatch, QuotationMatcher
from scriptdesk.sources.search import PassageSearch

#: Who automatic suggestions are recorded as in the audit log.
MATCHER_ACTOR = "scriptdesk-matcher"
#: From this many quotations on, the index's whole vocabulary is read first.
_MANY_QUOTATIONS = 50
#: Quotation ids per query when reading existing citations.
_IDS_PER_QUERY = 500


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


def _suggestion_values(result: QuotationMatch) -> dict[str, object]:
    hit = result.hit
    return {
        "source_id": hit.source_id if hit else None,
        "document_id": hit.document_id if hit else None,
        "locator": result.locator,
        "matched_passage": result.matched_text or None,
        "match_start": result.start,
        "match_end": result.end,
        "score": result.score,
        "match_class": result.match_class.value,
        "attribution_mismatch": result.attribution_mismatch,
        "method": CitationMethod.AUTOMATIC.value,
        "review_state": ReviewState.SUGGESTED.value,
    }


def _existing_citations(session: Session, quotation_ids: Sequence[int]) -> dict[int, list[Citation]]:
    found: dict[int, list[Citation]] = {quotation_id: [] for quotation_id in quotation_ids}
    for low in range(0, len(quotation_ids), _IDS_PER_QUERY):
        chunk = quotation_ids[low : low + _IDS_PER_QUERY]
        statement = select(Citation).where(Citation.quotation_id.in_(chunk)).order_by(Citation.id)
        for citation in session.scalars(statement):
            found[citation.quotation_id].append(citation)
    return found


def record_suggestions(session: Session, matches: Iterable[tuple[Quotation, QuotationMatch]]) -> list[int | None]:
    """Store matches as suggestions, keeping every confirmed/rejected citation and note.

    Returns, per quotation, the id of its first suggestion (None when there is none).
    """
    pairs = list(matches)
    existing = _existing_citations(session, [quotation.id for quotation, _ in pairs])
    first_ids: list[int | None] = []
    new_rows: list[dict[str, object]] = []
    owners: list[int] = []  # index into first_ids of each new row's quotation
    for index, (quotation, match) in enumerate(pairs):
        citations = existing[quotation.id]
        automatic = (ReviewState.SUGGESTED.value, CitationMethod.AUTOMATIC.value)
        settled = [c for c in citations if (c.review_state, c.method) != automatic]
        reusable = [c for c in citations if (c.review_state, c.method) == automatic]
        found = [match, *match.also_found] if match.match_class is not MatchClass.NOT_FOUND else [match]
        first_ids.append(None)
        for result in found:
            hit = result.hit
            if hit is not None and any(
                c.source_id == hit.source_id and c.match_start == result.start and c.match_end == result.end
                for c in settled
            ):
                continue  # confirmed or rejected before: the researcher's word stands
            values = _suggestion_values(result)
            if reusable:
                citation = reusable.pop(0)
                for name, value in values.items():
                    if getattr(citation, name) != value:
                        setattr(citation, name, value)
                first_ids[index] = first_ids[index] or citation.id
            else:
                new_rows.append({"quotation_id": quotation.id, **values})
                owners.append(index)
        for stale in reusable:
            if not stale.note:  # a researcher wrote on it: never silently dropped
                session.delete(stale)
    session.flush()
    if new_rows:
        ids = bulk_insert(session, Citation, new_rows, return_ids=True) or []
        for owner, new_id in zip(owners, ids, strict=True):
            first_ids[owner] = first_ids[owner] or new_id
    return first_ids


def auto_verify(
    workspace: object,
    production: str | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[QuotationVerdict]:
    """Suggest a citation for every quotation; nothing is marked verified."""
    with UnitOfWork(sessions_of(workspace), actor=MATCHER_ACTOR, actor_kind=Origin.ENGINE) as uow:
        session = uow.session
        quotations = quotations_of(session, production)
        matcher = QuotationMatcher(PassageSearch(session.connection()))
        if len(quotations) >= _MANY_QUOTATIONS:
            matcher.prepare_for_many()
        titles = dict(session.execute(select(Source.id, Source.title)).all())
        matches: list[tuple[Quotation, QuotationMatch]] = []
        for index, quotation in enumerate(quotations):
            matches.append((quotation, matcher.match(quotation.text, quotation.speaker_name)))
            if progress is not None:
                progress(index + 1, len(quotations))
        verdicts = [_verdict(quotation, match, titles) for quotation, match in matches]
        for verdict, citation_id in zip(verdicts, record_suggestions(session, matches), strict=True):
            verdict.citation_id = citation_id
        return verdicts


def recheck_quotation(workspace: object, quotation_id: int) -> QuotationVerdict:
    """Match one (edited) quotation again and refresh its suggestions."""
    with UnitOfWork(sessions_of(workspace), actor=MATCHER_ACTOR, actor_kind=Origin.ENGINE) as uow:
        session = uow.session
        quotation = find_quotation(session, quotation_id)
        match = QuotationMatcher(PassageSearch(session.connection())).match(quotation.text, quotation.speaker_name)
        titles = dict(session.execute(select(Source.id, Source.title)).all())
        verdict = _verdict(quotation, match, titles)
        verdict.citation_id = record_suggestions(session, [(quotation, match)])[0]
        return verdict
