"""Very large inputs parse (linearly: timed in the benchmark) or meet a clear limit."""

from __future__ import annotations

import pytest

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputTooLargeError
from scriptdesk.domain.importers import read_script_bytes
from scriptdesk.domain.importers.limits import InputLimits

from .corpus import assert_slices, docx

FIVE_MB = 5 * 1024 * 1024


def _five_mb_line() -> bytes:
    # A hostile shape: cue-like capitals, brackets, emphasis and spaces, no newline.
    unit = "NARRATOR (V.O.) *said* [[not]] \u201cquoted\u201d /* x */ 1912 "
    return (unit * (FIVE_MB // len(unit) + 1))[:FIVE_MB].encode("utf-8")


@pytest.mark.parametrize("name", ["line.fountain", "line.txt"])
def test_five_megabyte_single_line_parses(name: str) -> None:
    document = read_script_bytes(_five_mb_line(), name)
    assert len(document.blocks) == 1
    assert len(document.blocks[0].text) > FIVE_MB * 0.9
    assert_slices(document)


def test_hundred_thousand_fountain_paragraphs_parse() -> None:
    script = "".join(
        f"EXT. QUAY {index} - DAY\n\nGulls number {index}.\n\nNARRATOR (V.O.)\nLine {index}.\n\n"
        for index in range(34_000)
    )
    document = read_script_bytes(script.encode(), "long.fountain")
    assert len(document.blocks) == 102_000
    assert sum(block.scene_heading for block in document.blocks) == 34_000
    assert document.blocks[-1].text == "Line 33999."


def test_hundred_thousand_prose_paragraphs_parse() -> None:
    script = "".join(f"Paragraph {index} of the narration, in 1912.\n\n" for index in range(100_000))
    document = read_script_bytes(script.encode(), "long.txt")
    assert document.format is ScriptFormat.PROSE
    assert len(document.blocks) >= 100_000 * 0.9
    assert_slices(document)


def test_line_longer_than_the_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError, match="one line has 2,000 characters, more than the 1,000"):
        read_script_bytes(b"x" * 2000, "wide.fountain", limits=InputLimits(max_line_chars=1000))


def test_too_many_paragraphs_is_refused() -> None:
    script = "Action.\n\n" * 50
    with pytest.raises(InputTooLargeError, match="more than 10 paragraphs"):
        read_script_bytes(script.encode(), "many.fountain", limits=InputLimits(max_blocks=10))


def test_file_over_the_size_limit_is_refused_for_every_format() -> None:
    limits = InputLimits(max_file_bytes=10_000)
    for name, data in (("big.fountain", b"x" * 20_000), ("big.docx", docx([("x" * 20_000, None)]))):
        with pytest.raises(InputTooLargeError, match="more than the"):
            read_script_bytes(data, name, limits=limits)


def test_docx_paragraph_longer_than_the_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError, match="one line has"):
        read_script_bytes(docx([("y" * 5_000, None)]), "wide.docx", limits=InputLimits(max_line_chars=1000))


def test_default_limits_accept_a_sixty_megabyte_script() -> None:
    assert InputLimits().max_file_bytes >= 60 * 1024 * 1024
    assert BlockKind.PARENTHETICAL.value == "parenthetical"
