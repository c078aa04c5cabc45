"""Reading a stored breakdown back as plain data (``scriptdesk show``).

Every element carries its kind, text, scene number, fields, review state and,
where it came from the script, its character span in the revision's decoded
source text, so an outside tool can check the breakdown against the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scriptdesk.db.models import (
    Block,
    FootageNeed,
    HistoricalDate,
    Mention,
    Person,
    Production,
    Quotation,
    RightsItem,
    Scene,
    Script,
    ScriptRevision,
    Shot,
    rights_item_footage,
    rights_item_quotation,
)
from scriptdesk.domain.errors import NotFoundError
from scriptdesk.domain.safe_text import printable
from scriptdesk.services.workspace import Workspace

Element = dict[str, Any]


def find_production(session: Session, title: str | None) -> Production:
    """The production called ``title`` (in any case), or the only one when no title is given.

    Every command's ``--production`` goes through here, so that a title typed
    in lower case finds the same film everywhere.
    """
    if title is not None:
        wanted = title.strip()
        film = session.scalar(select(Production).where(Production.title == wanted))
        if film is None:
            # Few productions, compared in Python: SQLite's lower() knows only ASCII.
            folded = wanted.casefold()
            titles = session.execute(select(Production.id, Production.title).order_by(Production.id))
            match = next((id_ for id_, name in titles if name.casefold() == folded), None)
            film = None if match is None else session.get(Production, match)
        if film is None:
            raise NotFoundError(f"there is no production called {printable(wanted)!r}")
        return film
    films = list(session.scalars(select(Production).order_by(Production.id).limit(2)))
    if not films:
        raise NotFoundError("there are no productions yet; import a script first")
    if len(films) > 1:
        raise NotFoundError("there are several productions; name one with --production")
    return films[0]


def latest_revision(session: Session, production: Production) -> ScriptRevision:
    """The most recently imported revision of any of the production's scripts."""
    revision = session.scalar(
        select(ScriptRevision)
        .join(Script)
        .where(Script.production_id == production.id)
        .order_by(ScriptRevision.id.desc())
        .limit(1)
    )
    if revision is None:
        raise NotFoundError(f"the production {printable(production.title)!r} has no script yet")
    return revision


class _Locator:
    """Turns (block id, block-relative span) into absolute source offsets."""

    def __init__(self, session: Session, revision_id: int) -> None:
        rows = session.execute(
            select(Block.id, Block.ordinal, Block.source_start, Block.scene_id).where(
                Block.revision_id == revision_id
            )
        )
        self.blocks = {row.id: row for row in rows}
        self.scene_numbers = dict(
            session.execute(select(Scene.id, Scene.number).where(Scene.revision_id == revision_id)).all()
        )

    def span(self, block_id: int | None, start: int | None, end: int | None) -> dict[str, int] | None:
        block = self.blocks.get(block_id) if block_id is not None else None
        if block is None or start is None or end is None:
            return None
        return {"block": block.ordinal, "start": block.source_start + start, "end": block.source_start + end}

    def scene_of(self, block_id: int | None, scene_id: int | None = None) -> str | None:
        if scene_id is None and block_id is not None and block_id in self.blocks:
            scene_id = self.blocks[block_id].scene_id
        return self.scene_numbers.get(scene_id) if scene_id is not None else None


def _element(kind: str, record_id: int, text: str, scene: str | None, span: object, review: str, fields: dict[str, Any]) -> Element:
    return {"kind": kind, "id": record_id, "text": text, "scene": scene, "span": span,
            "review_state": review, "fields": fields}


def breakdown_elements(
    workspace: Workspace, *, production: str | None = None, kinds: Iterable[str]
) -> dict[str, Any]:
    """The latest revision's breakdown as JSON-ready data, in script order per kind."""
    wanted = set(kinds)
    with workspace.session() as session:
        film = find_production(session, production)
        revision = latest_revision(session, film)
        where = _Locator(session, revision.id)
        elements: list[Element] = []
        for kind, collect in _COLLECTORS:
            if kind in wanted:
                elements.extend(collect(session, revision, where))
        return {
            "production": film.title,
            "revision": revision.label,
            "revision_id": revision.id,
            "source_file": revision.source_filename,
            "format": revision.format,
            "encoding": revision.encoding,
            "elements": elements,
        }


