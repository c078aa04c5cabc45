"""Schema migrations: models and migrations agree, old databases upgrade safely."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from scriptdesk.config import DatabaseTarget
from scriptdesk.db import migrate
from scriptdesk.db.engine import create_database_engine
from scriptdesk.db.models import Base
from scriptdesk.domain.errors import DatabaseError, ForeignDatabaseError, SchemaTooNewError
from scriptdesk.services.workspace import open_workspace

FIRST = "0001_initial"
REPO_ROOT = Path(__file__).resolve().parent.parent


def upgrade_to(engine: Engine, revision: str, script_location: Path | None = None) -> None:
    with engine.begin() as connection:
        config = migrate.alembic_config(script_location)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def fill_first_revision(engine: Engine) -> None:
    """Data written the way revision 0001 stores it (raw SQL, no current models)."""
    statements = [
        "INSERT INTO production (id, title, words_per_minute, created_at, version) "
        "VALUES (1, 'The Lighthouse Keepers', 135, '2024-05-01 10:00:00', 1)",
        "INSERT INTO script (id, production_id, title, created_at, version) "
        "VALUES (1, 1, 'Narration', '2024-05-01 10:00:00', 1)",
        "INSERT INTO script_revision (id, script_id, label, source_filename, format, encoding, "
        "sha256, imported_at, source_text, version) VALUES (1, 1, 'draft 1', 'keepers.md', "
        "'prose', 'utf-8', 'ab', '2024-05-01 10:00:00', 'The lamp was lit at dusk.', 1)",
        "INSERT INTO scene (id, revision_id, ordinal, number, title, time_context, word_count, "
        "estimated_seconds, origin, review_state, version) VALUES "
        "(1, 1, 1, '1', 'Dusk', 'Winter 1911', 6, 2.5, 'engine', 'suggested', 1)",
        "INSERT INTO block (id, revision_id, scene_id, ordinal, kind, text, source_start, source_end) "
        "VALUES (1, 1, 1, 0, 'narration', 'The lamp was lit at dusk.', 0, 25)",
        "INSERT INTO quotation (id, production_id, revision_id, scene_id, ordinal, text, medium, "
        "verification_state, eo_class, notes, origin, review_state, version, block_id, span_start, "
        "span_end) VALUES (1, 1, 1, 1, 0, 'Keep the flame', 'diary', 'unverified', 'factual', '', "
        "'engine', 'suggested', 1, 1, 4, 8)",
    ]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def assert_data_intact(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("SELECT title, words_per_minute FROM production")).one() == (
            "The Lighthouse Keepers",
            135,
        )
        assert connection.execute(text("SELECT text, scene_id FROM block")).one() == (
            "The lamp was lit at dusk.",
            1,
        )
        assert connection.execute(text("SELECT text, medium, span_end FROM quotation")).one() == (
            "Keep the flame",
            "diary",
            8,
        )


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": migrate.include_name}
        )
        assert compare_metadata(context, Base.metadata) == []
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_revision_chain_is_linear() -> None:
    scripts = migrate.script_directory()
    assert len(scripts.get_heads()) == 1
    assert scripts.get_base() == FIRST


def _alembic_order(location: Path | None = None) -> tuple[str, ...]:
    walked = migrate.script_directory(location).walk_revisions()
    return tuple(reversed([script.revision for script in walked]))


def test_revision_ids_read_without_alembic_match_alembic(broken_migrations: Path) -> None:
    assert migrate.shipped_revisions() == _alembic_order()
    assert migrate.head_revision() == migrate.script_directory().get_current_head()
    assert migrate.shipped_revisions(broken_migrations) == _alembic_order(broken_migrations)
    assert migrate.head_revision(broken_migrations) == "0900_broken"
    assert migrate.is_known_revision(FIRST) and not migrate.is_known_revision("0900_broken")


def test_revision_ids_of_a_branched_history_come_from_alembic(broken_migrations: Path) -> None:
    # a second script revising the first makes a branch the header reader leaves to Alembic
    branch = (broken_migrations / "versions" / "0901_branch.py")
    branch.write_text(BROKEN_REVISION.replace("0900_broken", "0901_branch").format(head=FIRST))
    with pytest.raises(DatabaseError, match="end in 2 revisions"):
        migrate.head_revision(broken_migrations)


def test_first_revision_with_data_upgrades_intact(database_target: DatabaseTarget) -> None:
    engine = create_database_engine(database_target)
    try:
        upgrade_to(engine, FIRST)
        fill_first_revision(engine)
        result = migrate.upgrade_to_head(engine, database_target)
        assert (result.from_revision, result.to_revision) == (FIRST, migrate.head_revision())
        assert_data_intact(engine)
        indexes = {index["name"] for index in inspect(engine).get_indexes("block")}
        assert "ix_block_revision_id_ordinal" in indexes
    finally:
        engine.dispose()


def test_sqlite_database_is_marked_as_scriptdesk(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("application_id is an SQLite header field")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA application_id").scalar() == migrate.APPLICATION_ID
        assert connection.exec_driver_sql(
            "SELECT value FROM scriptdesk_meta WHERE key = 'application'"
        ).scalar() == "scriptdesk"


def make_old_sqlite(path: Path) -> None:
    target = DatabaseTarget(f"sqlite:///{path}", path)
    engine = create_database_engine(target)
    upgrade_to(engine, FIRST)
    fill_first_revision(engine)
    engine.dispose()


def test_opening_older_sqlite_backs_up_then_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "films.sqlite3"
    make_old_sqlite(path)
    with open_workspace(str(path)) as workspace:
        assert workspace.schema.found_revision == FIRST
        assert workspace.schema.revision == migrate.head_revision()
        backup = workspace.schema.backup
        assert_data_intact(workspace.engine)
    assert backup is not None and backup.parent == tmp_path and FIRST in backup.name
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
        assert copy.execute("SELECT title FROM production").fetchone() == ("The Lighthouse Keepers",)
    assert not list(tmp_path.glob("*.partial"))


def stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_newer_schema_is_refused_and_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with open_workspace(str(path)):
        pass
    stamp(path, "0099_from_the_future")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as refused:
        open_workspace(str(path))
    message = str(refused.value)
    assert "0099_from_the_future" in message and migrate.head_revision() in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite3"]


def test_newer_schema_on_server_is_refused(database_target: DatabaseTarget) -> None:
    engine = create_database_engine(database_target)
    try:
        migrate.upgrade_to_head(engine, database_target)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
        with pytest.raises(SchemaTooNewError, match="0099_future"):
            open_workspace(database_target.url)
        with pytest.raises(SchemaTooNewError):
            migrate.upgrade_to_head(engine, database_target)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == "0099_future"
    finally:
        engine.dispose()


def test_foreign_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "recipes.db"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipe (name) VALUES ('bread')")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another application"):
        open_workspace(str(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recipes.db"]


def test_other_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA application_id = 1234")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        open_workspace(str(path))
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["random", "truncated", "text"])
def test_damaged_file_gets_one_sentence_and_stays_untouched(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "damaged.sqlite3"
    if damage == "random":
        path.write_bytes(bytes(range(256)) * 40)
    elif damage == "text":
        path.write_text("INT. LIGHTHOUSE - NIGHT\nThe keeper climbs the stairs.\n")
    else:
        make_old_sqlite(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2 + 100])
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as refused:
        open_workspace(str(path))
    message = str(refused.value)
    assert str(path) in message and "\n" not in message and "left unchanged" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.sqlite3"]


BROKEN_REVISION = '''"""A migration that fails half-way (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "0900_broken"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("quotation") as batch_op:
        batch_op.add_column(sa.Column("never_kept", sa.Integer(), nullable=True))
    op.create_table("never_kept_either", sa.Column("id", sa.Integer(), primary_key=True))
    raise RuntimeError("this migration fails half-way")


def downgrade():
    pass
'''


@pytest.fixture
def broken_migrations(tmp_path: Path) -> Path:
    location = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "0900_broken.py").write_text(
        BROKEN_REVISION.format(head=migrate.head_revision())
    )
    return location


def test_failed_migration_leaves_old_revision_and_no_temp_tables(
    database_target: DatabaseTarget, broken_migrations: Path
) -> None:
    engine = create_database_engine(database_target)
    try:
        migrate.upgrade_to_head(engine, database_target)
        fill_first_revision(engine)
        with pytest.raises(RuntimeError, match="fails half-way"):
            migrate.upgrade_to_head(engine, database_target, script_location=broken_migrations)
        with engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
            tables = inspect(connection).get_table_names()
            assert not [name for name in tables if name.startswith("_alembic_tmp")]
            assert "never_kept_either" not in tables
            columns = {column["name"] for column in inspect(connection).get_columns("quotation")}
            assert "never_kept" not in columns
        assert_data_intact(engine)
        if engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_failed_upgrade_on_open_keeps_backup_and_old_revision(
    tmp_path: Path, broken_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "films.sqlite3"
    make_old_sqlite(path)
    monkeypatch.setattr(migrate, "migrations_dir", lambda: broken_migrations)
    with pytest.raises(RuntimeError):
        open_workspace(str(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
        assert not [name for name in names if name.startswith("_alembic_tmp")]
    connection.close()
    assert len(list(tmp_path.glob("films.backup-*.sqlite3"))) == 1


def test_migrations_found_in_checkout() -> None:
    assert migrate.migrations_dir() == REPO_ROOT / "migrations"


@pytest.mark.slow
def test_wheel_ships_migrations_and_upgrades_from_them(tmp_path: Path) -> None:
    """Build the wheel, then create a database with the code and migrations inside it."""
    pytest.importorskip("hatchling")
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"), str(REPO_ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0 and "No module named build" in build.stderr:
        pytest.skip("the build package is not installed")
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("scriptdesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "unpacked")
    assert "scriptdesk/_migrations/env.py" in names
    assert "scriptdesk/_migrations/versions/0001_initial.py" in names
    probe = (
        "import scriptdesk, sys; from scriptdesk.db.migrate import migrations_dir;"
        "from scriptdesk.cli import main;"
        "print(scriptdesk.__file__); print(migrations_dir());"
        f"sys.exit(main(['db', 'upgrade', '--db', {str(tmp_path / 'w.sqlite3')!r}]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "unpacked"), "SCRIPTDESK_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert lines[0].startswith(str(tmp_path / "unpacked"))
    assert lines[1] == str(tmp_path / "unpacked" / "scriptdesk" / "_migrations")
    assert "created" in lines[2]
