"""Plain types of a source document as read from a file, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PageSpan:
    """A printed page (or archive folio) as a character range of the text."""

    label: str  # "655", "L. 12 ob."
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PassageDraft:
    """A searchable passage: a speech of a transcript, a paragraph of a book.

    ``text[start:end]`` of the document is what a reader sees; ``match_text``
    is the same words without editorial brackets, notes and footnote markers.
    """

    ordinal: int
    start: int
    end: int
    match_text: str
    speaker: str | None = None
    page_label: str | None = None
    line: int | None = None  # 1-based line of the document where it starts


@dataclass(slots=True)
class Bibliography:
    """Bibliographic facts read from a document's header (all optional)."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    edition: str | None = None
    published_in: str | None = None
    archive_name: str | None = None
    archive_fond: str | None = None
    archive_opis: str | None = None
    archive_delo: str | None = None
    archive_list: str | None = None
    archive_reference: str | None = None

    def merged_with(self, given: dict[str, object]) -> dict[str, object]:
        """These facts overridden by the values a user typed (None means not given)."""
        values: dict[str, object] = {
            name: getattr(self, name) for name in self.__slots__  # type: ignore[attr-defined]
        }
        values.update({key: value for key, value in given.items() if value not in (None, "")})
        return values


@dataclass(slots=True)
class SourceText:
    """A source document read from one file: its text, pages and passages."""

    text: str
    format: str  # text, markdown, docx, pdf, html
    passages: list[PassageDraft]
    pages: list[PageSpan] = field(default_factory=list)
    bibliography: Bibliography = field(default_factory=Bibliography)
    is_transcript: bool = False
    encoding: str = "utf-8"
