"""Declarative base, naming convention and the column mixins shared by models."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Float, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from scriptdesk.domain.enums import Origin, ReviewState

#: Named constraints so that migrations can drop and alter them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    """The one declarative base of every ScriptDesk table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """An edit counter for optimistic concurrency.

    SQLAlchemy adds ``WHERE version = <read value>`` to every UPDATE of the row
    and raises ``StaleDataError`` when another writer got there first.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805
        return {"version_id_col": cls.version}


class Reviewable:
    """Who produced a breakdown element, how sure the engine was, and its review."""

    origin: Mapped[str] = mapped_column(String(16), default=Origin.ENGINE.value)
    confidence: Mapped[float | None] = mapped_column(Float)
    review_state: Mapped[str] = mapped_column(
        String(16), default=ReviewState.SUGGESTED.value
    )


class Provenance(Reviewable):
    """A reviewable element that also records the block and span it came from."""

    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    @declared_attr
    def block_id(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(
            ForeignKey("block.id", ondelete="SET NULL"), index=True, nullable=True
        )


def timestamp_column() -> Mapped[dt.datetime]:
    """A timezone-aware creation timestamp defaulting to now."""
    return mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
