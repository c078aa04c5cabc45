"""Writing the audit log: who changed which field of which record, from what to what.

A session event records every insert, update and delete of editable records
(those with a version counter or a provenance) flushed through a ScriptDesk
session. The actor comes from ``session.info`` (set by
:class:`~scriptdesk.db.unit_of_work.UnitOfWork`); entries are written with
Core on the flushing connection, so they commit or roll back with the change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from scriptdesk.config import current_user
from scriptdesk.db.base import Reviewable, Versioned, utcnow
from scriptdesk.db.models.audit import AuditEntry
from scriptdesk.domain.enums import Origin

#: ``session.info`` keys.
ACTOR = "scriptdesk.actor"
ACTOR_KIND = "scriptdesk.actor_kind"
#: Overrides the action written for updates (undo writes "undo").
ACTION = "scriptdesk.audit_action"
#: One timestamp for every entry of a change set (a unit of work's transaction).
CHANGE_AT = "scriptdesk.change_at"

INSERT, UPDATE, DELETE, UNDO, BULK_INSERT = "insert", "update", "delete", "undo", "bulk_insert"

#: Longest value kept in insert/delete summaries (updates keep values whole for undo).
SUMMARY_VALUE_LIMIT = 200


def set_actor(session: Session, actor: str, actor_kind: Origin | str = Origin.PERSON) -> None:
    """Name who the session's changes are made by: a person or the engine."""
    session.info[ACTOR] = actor
    session.info[ACTOR_KIND] = Origin(actor_kind).value


def actor_of(session: Session) -> tuple[str, str]:
    """The session's actor and kind; a person, the current user, by default."""
    actor = session.info.get(ACTOR) or current_user()
    return actor, session.info.get(ACTOR_KIND, Origin.PERSON.value)


def is_audited(instance: object) -> bool:
    """Whether changes to this record are logged (editable records only)."""
    return isinstance(instance, (Versioned, Reviewable))


def format_value(value: Any) -> str | None:
    """The text form of a column value stored in the log (None stays NULL)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _record_id(instance: object) -> int | None:
    # Pending records have no identity key yet inside after_flush; read the columns.
    key = inspect(instance).mapper.primary_key_from_instance(instance)
    if len(key) == 1 and isinstance(key[0], int):
        return key[0]
    return None


def _summary(instance: object) -> str:
    """A short JSON picture of a record for insert and delete entries."""
    mapper = inspect(instance).mapper
    values: dict[str, str] = {}
    for attribute in mapper.column_attrs:
        if attribute.key in ("id", "version"):
            continue
        text = format_value(getattr(instance, attribute.key, None))
        if text is not None:
            values[attribute.key] = text[:SUMMARY_VALUE_LIMIT]
    return json.dumps(values, ensure_ascii=False)


def _updates(instance: object) -> Iterable[tuple[str, str | None, str | None]]:
    state = inspect(instance)
    version_key = getattr(state.mapper.version_id_col, "key", None)
    for attribute in state.mapper.column_attrs:
        if attribute.key in ("id", version_key):
            continue
        history = state.attrs[attribute.key].history
        if not history.added and not history.deleted:
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            yield attribute.key, format_value(old), format_value(new)


def record_changes(session: Session, _flush_context: object) -> None:
    """``after_flush`` handler: log what this flush changed."""
    actor, actor_kind = actor_of(session)
    at = session.info.get(CHANGE_AT) or utcnow()
    update_action = session.info.get(ACTION, UPDATE)
    base = {"at": at, "actor": actor, "actor_kind": actor_kind}
    rows: list[dict[str, Any]] = []
    # Log inserts in the order they were added (session.new is a set).
    for instance in sorted(session.new, key=lambda added: inspect(added).insert_order or 0):
        if is_audited(instance):
            rows.append(_entry(base, INSERT, instance, None, None, _summary(instance)))
    for instance in session.dirty:
        if is_audited(instance) and instance not in session.deleted:
            for field, old, new in _updates(instance):
                rows.append(_entry(base, update_action, instance, field, old, new))
    for instance in session.deleted:
        if is_audited(instance):
            rows.append(_entry(base, DELETE, instance, None, _summary(instance), None))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def _entry(
    base: dict[str, Any],
    action: str,
    instance: object,
    field: str | None,
    old: str | None,
    new: str | None,
) -> dict[str, Any]:
    return {
        **base,
        "action": action,
        "table_name": inspect(instance).mapper.local_table.name,
        "record_id": _record_id(instance),
        "field": field,
        "old_value": old,
        "new_value": new,
    }


def log_bulk_insert(session: Session, table_name: str, ids: list[int] | None, count: int) -> None:
    """One summary entry for a bulk insert (a row per record would defeat bulk speed)."""
    actor, actor_kind = actor_of(session)
    detail: dict[str, Any] = {"rows": count}
    if ids:
        detail["first_id"], detail["last_id"] = min(ids), max(ids)
    session.connection().execute(
        insert(AuditEntry.__table__),
        [
            {
                "at": session.info.get(CHANGE_AT) or utcnow(),
                "actor": actor,
                "actor_kind": actor_kind,
                "action": BULK_INSERT,
                "table_name": table_name,
                "record_id": None,
                "field": None,
                "old_value": None,
                "new_value": json.dumps(detail),
            }
        ],
    )


def attach_audit(target: sessionmaker[Session] | Session | type[Session]) -> None:
    """Log the changes of every session made by ``target`` (idempotent)."""
    if not event.contains(target, "after_flush", record_changes):
        event.listen(target, "after_flush", record_changes)
