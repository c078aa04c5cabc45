"""Read models for the workspace: lists, pages, scene text and search.

Everything here only reads. Functions take a workspace (anything with an
``engine`` attribute, or an Engine) and return plain frozen dataclasses, so
the TUI never holds ORM objects or sessions. Lists are paged in the database
(``LIMIT``/``OFFSET`` with a whitelisted sort) so that a production of
10,000 quotations never loads more than one page. The producer's dashboard
figures live in :mod:`scriptdesk.services.dashboard`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine, Select, func, or_, select
from sqlalchemy.orm import Session

from scriptdesk.db.models import (
    Block,
    Citation,
    FootageNeed,
    HistoricalDate,
    Mention,
    Note,
    Person,
    Production,
    Quotation,
    RightsItem,
    Scene,
    Script,
    ScriptRevision,
    Shot,
    Source,
)
from scriptdesk.domain.enums import VerificationState
from scriptdesk.domain.errors import NotFoundError

T = TypeVar("T")

#: Rows per page of a log table: small enough to fill a widget instantly.
DEFAULT_PAGE_SIZE = 200


# -- plumbing ---------------------------------------------------------------


def engine_of(workspace: object) -> Engine:
    """The engine of a workspace (or the engine itself)."""
    if isinstance(workspace, Engine):
        return workspace
    return workspace.engine  # type: ignore[attr-defined,no-any-return]


@contextmanager
def reading(workspace: object) -> Iterator[Session]:
    """A short read-only session."""
    with Session(engine_of(workspace)) as session:
        yield session


def money(value: Decimal | float | None) -> Decimal | None:
    """A money value rounded to cents, or None."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal("0.01"))


# -- productions --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductionSummary:
    """One line of the productions list."""

    id: int
    title: str
    version: int
    scripts: int
    scenes: int
    quotations: int
    unverified: int
    latest_revision: str | None
    target_runtime_seconds: int | None


def list_productions(workspace: object) -> list[ProductionSummary]:
    """Every production with the counts a producer scans first."""
    with reading(workspace) as session:
        productions = session.scalars(select(Production).order_by(Production.title)).all()
        summaries = []
        for production in productions:
            revision = latest_revision(session, production.id)
            scripts = session.scalar(
                select(func.count(Script.id)).where(Script.production_id == production.id)
            )
            scenes = (
                session.scalar(select(func.count(Scene.id)).where(Scene.revision_id == revision.id))
                if revision
                else 0
            )
            state_counts = dict(
                session.execute(
                    select(Quotation.verification_state, func.count(Quotation.id))
                    .where(Quotation.production_id == production.id)
                    .group_by(Quotation.verification_state)
                ).all()
            )
            summaries.append(
                ProductionSummary(
                    id=production.id,
                    title=production.title,
                    version=production.version,
                    scripts=scripts or 0,
                    scenes=scenes or 0,
                    quotations=sum(state_counts.values()),
                    unverified=state_counts.get(VerificationState.UNVERIFIED.value, 0),
                    latest_revision=revision.label if revision else None,
                    target_runtime_seconds=production.target_runtime_seconds,
                )
            )
        return summaries


def find_production(workspace: object, name_or_id: str | int) -> ProductionSummary:
    """A production by title (case-insensitive) or id; NotFoundError otherwise."""
    wanted = str(name_or_id).strip()
    for summary in list_productions(workspace):
        if summary.title.casefold() == wanted.casefold() or str(summary.id) == wanted:
            return summary
    raise NotFoundError(f"There is no production called “{wanted}”.")


def latest_revision(session: Session, production_id: int) -> ScriptRevision | None:
    """The most recently imported revision of any script of the production."""
    return session.scalars(
        select(ScriptRevision)
        .join(Script, Script.id == ScriptRevision.script_id)
        .where(Script.production_id == production_id)
        .order_by(ScriptRevision.imported_at.desc(), ScriptRevision.id.desc())
        .limit(1)
    ).first()


