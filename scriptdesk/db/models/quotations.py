"""Quotations, historical dates and researchers' notes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from scriptdesk.db.base import Base, Provenance, Versioned, timestamp_column
from scriptdesk.domain.enums import EOClass, Medium, VerificationState


class Quotation(Versioned, Provenance, Base):
    """A quoted passage of the script and its verification."""

    __tablename__ = "quotation"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("script_revision.id", ondelete="CASCADE"), index=True
    )
    scene_id: Mapped[int | None] = mapped_column(
        ForeignKey("scene.id", ondelete="SET NULL"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    speaker_name: Mapped[str | None] = mapped_column(String(300))
    medium: Mapped[str] = mapped_column(String(16), default=Medium.UNKNOWN.value)
    work_title: Mapped[str | None] = mapped_column(String(500))
    recipient: Mapped[str | None] = mapped_column(String(300))
    date_text: Mapped[str | None] = mapped_column(String(200))
    date_said: Mapped[dt.date | None] = mapped_column(Date)
    nested_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotation.id", ondelete="SET NULL")
    )
    verification_state: Mapped[str] = mapped_column(
        String(24), default=VerificationState.UNVERIFIED.value, index=True
    )
    verified_by: Mapped[str | None] = mapped_column(String(200))
    verified_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    eo_class: Mapped[str] = mapped_column(String(16), default=EOClass.FACTUAL.value)
    notes: Mapped[str] = mapped_column(Text, default="")


class HistoricalDate(Provenance, Base):
    """A date expression found in a script, normalised with its precision."""

    __tablename__ = "historical_date"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("script_revision.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(200))
    precision: Mapped[str] = mapped_column(String(16))
    earliest: Mapped[dt.date | None] = mapped_column(Date)
    latest: Mapped[dt.date | None] = mapped_column(Date)


class Note(Base):
    """A researcher's or producer's note on any record; never silently dropped."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    record_table: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer, index=True)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = timestamp_column()
    text: Mapped[str] = mapped_column(Text)