def _scenes(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    spans: dict[int, list[int]] = {}
    for block in where.blocks.values():
        if block.scene_id is not None:
            spans.setdefault(block.scene_id, []).append(block.id)
    result = []
    for scene in session.scalars(select(Scene).where(Scene.revision_id == revision.id).order_by(Scene.ordinal)):
        block_ids = spans.get(scene.id, [])
        span = None
        if block_ids:
            first = min(block_ids, key=lambda i: where.blocks[i].ordinal)
            last = max(block_ids, key=lambda i: where.blocks[i].ordinal)
            span = {"first_block": where.blocks[first].ordinal, "last_block": where.blocks[last].ordinal,
                    "start": where.blocks[first].source_start}
        result.append(_element("scene", scene.id, scene.title, scene.number, span, scene.review_state, {
            "number": scene.number, "time_context": scene.time_context, "word_count": scene.word_count,
            "estimated_seconds": round(scene.estimated_seconds, 1)}))
    return result


def _quotations(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    rows = session.scalars(
        select(Quotation).where(Quotation.revision_id == revision.id).order_by(Quotation.ordinal)
    ).all()
    ordinal_of = {quote.id: quote.ordinal for quote in rows}
    return [
        _element("quotation", q.id, q.text, where.scene_of(q.block_id, q.scene_id),
                 where.span(q.block_id, q.span_start, q.span_end), q.review_state, {
                     "number": q.ordinal, "speaker": q.speaker_name, "medium": q.medium,
                     "work_title": q.work_title, "recipient": q.recipient, "date": q.date_text,
                     "nested_in": ordinal_of.get(q.nested_in_id) if q.nested_in_id else None,
                     "verification_state": q.verification_state, "eo_class": q.eo_class,
                     "confidence": q.confidence})
        for q in rows
    ]


def _people(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    mentions: dict[int, list[dict[str, int]]] = {}
    for mention in session.scalars(select(Mention).where(Mention.block_id.in_(list(where.blocks)))):
        span = where.span(mention.block_id, mention.span_start, mention.span_end)
        if span is not None and mention.person_id is not None:
            mentions.setdefault(mention.person_id, []).append(span)
    people = session.scalars(
        select(Person).where(Person.production_id == revision.script.production_id).order_by(Person.id)
    )
    result = []
    for person in people:
        spans = sorted(mentions.get(person.id, []), key=lambda s: s["start"])
        result.append(_element("person", person.id, person.display_name,
                               where.scene_of(person.block_id), spans[0] if spans else None,
                               person.review_state, {
                                   "variants": person.name_variants, "birth_year": person.birth_year,
                                   "death_year": person.death_year, "mentions": spans}))
    return result


def _dates(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    rows = session.scalars(
        select(HistoricalDate).where(HistoricalDate.revision_id == revision.id).order_by(HistoricalDate.id)
    )
    return [
        _element("date", d.id, d.text, where.scene_of(d.block_id), where.span(d.block_id, d.span_start, d.span_end),
                 d.review_state, {"precision": d.precision, "earliest": d.earliest, "latest": d.latest})
        for d in rows
    ]


def _footage(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    rows = session.scalars(
        select(FootageNeed).where(FootageNeed.block_id.in_(list(where.blocks))).order_by(FootageNeed.id)
    )
    return [
        _element("footage", f.id, f.description, where.scene_of(f.block_id, f.scene_id),
                 where.span(f.block_id, f.span_start, f.span_end), f.review_state, {
                     "footage_kind": f.kind, "search_terms": f.search_terms, "era": f.era,
                     "status": f.status, "archive": f.archive})
        for f in rows
    ]


def _rights(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    quotation_links: dict[int, list[int]] = {}
    for item_id, quote_id in session.execute(select(rights_item_quotation)):
        quotation_links.setdefault(item_id, []).append(quote_id)
    footage_links: dict[int, list[int]] = {}
    for item_id, need_id in session.execute(select(rights_item_footage)):
        footage_links.setdefault(item_id, []).append(need_id)
    rows = session.scalars(
        select(RightsItem).where(RightsItem.production_id == revision.script.production_id).order_by(RightsItem.id)
    )
    return [
        _element("rights", r.id, r.subject, where.scene_of(r.block_id),
                 where.span(r.block_id, r.span_start, r.span_end), r.review_state, {
                     "rights_kind": r.kind, "author": r.author, "work_title": r.work_title,
                     "author_death_year": r.author_death_year, "holder": r.holder, "status": r.status,
                     "public_domain_reasoning": r.public_domain_reasoning,
                     "quotation_ids": sorted(quotation_links.get(r.id, [])),
                     "footage_ids": sorted(footage_links.get(r.id, []))})
        for r in rows
    ]


def _shots(session: Session, revision: ScriptRevision, where: _Locator) -> list[Element]:
    rows = session.scalars(
        select(Shot).join(Scene).where(Scene.revision_id == revision.id).order_by(Scene.ordinal, Shot.ordinal)
    )
    return [
        _element("shot", s.id, s.description, where.scene_numbers.get(s.scene_id),
                 where.span(s.block_id, s.span_start, s.span_end), s.review_state, {
                     "number": s.number, "shot_type": s.shot_type, "duration_seconds": s.duration_seconds,
                     "footage_need_id": s.footage_need_id})
        for s in rows
    ]


_COLLECTORS = (
    ("scenes", _scenes),
    ("quotations", _quotations),
    ("people", _people),
    ("dates", _dates),
    ("footage", _footage),
    ("rights", _rights),
    ("shots", _shots),
)
