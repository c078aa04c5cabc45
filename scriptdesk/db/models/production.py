"""Productions, their scripts, revisions, scenes and blocks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scriptdesk.db.base import Base, Reviewable, Versioned, timestamp_column


class Production(Versioned, Base):
    """A film in preparation."""

    __tablename__ = "production"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300), unique=True)
    target_runtime_seconds: Mapped[int | None] = mapped_column(Integer)
    words_per_minute: Mapped[int] = mapped_column(Integer, default=140)
    created_at: Mapped[dt.datetime] = timestamp_column()

    scripts: Mapped[list[Script]] = relationship(
        back_populates="production", cascade="all, delete-orphan"
    )


class Script(Versioned, Base):
    """A script of a production; its text lives in revisions."""

    __tablename__ = "script"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = timestamp_column()

    production: Mapped[Production] = relationship(back_populates="scripts")
    revisions: Mapped[list[ScriptRevision]] = relationship(
        back_populates="script",
        cascade="all, delete-orphan",
        order_by="ScriptRevision.id",
    )


class ScriptRevision(Versioned, Base):
    """One imported file of a script, kept with its decoded text."""

    __tablename__ = "script_revision"
    __table_args__ = (UniqueConstraint("script_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("script.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(100))
    source_filename: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str] = mapped_column(String(40), default="utf-8")
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime] = timestamp_column()
    source_text: Mapped[str] = mapped_column(Text, default="")

    script: Mapped[Script] = relationship(back_populates="revisions")
    scenes: Mapped[list[Scene]] = relationship(
        back_populates="revision", cascade="all, delete-orphan", order_by="Scene.ordinal"
    )


class Scene(Versioned, Reviewable, Base):
    """A scene of a script revision."""

    __tablename__ = "scene"
    # Scenes of a revision are always read in order.
    __table_args__ = (Index("ix_scene_revision_id_ordinal", "revision_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("script_revision.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300), default="")
    time_context: Mapped[str] = mapped_column(String(200), default="")
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    estimated_seconds: Mapped[float] = mapped_column(default=0.0)

    revision: Mapped[ScriptRevision] = relationship(back_populates="scenes")


class Block(Versioned, Base):
    """A paragraph-like unit of a revision's text (heading, narration, A/V row...)."""

    __tablename__ = "block"
    # Blocks of a revision are always read in order.
    __table_args__ = (Index("ix_block_revision_id_ordinal", "revision_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("script_revision.id", ondelete="CASCADE"), index=True
    )
    scene_id: Mapped[int | None] = mapped_column(
        ForeignKey("scene.id", ondelete="SET NULL"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    video_text: Mapped[str | None] = mapped_column(Text)  # A/V rows: left column
    speaker: Mapped[str | None] = mapped_column(String(200))
    source_start: Mapped[int] = mapped_column(Integer)
    source_end: Mapped[int] = mapped_column(Integer)
    # The errors-and-omissions class of a narration line (EOClass); None for headings.
    eo_class: Mapped[str | None] = mapped_column(String(16))
    # Blocks written before they could be edited, and raw bulk loads, start at 1.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
