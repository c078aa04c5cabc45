"""The producer's dashboard figures for one production.

Runtime against target, quotations by verification state, footage needs by
status with the estimated archive cost (seconds x per-second rate, else the
flat cost), rights items by status with the nearest licence expiries and the
uncleared items used in the cut, and what changed since the last revision
(from the audit log). Read-only; returns plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scriptdesk.db.models import (
    AuditEntry,
    FootageNeed,
    Production,
    Quotation,
    RightsItem,
    Scene,
    Shot,
    rights_item_footage,
    rights_item_quotation,
)
from scriptdesk.domain.enums import RightsStatus
from scriptdesk.domain.errors import NotFoundError
from scriptdesk.services import dates
from scriptdesk.services.queries import estimated_footage_cost, latest_revision, money, reading

#: Rights states that need no further clearance work.
CLEARED_STATES = frozenset(
    {RightsStatus.CLEARED.value, RightsStatus.PUBLIC_DOMAIN.value, RightsStatus.FAIR_USE.value}
)


@dataclass(frozen=True, slots=True)
class FootageFigure:
    """Footage needs of one status."""

    status: str
    count: int
    seconds: float
    cost: Decimal


@dataclass(frozen=True, slots=True)
class Expiry:
    """A licence term ending soon (or already ended)."""

    rights_id: int
    subject: str
    term_end: dt.date
    status: str


@dataclass(frozen=True, slots=True)
class UnclearedUse:
    """An uncleared rights item that the cut already uses."""

    rights_id: int
    subject: str
    status: str
    used_by: str  # "shot 12A" or "quotation 7"


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One change from the audit log."""

    at: dt.datetime
    actor: str
    table: str
    record_id: int | None
    field: str | None
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the producer's view shows."""

    production_id: int
    title: str
    revision_label: str | None
    revision_imported_at: dt.datetime | None
    scene_count: int
    estimated_seconds: float
    shot_seconds: float
    target_seconds: int | None
    quotations_by_state: dict[str, int]
    footage: list[FootageFigure]
    archive_cost: Decimal
    rights_by_status: dict[str, int]
    expiries: list[Expiry] = field(default_factory=list)
    uncleared_in_cut: list[UnclearedUse] = field(default_factory=list)
    changes: list[ChangeLine] = field(default_factory=list)
    change_count: int = 0


def production_dashboard(
    workspace: object, production_id: int, *, today: dt.date | None = None, limit: int = 8
) -> Dashboard:
    """The dashboard of a production (NotFoundError when it is gone)."""
    today = today or dates.current_date()
    with reading(workspace) as session:
        production = session.get(Production, production_id)
        if production is None:
            raise NotFoundError(f"Production {production_id} no longer exists.")
        revision = latest_revision(session, production_id)
        scene_count, estimated, shots = 0, 0.0, 0.0
        if revision is not None:
            scene_count, estimated = session.execute(
                select(func.count(Scene.id), func.coalesce(func.sum(Scene.estimated_seconds), 0.0)).where(
                    Scene.revision_id == revision.id
                )
            ).one()
            shots = session.scalar(
                select(func.coalesce(func.sum(Shot.duration_seconds), 0.0))
                .join(Scene, Scene.id == Shot.scene_id)
                .where(Scene.revision_id == revision.id)
            ) or 0.0
        footage = _footage_figures(session, production_id)
        changes, change_count = _changes_since(session, production_id, revision.imported_at if revision else None, limit)
        return Dashboard(
            production_id=production.id,
            title=production.title,
            revision_label=revision.label if revision else None,
            revision_imported_at=revision.imported_at if revision else None,
            scene_count=scene_count,
            estimated_seconds=float(estimated),
            shot_seconds=float(shots),
            target_seconds=production.target_runtime_seconds,
            quotations_by_state=dict(
                session.execute(
                    select(Quotation.verification_state, func.count(Quotation.id))
                    .where(Quotation.production_id == production_id)
                    .group_by(Quotation.verification_state)
                ).all()
            ),
            footage=footage,
            archive_cost=money(sum((f.cost for f in footage), Decimal(0))) or Decimal(0),
            rights_by_status=dict(
                session.execute(
                    select(RightsItem.status, func.count(RightsItem.id))
                    .where(RightsItem.production_id == production_id)
                    .group_by(RightsItem.status)
                ).all()
            ),
            expiries=_nearest_expiries(session, production_id, today, limit),
            uncleared_in_cut=_uncleared_in_cut(session, production_id, limit),
            changes=changes,
            change_count=change_count,
        )


