"""Editing records by hand: whitelisted fields, checked values, optimistic locking, undo.

:func:`update_record` changes fields of one record only if nobody else changed
it since the editor read it (its version counter), turning values typed as
text into the column's type; :func:`undo_last_edit` reverts a person's latest
change set using the audit log. Both are logged in the audit log.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from dateutil.parser import isoparse
from sqlalchemy import JSON, Column, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from scriptdesk.db import models as m
from scriptdesk.db.audit import UNDO, UPDATE, format_value
from scriptdesk.db.base import Base, Reviewable
from scriptdesk.db.models import AuditEntry
from scriptdesk.db.unit_of_work import HasSessions, UnitOfWork
from scriptdesk.domain import enums
from scriptdesk.domain.errors import ConflictError, InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import clean_text

_REVIEW = ("review_state",)

#: What a person may change, per kind of record.
EDITABLE_FIELDS: dict[type[Base], frozenset[str]] = {
    m.Production: frozenset({"title", "target_runtime_seconds", "words_per_minute"}),
    m.Script: frozenset({"title"}),
    m.ScriptRevision: frozenset({"label"}),
    m.Scene: frozenset({"number", "title", "time_context", "estimated_seconds", *_REVIEW}),
    m.Block: frozenset({"eo_class"}),
    m.Quotation: frozenset({
        "text", "speaker_id", "speaker_name", "medium", "work_title", "recipient",
        "date_text", "date_said", "nested_in_id", "verification_state", "verified_by",
        "verified_at", "eo_class", "notes", "scene_id", *_REVIEW,
        # The span moves only with its text: see _refresh_span_text.
        "block_id", "span_start", "span_end",
    }),
    m.Person: frozenset({"display_name", "name_variants", "birth_year", "death_year", *_REVIEW}),
    m.Organisation: frozenset({"name", "name_variants", *_REVIEW}),
    m.Place: frozenset({"name", "name_variants", *_REVIEW}),
    m.Source: frozenset({
        "kind", "author", "title", "publisher", "year", "edition", "translator",
        "archive_name", "archive_fond", "archive_opis", "archive_delo", "archive_list",
        "archive_reference", "published_in", "url", "copyright_holder", "notes",
    }),
    m.Citation: frozenset({"source_id", "locator", "note", "confirmed_by", "confirmed_at", *_REVIEW}),
    m.FootageNeed: frozenset({
        "kind", "description", "search_terms", "era", "status", "archive", "clip_id",
        "timecode_in", "timecode_out", "duration_seconds", "cost", "per_second_rate",
        "currency", "screener_ordered", "master_ordered", "notes", "scene_id", *_REVIEW,
    }),
    m.RightsItem: frozenset({
        "kind", "subject", "author", "work_title", "author_death_year", "holder", "contact",
        "status", "territory", "media", "licence_type", "exclusive", "term_start", "term_end",
        "fee", "currency", "credit_line", "public_domain_reasoning", "notes", *_REVIEW,
    }),
    m.Shot: frozenset({
        "ordinal", "number", "description", "shot_type", "footage_need_id",
        "duration_seconds", "audio", *_REVIEW,
    }),
}

#: Fields whose values come from a controlled vocabulary.
ENUM_FIELDS: dict[tuple[type[Base], str], type[StrEnum]] = {
    (m.Quotation, "medium"): enums.Medium,
    (m.Quotation, "verification_state"): enums.VerificationState,
    (m.Quotation, "eo_class"): enums.EOClass,
    (m.Block, "eo_class"): enums.EOClass,
    (m.Source, "kind"): enums.SourceKind,
    (m.Citation, "method"): enums.CitationMethod,
    (m.Citation, "match_class"): enums.MatchClass,
    (m.FootageNeed, "kind"): enums.FootageKind,
    (m.FootageNeed, "status"): enums.FootageStatus,
    (m.RightsItem, "kind"): enums.RightsKind,
    (m.RightsItem, "status"): enums.RightsStatus,
    (m.Shot, "shot_type"): enums.ShotType,
}

_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


def resolve_model(model: str | type[Base]) -> type[Base]:
    """A model class from itself, its class name or its table name."""
    if isinstance(model, type):
        return model
    wanted = model.strip().lower().replace("-", "_").replace(" ", "_")
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if wanted in (cls.__name__.lower(), cls.__tablename__):
            return cls
    raise InvalidValueError(f"there is no kind of record called {model!r}")


def _label(cls: type[Base]) -> str:
    return cls.__tablename__.replace("_", " ")


def _enum_for(cls: type[Base], field: str) -> type[StrEnum] | None:
    if field == "review_state" and issubclass(cls, Reviewable):
        return enums.ReviewState
    if field == "origin" and issubclass(cls, Reviewable):
        return enums.Origin
    return ENUM_FIELDS.get((cls, field))


def coerce_value(model: str | type[Base], field: str, value: Any, *, editable_only: bool = True) -> Any:
    """``value`` (typed, or text such as ISO dates) as the column's type, or InvalidValueError."""
    cls = resolve_model(model)
    if editable_only and field not in EDITABLE_FIELDS.get(cls, frozenset()):
        raise InvalidValueError(f"{field!r} of a {_label(cls)} cannot be edited")
    column = cls.__table__.c.get(field)
    if column is None:
        raise InvalidValueError(f"a {_label(cls)} has no field {field!r}")
    try:
        return _coerce(cls, column, field, value)
    except InvalidValueError:
        raise
    except (ValueError, TypeError, InvalidOperation, OverflowError) as error:
        shown = clean_text(str(value))[:60]
        raise InvalidValueError(
            f"{shown!r} is not a valid {field.replace('_', ' ')} for a {_label(cls)} ({error})"
        ) from error


