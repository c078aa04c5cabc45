"""Opening workspaces: where the database lives, connection settings, info."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptdesk.domain.errors import DatabaseError
from scriptdesk.services.workspace import describe_database, open_workspace


def test_default_database_is_created_in_the_data_folder(isolated_home: Path) -> None:
    with open_workspace() as workspace:
        assert workspace.target.sqlite_path == isolated_home / "scriptdesk.sqlite3"
        assert workspace.schema.found_revision is None and workspace.schema.is_current
        with workspace.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert (isolated_home / "scriptdesk.sqlite3").is_file()


def test_environment_url_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPTDESK_DATABASE_URL", f"sqlite:///{tmp_path / 'team.sqlite3'}")
    with open_workspace() as workspace:
        assert workspace.target.sqlite_path == tmp_path / "team.sqlite3"


def test_without_upgrade_nothing_is_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DatabaseError, match="db upgrade"):
        open_workspace(str(path), upgrade=False)
    assert not path.exists()


def test_an_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with open_workspace(str(path)) as workspace:
        assert workspace.schema.is_current and workspace.schema.backup is None


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="not a file"):
        open_workspace(str(tmp_path))


def test_describe_counts_rows(workspace) -> None:  # type: ignore[no-untyped-def]
    from scriptdesk.db.models import Production

    with workspace.unit_of_work(actor="mira") as uow:
        uow.session.add(Production(title="Counting"))
    info = describe_database(workspace)
    assert info.counts["production"] == 1 and info.counts["audit_log"] == 1
    assert info.revision == info.head
