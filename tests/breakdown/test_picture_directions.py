"""Picture directions: what the script says is on screen is logged first, once."""

from __future__ import annotations

from scriptdesk.domain.breakdown import break_down
from scriptdesk.domain.enums import BlockKind, FootageKind, RightsKind, ScriptFormat
from scriptdesk.domain.importers import read_script_bytes
from scriptdesk.domain.model import ScriptBlock, ScriptDocument

FOUNTAIN = """Title: The Ferry at Lund
Author: Nora Wikstrom

# Part One: The Crossing

= The ferry before the bridge.

EXT. LUND FERRY SLIP - DAWN

Archive photograph: the ferry Svala at the slip, 1921, a queue of carts on the ramp. A pan across the ticket hut on Ferry Road.

NARRATOR (V.O.)
For forty years the Svala carried the whole valley. Her master, Olof Brandt, kept the log himself.

Portrait photograph of Olof Brandt in his cap, about 1920.

INT. TICKET HUT - DAY

CLOSE ON a cash box with a broken hinge.

PROFESSOR INGA SJOBERG (SYNC)
(interview)
The ferry made money only in the winter, when the ice road was closed.

SUPER: Prof. Inga Sjoberg, historian of the valley

NARRATOR (V.O.)
Brandt wrote to the county on 3 March 1931. By the 17th the county had refused.
"""


def fountain_breakdown():
    return break_down(read_script_bytes(FOUNTAIN.encode(), "lund.fountain"), clearance_year=2026)


def test_each_direction_is_one_need_in_the_scripts_words() -> None:
    result = fountain_breakdown()
    needs = [(n.kind, n.description) for n in result.footage_needs]
    assert (FootageKind.PHOTO, "Archive photograph: the ferry Svala at the slip, 1921, a queue of carts on the ramp") in needs
    assert (FootageKind.OBJECT, "CLOSE ON a cash box with a broken hinge") in needs
    # A pan across a new subject is a picture of its own; the place it names is its search term.
    pan = next(n for n in result.footage_needs if n.description.startswith("A pan across"))
    assert "Ferry Road" in pan.search_terms
    assert not any(n.description.startswith("Ferry Road") for n in result.footage_needs)


def test_a_directed_portrait_replaces_the_proposed_one() -> None:
    result = fountain_breakdown()
    portraits = [n.description for n in result.footage_needs if "Olof Brandt" in n.description]
    assert portraits == ["Portrait of Olof Brandt in his cap, about 1920"]
    assert result.footage_needs[[n.description for n in result.footage_needs].index(portraits[0])].era == "1920"


def test_interviews_and_captions_log_no_footage_but_a_release() -> None:
    result = fountain_breakdown()
    assert not any("Sjoberg" in n.description for n in result.footage_needs)
    releases = [i.subject for i in result.rights_items if i.kind is RightsKind.RELEASE]
    assert releases == ["Interview release: Inga Sjoberg"]


def test_a_section_heading_opens_the_first_scene_and_a_day_of_the_month_is_dated() -> None:
    result = fountain_breakdown()
    assert result.summary_blocks == []
    first = result.scenes[0]
    assert result.document.blocks[first.first_block].text == "Part One: The Crossing"
    assert first.title == "EXT. LUND FERRY SLIP - DAWN"
    day = next(d for d in result.dates if d.text == "17th")
    assert day.earliest.isoformat() == "1931-03-17"


def av_document() -> ScriptDocument:
    rows = [
        ("SCENE 1. THE SLIP", "NARRATOR: The slip is empty now."),
        ("Archive photo: the Svala in the ice, 12 January 1929.", "NARRATOR: In Lund the river froze early."),
        ("Letter, handwritten, Olof Brandt to the county, 3 March 1931.",
         "OLOF BRANDT (letter, read by actor): \u201cWe cannot cross until the thaw.\u201d"),
    ]
    text, blocks = "", []
    for video, audio in rows:
        if text:
            text += "\n\n"
        picture_start = len(text)
        text += video + "\n"
        blocks.append(ScriptBlock(BlockKind.PICTURE, video, picture_start, picture_start + len(video),
                                  scene_heading=video.startswith("SCENE")))
        blocks.append(ScriptBlock(BlockKind.AV_ROW, audio, len(text), len(text) + len(audio),
                                  speaker=audio.split(":")[0].split(" (")[0], video=video))
        text += audio
    return ScriptDocument(text=text, format=ScriptFormat.DOCX, blocks=blocks, title="The Slip")


def test_the_picture_column_is_read_for_dates_and_footage() -> None:
    document = av_document()
    result = break_down(document, clearance_year=2026)
    for date in result.dates:
        block = document.blocks[date.span.block]
        assert document.text[block.start + date.span.start : block.start + date.span.end] == date.text
    assert {d.text for d in result.dates} >= {"12 January 1929", "3 March 1931"}
    assert any(document.blocks[d.span.block].kind is BlockKind.PICTURE for d in result.dates)
    kinds = {n.description: n.kind for n in result.footage_needs}
    assert kinds["Archive photo: the Svala in the ice, 12 January 1929"] is FootageKind.PHOTO
    letter = "Letter, handwritten, Olof Brandt to the county, 3 March 1931"
    assert kinds[letter] is FootageKind.DOCUMENT
    # The letter read aloud is the letter on screen: one need, cleared with the quotation.
    assert sum("Brandt" in n.description for n in result.footage_needs) == 1
    shots = [s for s in result.shots if s.footage_index is not None]
    assert [result.footage_needs[s.footage_index].description for s in shots][-1] == letter


def test_narration_in_prose_is_no_direction() -> None:
    from scriptdesk.domain.importers.prose import parse_prose

    document = parse_prose(
        "# Lund\n\nThe letter read: \u201cWe cannot cross.\u201d Nobody in Lund answered it for a month, "
        "and the ferry stayed at the slip on Ferry Road all winter.\n"
    )
    result = break_down(document, clearance_year=2026)
    assert not any(n.description.startswith("The letter read") for n in result.footage_needs)
