"""Tagging script text by hand: new quotations, footage needs and rights items; notes; spans.

A selection is a block and a character range relative to it (the range may
run on into the following blocks of the revision, as multi-paragraph
quotations do). :func:`tag_selection` turns it into a record made by a
person and already accepted; :func:`correct_quotation_span` moves a
quotation's span and refreshes its text from the script; :func:`add_note`
keeps a researcher's note on any record. Everything goes through a unit of
work, so it is audited (and edits are version-checked).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scriptdesk.db import models as m
from scriptdesk.db.audit import CHANGE_AT, INSERT, actor_of
from scriptdesk.db.base import utcnow
from scriptdesk.db.unit_of_work import HasSessions, UnitOfWork
from scriptdesk.domain.enums import FootageKind, Origin, ReviewState, RightsKind
from scriptdesk.domain.errors import InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import clean_text

#: What a selection can be tagged as: kind -> table of the new record.
TAG_KINDS = {"quotation": "quotation", "footage": "footage_need", "rights": "rights_item"}
#: Longest note kept (a page of text); longer notes are refused, never cut.
NOTE_LIMIT = 20_000
#: Quotation marks a person may select along with the words; the span keeps the words.
_QUOTE_MARKS = "\"'“”„‟«»‘’‚‹›「」"


@dataclass(frozen=True, slots=True)
class TaggedRecord:
    """The record a tag created."""

    table: str
    id: int
    version: int
    text: str


# -- spans ----------------------------------------------------------------------------


def _text_around(session: Session, block: m.Block) -> tuple[str, int]:
    """The text a block-relative span indexes, and the block's offset in it.

    That is the revision's whole text when the block is found in it (so a
    span may run on into the next paragraphs), else the block's own text.
    """
    revision = session.get(m.ScriptRevision, block.revision_id)
    source = revision.source_text if revision is not None else ""
    if source and source[block.source_start : block.source_end] == block.text:
        return source, block.source_start
    return block.text, 0


def span_text(session: Session, block_id: int | None, start: int | None, end: int | None) -> str:
    """The script text of a block-relative span; InvalidValueError when it leaves the script."""
    if block_id is None or start is None or end is None:
        raise InvalidValueError("A span needs a paragraph, a start and an end.")
    block = session.get(m.Block, block_id)
    if block is None:
        raise NotFoundError(f"Paragraph {block_id} of the script no longer exists.")
    if start < 0 or end <= start:
        raise InvalidValueError("A selection must hold at least one character.")
    text, offset = _text_around(session, block)
    if offset + end > len(text):
        raise InvalidValueError("The selection runs past the end of the script.")
    selected = text[offset + start : offset + end]
    if not selected.strip():
        raise InvalidValueError("The selection holds only blank space.")
    return selected


def trimmed_span(text: str, start: int, end: int, *, quote_marks: bool = False) -> tuple[int, int]:
    """``start, end`` narrowed past blank space (and quotation marks) at either edge."""
    strip = " \t\r\n\u00a0" + (_QUOTE_MARKS if quote_marks else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def refresh_quotation_text(session: Session, quotation: m.Quotation) -> None:
    """Set a quotation's text to what its span covers in the script (checks the span)."""
    block = session.get(m.Block, quotation.block_id) if quotation.block_id is not None else None
    if block is None:
        raise InvalidValueError(f"Quotation {quotation.id} is not placed in the script, so it has no span to correct.")
    if quotation.revision_id is not None and block.revision_id != quotation.revision_id:
        raise InvalidValueError("A quotation's span must stay in the script revision it was found in.")
    quotation.text = clean_text(span_text(session, block.id, quotation.span_start, quotation.span_end))
    if block.scene_id is not None:
        quotation.scene_id = block.scene_id


def _selection(session: Session, block_id: int, start: int, end: int, *, quote_marks: bool) -> tuple[m.Block, int, int, str]:
    """The block, the trimmed span and its text."""
    block = session.get(m.Block, block_id)
    if block is None:
        raise NotFoundError(f"Paragraph {block_id} of the script no longer exists.")
    span_text(session, block_id, start, end)  # refuses spans outside the script
    text, offset = _text_around(session, block)
    start, end = trimmed_span(text, offset + start, offset + end, quote_marks=quote_marks)
    start, end = start - offset, end - offset
    return block, start, end, clean_text(span_text(session, block_id, start, end))


# -- tagging --------------------------------------------------------------------------


def _production_of_revision(session: Session, revision_id: int) -> int:
    production_id = session.scalar(
        select(m.Script.production_id)
        .join(m.ScriptRevision, m.ScriptRevision.script_id == m.Script.id)
        .where(m.ScriptRevision.id == revision_id)
    )
    if production_id is None:
        raise NotFoundError(f"Script revision {revision_id} belongs to no production.")
    return production_id


def _fields(model: type[m.Base], fields: dict[str, Any] | None) -> dict[str, Any]:
    from scriptdesk.services.editing import coerce_value

    return {name: coerce_value(model, name, value) for name, value in (fields or {}).items()}


