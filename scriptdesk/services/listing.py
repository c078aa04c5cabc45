"""Listing what a database holds: productions, scripts and scenes (``scriptdesk list``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from scriptdesk.db.models import Production, Quotation, Scene, Script, ScriptRevision
from scriptdesk.db.unit_of_work import HasSessions
from scriptdesk.services.inspection import find_production


@dataclass(frozen=True, slots=True)
class ProductionRow:
    id: int
    title: str
    target_runtime_seconds: int | None
    words_per_minute: int
    scripts: int
    quotations: int


@dataclass(frozen=True, slots=True)
class ScriptRow:
    id: int
    production: str
    title: str
    revisions: int
    latest_revision: str | None


@dataclass(frozen=True, slots=True)
class SceneRow:
    id: int
    production: str
    script: str
    revision: str
    ordinal: int
    number: str
    title: str
    time_context: str
    estimated_seconds: float


def list_productions(workspace: HasSessions) -> list[ProductionRow]:
    """Every production with its number of scripts and quotations, by title."""
    scripts = (
        select(func.count(Script.id)).where(Script.production_id == Production.id).scalar_subquery()
    )
    quotations = (
        select(func.count(Quotation.id))
        .where(Quotation.production_id == Production.id)
        .scalar_subquery()
    )
    with workspace.session_factory() as session:
        rows = session.execute(
            select(Production, scripts, quotations).order_by(Production.title)
        ).all()
    return [
        ProductionRow(p.id, p.title, p.target_runtime_seconds, p.words_per_minute, s, q)
        for p, s, q in rows
    ]


def list_scripts(workspace: HasSessions, production: str | None = None) -> list[ScriptRow]:
    """Scripts (of one production, or all) with their revision count and latest label."""
    revisions = (
        select(func.count(ScriptRevision.id))
        .where(ScriptRevision.script_id == Script.id)
        .scalar_subquery()
    )
    latest_label = (
        select(ScriptRevision.label)
        .where(ScriptRevision.script_id == Script.id)
        .order_by(ScriptRevision.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    with workspace.session_factory() as session:
        query = (
            select(Script.id, Production.title, Script.title, revisions, latest_label)
            .join(Production, Script.production_id == Production.id)
            .order_by(Production.title, Script.title)
        )
        if production is not None:
            query = query.where(Script.production_id == find_production(session, production).id)
        return [ScriptRow(*row) for row in session.execute(query).all()]


def list_scenes(workspace: HasSessions, production: str | None = None) -> list[SceneRow]:
    """Scenes of the latest revision of every script (of one production, or all), in order."""
    latest = (
        select(func.max(ScriptRevision.id).label("id"))
        .group_by(ScriptRevision.script_id)
        .subquery()
    )
    with workspace.session_factory() as session:
        query = (
            select(Scene, ScriptRevision.label, Script.title, Production.title)
            .join(ScriptRevision, Scene.revision_id == ScriptRevision.id)
            .join(latest, latest.c.id == ScriptRevision.id)
            .join(Script, ScriptRevision.script_id == Script.id)
            .join(Production, Script.production_id == Production.id)
            .order_by(Production.title, Script.title, Scene.ordinal)
        )
        if production is not None:
            query = query.where(Production.id == find_production(session, production).id)
        rows = session.execute(query).all()
    return [
        SceneRow(
            scene.id, production_title, script_title, label, scene.ordinal, scene.number,
            scene.title, scene.time_context, scene.estimated_seconds,
        )
        for scene, label, script_title, production_title in rows
    ]
