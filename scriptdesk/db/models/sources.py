"""The source library: bibliographic records, their texts and citations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from scriptdesk.db.base import Base, Versioned, timestamp_column
from scriptdesk.domain.enums import CitationMethod, ReviewState, SourceKind


class Source(Versioned, Base):
    """A bibliographic record a quotation can be cited to."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default=SourceKind.OTHER.value)
    author: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(500))
    publisher: Mapped[str | None] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer)
    edition: Mapped[str | None] = mapped_column(String(200))
    translator: Mapped[str | None] = mapped_column(String(300))
    archive_name: Mapped[str | None] = mapped_column(String(100))  # e.g. RGASPI
    archive_fond: Mapped[str | None] = mapped_column(String(40))
    archive_opis: Mapped[str | None] = mapped_column(String(40))
    archive_delo: Mapped[str | None] = mapped_column(String(40))
    archive_list: Mapped[str | None] = mapped_column(String(80))
    archive_reference: Mapped[str | None] = mapped_column(Text)  # as printed
    published_in: Mapped[str | None] = mapped_column(Text)  # edition citation
    url: Mapped[str | None] = mapped_column(String(1000))
    copyright_holder: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = timestamp_column()


class SourceDocument(Base):
    """The text of a source as imported from one file."""

    __tablename__ = "source_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = timestamp_column()


class SourcePage(Base):
    """A page of a source document as a character range of its text."""

    __tablename__ = "source_page"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_document.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(40))  # "655" or "L. 12 ob."
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class SourcePassage(Base):
    """A searchable passage (a speech in a transcript, a paragraph of a book)."""

    __tablename__ = "source_passage"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_document.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(200))
    page_label: Mapped[str | None] = mapped_column(String(40))
    line: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    match_text: Mapped[str] = mapped_column(Text)  # without [brackets] and notes


class Citation(Versioned, Base):
    """A quotation traced to a source, automatically suggested or made by hand."""

    __tablename__ = "citation"

    id: Mapped[int] = mapped_column(primary_key=True)
    quotation_id: Mapped[int] = mapped_column(
        ForeignKey("quotation.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="SET NULL"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_document.id", ondelete="SET NULL")
    )
    locator: Mapped[str | None] = mapped_column(String(200))  # page, timecode, L. 12
    matched_passage: Mapped[str | None] = mapped_column(Text)
    match_start: Mapped[int | None] = mapped_column(Integer)
    match_end: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    match_class: Mapped[str | None] = mapped_column(String(16))
    attribution_mismatch: Mapped[bool] = mapped_column(default=False)
    method: Mapped[str] = mapped_column(String(16), default=CitationMethod.MANUAL.value)
    review_state: Mapped[str] = mapped_column(
        String(16), default=ReviewState.SUGGESTED.value
    )
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = timestamp_column()