# -- paged lists --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a log table asks for: a filter, a status, a sort and a page."""

    text: str = ""
    status: str | None = None
    sort: str = "id"
    descending: bool = False
    page: int = 0
    page_size: int = DEFAULT_PAGE_SIZE


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a longer list."""

    rows: list[T]
    total: int
    page: int
    page_size: int

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def first_index(self) -> int:
        return self.page * self.page_size


def _page(session: Session, statement: Select[Any], query: ListQuery, sort_columns: dict[str, Any]) -> tuple[Sequence[Any], int]:
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0
    column = sort_columns.get(query.sort, sort_columns["id"])
    # Empty values last on both databases (PostgreSQL puts NULL first when descending).
    order = (column.desc() if query.descending else column.asc()).nulls_last()
    page = min(max(query.page, 0), max(0, -(-total // query.page_size) - 1))
    rows = session.execute(
        statement.order_by(order, sort_columns["id"]).limit(query.page_size).offset(page * query.page_size)
    ).all()
    return rows, total


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class QuotationRow:
    """A quotation as the verification queue lists it."""

    id: int
    version: int
    scene_number: str | None
    speaker: str | None
    medium: str
    text: str
    state: str
    review_state: str
    verified_by: str | None
    verified_at: dt.datetime | None
    work_title: str | None


QUOTATION_SORTS = {
    "id": Quotation.id,
    "scene": Quotation.scene_id,
    "speaker": Quotation.speaker_name,
    "state": Quotation.verification_state,
    "medium": Quotation.medium,
    "text": Quotation.text,
    "verified_at": Quotation.verified_at,
}


def quotation_page(workspace: object, production_id: int, query: ListQuery) -> Page[QuotationRow]:
    """A page of the production's quotations, filtered by state and text."""
    statement = (
        select(Quotation, Scene.number)
        .outerjoin(Scene, Scene.id == Quotation.scene_id)
        .where(Quotation.production_id == production_id)
    )
    if query.status:
        statement = statement.where(Quotation.verification_state == query.status)
    if query.text.strip():
        pattern = _like(query.text.strip())
        statement = statement.where(
            or_(
                Quotation.text.ilike(pattern, escape="\\"),
                Quotation.speaker_name.ilike(pattern, escape="\\"),
                Quotation.work_title.ilike(pattern, escape="\\"),
            )
        )
    with reading(workspace) as session:
        rows, total = _page(session, statement, query, QUOTATION_SORTS)
        return Page(
            [
                QuotationRow(
                    id=q.id, version=q.version, scene_number=number, speaker=q.speaker_name,
                    medium=q.medium, text=q.text, state=q.verification_state,
                    review_state=q.review_state, verified_by=q.verified_by,
                    verified_at=q.verified_at, work_title=q.work_title,
                )
                for q, number in rows
            ],
            total, min(query.page, max(0, -(-total // query.page_size) - 1)), query.page_size,
        )


@dataclass(frozen=True, slots=True)
class FootageRow:
    """A line of the footage log."""

    id: int
    version: int
    scene_number: str | None
    kind: str
    description: str
    status: str
    archive: str | None
    clip_id: str | None
    timecode_in: str | None
    timecode_out: str | None
    duration_seconds: float | None
    per_second_rate: Decimal | None
    cost: Decimal | None
    currency: str

    @property
    def estimated_cost(self) -> Decimal | None:
        """Archive cost: seconds x per-second rate, else the flat cost."""
        return estimated_footage_cost(self.duration_seconds, self.per_second_rate, self.cost)


def estimated_footage_cost(
    seconds: float | None, rate: Decimal | None, flat: Decimal | None
) -> Decimal | None:
    """Seconds x per-second rate when both are known, else the flat cost."""
    if seconds is not None and rate is not None:
        return money(Decimal(str(seconds)) * Decimal(rate))
    return money(flat)


FOOTAGE_SORTS = {
    "id": FootageNeed.id,
    "scene": FootageNeed.scene_id,
    "kind": FootageNeed.kind,
    "description": FootageNeed.description,
    "status": FootageNeed.status,
    "archive": FootageNeed.archive,
    "duration": FootageNeed.duration_seconds,
    "cost": FootageNeed.cost,
}


def footage_page(workspace: object, production_id: int, query: ListQuery) -> Page[FootageRow]:
    """A page of the footage log."""
    statement = (
        select(FootageNeed, Scene.number)
        .outerjoin(Scene, Scene.id == FootageNeed.scene_id)
        .where(FootageNeed.production_id == production_id)
    )
    if query.status:
        statement = statement.where(FootageNeed.status == query.status)
    if query.text.strip():
        pattern = _like(query.text.strip())
        statement = statement.where(
            or_(
                FootageNeed.description.ilike(pattern, escape="\\"),
                FootageNeed.archive.ilike(pattern, escape="\\"),
                FootageNeed.clip_id.ilike(pattern, escape="\\"),
            )
        )
    with reading(workspace) as session:
        rows, total = _page(session, statement, query, FOOTAGE_SORTS)
        return Page(
            [
                FootageRow(
                    id=f.id, version=f.version, scene_number=number, kind=f.kind,
                    description=f.description, status=f.status, archive=f.archive,
                    clip_id=f.clip_id, timecode_in=f.timecode_in, timecode_out=f.timecode_out,
                    duration_seconds=f.duration_seconds, per_second_rate=f.per_second_rate,
                    cost=f.cost, currency=f.currency,
                )
                for f, number in rows
            ],
            total, min(query.page, max(0, -(-total // query.page_size) - 1)), query.page_size,
        )


@dataclass(frozen=True, slots=True)
class RightsRow:
    """A line of the clearance (rights) log."""

    id: int
    version: int
    kind: str
    subject: str
    holder: str | None
    status: str
    term_start: dt.date | None
    term_end: dt.date | None
    fee: Decimal | None
    currency: str
    territory: str | None


RIGHTS_SORTS = {
    "id": RightsItem.id,
    "kind": RightsItem.kind,
    "subject": RightsItem.subject,
    "holder": RightsItem.holder,
    "status": RightsItem.status,
    "term_end": RightsItem.term_end,
    "fee": RightsItem.fee,
}


def rights_page(workspace: object, production_id: int, query: ListQuery) -> Page[RightsRow]:
    """A page of the rights log."""
    statement = select(RightsItem).where(RightsItem.production_id == production_id)
    if query.status:
        statement = statement.where(RightsItem.status == query.status)
    if query.text.strip():
        pattern = _like(query.text.strip())
        statement = statement.where(
            or_(
                RightsItem.subject.ilike(pattern, escape="\\"),
                RightsItem.holder.ilike(pattern, escape="\\"),
                RightsItem.author.ilike(pattern, escape="\\"),
            )
        )
    with reading(workspace) as session:
        rows, total = _page(session, statement, query, RIGHTS_SORTS)
        return Page(
            [
                RightsRow(
                    id=r.id, version=r.version, kind=r.kind, subject=r.subject, holder=r.holder,
                    status=r.status, term_start=r.term_start, term_end=r.term_end, fee=r.fee,
                    currency=r.currency, territory=r.territory,
                )
                for (r,) in rows
            ],
            total, min(query.page, max(0, -(-total // query.page_size) - 1)), query.page_size,
        )


def prepare_lists(workspace: object, production_id: int) -> None:
    """Read one row of each log so that their queries are compiled and cached.

    Run in the background once a production is open: the first opening of
    a long list then costs only its window of rows.
    """
    first = ListQuery(page_size=1)
    quotation_page(workspace, production_id, first)
    footage_page(workspace, production_id, first)
    rights_page(workspace, production_id, first)


# -- records ------------------------------------------------------------------

#: The tables the workspace shows records of, by the name the services use.
RECORD_MODELS: dict[str, type] = {
    "quotation": Quotation,
    "footage_need": FootageNeed,
    "rights_item": RightsItem,
    "shot": Shot,
    "scene": Scene,
    "production": Production,
    "person": Person,
    "historical_date": HistoricalDate,
}


@dataclass(frozen=True, slots=True)
class RecordSnapshot:
    """The current values of one record, with its version for the next edit."""

    table: str
    id: int
    version: int | None
    values: dict[str, Any]


def record_snapshot(workspace: object, table: str, record_id: int) -> RecordSnapshot:
    """A record's column values now (NotFoundError when it is gone)."""
    model = RECORD_MODELS.get(table)
    if model is None:
        raise NotFoundError(f"ScriptDesk has no records of kind “{table}”.")
    with reading(workspace) as session:
        record = session.get(model, record_id)
        if record is None:
            raise NotFoundError(f"{table.replace('_', ' ').capitalize()} {record_id} no longer exists.")
        values = {column.key: getattr(record, column.key) for column in model.__table__.columns}  # type: ignore[attr-defined]
        return RecordSnapshot(table, record_id, values.get("version"), values)


@dataclass(frozen=True, slots=True)
class CitationLine:
    """A source a quotation is cited to, as the researcher checks it."""

    id: int
    source_title: str | None
    source_author: str | None
    archive_reference: str | None
    locator: str | None
    match_class: str | None
    score: float | None
    matched_passage: str | None
    review_state: str
    attribution_mismatch: bool


@dataclass(frozen=True, slots=True)
class QuotationDetail:
    """A quotation in its context, with its citations and notes."""

    row: QuotationRow
    recipient: str | None
    date_text: str | None
    eo_class: str
    notes: str
    context: str  # the whole block the quotation sits in
    span: tuple[int, int] | None  # the quotation's range in ``context``
    citations: list[CitationLine] = field(default_factory=list)
    note_lines: list[str] = field(default_factory=list)


def quotation_detail(workspace: object, quotation_id: int) -> QuotationDetail:
    """Everything the verification queue shows of one quotation."""
    with reading(workspace) as session:
        found = session.execute(
            select(Quotation, Scene.number)
            .outerjoin(Scene, Scene.id == Quotation.scene_id)
            .where(Quotation.id == quotation_id)
        ).first()
        if found is None:
            raise NotFoundError(f"Quotation {quotation_id} no longer exists.")
        q, number = found
        block = session.get(Block, q.block_id) if q.block_id else None
        context = block.text if block else q.text
        span = (q.span_start, q.span_end) if block and q.span_start is not None and q.span_end is not None else None
        citations = [
            CitationLine(
                id=c.id, source_title=s.title if s else None, source_author=s.author if s else None,
                archive_reference=s.archive_reference if s else None, locator=c.locator,
                match_class=c.match_class, score=c.score, matched_passage=c.matched_passage,
                review_state=c.review_state, attribution_mismatch=c.attribution_mismatch,
            )
            for c, s in session.execute(
                select(Citation, Source)
                .outerjoin(Source, Source.id == Citation.source_id)
                .where(Citation.quotation_id == q.id)
                .order_by(Citation.id)
            ).all()
        ]
        notes = [
            f"{n.author}, {n.created_at:%d %b %Y %H:%M}: {n.text}"
            for n in session.scalars(
                select(Note).where(Note.record_table == "quotation", Note.record_id == q.id).order_by(Note.id)
            )
        ]
        row = QuotationRow(
            id=q.id, version=q.version, scene_number=number, speaker=q.speaker_name,
            medium=q.medium, text=q.text, state=q.verification_state,
            review_state=q.review_state, verified_by=q.verified_by,
            verified_at=q.verified_at, work_title=q.work_title,
        )
        return QuotationDetail(
            row=row, recipient=q.recipient, date_text=q.date_text, eo_class=q.eo_class,
            notes=q.notes, context=context, span=span, citations=citations, note_lines=notes,
        )


def neighbour_quotation(
    workspace: object,
    production_id: int,
    current_id: int | None,
    *,
    forward: bool = True,
    state: str = VerificationState.UNVERIFIED.value,
) -> int | None:
    """The next (or previous) quotation in ``state`` after ``current_id``, by id."""
    statement = select(Quotation.id).where(
        Quotation.production_id == production_id, Quotation.verification_state == state
    )
    if current_id is not None:
        statement = statement.where(Quotation.id > current_id if forward else Quotation.id < current_id)
    statement = statement.order_by(Quotation.id.asc() if forward else Quotation.id.desc()).limit(1)
    with reading(workspace) as session:
        return session.scalar(statement)


def quotation_position(workspace: object, production_id: int, quotation_id: int, query: ListQuery) -> int | None:
    """Index of a quotation in the filtered list sorted by id (to open its page)."""
    with reading(workspace) as session:
        statement = select(func.count(Quotation.id)).where(
            Quotation.production_id == production_id, Quotation.id < quotation_id
        )
        if query.status:
            statement = statement.where(Quotation.verification_state == query.status)
        return session.scalar(statement)


# -- scenes and their text ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SceneLine:
    """A scene in the breakdown's scene list."""

    id: int
    number: str
    title: str
    time_context: str
    estimated_seconds: float
    shot_seconds: float
    suggestions: int  # engine suggestions not yet reviewed
    revision_id: int = 0


def scenes_of_production(workspace: object, production_id: int) -> list[SceneLine]:
    """The scenes of the production's latest revision, in order."""
    with reading(workspace) as session:
        revision = latest_revision(session, production_id)
        if revision is None:
            return []
        shot_seconds = dict(
            session.execute(
                select(Shot.scene_id, func.sum(Shot.duration_seconds))
                .join(Scene, Scene.id == Shot.scene_id)
                .where(Scene.revision_id == revision.id)
                .group_by(Shot.scene_id)
            ).all()
        )
        suggestions = dict(
            session.execute(
                select(Quotation.scene_id, func.count(Quotation.id))
                .where(Quotation.revision_id == revision.id, Quotation.review_state == "suggested")
                .group_by(Quotation.scene_id)
            ).all()
        )
        return [
            SceneLine(
                id=s.id, number=s.number, title=s.title, time_context=s.time_context,
                estimated_seconds=s.estimated_seconds, shot_seconds=float(shot_seconds.get(s.id) or 0.0),
                suggestions=suggestions.get(s.id, 0), revision_id=s.revision_id,
            )
            for s in session.scalars(
                select(Scene).where(Scene.revision_id == revision.id).order_by(Scene.ordinal)
            )
        ]


@dataclass(frozen=True, slots=True)
class ElementSpan:
    """A highlighted element of a scene's text (offsets into SceneText.text)."""

    category: str  # quotation, person, date, footage, rights
    start: int
    end: int
    table: str
    record_id: int
    label: str
    review_state: str
    version: int | None


@dataclass(frozen=True, slots=True)
class BlockPlace:
    """Where a block's text sits in the scene text and in its revision."""

    block_id: int
    offset: int  # in SceneText.text
    length: int
    source_start: int  # in the revision's text


@dataclass(frozen=True, slots=True)
class SceneText:
    """A scene's script text with every element's place in it."""

    scene_id: int
    number: str
    title: str
    text: str
    headings: list[tuple[int, int]]
    elements: list[ElementSpan]
    blocks: list[BlockPlace] = field(default_factory=list)

    def locate(self, start: int, end: int) -> tuple[int, int, int]:
        """A range of the scene text as (block id, start, end) relative to its first block.

        A range starting between blocks (on a blank line or a speaker label)
        starts at the next block; one ending past its first block is measured
        through the revision's text, as multi-paragraph quotations are.
        NotFoundError when the range covers no script text.
        """
        start, end = min(start, end), max(start, end)
        first = next((b for b in self.blocks if start < b.offset + b.length and end > b.offset), None)
        if first is None:
            raise NotFoundError("The selection holds no script text; select words of the scene.")
        block_start = max(0, start - first.offset)
        if end <= first.offset + first.length:
            return first.block_id, block_start, end - first.offset
        last = next(b for b in reversed(self.blocks) if b.offset < end)
        last_end = min(end - last.offset, last.length)
        return first.block_id, block_start, last.source_start + last_end - first.source_start


def scene_text(workspace: object, scene_id: int) -> SceneText:
    """The scene's blocks joined by blank lines, with element spans mapped onto them."""
    with reading(workspace) as session:
        scene = session.get(Scene, scene_id)
        if scene is None:
            raise NotFoundError(f"Scene {scene_id} no longer exists.")
        blocks = session.scalars(select(Block).where(Block.scene_id == scene_id).order_by(Block.ordinal)).all()
        parts: list[str] = []
        places: list[BlockPlace] = []
        offsets: dict[int, int] = {}
        headings: list[tuple[int, int]] = []
        position = 0
        for block in blocks:
            prefix = ""
            if block.video_text:
                prefix = f"VIDEO: {block.video_text}\nAUDIO: "
            elif block.speaker:
                prefix = f"{block.speaker}: "
            if parts:
                parts.append("\n\n")
                position += 2
            parts.append(prefix)
            position += len(prefix)
            offsets[block.id] = position
            places.append(BlockPlace(block.id, position, len(block.text), block.source_start))
            if block.kind == "heading":
                headings.append((position, position + len(block.text)))
            parts.append(block.text)
            position += len(block.text)
        elements = _scene_elements(session, scene, offsets, blocks)
        return SceneText(scene.id, scene.number, scene.title, "".join(parts), headings, elements, places)


def _scene_elements(session: Session, scene: Scene, offsets: dict[int, int], blocks: Sequence[Block]) -> list[ElementSpan]:
    block_ids = list(offsets)
    lengths = {block.id: len(block.text) for block in blocks}
    if not block_ids:
        return []
    found: list[ElementSpan] = []

    def place(category: str, table: str, record: Any, label: str, version: int | None) -> None:
        if record.block_id not in offsets or record.span_start is None or record.span_end is None:
            return
        start = max(0, min(record.span_start, lengths[record.block_id]))
        end = max(start, min(record.span_end, lengths[record.block_id]))
        base = offsets[record.block_id]
        found.append(
            ElementSpan(category, base + start, base + end, table, record.id, label, record.review_state, version)
        )

    for q in session.scalars(select(Quotation).where(Quotation.block_id.in_(block_ids))):
        place("quotation", "quotation", q, q.speaker_name or "unattributed", q.version)
    for f in session.scalars(select(FootageNeed).where(FootageNeed.block_id.in_(block_ids))):
        place("footage", "footage_need", f, f.description, f.version)
    for r in session.scalars(select(RightsItem).where(RightsItem.block_id.in_(block_ids))):
        place("rights", "rights_item", r, r.subject, r.version)
    for d in session.scalars(select(HistoricalDate).where(HistoricalDate.block_id.in_(block_ids))):
        place("date", "historical_date", d, d.text, None)
    for m, name in session.execute(
        select(Mention, Person.display_name)
        .join(Person, Person.id == Mention.person_id)
        .where(Mention.block_id.in_(block_ids))
    ).all():
        place("person", "person", _MentionAsPerson(m), name, None)
    found.sort(key=lambda element: (element.start, -element.end))
    return found


class _MentionAsPerson:
    """A mention presented as its person, so selecting it shows the person."""

    def __init__(self, mention: Mention) -> None:
        self.id = mention.person_id
        self.block_id = mention.block_id
        self.span_start = mention.span_start
        self.span_end = mention.span_end
        self.review_state = mention.review_state


@dataclass(frozen=True, slots=True)
class ShotLine:
    """A shot of a scene's shot list."""

    id: int
    version: int
    ordinal: int
    number: str
    shot_type: str
    description: str
    duration_seconds: float
    footage_need_id: int | None
    footage_label: str | None


def shots_of_scene(workspace: object, scene_id: int) -> list[ShotLine]:
    """The scene's shots in order, with the footage need each one uses."""
    with reading(workspace) as session:
        return [
            ShotLine(
                id=s.id, version=s.version, ordinal=s.ordinal, number=s.number, shot_type=s.shot_type,
                description=s.description, duration_seconds=s.duration_seconds,
                footage_need_id=s.footage_need_id, footage_label=label,
            )
            for s, label in session.execute(
                select(Shot, FootageNeed.description)
                .outerjoin(FootageNeed, FootageNeed.id == Shot.footage_need_id)
                .where(Shot.scene_id == scene_id)
                .order_by(Shot.ordinal, Shot.id)
            ).all()
        ]


# -- search -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchHit:
    """Something in the production that matches a search."""

    kind: str  # quotation, footage_need, rights_item, scene
    record_id: int
    label: str
    detail: str
    scene_id: int | None


def search_production(workspace: object, production_id: int, text: str, *, limit: int = 30) -> list[SearchHit]:
    """Quotations, footage needs, rights items, then scenes, whose text contains ``text``."""
    text = text.strip()
    if not text:
        return []
    pattern = _like(text)
    hits: list[SearchHit] = []
    with reading(workspace) as session:
        for q in session.scalars(
            select(Quotation)
            .where(Quotation.production_id == production_id)
            .where(or_(Quotation.text.ilike(pattern, escape="\\"), Quotation.speaker_name.ilike(pattern, escape="\\")))
            .order_by(Quotation.id)
            .limit(limit)
        ):
            hits.append(SearchHit("quotation", q.id, q.speaker_name or "Quotation", q.text, q.scene_id))
        for f in session.scalars(
            select(FootageNeed)
            .where(FootageNeed.production_id == production_id)
            .where(or_(FootageNeed.description.ilike(pattern, escape="\\"), FootageNeed.archive.ilike(pattern, escape="\\")))
            .order_by(FootageNeed.id)
            .limit(limit)
        ):
            hits.append(SearchHit("footage_need", f.id, f"Footage ({f.status})", f.description, f.scene_id))
        for r in session.scalars(
            select(RightsItem)
            .where(RightsItem.production_id == production_id)
            .where(or_(RightsItem.subject.ilike(pattern, escape="\\"), RightsItem.holder.ilike(pattern, escape="\\")))
            .order_by(RightsItem.id)
            .limit(limit)
        ):
            hits.append(SearchHit("rights_item", r.id, f"Rights ({r.status})", r.subject, None))
        revision = latest_revision(session, production_id)
        if revision is not None:
            for s in session.scalars(
                select(Scene)
                .where(Scene.revision_id == revision.id)
                .where(
                    or_(
                        Scene.title.ilike(pattern, escape="\\"),
                        Scene.id.in_(
                            select(Block.scene_id).where(
                                Block.revision_id == revision.id, Block.text.ilike(pattern, escape="\\")
                            )
                        ),
                    )
                )
                .order_by(Scene.ordinal)
                .limit(limit)
            ):
                hits.append(SearchHit("scene", s.id, f"Scene {s.number}", s.title, s.id))
    return hits
