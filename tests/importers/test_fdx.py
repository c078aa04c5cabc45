"""Final Draft files: good ones become blocks, hostile XML is refused unexpanded."""

from __future__ import annotations

import pytest

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputFileError, UnsafeInputError
from scriptdesk.domain.importers import read_script_bytes

from .corpus import BILLION_LAUGHS, EXTERNAL_ENTITY, PLAIN_DTD, PNG_HEADER, assert_slices, fdx

GOOD = fdx(
    [
        ("Scene Heading", "EXT. LIGHTHOUSE - DAY"),
        ("Action", "Waves on the rock."),
        ("Character", "CLARA (V.O.)"),
        ("Parenthetical", "(reading her letter)"),
        ("Dialogue", "“The sea keeps to its side.”"),
        ("Transition", "CUT TO:"),
        ("Shot", "CLOSE ON the logbook."),
        ("General", "SUPER: 1903"),
        ("Mystery Type", "Still text."),
        ("Action", ""),
    ],
    title_page=["The Keepers", "by N. Arden"],
)


def test_paragraph_types_become_blocks() -> None:
    document = read_script_bytes(GOOD, "keepers.fdx")
    assert_slices(document)
    assert document.format is ScriptFormat.FDX
    assert document.title == "The Keepers"
    assert document.metadata["title_page"] == "The Keepers\nby N. Arden"
    assert [(block.kind, block.text, block.speaker) for block in document.blocks] == [
        (BlockKind.HEADING, "EXT. LIGHTHOUSE - DAY", None),
        (BlockKind.NARRATION, "Waves on the rock.", None),
        (BlockKind.PARENTHETICAL, "(reading her letter)", "CLARA"),
        (BlockKind.DIALOGUE, "“The sea keeps to its side.”", "CLARA"),
        (BlockKind.TRANSITION, "CUT TO:", None),
        (BlockKind.NARRATION, "CLOSE ON the logbook.", None),
        (BlockKind.NARRATION, "SUPER: 1903", None),
        (BlockKind.NARRATION, "Still text.", None),
    ]
    assert document.blocks[0].scene_heading
    assert "CLARA (V.O.)\n(reading her letter)\n“The sea" in document.text


def test_dual_dialogue_is_read_as_two_speeches() -> None:
    data = (
        b'<?xml version="1.0"?><FinalDraft><Content>'
        b'<Paragraph><DualDialogue>'
        b'<Paragraph Type="Character"><Text>ANNA</Text></Paragraph>'
        b'<Paragraph Type="Dialogue"><Text>Left.</Text></Paragraph>'
        b'<Paragraph Type="Character"><Text>BEN</Text></Paragraph>'
        b'<Paragraph Type="Dialogue"><Text>Right.</Text></Paragraph>'
        b"</DualDialogue></Paragraph>"
        b'<Paragraph Type="Action"><Text>After.</Text></Paragraph>'
        b"</Content></FinalDraft>"
    )
    document = read_script_bytes(data, "dual.fdx")
    assert_slices(document)
    assert [(block.speaker, block.text) for block in document.blocks] == [
        ("ANNA", "Left."),
        ("BEN", "Right."),
        (None, "After."),
    ]


def test_text_runs_are_joined_and_cleaned() -> None:
    data = (
        b'<?xml version="1.0"?><FinalDraft><Content><Paragraph Type="Action">'
        b'<Text>Bold </Text><Text Style="Bold">and</Text><Text> plain\xc2\x9b31m\xe2\x80\x8b.</Text>'
        b"</Paragraph></Content></FinalDraft>"
    )
    assert read_script_bytes(data, "runs.fdx").blocks[0].text == "Bold and plain."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "declares a DTD"),
        (EXTERNAL_ENTITY, "declares a DTD"),
        (PLAIN_DTD, "declares a DTD"),
    ],
)
def test_hostile_xml_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(UnsafeInputError, match=f"evil.fdx: the file {message}"):
        read_script_bytes(data, "evil.fdx")


def test_external_entity_content_never_appears() -> None:
    with pytest.raises(UnsafeInputError) as caught:
        read_script_bytes(EXTERNAL_ENTITY, "evil.fdx")
    assert "root:" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<?xml version='1.0'?><FinalDraft><Content>", "not well-formed XML"),
        (fdx([("Action", "x")], root="Screenplay"), r"not a Final Draft script \(its root is <Screenplay>\)"),
        (b"INT. HOUSE - DAY\n\nJust text.\n", "does not contain XML"),
        (PNG_HEADER, "looks like a PNG image"),
        (fdx([]), "contains no script text"),
    ],
)
def test_bad_fdx_is_refused_in_one_sentence(data: bytes, message: str) -> None:
    with pytest.raises(InputFileError, match=f"bad.fdx: .*{message}") as caught:
        read_script_bytes(data, "bad.fdx")
    assert "\n" not in str(caught.value)
