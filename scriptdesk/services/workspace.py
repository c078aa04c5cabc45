"""Opening a ScriptDesk database safely: the workspace every use case works in.

:func:`open_workspace` resolves ``--db``/the environment/the default, checks
the file before anything may write to it (damaged, another application's, or
newer than this ScriptDesk: refused and left unchanged), takes a timestamped
backup of an older SQLite database, upgrades it, and hands out audited
sessions and units of work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from scriptdesk.config import DatabaseTarget, resolve_database
from scriptdesk.db import migrate
from scriptdesk.db.engine import create_database_engine, session_factory
from scriptdesk.db.models import AppMeta
from scriptdesk.db.sqlite_file import backup_sqlite, check_integrity, inspect_sqlite_file
from scriptdesk.db.unit_of_work import UnitOfWork
from scriptdesk.domain.enums import Origin
from scriptdesk.domain.errors import DatabaseError, ForeignDatabaseError


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """The schema revision found on opening, what it is now, and the backup taken."""

    found_revision: str | None
    revision: str | None
    head: str
    backup: Path | None = None

    @property
    def upgraded(self) -> bool:
        return self.found_revision != self.revision

    @property
    def is_current(self) -> bool:
        return self.revision == self.head


@dataclass(eq=False)
class Workspace:
    """An open database: its location, engine, and audited session factory."""

    target: DatabaseTarget
    engine: Engine
    schema: SchemaStatus
    session_factory: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.session_factory = session_factory(self.engine)

    def session(self) -> Session:
        """A new audited session (the caller commits and closes it)."""
        return self.session_factory()

    def unit_of_work(self, actor: str | None = None, actor_kind: Origin | str = Origin.PERSON) -> UnitOfWork:
        """A transaction on behalf of ``actor`` (default: the current user)."""
        return UnitOfWork(self, actor=actor, actor_kind=actor_kind)

    def close(self) -> None:
        """Release every connection (on SQLite this also checkpoints the WAL)."""
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_workspace(db: str | None = None, *, upgrade: bool = True) -> Workspace:
    """Open (and with ``upgrade``, create or upgrade) the database named by ``db``.

    Without ``upgrade`` nothing is written: a missing database is an error and
    an older schema is reported in :attr:`Workspace.schema` but left as it is.
    """
    target = resolve_database(db)
    head = migrate.head_revision()
    if target.sqlite_path is not None:
        return _open_sqlite(target, target.sqlite_path, head, upgrade)
    return _open_server(target, head, upgrade)


def _open_sqlite(target: DatabaseTarget, path: Path, head: str, upgrade: bool) -> Workspace:
    state = inspect_sqlite_file(path)
    migrate.refuse_unknown_revision(state.revision, str(path))
    if not state.exists and not upgrade:
        raise DatabaseError(
            f"there is no ScriptDesk database at {path} yet; run scriptdesk db upgrade to create it"
        )
    backup: Path | None = None
    if upgrade and state.revision != head:
        if state.exists and not state.is_empty:
            check_integrity(path)
            backup = backup_sqlite(path, state.revision)
        else:
            _create_folder(path)
    engine = create_database_engine(target)
    try:
        schema = _upgrade(engine, target, head, state.revision, upgrade, backup)
    except BaseException:
        engine.dispose()
        raise
    return Workspace(target, engine, schema)


def _create_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            f"cannot create the folder {path.parent} for the database ({error.strerror})"
        ) from error


def _open_server(target: DatabaseTarget, head: str, upgrade: bool) -> Workspace:
    engine = create_database_engine(target)
    try:
        revision = _server_revision(engine, target)
        migrate.refuse_unknown_revision(revision, target.describe())
        schema = _upgrade(engine, target, head, revision, upgrade, None)
    except BaseException:
        engine.dispose()
        raise
    return Workspace(target, engine, schema)


def _server_revision(engine: Engine, target: DatabaseTarget) -> str | None:
    """The revision of a server database; refuses a schema full of others' tables."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = migrate.current_revision(connection)
            owner = None
            if "scriptdesk_meta" in tables:
                owner = connection.scalar(select(AppMeta.value).where(AppMeta.key == "application"))
    except SQLAlchemyError as error:
        raise DatabaseError(
            f"cannot connect to the database {target.describe()} ({type(error).__name__})"
        ) from error
    foreign = {name for name in tables if migrate.include_name(name, "table", None)}
    foreign.discard("alembic_version")
    if foreign and owner != "scriptdesk":
        raise ForeignDatabaseError(
            f"{target.describe()} holds another application's tables; "
            "ScriptDesk needs its own database or schema and left this one unchanged"
        )
    return revision


def _upgrade(
    engine: Engine,
    target: DatabaseTarget,
    head: str,
    revision: str | None,
    upgrade: bool,
    backup: Path | None,
) -> SchemaStatus:
    if not upgrade or revision == head:
        return SchemaStatus(revision, revision, head)
    result = migrate.upgrade_to_head(engine, target)
    return SchemaStatus(revision, result.to_revision, head, backup)


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    """What ``scriptdesk db info`` shows."""

    location: str
    backend: str
    revision: str | None
    head: str
    counts: dict[str, int]


#: The tables ``db info`` counts, in the film-maker's order.
MAIN_TABLES = (
    "production",
    "script",
    "script_revision",
    "scene",
    "block",
    "quotation",
    "source",
    "citation",
    "footage_need",
    "rights_item",
    "shot",
    "person",
    "audit_log",
)


def describe_database(workspace: Workspace) -> DatabaseInfo:
    """Location (no password), schema revision and head, and rows per main table."""
    from sqlalchemy import table

    counts: dict[str, int] = {}
    if workspace.schema.revision is not None:
        with workspace.session() as session:
            for name in MAIN_TABLES:
                counts[name] = session.scalar(select(func.count()).select_from(table(name))) or 0
    return DatabaseInfo(
        location=workspace.target.describe(),
        backend=workspace.engine.dialect.name,
        revision=workspace.schema.revision,
        head=workspace.schema.head,
        counts=counts,
    )
