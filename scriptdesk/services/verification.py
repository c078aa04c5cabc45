"""Researchers' sign-off on quotations, and the independent-sources rule.

- :func:`confirm_citation` / :func:`reject_citation` act on one suggestion;
  :func:`verify_quotation` confirms a quotation's best suggestion or cites a
  named source by hand; :func:`mark_discrepancy` records a researcher's note.
- The independent-sources rule: a quotation confirmed in fewer independent
  sources than :func:`~scriptdesk.config.required_sources` (default 2) is
  "verified, single source".

Automatic suggestions live in :mod:`scriptdesk.services.auto_verification`
and listings in :mod:`scriptdesk.services.verification_listing`; both are
re-exported here, so callers may keep importing from this module.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from scriptdesk.config import DEFAULT_REQUIRED_SOURCES, required_sources
from scriptdesk.db.base import utcnow
from scriptdesk.db.models import Citation, Note, Quotation, Source
from scriptdesk.db.unit_of_work import UnitOfWork
from scriptdesk.domain.enums import CitationMethod, MatchClass, ReviewState, VerificationState
from scriptdesk.domain.errors import ConflictError, InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import clean_text
from scriptdesk.services.auto_verification import (
    MATCHER_ACTOR,
    QuotationVerdict,
    auto_verify,
    recheck_quotation,
)
from scriptdesk.services.sources import find_source, sessions_of
from scriptdesk.services.verification_listing import (
    CLASS_ORDER,
    CitationLine,
    QuotationDetail,
    QuotationRow,
    find_quotation,
    list_quotations,
    show_quotation,
)

__all__ = [
    "DEFAULT_REQUIRED_SOURCES", "MATCHER_ACTOR", "CitationLine", "QuotationDetail", "QuotationRow",
    "QuotationVerdict", "auto_verify", "confirm_citation", "list_quotations", "mark_discrepancy",
    "recheck_quotation", "reject_citation", "required_sources", "show_quotation", "verify_quotation",
]


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
        state = _settle_state(uow.session, find_quotation(uow.session, citation.quotation_id), name)
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
        state = _settle_state(uow.session, find_quotation(uow.session, citation.quotation_id), name)
        _commit_guard(uow, f"citation {citation_id}")
        return state


def verify_quotation(
    workspace: object, quotation_id: int, by: str | None, source: str | None = None, locator: str | None = None
) -> str:
    """Confirm a quotation's best suggestion, or cite ``source`` at ``locator`` by hand."""
    name = _checked_name(by)
    with UnitOfWork(sessions_of(workspace), actor=name) as uow:
        session = uow.session
        quotation = find_quotation(session, quotation_id)
        suggestions = sorted(
            (c for c in session.scalars(select(Citation).where(Citation.quotation_id == quotation_id))
             if c.review_state == ReviewState.SUGGESTED.value and c.source_id is not None
             and c.match_class != MatchClass.NOT_FOUND.value),
            key=lambda c: (CLASS_ORDER.get(c.match_class or "", 0), c.score or 0.0),
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
        quotation = find_quotation(session, quotation_id)
        quotation.verification_state = VerificationState.DISCREPANCY.value
        quotation.notes = _appended(quotation.notes or "", name, note)
        session.add(Note(production_id=quotation.production_id, record_table="quotation",
                         record_id=quotation.id, author=name, text=clean_text(note).strip()))
        _commit_guard(uow, f"quotation {quotation_id}")
        return quotation.verification_state
