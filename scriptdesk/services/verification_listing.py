"""Listing quotations for verification: by state, and one with all its citations.

Also the look-ups the verification services share: a production by number or
title, a production's quotations in script order, one quotation by number.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scriptdesk.db.models import Citation, Production, Quotation, Source
from scriptdesk.domain.enums import MatchClass, ReviewState, VerificationState
from scriptdesk.domain.errors import InvalidValueError, NotFoundError
from scriptdesk.services.sources import sessions_of

#: Match classes from worst to best, for ranking citations.
CLASS_ORDER = {c.value: rank for rank, c in enumerate(
    (MatchClass.NOT_FOUND, MatchClass.ALTERED, MatchClass.NORMALISED, MatchClass.EXACT))}


def find_production(session: Session, reference: str) -> Production:
    """A production by its number or its title (any case)."""
    reference = reference.strip()
    production = session.get(Production, int(reference)) if reference.isdigit() else None
    if production is None:
        production = session.scalar(select(Production).where(func.lower(Production.title) == reference.lower()))
    if production is None:
        raise NotFoundError(f"there is no production called {reference!r}")
    return production


def quotations_of(session: Session, production: str | None) -> list[Quotation]:
    """The quotations of one production (or of all), in script order."""
    statement = select(Quotation).order_by(Quotation.production_id, Quotation.ordinal, Quotation.id)
    if production:
        found = find_production(session, production)
        statement = statement.where(Quotation.production_id == found.id)
    return list(session.scalars(statement))


def find_quotation(session: Session, quotation_id: int) -> Quotation:
    """One quotation by number; NotFoundError otherwise."""
    quotation = session.get(Quotation, quotation_id)
    if quotation is None:
        raise NotFoundError(f"there is no quotation {quotation_id}")
    return quotation


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
        key=lambda c: (c.review_state == ReviewState.ACCEPTED.value, CLASS_ORDER.get(c.match_class or "", 0), c.score or 0.0),
        reverse=True,
    )
    return ranked[0] if ranked else None


def list_quotations(workspace: object, state: str | None = None, production: str | None = None) -> list[QuotationRow]:
    """Quotations (of one production, in one state) in script order."""
    wanted = _state_filter(state)
    with sessions_of(workspace)() as session:
        quotations = quotations_of(session, production)
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
        q = find_quotation(session, quotation_id)
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