def tag_selection(
    workspace: HasSessions,
    block_id: int,
    start: int,
    end: int,
    as_kind: str,
    fields: dict[str, Any] | None = None,
    *,
    actor: str | None = None,
) -> TaggedRecord:
    """A new quotation, footage need or rights item for the selected text, made by a person.

    ``as_kind`` is "quotation", "footage" or "rights"; ``fields`` sets any
    editable field (speaker_name, medium, kind, holder...). The record keeps
    the block and span, ``origin=person`` and ``review_state=accepted``.
    Blank space (and, for quotations, quotation marks) at the selection's
    edges is left out of the span.
    """
    kind = as_kind.strip().lower()
    table = TAG_KINDS.get(kind) or (kind if kind in TAG_KINDS.values() else None)
    if table is None:
        raise InvalidValueError(f"{clean_text(as_kind)[:30]!r} is not something to tag (quotation, footage or rights).")
    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        block, start, end, text = _selection(session, block_id, start, end, quote_marks=table == "quotation")
        production_id = _production_of_revision(session, block.revision_id)
        common: dict[str, Any] = {
            "production_id": production_id, "block_id": block.id, "span_start": start, "span_end": end,
            "origin": Origin.PERSON.value, "review_state": ReviewState.ACCEPTED.value, "confidence": None,
        }
        record: Any
        if table == "quotation":
            values = _fields(m.Quotation, fields)
            record = m.Quotation(**common, revision_id=block.revision_id, scene_id=block.scene_id, text=text, **values)
        elif table == "footage_need":
            values = {"kind": FootageKind.FILM_CLIP.value, "description": text, **_fields(m.FootageNeed, fields)}
            record = m.FootageNeed(**common, scene_id=block.scene_id, **values)
        else:
            values = {"kind": RightsKind.TEXT_QUOTATION.value, "subject": text, **_fields(m.RightsItem, fields)}
            record = m.RightsItem(**common, **values)
        session.add(record)
        session.flush()
        return TaggedRecord(table, record.id, record.version, text)


def correct_quotation_span(
    workspace: HasSessions,
    quotation_id: int,
    start: int,
    end: int,
    expected_version: int,
    *,
    block_id: int | None = None,
    actor: str | None = None,
) -> int:
    """Move a quotation's span (in its block, or ``block_id``) and refresh its text; the new version.

    Version-checked like any edit (ConflictError shows both values); the
    old span and text stay in the audit log, so the correction can be undone.
    """
    from scriptdesk.services.editing import update_record

    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        quotation = session.get(m.Quotation, quotation_id)
        if quotation is None:
            raise NotFoundError(f"Quotation {quotation_id} no longer exists.")
        target = block_id if block_id is not None else quotation.block_id
        if target is None:
            raise InvalidValueError(f"Quotation {quotation_id} is not placed in the script, so it has no span to correct.")
        _block, start, end, _text = _selection(session, target, start, end, quote_marks=True)
        changes: dict[str, Any] = {"span_start": start, "span_end": end}
        if target != quotation.block_id:
            changes["block_id"] = target
        return update_record(uow, m.Quotation, quotation_id, changes, expected_version)


# -- notes ----------------------------------------------------------------------------


def _production_of_record(session: Session, record: Any) -> int:
    if isinstance(record, m.Production):
        return record.id
    if getattr(record, "production_id", None) is not None:
        return int(record.production_id)
    if isinstance(record, m.Shot):
        record = session.get(m.Scene, record.scene_id)
    if isinstance(record, m.Citation):
        return _production_of_record(session, session.get(m.Quotation, record.quotation_id))
    if isinstance(record, (m.Scene, m.Block, m.ScriptRevision)):
        revision_id = record.id if isinstance(record, m.ScriptRevision) else record.revision_id
        return _production_of_revision(session, revision_id)
    if isinstance(record, m.Script):
        return record.production_id
    raise InvalidValueError(f"Notes cannot be attached to a {type(record).__tablename__.replace('_', ' ')}.")


def add_note(
    workspace: HasSessions,
    record_table: str,
    record_id: int,
    text: str,
    author: str | None = None,
) -> int:
    """Keep a note on any record of a production; the note's id.

    The note is stored whole with its author and time (never shortened or
    dropped) and logged in the audit log.
    """
    from scriptdesk.services.editing import resolve_model

    body = clean_text(text or "").strip()
    if not body:
        raise InvalidValueError("A note needs some text.")
    if len(body) > NOTE_LIMIT:
        raise InvalidValueError(f"A note can hold at most {NOTE_LIMIT:,} characters; split it in two.")
    model = resolve_model(record_table)
    with UnitOfWork(workspace, actor=author) as uow:
        session = uow.session
        record = session.get(model, record_id)
        if record is None:
            raise NotFoundError(f"There is no {model.__tablename__.replace('_', ' ')} {record_id} to note on.")
        name, kind = actor_of(session)
        note = m.Note(
            production_id=_production_of_record(session, record), record_table=model.__tablename__,
            record_id=record_id, author=name, text=body,
        )
        session.add(note)
        session.flush()
        # Notes carry no version, so the audit hook skips them: log the insert here.
        session.add(m.AuditEntry(
            at=session.info.get(CHANGE_AT) or utcnow(), actor=name, actor_kind=kind, action=INSERT, table_name="note",
            record_id=note.id, field=None, old_value=None,
            new_value=json.dumps({"record_table": note.record_table, "record_id": record_id, "text": body[:200]},
                                 ensure_ascii=False),
        ))
        return note.id


def notes_of(workspace: HasSessions, record_table: str, record_id: int) -> list[tuple[str, str, str]]:
    """(author, "1 Mar 2027 14:05", text) of every note on a record, oldest first."""
    with workspace.session_factory() as session:
        return [
            (note.author, f"{note.created_at:%-d %b %Y %H:%M}", note.text)
            for note in session.scalars(
                select(m.Note)
                .where(m.Note.record_table == record_table, m.Note.record_id == record_id)
                .order_by(m.Note.id)
            )
        ]


__all__ = [
    "TAG_KINDS",
    "TaggedRecord",
    "add_note",
    "correct_quotation_span",
    "notes_of",
    "refresh_quotation_text",
    "span_text",
    "tag_selection",
    "trimmed_span",
]
