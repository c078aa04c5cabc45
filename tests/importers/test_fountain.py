"""The Fountain importer: every element of the spec, and the slice invariant."""

from __future__ import annotations

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.importers import display_text, read_script_bytes
from scriptdesk.domain.importers.fountain import parse_fountain, split_cue

from .corpus import assert_slices

SCRIPT = """Title:
    _**THE LAST FERRY**_
Credit: Written by
Author: Jo Harte
Draft date: 1 May 2025
Contact:
    Tidewater Films

# Act One

## The Crossing

= The ferry's last winter.

EXT. FERRY SLIP - DAWN #1A#

Fog over the water. A bell.

!SUPER STRUCTURE OF THE FERRY, 1931

NARRATOR (V.O.)
The ferry ran for forty years.

ANNA (O.S.)
(calling)
Wait for me!
(beat)
Please.

@McCLAREN
You're late, Anna.

BRENDA
Left side.

CAROL ^
Right side, at the same time.

ANNA (CONT'D)
With a *quiet* voice and **bold** hope, _underlined_.

CUT TO:

.ENGINE ROOM

int. wheelhouse - night

> MATCH CUT

> THE END? <

~Row, row, the tide is low,
~Nobody knows where the ferries go.

[[Check the engine's year with the museum.]]

Action with an inline [[note inside]] stays action.

/* An old paragraph
that was cut. */

===

Est. 1891, the ferry company kept every ticket.

HARBOUR MASTER:
A label, not a speaker.
"""


def _parsed():
    document = parse_fountain(SCRIPT, source_name="ferry.fountain")
    assert_slices(document)
    return document


def _kinds(document) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in document.blocks]


def test_title_page_goes_to_metadata_and_title() -> None:
    document = _parsed()
    assert document.title == "THE LAST FERRY"
    assert document.metadata["author"] == "Jo Harte"
    assert document.metadata["contact"] == "Tidewater Films"
    assert document.metadata["draft date"] == "1 May 2025"
    assert "Title" not in " ".join(block.text for block in document.blocks)


def test_sections_synopses_and_scene_headings() -> None:
    blocks = _parsed().blocks
    assert (blocks[0].kind, blocks[0].text, blocks[0].level) == (BlockKind.HEADING, "Act One", 1)
    assert (blocks[1].text, blocks[1].level) == ("The Crossing", 2)
    assert (blocks[2].kind, blocks[2].text) == (BlockKind.NOTE, "The ferry's last winter.")
    heading = blocks[3]
    assert heading.text == "EXT. FERRY SLIP - DAWN"  # scene number left out
    assert heading.scene_heading and heading.level == 3
    scene_headings = [block.text for block in blocks if block.scene_heading]
    assert scene_headings == ["EXT. FERRY SLIP - DAWN", "ENGINE ROOM", "int. wheelhouse - night"]


def test_action_and_forced_action() -> None:
    kinds = _kinds(_parsed())
    assert ("narration", "Fog over the water. A bell.") in kinds
    assert ("narration", "SUPER STRUCTURE OF THE FERRY, 1931") in kinds
    assert ("narration", "Est. 1891, the ferry company kept every ticket.") in kinds
    assert ("narration", "HARBOUR MASTER:\nA label, not a speaker.") in kinds


def test_dialogue_cues_extensions_parentheticals_forced_and_dual() -> None:
    blocks = _parsed().blocks
    speech = [(block.kind.value, block.speaker, block.text) for block in blocks if block.speaker]
    assert speech[:5] == [
        ("dialogue", "NARRATOR", "The ferry ran for forty years."),
        ("parenthetical", "ANNA", "(calling)"),
        ("dialogue", "ANNA", "Wait for me!"),
        ("parenthetical", "ANNA", "(beat)"),
        ("dialogue", "ANNA", "Please."),
    ]
    assert ("dialogue", "McCLAREN", "You're late, Anna.") in speech
    assert ("dialogue", "CAROL", "Right side, at the same time.") in speech
    assert ("dialogue", "BRENDA", "Left side.") in speech
    assert speech[-1][1] == "ANNA"