def _coerce(cls: type[Base], column: Column[Any], field: str, value: Any) -> Any:
    python_type = list if isinstance(column.type, JSON) else column.type.python_type
    if isinstance(value, str) and python_type is not str:
        value = value.strip()
        if value == "":
            value = None
    if value is None:
        if not column.nullable:
            raise InvalidValueError(f"the {field.replace('_', ' ')} of a {_label(cls)} cannot be empty")
        return None
    enum = _enum_for(cls, field)
    if enum is not None:
        text = str(value).strip().lower()
        if text not in {member.value for member in enum}:
            allowed = ", ".join(member.value for member in enum)
            raise InvalidValueError(
                f"{clean_text(str(value))[:60]!r} is not a valid {field.replace('_', ' ')} "
                f"for a {_label(cls)} (one of: {allowed})"
            )
        return text
    return _convert(python_type, column, value)


def _convert(python_type: type, column: Column[Any], value: Any) -> Any:
    if python_type is str:
        text = clean_text(str(value))
        length = getattr(column.type, "length", None)
        if length and len(text) > length:
            raise ValueError(f"longer than {length} characters")
        return text
    if python_type is bool:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in _TRUE | _FALSE:
            return word in _TRUE
        raise ValueError("expected yes or no")
    if python_type is int:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError("expected a whole number")
        return int(value)
    if python_type is float:
        number = float(value)
        if not math.isfinite(number):
            raise ValueError("expected a finite number")
        return number
    if python_type is Decimal:
        amount = Decimal(str(value).replace(",", ""))
        scale = getattr(column.type, "scale", None)
        if not amount.is_finite() or (scale is not None and -amount.as_tuple().exponent > scale):  # type: ignore[operator]
            raise ValueError(f"expected an amount with at most {scale} decimals")
        return amount
    if python_type is dt.datetime:
        moment = value if isinstance(value, dt.datetime) else isoparse(str(value))
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    if python_type is dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        return value if isinstance(value, dt.date) else isoparse(str(value)).date()
    if python_type is list:
        return _as_list(value)
    return value


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            value = json.loads(text)
        else:
            return [clean_text(part).strip() for part in text.split(";") if part.strip()]
    if not isinstance(value, (list, tuple)):
        raise ValueError("expected a list")
    return [clean_text(str(item)) for item in value]


def _conflict(cls: type[Base], record: Any, values: dict[str, Any]) -> ConflictError:
    """The conflict to report: prefer a field whose stored value differs from ours."""
    fields = list(values)
    clashing = [name for name in fields if getattr(record, name) != values[name]]
    field = (clashing or fields or [None])[0]
    theirs = format_value(getattr(record, field)) if field else None
    yours = format_value(values[field]) if field else None
    return ConflictError(f"{_label(cls)} {record.id}", field, theirs, yours)


#: Fields that place a quotation in the script.
_SPAN_FIELDS = frozenset({"block_id", "span_start", "span_end"})


def _refresh_span_text(session: Session, record: Any, values: dict[str, Any]) -> None:
    """A quotation whose span moved takes its text from the script (checking the span)."""
    if isinstance(record, m.Quotation) and _SPAN_FIELDS & values.keys():
        if "text" in values:
            raise InvalidValueError("change a quotation's span or its text, not both at once")
        from scriptdesk.services.tagging import refresh_quotation_text

        # One UPDATE (one version step) for the span and its text together.
        with session.no_autoflush:
            refresh_quotation_text(session, record)


