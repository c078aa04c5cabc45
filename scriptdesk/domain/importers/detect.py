"""Which importer reads a file: from its extension, confirmed by its content.

A ``.txt`` (or extension-less) file is Fountain when its lines look like a
screenplay (INT./EXT. scene headings, character cues above speeches) and
narration prose otherwise. An extension ScriptDesk does not read, or content
that contradicts the extension (a Word document renamed ``.txt``, a PNG named
``.fountain``), is refused with one sentence saying what the file really is.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from scriptdesk.domain.enums import ScriptFormat
from scriptdesk.domain.errors import InputFileError
from scriptdesk.domain.importers.fountain import SCENE_PREFIX, is_character_cue, is_transition

#: Extensions and the format they promise; None means "plain text: look inside".
EXTENSION_FORMATS: dict[str, ScriptFormat | None] = {
    ".fountain": ScriptFormat.FOUNTAIN,
    ".spmd": ScriptFormat.FOUNTAIN,
    ".fdx": ScriptFormat.FDX,
    ".docx": ScriptFormat.DOCX,
    ".md": ScriptFormat.PROSE,
    ".markdown": ScriptFormat.PROSE,
    ".txt": None,
    ".text": None,
    "": None,
}

_SNIFF_LINES = 5_000
_KNOWN = ".fountain, .spmd, .fdx, .docx, .md and .txt"


def format_from_name(name: str) -> tuple[bool, ScriptFormat | None]:
    """``(known, format)`` for a file name; format None means plain text to sniff."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in EXTENSION_FORMATS:
        return False, None
    return True, EXTENSION_FORMATS[suffix]


def unknown_extension_error(name: str) -> InputFileError:
    """The error for a file whose extension names no format ScriptDesk reads."""
    suffix = PurePath(name).suffix
    return InputFileError(
        name,
        f"ScriptDesk does not read '{suffix}' files; it reads {_KNOWN} scripts "
        "(choose a format explicitly if the extension is wrong)",
    )


def content_kind(data: bytes) -> ScriptFormat | None:
    """DOCX or FDX when the bytes are unmistakably one of them, else None."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ScriptFormat.DOCX
        except (zipfile.BadZipFile, OSError):
            return None
        return None
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<FinalDraft", b"<!DOCTYPE")) and b"<FinalDraft" in data[:4096]:
        return ScriptFormat.FDX
    return None


def check_text_content(data: bytes, name: str, declared: ScriptFormat | None) -> None:
    """Refuse a text-named file whose bytes are really a .docx or .fdx."""
    actual = content_kind(data)
    if actual is None:
        return
    what = "a Word .docx document" if actual is ScriptFormat.DOCX else "a Final Draft .fdx file"
    expected = "Fountain" if declared is ScriptFormat.FOUNTAIN else "text"
    raise InputFileError(
        name,
        f"the file is {what}, not {expected}; rename it to .{actual.value} "
        f"or choose the {actual.value} format",
    )


def looks_like_fountain(text: str) -> bool:
    """Whether plain text reads as a Fountain screenplay rather than narration prose."""
    lines = text.split("\n", _SNIFF_LINES)[:_SNIFF_LINES]
    headings = cues = transitions = paragraphs = 0
    previous_blank = True
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank:
            paragraphs += 1
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if SCENE_PREFIX.match(stripped[:12] + " ") and stripped[:3].isupper():
                headings += 1
            elif len(stripped) <= 60 and following and is_character_cue(stripped):
                cues += 1
            elif not following and is_transition(stripped):
                transitions += 1
        previous_blank = False
    if headings and headings + cues + transitions >= 2:
        return True
    return cues >= 3 and cues * 10 >= paragraphs