def test_transitions_centred_lyrics_notes_boneyard_page_break() -> None:
    kinds = _kinds(_parsed())
    assert ("transition", "CUT TO:") in kinds
    assert ("transition", "MATCH CUT") in kinds
    assert ("narration", "THE END?") in kinds
    assert ("narration", "Row, row, the tide is low,") in kinds
    assert ("narration", "Nobody knows where the ferries go.") in kinds
    assert ("note", "Check the engine's year with the museum.") in kinds
    assert ("narration", "Action with an inline [[note inside]] stays action.") in kinds
    texts = " ".join(text for _, text in kinds)
    assert "old paragraph" not in texts and "===" not in texts


def test_emphasis_stays_in_text_and_display_text_strips_it() -> None:
    block = next(block for block in _parsed().blocks if "*quiet*" in block.text)
    assert display_text(block.text) == "With a quiet voice and bold hope, underlined."
    assert display_text("An inline [[note]] and /* bone */ yard, \\*literal\\*.") == "An inline  and  yard, *literal*."
    assert display_text("Unclosed [[note stays") == "Unclosed [[note stays"


def test_split_cue() -> None:
    assert split_cue("@Anna Petrova (V.O.) (CONT'D) ^") == ("Anna Petrova", ["V.O.", "CONT'D"])
    assert split_cue("NARRATOR") == ("NARRATOR", [])


def test_boneyard_across_paragraphs_hides_elements() -> None:
    document = parse_fountain("Seen.\n\n/*\nINT. HIDDEN - DAY\n\nBOB\nGone.\n*/\n\nAlso seen.\n")
    assert [block.text for block in document.blocks] == ["Seen.", "Also seen."]


def test_unclosed_boneyard_hides_the_rest() -> None:
    document = parse_fountain("Seen.\n\n/* never closed\n\nINT. HIDDEN - DAY\n")
    assert [block.text for block in document.blocks] == ["Seen."]


def test_uppercase_line_followed_by_blank_is_action_not_cue() -> None:
    document = parse_fountain("THE HARBOUR AT NIGHT\n\nMore action.\n")
    assert [block.kind for block in document.blocks] == [BlockKind.NARRATION, BlockKind.NARRATION]


def test_two_spaces_keep_a_speech_together() -> None:
    document = parse_fountain("ANNA\nFirst line.\n  \nSecond line.\n")
    assert [block.text for block in document.blocks] == ["First line.\n  \nSecond line."]


def test_script_without_title_page_has_no_title() -> None:
    document = parse_fountain("EXT. QUAY - DAY\n\nGulls.\n")
    assert document.title is None and document.metadata == {}
    assert document.format is ScriptFormat.FOUNTAIN


def test_txt_with_screenplay_content_is_fountain() -> None:
    script = "EXT. QUAY - DAY\n\nGulls over the water.\n\nNARRATOR (V.O.)\nIt was 1912.\n"
    document = read_script_bytes(script.encode(), "quay.txt")
    assert document.format is ScriptFormat.FOUNTAIN
    assert document.blocks[-1].speaker == "NARRATOR"


def test_nul_bytes_and_escapes_never_reach_a_block() -> None:
    script = "EXT. QUAY\x00 - DAY\n\nGulls \x1b[2J\x1b[31mover\x1b[0m the water.\x07\n"
    document = read_script_bytes(script.encode(), "hostile.fountain")
    assert_slices(document)
    assert [block.text for block in document.blocks] == ["EXT. QUAY - DAY", "Gulls over the water."]
    assert "\x1b" not in document.text and "\x00" not in document.text


def test_label_on_the_first_line_is_not_a_title_page() -> None:
    document = parse_fountain("SUPER: Kessmouth, 1912\n\nGulls.\n")
    assert document.metadata == {}
    assert [block.text for block in document.blocks] == ["SUPER: Kessmouth, 1912", "Gulls."]