def _apply(session: Session, cls: type[Base], record_id: int, values: dict[str, Any], expected_version: int) -> int:
    record = session.get(cls, record_id, populate_existing=True)
    if record is None:
        raise NotFoundError(f"there is no {_label(cls)} with id {record_id}")
    if getattr(record, "version", None) != expected_version:
        raise _conflict(cls, record, values)
    for name, value in values.items():
        setattr(record, name, value)
    _refresh_span_text(session, record, values)
    try:
        session.flush()
    except StaleDataError:
        # Someone committed between our read and our write.
        session.rollback()
        fresh = session.get(cls, record_id, populate_existing=True)
        if fresh is None:
            raise NotFoundError(f"the {_label(cls)} {record_id} was deleted in the meantime") from None
        raise _conflict(cls, fresh, values) from None
    return record.version


def update_record(
    uow_or_workspace: UnitOfWork | HasSessions,
    model: str | type[Base],
    record_id: int,
    changes: dict[str, Any],
    expected_version: int,
    actor: str | None = None,
) -> int:
    """Change fields of one record if it is still at ``expected_version``; the new version.

    Raises :class:`ConflictError` (with their and your value) when someone
    changed the record since, :class:`InvalidValueError` for a field that
    cannot be edited or a value that does not fit, :class:`NotFoundError`.
    """
    cls = resolve_model(model)
    if "version" not in cls.__table__.c:
        raise InvalidValueError(f"a {_label(cls)} cannot be edited by hand")
    values = {name: coerce_value(cls, name, value) for name, value in changes.items()}
    if isinstance(uow_or_workspace, UnitOfWork):
        return _apply(uow_or_workspace.session, cls, record_id, values, expected_version)
    with UnitOfWork(uow_or_workspace, actor=actor) as uow:
        return _apply(uow.session, cls, record_id, values, expected_version)


@dataclass(frozen=True, slots=True)
class UndoneEdit:
    """What :func:`undo_last_edit` reverted: per record, field -> (undone value, restored value)."""

    changes: dict[tuple[str, int], dict[str, tuple[str | None, str | None]]]


def _last_undoable_change_set(session: Session, actor: str) -> list[AuditEntry]:
    """The actor's latest change set not yet undone (undos pop edits like a stack)."""
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.actor == actor, AuditEntry.action.in_((UPDATE, UNDO)))
        .order_by(AuditEntry.id.desc())
        .execution_options(yield_per=200)
    )
    pending_undos = 0
    group: list[AuditEntry] = []
    for entry in entries:
        if group and entry.at != group[0].at:
            if group[0].action == UNDO:
                pending_undos += 1
            elif pending_undos:
                pending_undos -= 1
            else:
                return group
            group = []
        group.append(entry)
    if group and group[0].action == UPDATE and not pending_undos:
        return group
    return []


def undo_last_edit(workspace: HasSessions, actor: str) -> UndoneEdit | None:
    """Revert ``actor``'s latest change set (None when there is nothing to undo).

    Refuses with :class:`ConflictError` when someone changed one of the fields
    since; the undo is itself logged, as action ``undo``.
    """
    with UnitOfWork(workspace, actor=actor) as uow:
        uow.as_undo()
        session = uow.session
        entries = _last_undoable_change_set(session, actor)
        if not entries:
            return None
        undone: dict[tuple[str, int], dict[str, tuple[str | None, str | None]]] = {}
        for entry in reversed(entries):
            cls = resolve_model(entry.table_name)
            record = session.get(cls, entry.record_id)
            if record is None:
                raise ConflictError(
                    f"{_label(cls)} {entry.record_id}", entry.field, "deleted", entry.old_value
                )
            current = getattr(record, entry.field)
            expected = coerce_value(cls, entry.field, entry.new_value, editable_only=False)
            # Compare typed values: SQLite hands back datetimes without their zone.
            if coerce_value(cls, entry.field, current, editable_only=False) != expected:
                raise ConflictError(
                    f"{_label(cls)} {entry.record_id}", entry.field, format_value(current), entry.old_value
                )
            restored = coerce_value(cls, entry.field, entry.old_value, editable_only=False)
            setattr(record, entry.field, restored)
            undone.setdefault((entry.table_name, entry.record_id), {})[entry.field] = (
                entry.new_value,
                entry.old_value,
            )
        session.flush()
        return UndoneEdit(undone)
