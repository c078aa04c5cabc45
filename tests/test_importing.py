"""Importing scripts through the service and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from scriptdesk.cli import main
from scriptdesk.config import DatabaseTarget
from scriptdesk.db.models import Block, Production, Quotation, Scene, ScriptRevision
from scriptdesk.domain.errors import InputFileError
from scriptdesk.services.importing import import_script
from scriptdesk.services.workspace import open_workspace

SAMPLES = Path(__file__).resolve().parent.parent / "sample_scripts"


def _url(target: DatabaseTarget) -> str:
    return target.url if target.sqlite_path is None else str(target.sqlite_path)


def _count(workspace, model) -> int:  # type: ignore[no-untyped-def]
    with workspace.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_seed_import_stores_a_breakdown_whose_spans_slice_the_source(
    database_target: DatabaseTarget, seed_path
) -> None:
    seed = seed_path("000")
    with open_workspace(_url(database_target)) as workspace:
        summary = import_script(workspace, seed, production="Kamenev and Zinoviev")
        assert not summary.already_imported
        assert summary.scenes >= 5 and summary.quotations >= 20 and summary.people >= 10
        assert summary.estimated_seconds > 60
        with workspace.session() as session:
            revision = session.scalar(select(ScriptRevision))
            blocks = {b.id: b for b in session.scalars(select(Block))}
            for quote in session.scalars(select(Quotation)):
                block = blocks[quote.block_id]
                start = block.source_start + quote.span_start
                end = block.source_start + quote.span_end
                assert revision.source_text[start:end] == quote.text
            assert session.scalar(select(func.count()).select_from(Scene)) == summary.scenes


def test_importing_the_same_file_twice_changes_nothing(database_target: DatabaseTarget, seed_path) -> None:
    seed = seed_path("000")
    with open_workspace(_url(database_target)) as workspace:
        first = import_script(workspace, seed)
        counts = {model: _count(workspace, model) for model in (Block, Quotation, Scene, Production)}
        second = import_script(workspace, seed)
        assert second.already_imported and second.revision_id == first.revision_id
        assert {model: _count(workspace, model) for model in counts} == counts


def test_a_bad_file_leaves_the_database_empty(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with open_workspace(str(tmp_path / "db.sqlite3")) as workspace:
        with pytest.raises(InputFileError) as caught:
            import_script(workspace, bad)
        assert "broken.docx" in str(caught.value)
        assert _count(workspace, Production) == 0 and _count(workspace, Block) == 0


def test_a_failure_while_saving_rolls_back_everything(tmp_path: Path, seed_path, monkeypatch) -> None:
    seed = seed_path("000")
    import scriptdesk.services.importing as importing

    def explode(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "save_breakdown", explode)
    with open_workspace(str(tmp_path / "db.sqlite3")) as workspace:
        with pytest.raises(RuntimeError):
            import_script(workspace, seed)
        assert _count(workspace, Production) == 0 and _count(workspace, ScriptRevision) == 0


def test_cli_import_then_show_json_spans_point_into_the_decoded_text(
    tmp_path: Path, seed_path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = seed_path("000")
    db = str(tmp_path / "db.sqlite3")
    assert main(["--db", db, "import", str(seed)]) == 0
    out = capsys.readouterr().out
    assert "quotations" in out and "runtime" in out
    assert main(["--db", db, "show", "quotations", "dates", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    text = seed.read_text(encoding="utf-8")
    kinds = {element["kind"] for element in listing["elements"]}
    assert kinds == {"quotation", "date"}
    for element in listing["elements"]:
        span = element["span"]
        assert text[span["start"] : span["end"]] == element["text"]


def test_cli_reports_a_missing_file_in_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.fountain"
    code = main(["--db", str(tmp_path / "db.sqlite3"), "import", str(missing)])
    err = capsys.readouterr().err
    assert code == InputFileError.exit_code
    assert "nowhere.fountain" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*") if p.is_file() and p.suffix in {".md", ".txt", ".fountain", ".fdx", ".docx"}))
def test_every_sample_script_imports(tmp_path: Path, sample: str) -> None:
    with open_workspace(str(tmp_path / "db.sqlite3")) as workspace:
        summary = import_script(workspace, SAMPLES / sample)
    assert summary.scenes >= 1 and summary.quotations >= 1


def test_a_second_import_links_blocks_scenes_and_quotations_of_its_own_revision(
    database_target: DatabaseTarget, seed_path
) -> None:
    seed = seed_path("000")
    with open_workspace(_url(database_target)) as workspace:
        import_script(workspace, SAMPLES / "glassworks_1929.md", production="Glassworks")
        summary = import_script(workspace, seed, production="Kamenev and Zinoviev")
        with workspace.session() as session:
            scenes = {s.id: s for s in session.scalars(select(Scene).where(Scene.revision_id == summary.revision_id))}
            blocks = list(
                session.scalars(select(Block).where(Block.revision_id == summary.revision_id).order_by(Block.ordinal))
            )
            quotations = list(session.scalars(select(Quotation).where(Quotation.revision_id == summary.revision_id)))
    assert len(scenes) == summary.scenes and len(quotations) == summary.quotations
    block_scenes = [scenes[b.scene_id].ordinal for b in blocks if b.scene_id is not None]
    assert block_scenes and block_scenes == sorted(block_scenes)  # scenes follow the script's order
    assert set(block_scenes) == {scene.ordinal for scene in scenes.values()}
    by_id = {b.id: b for b in blocks}
    for quote in quotations:
        block = by_id[quote.block_id]  # a block of this revision, not of the first import
        if block.scene_id is not None:
            assert quote.scene_id == block.scene_id
