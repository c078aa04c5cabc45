"""The source library: adding sources from files, listing them, searching them.

:func:`add_source` reads the whole file first and then stores the source, its
text, pages and passages in one transaction, so a file that cannot be read
leaves nothing behind. Bibliographic fields typed by the user win over those
read from the document's header (archive reference, published edition).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from scriptdesk.db.audit import log_bulk_insert
from scriptdesk.db.bulk import bulk_insert
from scriptdesk.db.engine import session_factory
from scriptdesk.db.models import Source, SourceDocument, SourcePage, SourcePassage
from scriptdesk.db.unit_of_work import UnitOfWork
from scriptdesk.domain.enums import SourceKind
from scriptdesk.domain.errors import InputFileError, InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import clean_text
from scriptdesk.sources.ingest import read_source
from scriptdesk.sources.search import PassageSearch, ensure_search_index, store_passages
from scriptdesk.sources.transcript import parse_archive_reference


def sessions_of(workspace: object) -> sessionmaker[Session]:
    """The session factory of a Workspace, or of a bare Engine (tests, benchmarks)."""
    factory = getattr(workspace, "session_factory", None)
    if factory is not None:
        return factory
    return session_factory(workspace)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SourceFields:
    """Bibliographic fields a user gives when adding a source (None: not given)."""

    title: str | None = None
    author: str | None = None
    year: int | None = None
    publisher: str | None = None
    translator: str | None = None
    archive_reference: str | None = None
    url: str | None = None
    kind: str | None = None
    edition: str | None = None


@dataclass(frozen=True, slots=True)
class AddedSource:
    """What was stored for a new source."""

    source_id: int
    title: str
    kind: str
    format: str
    passages: int
    pages: int
    speakers: list[str]
    archive_reference: str | None
    published_in: str | None


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source as ``source list`` shows it."""

    source_id: int
    kind: str
    title: str
    author: str | None
    year: int | None
    reference: str | None  # archive reference or published edition
    passages: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A passage found by ``source search``."""

    source_id: int
    source_title: str
    locator: str
    speaker: str | None
    text: str  # the passage as printed


def _checked_kind(kind: str | None, transcript: bool) -> str:
    if kind is None:
        return SourceKind.TRANSCRIPT.value if transcript else SourceKind.OTHER.value
    try:
        return SourceKind(kind.strip().lower()).value
    except ValueError:
        known = ", ".join(k.value for k in SourceKind)
        raise InvalidValueError(f"{kind!r} is not a kind of source (use one of: {known})") from None


def _checked_year(year: object) -> int | None:
    if year in (None, ""):
        return None
    try:
        value = int(str(year).strip())
    except ValueError:
        raise InvalidValueError(f"{year!r} is not a year") from None
    if not -3000 <= value <= 2200:
        raise InvalidValueError(f"{year!r} is not a plausible year")
    return value


def add_source(
    workspace: object, path: Path, fields: SourceFields = SourceFields(), *, actor: str | None = None
) -> AddedSource:
    """Read ``path`` and store it as a new source; all or nothing."""
    path = Path(path)
    document = read_source(path)  # every reading error surfaces before any write
    sha256 = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    given: dict[str, object] = {
        "title": fields.title, "author": fields.author, "publisher": fields.publisher,
        "year": _checked_year(fields.year), "edition": fields.edition,
    }
    if fields.archive_reference:
        parsed = parse_archive_reference(fields.archive_reference)
        if parsed is not None:
            given.update({k: getattr(parsed, k) for k in (
                "archive_name", "archive_fond", "archive_opis", "archive_delo", "archive_list")})
        given["archive_reference"] = fields.archive_reference
    values = document.bibliography.merged_with({k: v for k, v in given.items() if v is not None})
    title = clean_text(str(values.get("title") or path.stem)).strip()[:500] or path.name
    with UnitOfWork(sessions_of(workspace), actor=actor) as uow:
        session = uow.session
        duplicate = session.scalar(select(SourceDocument.source_id).where(SourceDocument.sha256 == sha256))
        if duplicate is not None:
            raise InputFileError(path, f"is already in the library as source {duplicate}")
        ensure_search_index(session.connection())
        source = Source(
            kind=_checked_kind(fields.kind, document.is_transcript),
            title=title,
            author=_short(values.get("author"), 300),
            publisher=_short(values.get("publisher"), 300),
            year=values.get("year"),  # type: ignore[arg-type]
            edition=_short(values.get("edition"), 200),
            translator=_short(fields.translator, 300),
            archive_name=_short(values.get("archive_name"), 100),
            archive_fond=_short(values.get("archive_fond"), 40),
            archive_opis=_short(values.get("archive_opis"), 40),
            archive_delo=_short(values.get("archive_delo"), 40),
            archive_list=_short(values.get("archive_list"), 80),
            archive_reference=_short(values.get("archive_reference"), 10_000),
            published_in=_short(values.get("published_in"), 10_000),
            url=_short(fields.url, 1000),
        )
        session.add(source)
        session.flush()
        stored = SourceDocument(
            source_id=source.id, filename=path.name[:500], format=document.format,
            sha256=sha256, text=document.text,
        )
        session.add(stored)
        session.flush()
        bulk_insert(session, SourcePage, [
            {"document_id": stored.id, "label": page.label[:40], "start": page.start, "end": page.end}
            for page in document.pages
        ])
        store_passages(session.connection(), stored.id, document.passages)
        log_bulk_insert(session, SourcePassage.__tablename__, None, len(document.passages))
        return AddedSource(
            source_id=source.id,
            title=source.title,
            kind=source.kind,
            format=document.format,
            passages=len(document.passages),
            pages=len(document.pages),
            speakers=sorted({p.speaker for p in document.passages if p.speaker}),
            archive_reference=source.archive_reference,
            published_in=source.published_in,
        )


def _short(value: object, limit: int) -> str | None:
    if value in (None, ""):
        return None
    return clean_text(str(value)).strip()[:limit] or None


def list_sources(workspace: object) -> list[SourceRow]:
    """Every source in the library, oldest first, with its number of passages."""
    with sessions_of(workspace)() as session:
        counts = dict(
            session.execute(
                select(SourceDocument.source_id, func.count(SourcePassage.id))
                .join(SourcePassage, SourcePassage.document_id == SourceDocument.id)
                .group_by(SourceDocument.source_id)
            ).all()
        )
        return [
            SourceRow(
                source_id=s.id, kind=s.kind, title=s.title, author=s.author, year=s.year,
                reference=s.archive_reference or s.published_in, passages=counts.get(s.id, 0),
            )
            for s in session.scalars(select(Source).order_by(Source.id))
        ]


def find_source(session: Session, reference: str) -> Source:
    """A source by its number or by (part of) its title; NotFoundError otherwise."""
    reference = reference.strip()
    if reference.isdigit():
        source = session.get(Source, int(reference))
        if source is not None:
            return source
    matches = list(
        session.scalars(select(Source).where(func.lower(Source.title).contains(reference.lower())).limit(3))
    )
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise InvalidValueError(f"{reference!r} names more than one source; give its number")
    raise NotFoundError(f"there is no source {reference!r} in the library")


def search_sources(workspace: object, text: str, limit: int = 20) -> list[SearchResult]:
    """Passages of every source that best match ``text``."""
    from scriptdesk.sources.matching import QuotationMatcher

    if not text.strip():
        raise InvalidValueError("give some words to search for")
    with sessions_of(workspace)() as session:
        search = PassageSearch(session.connection())
        matcher = QuotationMatcher(search)
        hits = search.find(text, limit=limit)
        titles = dict(session.execute(select(Source.id, Source.title)).all())
        results = [
            SearchResult(
                source_id=hit.source_id,
                source_title=titles.get(hit.source_id, "?"),
                locator=matcher.locator(hit, hit.start, hit.end),
                speaker=hit.speaker,
                text=hit.printed if hit.printed is not None else hit.match_text,
            )
            for hit in hits
        ]
        session.commit()  # keeps a just-created search index
        return results
