"""The schema migration runner: Alembic driven from code, no alembic.ini needed.

The migration scripts live in the top-level ``migrations/`` folder of a
checkout and in ``scriptdesk/_migrations`` inside an installed wheel;
:func:`migrations_dir` finds them. :func:`upgrade_to_head` runs every pending
migration in one transaction on both SQLite and PostgreSQL, so a migration that
fails leaves the database at its old revision with no half-built tables.

Opening a database that is already current needs only the revision ids, which
:func:`shipped_revisions` reads from the scripts' header lines; Alembic itself
(a large import) is loaded only when a migration actually runs.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from scriptdesk.config import DatabaseTarget
from scriptdesk.domain.errors import DatabaseError, SchemaTooNewError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

#: ``PRAGMA application_id`` of every ScriptDesk SQLite file ("SDSK" in ASCII).
APPLICATION_ID = 0x5344534B

#: Table names that belong to the database's own machinery or to full-text
#: indexes built outside the models; schema comparison leaves them alone.
IGNORED_TABLE_MARKERS = ("_fts",)

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    """The folder of the migration scripts: in the wheel, else in the checkout."""
    for candidate in (_PACKAGE_DIR / "_migrations", _PACKAGE_DIR.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise DatabaseError(
        f"the schema migrations of ScriptDesk are missing from {_PACKAGE_DIR}; "
        "reinstall ScriptDesk"
    )


def alembic_config(script_location: Path | None = None) -> Config:
    """An Alembic configuration built in code (the runtime never reads alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location or migrations_dir()))
    return config


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    """The revisions ScriptDesk ships, as Alembic sees them."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location))


_HEADER_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _revisions_in(location: Path) -> tuple[str, ...]:
    links: dict[str, str | None] = {}
    for script in sorted((location / "versions").glob("*.py")):
        found = dict(_HEADER_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            return _revisions_by_alembic(location)
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return _revisions_by_alembic(location)  # merges and branches: let Alembic walk them
        links[revision] = down
    chain: list[str] = []
    following = {down: revision for revision, down in links.items()}
    current = following.get(None)
    while current is not None and len(chain) <= len(links):
        chain.append(current)
        current = following.get(current)
    if len(chain) != len(links) or len(following) != len(links):
        return _revisions_by_alembic(location)
    return tuple(chain)


def _revisions_by_alembic(location: Path) -> tuple[str, ...]:
    scripts = script_directory(location)
    heads = scripts.get_heads()
    if len(heads) > 1:
        raise DatabaseError(
            f"the schema migrations in {location} end in {len(heads)} revisions "
            f"({', '.join(sorted(heads))}) instead of one; reinstall ScriptDesk"
        )
    return tuple(reversed([script.revision for script in scripts.walk_revisions()]))


def shipped_revisions(script_location: Path | None = None) -> tuple[str, ...]:
    """Every schema revision this version of ScriptDesk knows, oldest first."""
    return _revisions_in((script_location or migrations_dir()).resolve())


def head_revision(script_location: Path | None = None) -> str:
    """The newest schema revision this version of ScriptDesk knows."""
    revisions = shipped_revisions(script_location)
    if not revisions:  # pragma: no cover - the package always ships revisions
        raise DatabaseError("ScriptDesk ships no schema revisions; reinstall ScriptDesk")
    return revisions[-1]


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    """Whether a revision stored in a database is one of ours (else it is newer)."""
    return revision in shipped_revisions(script_location)


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, or None for an unversioned one."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revisions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(revisions) > 1:
        raise DatabaseError(
            f"the database has {len(revisions)} schema revisions at once ({', '.join(sorted(revisions))}); "
            "ScriptDesk keeps one and left it unchanged"
        )
    return revisions[0] if revisions else None


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic ``include_name`` hook: skip tables the models do not describe."""
    if type_ == "table" and name is not None:
        if name.startswith("sqlite_") or any(m in name for m in IGNORED_TABLE_MARKERS):
            return False
    return True


def refuse_unknown_revision(revision: str | None, where: str, script_location: Path | None = None) -> None:
    """Raise :class:`SchemaTooNewError` when the database is ahead of this version."""
    if revision is not None and not is_known_revision(revision, script_location):
        raise SchemaTooNewError(
            f"{where} has schema revision {revision}, newer than this ScriptDesk "
            f"knows (its newest is {head_revision(script_location)}); "
            "it was left unchanged: update ScriptDesk to open it"
        )


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What an upgrade did: the revision before and after (equal when nothing ran)."""

    from_revision: str | None
    to_revision: str

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def upgrade_to_head(
    engine: Engine, target: DatabaseTarget, *, script_location: Path | None = None
) -> UpgradeResult:
    """Run every pending migration in one transaction; all or nothing.

    Callers that open user files go through
    :func:`scriptdesk.services.workspace.open_workspace`, which checks the file
    and takes a backup first; this function only migrates.
    """
    location = script_location or migrations_dir()
    head = head_revision(location)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            return _upgrade_sqlite(connection, target, location, head)
        with connection.begin():
            return _run_upgrade(connection, target, location, head)


def _upgrade_sqlite(
    connection: Connection, target: DatabaseTarget, location: Path, head: str
) -> UpgradeResult:
    # pysqlite does not begin a transaction before DDL, so a failed batch
    # migration would leave ``_alembic_tmp_*`` tables behind: switch the driver
    # to manual transactions and begin one ourselves. Foreign keys must be off
    # (outside the transaction, where the pragma takes effect) because batch
    # mode drops and recreates tables, and ON DELETE CASCADE would fire.
    dbapi_connection = connection.connection.driver_connection
    previous_isolation = dbapi_connection.isolation_level
    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
    connection.commit()
    dbapi_connection.isolation_level = None
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            result = _run_upgrade(connection, target, location, head)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(
                    f"upgrading {target.describe()} would break {len(problems)} "
                    f"references between records (first in table {problems[0][0]}); "
                    "nothing was changed"
                )
        except BaseException:
            connection.rollback()
            raise
        connection.commit()
        return result
    finally:
        dbapi_connection.isolation_level = previous_isolation
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        connection.commit()


def _run_upgrade(
    connection: Connection, target: DatabaseTarget, location: Path, head: str
) -> UpgradeResult:
    from alembic import command

    before = current_revision(connection)
    refuse_unknown_revision(before, target.describe(), location)
    if before == head:
        return UpgradeResult(before, head)
    if before is None:
        _refuse_unversioned_tables(connection, target)
    config = alembic_config(location)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    return UpgradeResult(before, head)


def _refuse_unversioned_tables(connection: Connection, target: DatabaseTarget) -> None:
    tables = [name for name in inspect(connection).get_table_names() if include_name(name, "table", None)]
    if tables:
        raise DatabaseError(
            f"{target.describe()} already holds tables ({', '.join(sorted(tables)[:3])}...) "
            "but no ScriptDesk schema revision; it was left unchanged"
        )
