"""The project's sample scripts import, stay stable and keep the slice invariant."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.importers import load_script

from .corpus import assert_slices

SAMPLES = Path(__file__).resolve().parents[2] / "sample_scripts"


def test_harbour_fountain_sample() -> None:
    document = load_script(SAMPLES / "harbour_1912.fountain")
    assert_slices(document)
    assert document.format is ScriptFormat.FOUNTAIN
    assert document.title == "Harbour 1912"
    assert document.metadata["author"] == "Ellen Marsh"
    speakers = {block.speaker for block in document.blocks if block.kind is BlockKind.DIALOGUE}
    assert {"NARRATOR", "JOHAN EKHOLM", "MARTA EKHOLM", "PROFESSOR HANNA VOSS"} <= speakers
    assert sum(block.scene_heading for block in document.blocks) == 6


def test_skarvholm_fdx_sample() -> None:
    document = load_script(SAMPLES / "skarvholm_keepers.fdx")
    assert_slices(document)
    assert document.title == "The Keepers of Skarvholm"
    assert sum(block.scene_heading for block in document.blocks) == 4
    assert any(block.kind is BlockKind.PARENTHETICAL for block in document.blocks)


def test_mill_street_docx_sample() -> None:
    document = load_script(SAMPLES / "mill_street_cinema.docx")
    assert_slices(document)
    rows = [block for block in document.blocks if block.kind is BlockKind.AV_ROW]
    assert len(rows) == 12
    assert all(row.video for row in rows)
    assert document.title == "The Regent on Mill Street"


def test_generated_samples_match_their_builder() -> None:
    builder = pytest.importorskip("sample_scripts.build_samples", reason="sample_scripts not importable")
    assert (SAMPLES / "skarvholm_keepers.fdx").read_bytes() == builder.fdx_bytes()
    assert (SAMPLES / "mill_street_cinema.docx").read_bytes() == builder.docx_bytes()
