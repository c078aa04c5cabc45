"""Narration lines carry an E&O class: stored, migrated, edited, printed in the annotated script."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from scriptdesk.config import DatabaseTarget
from scriptdesk.db import migrate
from scriptdesk.db.engine import create_database_engine
from scriptdesk.db.models import Block
from scriptdesk.domain.errors import ConflictError, InvalidValueError
from scriptdesk.services.editing import update_record
from scriptdesk.services.exporting import export_report
from scriptdesk.services.importing import import_script
from scriptdesk.services.workspace import Workspace

from .builders import build_production
from .pdf_reading import read_pdf

SAMPLE = Path(__file__).resolve().parents[2] / "sample_scripts" / "glassworks_1929.md"
BEFORE = "0002_ordered_reads"


def test_upgrade_classes_existing_narration_and_leaves_headings(database_target: DatabaseTarget) -> None:
    engine = create_database_engine(database_target)
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, BEFORE)
        with engine.begin() as connection:
            for statement in (
                "INSERT INTO production (id, title, words_per_minute, created_at, version) "
                "VALUES (1, 'Salt Road', 140, '2026-01-01 10:00:00', 1)",
                "INSERT INTO script (id, production_id, title, created_at, version) "
                "VALUES (1, 1, 'Narration', '2026-01-01 10:00:00', 1)",
                "INSERT INTO script_revision (id, script_id, label, source_filename, format, encoding, "
                "sha256, imported_at, source_text, version) VALUES (1, 1, 'v1', 'salt.md', 'prose', "
                "'utf-8', 'cd', '2026-01-01 10:00:00', '', 1)",
                "INSERT INTO block (id, revision_id, ordinal, kind, text, source_start, source_end) VALUES "
                "(1, 1, 0, 'heading', '1. The road', 0, 11), "
                "(2, 1, 1, 'narration', 'Caravans crossed the flats in May.', 12, 46), "
                "(3, 1, 2, 'av_row', 'The salt glittered.', 47, 66)",
            ):
                connection.execute(text(statement))
        migrate.upgrade_to_head(engine, database_target)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT kind, eo_class, version FROM block ORDER BY id")).all()
        assert [tuple(row) for row in rows] == [
            ("heading", None, 1), ("narration", "factual", 1), ("av_row", "factual", 1),
        ]  # fmt: skip
    finally:
        engine.dispose()


def test_import_marks_narration_factual_and_headings_unclassed(workspace: Workspace) -> None:
    import_script(workspace, SAMPLE, production="Glassworks")
    with workspace.session() as session:
        classes = {(kind, eo) for kind, eo in session.execute(select(Block.kind, Block.eo_class))}
    assert ("narration", "factual") in classes
    assert ("heading", None) in classes
    assert not {eo for kind, eo in classes if kind == "heading"} - {None}
    assert {eo for kind, eo in classes if kind == "narration"} == {"factual"}


def _narration_block(workspace: Workspace, starts: str) -> Block:
    with workspace.session() as session:
        return session.scalars(select(Block).where(Block.text.startswith(starts))).one()


def test_editing_a_line_class_is_checked_locked_and_printed(workspace: Workspace, tmp_path: Path) -> None:
    build_production(workspace.engine)
    block = _narration_block(workspace, "By February")
    assert (block.eo_class, block.version) == ("factual", 1)
    with pytest.raises(InvalidValueError, match="eo class"):
        update_record(workspace, "block", block.id, {"eo_class": "mostly true"}, expected_version=1, actor="mira")
    with pytest.raises(InvalidValueError, match="cannot be edited"):
        update_record(workspace, "block", block.id, {"text": "Rewritten"}, expected_version=1, actor="mira")
    assert update_record(workspace, "block", block.id, {"eo_class": "fictionalised"}, 1, actor="mira") == 2
    with pytest.raises(ConflictError):
        update_record(workspace, "block", block.id, {"eo_class": "factual"}, expected_version=1, actor="ola")
    lines = read_pdf(export_report(workspace, "annotated-script", output_dir=tmp_path)).text.splitlines()
    # Line 3 opens scene 2; its own note comes first, then the quotation it contains.
    assert any(line.startswith("3, 4 By February") and line.endswith("[3] Narration — Fictionalised but based on")
               for line in lines)  # fmt: skip


def test_annotated_script_keys_every_line_to_its_class(sqlite_film, tmp_path: Path) -> None:
    back = read_pdf(export_report(sqlite_film, "annotated-script", output_dir=tmp_path))
    # The notes column shares text lines with the script column: read it line by line.
    lines = back.text.splitlines()

    def after(note: str) -> str:
        index = next(i for i, line in enumerate(lines) if line.endswith(note))
        return lines[index + 1]

    assert after("[1] Narration — Factual").endswith("No source recorded.")
    assert any(line.endswith("[7] Narration — Not classified") for line in lines)  # the A/V row nobody classed
    # An author-created line rests on no source and is not flagged for lacking one.
    assert not after("[8] Narration — Author-created").endswith("No source recorded.")
