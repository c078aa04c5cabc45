"""What the film needs on screen and what must be cleared: footage, rights, shots."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, Column, Date, Float, ForeignKey, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from scriptdesk.db.base import Base, Provenance, Versioned
from scriptdesk.domain.enums import FootageStatus, RightsStatus

MONEY = Numeric(14, 2)

rights_item_quotation = Table(
    "rights_item_quotation",
    Base.metadata,
    Column("rights_item_id", ForeignKey("rights_item.id", ondelete="CASCADE"), primary_key=True),
    Column("quotation_id", ForeignKey("quotation.id", ondelete="CASCADE"), primary_key=True),
)

rights_item_footage = Table(
    "rights_item_footage",
    Base.metadata,
    Column("rights_item_id", ForeignKey("rights_item.id", ondelete="CASCADE"), primary_key=True),
    Column("footage_need_id", ForeignKey("footage_need.id", ondelete="CASCADE"), primary_key=True),
)


class FootageNeed(Versioned, Provenance, Base):
    """Archival or shot material a scene needs, as an archive producer logs it."""

    __tablename__ = "footage_need"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    scene_id: Mapped[int | None] = mapped_column(
        ForeignKey("scene.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    search_terms: Mapped[list[str]] = mapped_column(JSON, default=list)
    era: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(
        String(20), default=FootageStatus.NEEDED.value, index=True
    )
    archive: Mapped[str | None] = mapped_column(String(300))
    clip_id: Mapped[str | None] = mapped_column(String(200))
    timecode_in: Mapped[str | None] = mapped_column(String(20))
    timecode_out: Mapped[str | None] = mapped_column(String(20))
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    cost: Mapped[Decimal | None] = mapped_column(MONEY)
    per_second_rate: Mapped[Decimal | None] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    screener_ordered: Mapped[bool] = mapped_column(default=False)
    master_ordered: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class RightsItem(Versioned, Provenance, Base):
    """Something to clear or check before the film can be delivered."""

    __tablename__ = "rights_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    work_title: Mapped[str | None] = mapped_column(String(500))
    author_death_year: Mapped[int | None]
    holder: Mapped[str | None] = mapped_column(String(300))
    contact: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(
        String(16), default=RightsStatus.TO_CHECK.value, index=True
    )
    territory: Mapped[str | None] = mapped_column(String(200))
    media: Mapped[str | None] = mapped_column(String(200))
    licence_type: Mapped[str | None] = mapped_column(String(100))
    exclusive: Mapped[bool] = mapped_column(default=False)
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date, index=True)
    fee: Mapped[Decimal | None] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    credit_line: Mapped[str | None] = mapped_column(Text)
    public_domain_reasoning: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Shot(Versioned, Provenance, Base):
    """A shot of a scene's shot list."""

    __tablename__ = "shot"

    id: Mapped[int] = mapped_column(primary_key=True)
    scene_id: Mapped[int] = mapped_column(
        ForeignKey("scene.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int]
    number: Mapped[str] = mapped_column(String(12))  # "12", "12A"
    description: Mapped[str] = mapped_column(Text, default="")
    shot_type: Mapped[str] = mapped_column(String(16))
    footage_need_id: Mapped[int | None] = mapped_column(
        ForeignKey("footage_need.id", ondelete="SET NULL"), index=True
    )
    duration_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    audio: Mapped[str] = mapped_column(Text, default="")
