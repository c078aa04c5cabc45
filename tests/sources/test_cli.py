"""The source, quote and verify commands, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptdesk.cli import main
from scriptdesk.config import resolve_database
from scriptdesk.db.engine import create_database_engine, session_scope
from scriptdesk.db.models import Production, Quotation

SOURCES = Path(__file__).resolve().parents[2] / "sample_scripts" / "sources"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_source_and_quote_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite3")
    code, out, _ = _run(capsys, "source", "add", str(SOURCES / "svir_council_transcript_1930.txt"), "--db", db,
                        "--title", "Construction Council, 14 January 1930", "--year", "1930")
    assert code == 0 and "added as source 1" in out and "TsGANTD. F. 212" in out and "Kraft" in out
    code, out, _ = _run(capsys, "source", "add", str(SOURCES / "kraft_letters.md"), "--db", db, "--kind", "letter",
                        "--author", "Otto Kraft")
    assert code == 0
    code, _, err = _run(capsys, "source", "add", str(tmp_path / "nowhere.txt"), "--db", db)
    assert code == 3 and "does not exist" in err and err.count("\n") == 1
    code, out, _ = _run(capsys, "source", "list", "--db", db)
    assert "Construction Council, 14 January 1930 (1930)" in out and "letter" in out
    code, out, _ = _run(capsys, "source", "search", "frozen", "clay", "minutes", "--db", db)
    assert code == 0 and "line 51" in out

    engine = create_database_engine(resolve_database(db))
    with session_scope(engine) as session:
        production = Production(title="Svir")
        session.add(production)
        session.flush()
        session.add(Quotation(production_id=production.id, text="We lose six weeks now or we lose the whole season later.",
                              speaker_name="Kraft"))
        session.add(Quotation(production_id=production.id, text="A dam is only as strong as the men who pour it.",
                              speaker_name="Orlov"))
    engine.dispose()

    code, out, _ = _run(capsys, "verify", "--auto", "--json", "--production", "Svir", "--db", db)
    records = json.loads(out)
    assert [r["class"] for r in records] == ["exact", "not_found"]
    assert records[0]["locator"] == "line 17" and records[0]["range"][1] > records[0]["range"][0]
    assert records[0]["source"] == "Construction Council, 14 January 1930"
    code, out, _ = _run(capsys, "quote", "list", "--state", "unverified", "--db", db)
    assert "2 quotation(s)" in out
    code, out, _ = _run(capsys, "quote", "verify", "1", "--by", "Vera", "--db", db)
    assert code == 0 and "verified_single_source" in out
    code, out, err = _run(capsys, "quote", "verify", "2", "--by", "Vera", "--db", db)
    assert code == 2 and "--source" in err
    code, out, _ = _run(capsys, "quote", "discrepancy", "2", "--note", "not in any source we hold", "--db", db)
    assert "discrepancy" in out
    code, out, _ = _run(capsys, "quote", "show", "2", "--db", db)
    assert "not in any source we hold" in out and "test-researcher" in out
    code, out, _ = _run(capsys, "quote", "list", "--state", "unverified", "--json", "--db", db)
    assert json.loads(out) == []
