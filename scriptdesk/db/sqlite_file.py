"""Looking at an SQLite file before ScriptDesk opens it for writing, and backing it up.

Everything here opens the file read-only (``mode=ro``) through the standard
library, so a file that turns out to be damaged, another application's, or
newer than this ScriptDesk is never rewritten. Backups use SQLite's online
backup API, which copies a consistent snapshot even while a WAL is in use.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from scriptdesk.db.migrate import APPLICATION_ID
from scriptdesk.domain.errors import DatabaseError, ForeignDatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class SqliteFileState:
    """What an SQLite file holds, as far as opening it is concerned."""

    path: Path
    exists: bool
    tables: frozenset[str]
    revision: str | None

    @property
    def is_empty(self) -> bool:
        """No file yet, or a file without tables: ScriptDesk may create its schema."""
        return not self.tables


def _damaged(path: Path, detail: str) -> DatabaseError:
    return DatabaseError(
        f"{path} cannot be opened as a ScriptDesk database ({detail}); it was left unchanged"
    )


def _check_header(path: Path) -> None:
    """Cheap structural checks on the 100-byte header and the file size."""
    size = path.stat().st_size
    if size == 0:
        return  # a new, empty file: SQLite treats it as an empty database
    with path.open("rb") as stream:
        header = stream.read(_HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC):
        raise _damaged(path, "it is not an SQLite database file")
    if len(header) < _HEADER_SIZE:
        raise _damaged(path, "the file is truncated")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _damaged(path, "its header is damaged")
    change_counter = header[24:28]
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header page count is only meaningful when its validity stamp matches.
    if page_count and header[92:96] == change_counter and size < page_count * page_size:
        raise _damaged(path, "the file is truncated")
    if size % page_size:
        raise _damaged(path, "the file is truncated")


def _is_idle_wal_file(path: Path) -> bool:
    """A WAL-mode file that no connection has open (SQLite keeps ``-wal`` while one does)."""
    with path.open("rb") as stream:
        header = stream.read(_HEADER_SIZE)
    wal_mode = len(header) == _HEADER_SIZE and header[18] == 2 and header[19] == 2
    return wal_mode and not Path(f"{path}-wal").exists()


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection that can never modify the file.

    Even read-only, SQLite creates ``-wal``/``-shm`` files beside a WAL-mode
    database; when no one has it open, ``immutable`` reads it without them.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if path.stat().st_size and _is_idle_wal_file(path):
        uri += "&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        yield connection


def inspect_sqlite_file(path: Path) -> SqliteFileState:
    """Check that ``path`` is absent, empty or ScriptDesk's, without writing to it.

    Raises :class:`DatabaseError` for a damaged or non-SQLite file and
    :class:`ForeignDatabaseError` for another application's database.
    """
    if not path.exists():
        return SqliteFileState(path, False, frozenset(), None)
    if not path.is_file():
        raise DatabaseError(f"{path} is not a file, so it cannot be a ScriptDesk database")
    _check_header(path)
    try:
        with read_only(path) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = frozenset(
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            )
            owner = _meta_application(connection, tables)
            revision = _stored_revision(connection, tables)
    except sqlite3.DatabaseError as error:
        raise _damaged(path, str(error)) from error
    ours = application_id == APPLICATION_ID or owner == "scriptdesk"
    if (tables and not ours) or application_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(
            f"{path} is another application's SQLite database, not ScriptDesk's; "
            "it was left unchanged"
        )
    if tables and revision is None:
        raise _damaged(path, "it has ScriptDesk tables but no schema revision")
    return SqliteFileState(path, True, tables, revision)


def _meta_application(connection: sqlite3.Connection, tables: frozenset[str]) -> str | None:
    if "scriptdesk_meta" not in tables:
        return None
    row = connection.execute(
        "SELECT value FROM scriptdesk_meta WHERE key = 'application'"
    ).fetchone()
    return row[0] if row else None


def _stored_revision(connection: sqlite3.Connection, tables: frozenset[str]) -> str | None:
    if "alembic_version" not in tables:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def check_integrity(path: Path) -> None:
    """Run ``PRAGMA quick_check`` (a full read of the file) before it is migrated."""
    try:
        with read_only(path) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        raise _damaged(path, str(error)) from error
    if problems != ["ok"]:
        raise _damaged(path, f"integrity check failed: {'; '.join(problems)}")


def backup_path_for(path: Path, revision: str | None, now: dt.datetime | None = None) -> Path:
    """A free, timestamped name beside ``path`` for a backup taken at ``revision``."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".sqlite3"
    base = f"{path.stem}.backup-{stamp}-{revision or 'empty'}"
    candidate = path.with_name(base + suffix)
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{base}-{counter}{suffix}")
        counter += 1
    return candidate


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a consistent snapshot of ``path`` beside it with the backup API."""
    destination = backup_path_for(path, revision)
    partial = destination.with_name(destination.name + ".partial")
    try:
        with read_only(path) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, destination)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"could not write a backup of {path} to {destination} ({error}); "
            "the database was not upgraded"
        ) from error
    return destination
