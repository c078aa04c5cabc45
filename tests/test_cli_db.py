"""``scriptdesk db upgrade``, ``db info`` and ``list``, run in-process."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from scriptdesk.cli import main
from scriptdesk.db.migrate import head_revision
from scriptdesk.db.models import Production, Scene, Script, ScriptRevision
from scriptdesk.services.workspace import open_workspace

POSTGRES_URL = os.environ.get("SCRIPTDESK_TEST_POSTGRES_URL", "")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fill(path: Path) -> None:
    with open_workspace(str(path)) as workspace, workspace.unit_of_work(actor="mira") as uow:
        production = Production(title="Night Ferry")
        script = Script(production=production, title="Narration")
        revision = ScriptRevision(script=script, label="draft 2", source_filename="f.md", format="prose", sha256="a")
        revision.scenes = [
            Scene(ordinal=i, number=str(i), title=title, time_context="1952")
            for i, title in enumerate(["Departure", "Open water"], start=1)
        ]
        uow.session.add_all([revision, Production(title="Empty Film")])


def test_upgrade_creates_then_reports_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "films.sqlite3"
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(path))
    assert code == 0 and f"created {path} at schema revision {head_revision()}" in out
    code, out, _ = run(capsys, "--db", str(path), "db", "upgrade")
    assert code == 0 and "already at schema revision" in out


def test_upgrade_of_older_database_prints_revisions_and_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_migrations import FIRST, make_old_sqlite

    path = tmp_path / "old.sqlite3"
    make_old_sqlite(path)
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(path))
    assert code == 0
    assert f"from schema revision {FIRST} to {head_revision()}" in out
    backup = Path(out.split("backup of the previous version: ")[1].strip())
    assert backup.is_file() and backup.parent == tmp_path


def test_info_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "films.sqlite3"
    fill(path)
    code, out, _ = run(capsys, "db", "info", "--json", "--db", str(path))
    info = json.loads(out)
    assert code == 0 and info["location"] == str(path) and info["revision"] == head_revision()
    assert info["counts"]["production"] == 2 and info["counts"]["scene"] == 2
    code, out, _ = run(capsys, "db", "info", "--db", str(path))
    assert code == 0 and "current" in out and "production" in out


def test_info_hides_server_password(capsys: pytest.CaptureFixture[str]) -> None:
    if not POSTGRES_URL:
        pytest.skip("SCRIPTDESK_TEST_POSTGRES_URL is not set")
    url = POSTGRES_URL.replace("postgres@", "postgres:hunter2@", 1)
    code, out, err = run(capsys, "db", "info", "--json", "--db", url)
    assert "hunter2" not in out + err and "***" in json.loads(out)["location"]


def test_list_productions_scripts_scenes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "films.sqlite3"
    fill(path)
    code, out, _ = run(capsys, "list", "productions", "--json", "--db", str(path))
    assert code == 0 and [p["title"] for p in json.loads(out)] == ["Empty Film", "Night Ferry"]
    code, out, _ = run(capsys, "list", "scripts", "--json", "--db", str(path))
    assert json.loads(out) == [
        {"id": 1, "production": "Night Ferry", "title": "Narration", "revisions": 1, "latest_revision": "draft 2"}
    ]
    code, out, _ = run(capsys, "list", "scenes", "--production", "night ferry", "--db", str(path))
    assert code == 0 and "Departure" in out and out.index("Departure") < out.index("Open water")
    code, out, _ = run(capsys, "list", "scenes", "--production", "Empty Film", "--json", "--db", str(path))
    assert json.loads(out) == []


def test_production_titles_match_in_any_case_also_beyond_ascii(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "films.sqlite3"
    fill(path)
    with open_workspace(str(path)) as workspace, workspace.unit_of_work(actor="mira") as uow:
        revision = ScriptRevision(
            script=Script(production=Production(title="Ночной паром"), title="Дикторский текст"),
            label="v1", source_filename="p.md", format="prose", sha256="b",
        )
        revision.scenes = [Scene(ordinal=1, number="1", title="Причал", time_context="1952")]
        uow.session.add(revision)
    code, out, _ = run(capsys, "list", "scenes", "--production", " ночной ПАРОМ ", "--json", "--db", str(path))
    assert code == 0 and [scene["title"] for scene in json.loads(out)] == ["Причал"]


def test_errors_are_one_sentence_with_documented_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "films.sqlite3"
    fill(path)
    code, out, err = run(capsys, "list", "scenes", "--production", "Nope", "--db", str(path))
    assert (code, out) == (5, "") and err.count("\n") == 1 and "'Nope'" in err

    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"\x00\x01 not a database " * 100)
    code, _, err = run(capsys, "db", "info", "--db", str(junk))
    assert code == 4 and str(junk) in err and err.count("\n") == 1

    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    code, _, err = run(capsys, "db", "upgrade", "--db", str(foreign))
    assert code == 4 and "another application" in err

    code, _, err = run(capsys, "db", "info", "--db", str(tmp_path / "absent.sqlite3"))
    assert code == 4 and "db upgrade" in err


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["db", "--help"])
    assert exited.value.code == 0 and "upgrade" in capsys.readouterr().out
