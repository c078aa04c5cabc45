"""Word files: prose and A/V tables read; zip bombs, traversal and damage refused."""

from __future__ import annotations

import zipfile

import pytest

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputFileError, UnsafeInputError
from scriptdesk.domain.importers import read_script_bytes

from .corpus import assert_slices, docx, minimal_docx_members, with_declared_size, zip_with


def test_prose_paragraphs_and_heading_styles() -> None:
    data = docx(
        [
            ("The Ferry", "Title"),
            ("Part One", "Heading 1"),
            ("The crossing", "Heading 2"),
            ("In 1931 the ferry ran twice a day.", None),
            ("   ", None),
            ("Anna wrote: “We are late again.”", "Normal"),
        ],
        title="The Last Ferry",
    )
    document = read_script_bytes(data, "ferry.docx")
    assert_slices(document)
    assert document.format is ScriptFormat.DOCX
    assert document.title == "The Last Ferry"
    assert [(block.kind, block.level, block.text) for block in document.blocks] == [
        (BlockKind.HEADING, 1, "The Ferry"),
        (BlockKind.HEADING, 1, "Part One"),
        (BlockKind.HEADING, 2, "The crossing"),
        (BlockKind.NARRATION, 0, "In 1931 the ferry ran twice a day."),
        (BlockKind.NARRATION, 0, "Anna wrote: “We are late again.”"),
    ]


def test_title_falls_back_to_first_top_heading() -> None:
    document = read_script_bytes(docx([("Harbour Lights", "Heading 1"), ("Text.", None)]), "h.docx")
    assert document.title == "Harbour Lights"


@pytest.mark.parametrize(
    "header",
    [["VIDEO", "AUDIO"], ["Picture", "Sound"], ["ВИДЕО", "АУДИО"], ["Изображение:", "Звук:"], ["video", "audio"]],
)
def test_av_table_rows_become_av_blocks(header: list[str]) -> None:
    rows = [
        header,
        ["SCENE 1. THE QUAY", "NARRATOR: The quay in 1912."],
        ["Archive photo: the cranes.", "ANNA VOSS (sync): They never slept."],
        ["EXT. HARBOUR - DAY", "Gulls."],
        ["Title card only", ""],
        ["", "Sound with no picture."],
        ["Part Two"],
        ["", ""],
    ]
    document = read_script_bytes(docx([("Intro paragraph.", None)], [rows]), "av.docx")
    assert_slices(document)
    blocks = document.blocks
    assert blocks[0].kind is BlockKind.NARRATION
    av = [(block.kind, block.video, block.text, block.scene_heading, block.speaker) for block in blocks[1:]]
    assert av == [
        (BlockKind.PICTURE, None, "SCENE 1. THE QUAY", True, None),
        (BlockKind.AV_ROW, "SCENE 1. THE QUAY", "NARRATOR: The quay in 1912.", False, "NARRATOR"),
        (BlockKind.PICTURE, None, "Archive photo: the cranes.", False, None),
        (BlockKind.AV_ROW, "Archive photo: the cranes.", "ANNA VOSS (sync): They never slept.", False, "ANNA VOSS"),
        (BlockKind.PICTURE, None, "EXT. HARBOUR - DAY", True, None),
        (BlockKind.AV_ROW, "EXT. HARBOUR - DAY", "Gulls.", False, None),
        (BlockKind.PICTURE, None, "Title card only", False, None),
        (BlockKind.AV_ROW, "Title card only", "", False, None),
        (BlockKind.AV_ROW, "", "Sound with no picture.", False, None),
        (BlockKind.HEADING, None, "Part Two", True, None),
    ]
    # The picture is its own block, in the document text just before the sound it goes with.
    picture, row = blocks[3], blocks[4]
    assert document.text[picture.start : row.start] == "Archive photo: the cranes.\n"


