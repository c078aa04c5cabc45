"""Choosing the importer: extensions, content sniffing, lying names, file errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptdesk.domain.enums import ScriptFormat
from scriptdesk.domain.errors import InputFileError
from scriptdesk.domain.importers import load_script, read_script_bytes
from scriptdesk.domain.importers.detect import looks_like_fountain

from .corpus import PNG_HEADER, assert_slices, docx, fdx

FOUNTAIN_TEXT = "EXT. QUAY - DAY\n\nGulls.\n\nNARRATOR (V.O.)\nIn 1912 the quay was full.\n"
PROSE_TEXT = "# The Quay\n\nIn 1912 the quay was full. Anna wrote: “We waited all day.”\n\nA new paragraph.\n"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("quay.fountain", FOUNTAIN_TEXT.encode(), ScriptFormat.FOUNTAIN),
        ("quay.spmd", FOUNTAIN_TEXT.encode(), ScriptFormat.FOUNTAIN),
        ("quay.txt", FOUNTAIN_TEXT.encode(), ScriptFormat.FOUNTAIN),
        ("QUAY.TXT", FOUNTAIN_TEXT.encode(), ScriptFormat.FOUNTAIN),
        ("quay", FOUNTAIN_TEXT.encode(), ScriptFormat.FOUNTAIN),
        ("quay.txt", PROSE_TEXT.encode(), ScriptFormat.PROSE),
        ("quay.md", PROSE_TEXT.encode(), ScriptFormat.PROSE),
        ("quay.md", FOUNTAIN_TEXT.encode(), ScriptFormat.PROSE),
        ("quay.fdx", fdx([("Action", "Gulls.")]), ScriptFormat.FDX),
        ("quay.docx", docx([("Gulls.", None)]), ScriptFormat.DOCX),
    ],
)
def test_format_from_extension_and_content(name: str, data: bytes, expected: ScriptFormat) -> None:
    document = read_script_bytes(data, name)
    assert document.format is expected
    assert_slices(document)


def test_explicit_format_overrides_extension() -> None:
    assert read_script_bytes(FOUNTAIN_TEXT.encode(), "quay.md", ScriptFormat.FOUNTAIN).format is ScriptFormat.FOUNTAIN
    assert read_script_bytes(docx([("Gulls.", None)]), "quay.bin", ScriptFormat.DOCX).format is ScriptFormat.DOCX


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("quay.doc", b"anything", r"ScriptDesk does not read '\.doc' files; it reads \.fountain"),
        ("quay.pdf", b"%PDF-1.4", r"does not read '\.pdf' files"),
        ("quay.txt", docx([("Gulls.", None)]), r"the file is a Word \.docx document, not text; rename it to \.docx"),
        ("quay.fountain", fdx([("Action", "x")]), r"the file is a Final Draft \.fdx file, not Fountain"),
        ("quay.txt", PNG_HEADER, r"not a text file \(it looks like a PNG image\)"),
        ("quay.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", r"not a text file \(it looks like a PDF document\)"),
        ("quay.txt", b"", "the file is empty"),
        ("quay.docx", b"", "the file is empty"),
        ("quay.fountain", b" \n\n \n", "the file is empty"),
        ("quay.fountain", b"Title: Only a title page\n", "contains no script text"),
    ],
)
def test_wrong_or_lying_files_get_one_sentence(name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputFileError, match=message) as caught:
        read_script_bytes(data, name)
    assert str(caught.value).startswith(f"{name}: ")
    assert "\n" not in str(caught.value)


def test_seed_screenplay_reads_as_prose(seed_path) -> None:
    path = seed_path("000")
    assert not looks_like_fountain(path.read_text(encoding="utf-8"))
    document = load_script(path)
    assert document.format is ScriptFormat.PROSE
    assert_slices(document)


def test_seed_transcript_reads_as_prose(seed_path) -> None:
    assert not looks_like_fountain(seed_path("004").read_text(encoding="utf-8"))


def test_load_script_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="missing.fountain: no such file"):
        load_script(tmp_path / "missing.fountain")
    with pytest.raises(InputFileError, match="this is a folder, not a script file"):
        load_script(tmp_path)


def test_load_script_reads_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "quay.txt"
    path.write_bytes(FOUNTAIN_TEXT.encode("utf-16"))
    document = load_script(path)
    assert document.format is ScriptFormat.FOUNTAIN
    assert document.encoding == "utf-16-le"
    assert document.metadata["source_name"] == "quay.txt"
