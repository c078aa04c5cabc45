"""People, organisations and places named in a production's scripts."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from scriptdesk.db.base import Base, Provenance, Versioned


class Person(Versioned, Provenance, Base):
    """One person, with every variant of the name the scripts use."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    display_name: Mapped[str] = mapped_column(String(300))
    name_variants: Mapped[list[str]] = mapped_column(JSON, default=list)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    death_year: Mapped[int | None] = mapped_column(Integer)


class Mention(Provenance, Base):
    """One place in a script where a person, organisation or place is named."""

    __tablename__ = "mention"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("place.id", ondelete="CASCADE"), index=True
    )


class Organisation(Versioned, Provenance, Base):
    """A party, newspaper, ministry or other body named in the scripts."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    name_variants: Mapped[list[str]] = mapped_column(JSON, default=list)


class Place(Versioned, Provenance, Base):
    """A city, street or building named in the scripts."""

    __tablename__ = "place"

    id: Mapped[int] = mapped_column(primary_key=True)
    production_id: Mapped[int] = mapped_column(
        ForeignKey("production.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    name_variants: Mapped[list[str]] = mapped_column(JSON, default=list)