def test_other_tables_are_read_row_by_row() -> None:
    document = read_script_bytes(docx([], [[["Name", "Role"], ["Anna", "Clerk"]]]), "cast.docx")
    assert [(block.kind, block.text) for block in document.blocks] == [
        (BlockKind.NARRATION, "Name\tRole"),
        (BlockKind.NARRATION, "Anna\tClerk"),
    ]


def test_member_declaring_a_huge_size_is_refused_before_decompressing() -> None:
    members = minimal_docx_members()
    archive = with_declared_size(zip_with(members), "word/document.xml", 3_000_000_000)
    with pytest.raises(UnsafeInputError, match="bomb.docx: the .docx part 'word/document.xml' would unpack to"):
        read_script_bytes(archive, "bomb.docx")


def test_highly_compressed_member_is_refused() -> None:
    members = minimal_docx_members()
    members["word/media/padding.bin"] = b"\x00" * (8 * 1024 * 1024)
    with pytest.raises(UnsafeInputError, match="compressed more than 100 to 1"):
        read_script_bytes(zip_with(members), "ratio.docx")


def test_total_unpacked_size_is_bounded() -> None:
    members = minimal_docx_members()
    archive = zip_with(members)
    for name in ("word/document.xml", "word/styles.xml"):
        archive = with_declared_size(archive, name, 130 * 1024 * 1024)
    with pytest.raises(UnsafeInputError, match="would unpack to"):
        read_script_bytes(archive, "total.docx")


@pytest.mark.parametrize("member", ["../../etc/cron.d/evil", "/etc/passwd", "word/../../evil.xml", "C:/evil.xml"])
def test_path_traversal_member_is_refused(member: str) -> None:
    members = minimal_docx_members()
    members[member] = b"x"
    with pytest.raises(UnsafeInputError, match="contains a part with an unsafe path"):
        read_script_bytes(zip_with(members), "traversal.docx")


def test_too_many_members_is_refused() -> None:
    members = minimal_docx_members()
    members.update({f"word/media/{index}.bin": b"" for index in range(2_001)})
    with pytest.raises(UnsafeInputError, match="parts, more than the 2,000"):
        read_script_bytes(zip_with(members, zipfile.ZIP_STORED), "many.docx")


def test_dtd_inside_document_xml_is_refused() -> None:
    members = minimal_docx_members()
    xml = members["word/document.xml"]
    members["word/document.xml"] = xml.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    with pytest.raises(UnsafeInputError, match="declares a DTD or XML entities"):
        read_script_bytes(zip_with(members), "dtd.docx")


def test_zip_without_document_part_is_not_a_word_document() -> None:
    with pytest.raises(InputFileError, match="ZIP archive but not a Word document"):
        read_script_bytes(zip_with({"hello.txt": b"hello"}), "fake.docx")


def test_truncated_docx_is_damaged() -> None:
    data = docx([("A paragraph long enough to matter.", None)] * 50)
    with pytest.raises(InputFileError, match="trunc.docx: the .docx is damaged"):
        read_script_bytes(data[: len(data) // 2], "trunc.docx")


def test_corrupted_member_is_damaged() -> None:
    data = bytearray(docx([("Some text here.", None)] * 30))
    position = data.find(b"word/document.xml") + len("word/document.xml") + 10
    data[position : position + 40] = b"\x00" * 40
    with pytest.raises(InputFileError, match="damaged"):
        read_script_bytes(bytes(data), "corrupt.docx")


def test_text_named_docx_is_refused() -> None:
    with pytest.raises(InputFileError, match=r"notes.docx: the file is not a valid .docx document \(it looks like plain text\)"):
        read_script_bytes(b"Just some notes.\n", "notes.docx")


def test_malformed_document_xml_is_damaged() -> None:
    members = minimal_docx_members()
    members["word/document.xml"] = b"<?xml version='1.0'?><w:document"
    with pytest.raises(InputFileError, match="damaged"):
        read_script_bytes(zip_with(members), "badxml.docx")
