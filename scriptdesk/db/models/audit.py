"""The append-only audit log of every change made through ScriptDesk."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from scriptdesk.db.base import Base, utcnow


class AuditEntry(Base):
    """One changed field of one record: who, when, old and new value.

    Rows are never updated or deleted; database triggers refuse both.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    actor_kind: Mapped[str] = mapped_column(String(16))  # engine or person
    action: Mapped[str] = mapped_column(String(16))  # insert, update, delete
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class AppMeta(Base):
    """Key/value facts about the database itself (which application owns it)."""

    __tablename__ = "scriptdesk_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
