"""Where ScriptDesk keeps its data, and who the current user is.

Every location comes from here. ``SCRIPTDESK_HOME`` moves all of them at once
(tests use it), ``SCRIPTDESK_DATABASE_URL`` points at a team server, and
``SCRIPTDESK_USER`` names the researcher who signs verifications.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "scriptdesk"
DATABASE_FILE_NAME = "scriptdesk.sqlite3"


def data_dir() -> Path:
    """The folder of the embedded database (created on demand)."""
    override = os.environ.get("SCRIPTDESK_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """The embedded SQLite file used when no --db or URL is given."""
    return data_dir() / DATABASE_FILE_NAME


def default_export_dir() -> Path:
    """Where reports go by default: ``exports/`` in the current folder."""
    return Path.cwd() / "exports"


def current_user() -> str:
    """The name recorded on verifications and edits."""
    name = os.environ.get("SCRIPTDESK_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True, slots=True)
class DatabaseTarget:
    """A resolved database location: an SQLAlchemy URL and, for SQLite, its file."""

    url: str
    sqlite_path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None or self.url.startswith("sqlite")

    def describe(self) -> str:
        """A human description that never shows a password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def resolve_database(db: str | None = None) -> DatabaseTarget:
    """Turn ``--db`` (a path or URL), the environment, or the default into a target."""
    value = db or os.environ.get("SCRIPTDESK_DATABASE_URL") or ""
    if not value:
        path = default_database_path()
        return DatabaseTarget(f"sqlite:///{path}", path)
    if "://" in value:
        if value.startswith("sqlite:///") and value != "sqlite:///:memory:":
            return DatabaseTarget(value, Path(value.removeprefix("sqlite:///")))
        return DatabaseTarget(value, None)
    path = Path(value).expanduser().resolve()
    return DatabaseTarget(f"sqlite:///{path}", path)


#: Confirmed independent sources a quotation needs to be fully verified.
DEFAULT_REQUIRED_SOURCES = 2


def required_sources() -> int:
    """The independent-sources rule: ``SCRIPTDESK_REQUIRED_SOURCES`` or 2."""
    value = os.environ.get("SCRIPTDESK_REQUIRED_SOURCES", "").strip()
    if not value:
        return DEFAULT_REQUIRED_SOURCES
    if not value.isdigit() or int(value) < 1:
        from scriptdesk.domain.errors import InvalidValueError

        raise InvalidValueError(f"SCRIPTDESK_REQUIRED_SOURCES={value!r} is not a whole number of 1 or more")
    return int(value)