def _footage_figures(session: Session, production_id: int) -> list[FootageFigure]:
    totals: dict[str, list] = {}
    for status, seconds, rate, flat in session.execute(
        select(FootageNeed.status, FootageNeed.duration_seconds, FootageNeed.per_second_rate, FootageNeed.cost).where(
            FootageNeed.production_id == production_id
        )
    ):
        entry = totals.setdefault(status, [0, 0.0, Decimal(0)])
        entry[0] += 1
        entry[1] += seconds or 0.0
        entry[2] += estimated_footage_cost(seconds, rate, flat) or Decimal(0)
    return [
        FootageFigure(status, count, seconds, money(cost) or Decimal(0))
        for status, (count, seconds, cost) in sorted(totals.items())
    ]


def _nearest_expiries(session: Session, production_id: int, today: dt.date, limit: int) -> list[Expiry]:
    # Terms that ended in the last year still matter: they must be renewed.
    since = today - dt.timedelta(days=365)
    return [
        Expiry(r.id, r.subject, r.term_end, r.status)
        for r in session.scalars(
            select(RightsItem)
            .where(RightsItem.production_id == production_id, RightsItem.term_end.is_not(None))
            .where(RightsItem.term_end >= since)
            .order_by(RightsItem.term_end, RightsItem.id)
            .limit(limit)
        )
        if r.term_end is not None
    ]


def _uncleared_in_cut(session: Session, production_id: int, limit: int) -> list[UnclearedUse]:
    uses: list[UnclearedUse] = []
    uncleared = RightsItem.status.not_in(CLEARED_STATES)
    for rights, number in session.execute(
        select(RightsItem, Shot.number)
        .join(rights_item_footage, rights_item_footage.c.rights_item_id == RightsItem.id)
        .join(Shot, Shot.footage_need_id == rights_item_footage.c.footage_need_id)
        .where(RightsItem.production_id == production_id, uncleared)
        .order_by(RightsItem.id, Shot.ordinal)
        .limit(limit)
    ):
        uses.append(UnclearedUse(rights.id, rights.subject, rights.status, f"shot {number}"))
    for rights, quotation_id in session.execute(
        select(RightsItem, Quotation.id)
        .join(rights_item_quotation, rights_item_quotation.c.rights_item_id == RightsItem.id)
        .join(Quotation, Quotation.id == rights_item_quotation.c.quotation_id)
        .where(RightsItem.production_id == production_id, uncleared, Quotation.review_state != "rejected")
        .order_by(RightsItem.id, Quotation.id)
        .limit(limit)
    ):
        uses.append(UnclearedUse(rights.id, rights.subject, rights.status, f"quotation {quotation_id}"))
    return uses[:limit]


def _production_record_ids(session: Session, production_id: int, table: str, ids: set[int]) -> set[int]:
    """Which of ``ids`` in ``table`` belong to the production."""
    if not ids:
        return set()
    model = {"quotation": Quotation, "footage_need": FootageNeed, "rights_item": RightsItem}.get(table)
    if model is not None:
        return set(session.scalars(select(model.id).where(model.production_id == production_id, model.id.in_(ids))))
    if table == "production":
        return {production_id} & ids
    if table in {"shot", "scene"}:
        from scriptdesk.db.models import Script, ScriptRevision

        scene_ids = select(Scene.id).join(ScriptRevision, ScriptRevision.id == Scene.revision_id).join(
            Script, Script.id == ScriptRevision.script_id
        ).where(Script.production_id == production_id)
        if table == "scene":
            return set(session.scalars(scene_ids.where(Scene.id.in_(ids))))
        return set(session.scalars(select(Shot.id).where(Shot.id.in_(ids), Shot.scene_id.in_(scene_ids))))
    return set()


def _changes_since(
    session: Session, production_id: int, since: dt.datetime | None, limit: int
) -> tuple[list[ChangeLine], int]:
    """People's changes to the production since the revision was imported, newest first."""
    statement = select(AuditEntry).where(AuditEntry.actor_kind == "person", AuditEntry.action != "insert")
    if since is not None:
        statement = statement.where(AuditEntry.at >= since)
    # The audit log is shared by every production: look at the recent part only.
    entries = session.scalars(statement.order_by(AuditEntry.id.desc()).limit(2000)).all()
    by_table: dict[str, set[int]] = {}
    for entry in entries:
        if entry.record_id is not None:
            by_table.setdefault(entry.table_name, set()).add(entry.record_id)
    ours = {table: _production_record_ids(session, production_id, table, ids) for table, ids in by_table.items()}
    mine = [e for e in entries if e.record_id is not None and e.record_id in ours.get(e.table_name, set())]
    return (
        [ChangeLine(e.at, e.actor, e.table_name, e.record_id, e.field, e.old_value, e.new_value) for e in mine[:limit]],
        len(mine),
    )
