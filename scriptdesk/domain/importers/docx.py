"""Word ``.docx`` scripts: prose and two-column A/V tables.

:func:`parse_docx` first inspects the ZIP archive's central directory, without
decompressing anything: member count, every member's declared size and the
total against :mod:`.limits`, the compression ratio (zip bombs), absolute or
``..`` member names (path traversal), encryption, and the presence of
``word/document.xml``. Its XML parts are then refused if they declare a DTD
or entities, and only then does python-docx read the document.

Blocks, in reading order:

* paragraphs styled Title or Heading N (also Word's Russian "Заголовок N")
  -> HEADING with that level; other paragraphs -> NARRATION;
* a table whose header row names a picture column and a sound column
  (VIDEO | AUDIO, PICTURE | SOUND, ВИДЕО | АУДИО, ИЗОБРАЖЕНИЕ | ЗВУК, in any
  case) -> one AV_ROW per row, ``video`` = picture cell, ``text`` = sound
  cell, ``speaker`` = a capitalised label opening the sound cell
  ("NARRATOR:", "ANNA VOSS (sync):"; the label stays in the text). A
  non-empty picture cell is also a PICTURE block of its own just before the
  row, so that what the picture shows (dates, archive photographs, film
  clips) has block-relative spans like everything else. A picture cell
  opening with SCENE/СЦЕНА, a scene number ("12.", "4A)") or INT./EXT. marks
  ``scene_heading=True`` on that PICTURE block, where the scene starts; a
  row merged across the table -> HEADING with ``scene_heading=True``;
* any other table -> one NARRATION block per row, cells separated by tabs.

The document text is built here: blocks are separated by a blank line, and
an A/V row is written as its picture cell, a line break, then its sound
cell: the PICTURE block covers the first, the AV_ROW block the second.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputFileError, UnsafeInputError
from scriptdesk.domain.importers.fountain import SCENE_PREFIX
from scriptdesk.domain.importers.limits import (
    DEFAULT_LIMITS,
    InputLimits,
    check_line_lengths,
)
from scriptdesk.domain.model import ScriptBlock, ScriptDocument
from scriptdesk.domain.safe_text import clean_text

DOCUMENT_PART = "word/document.xml"
_VIDEO_HEADERS = frozenset({"VIDEO", "PICTURE", "PICTURES", "VISUAL", "VISUALS", "IMAGE", "ВИДЕО", "ИЗОБРАЖЕНИЕ", "КАРТИНКА"})
_AUDIO_HEADERS = frozenset({"AUDIO", "SOUND", "АУДИО", "ЗВУК"})
# "SCENE 3", "Сцена 3", "12. ", "4A) " (not "1912: ", which is a date).
_SCENE_MARK = re.compile(r"(?:SCENE|СЦЕНА)\b|\d{1,3}[A-ZА-Я]?[.)]\s", re.IGNORECASE)
# "NARRATOR: ..." or "ARTHUR FINCH (memoir, read by actor): ..." opening a sound cell.
# Every repetition is bounded: a cell of a million spaces must not backtrack.
_SPEAKER_LABEL = re.compile(r"([A-ZА-ЯЁ][A-ZА-ЯЁ.'\- ]{0,40}[A-ZА-ЯЁ.])[ \t]{0,4}(?:\([^()\n]{0,80}\))?[ \t]{0,4}:\s")
_HEADING_STYLE = re.compile(r"(?:heading|заголовок)\s*(\d)?$", re.IGNORECASE)
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def _size(value: int) -> str:
    return f"{value / (1024 * 1024):,.1f} MB" if value >= 1024 * 1024 else f"{value:,} bytes"


def _unsafe_member_name(member: str) -> bool:
    if not member or "\x00" in member or member.startswith(("/", "\\")):
        return True
    if re.match(r"[A-Za-z]:", member):
        return True
    return ".." in re.split(r"[\\/]", member)


def check_archive(archive: zipfile.ZipFile, name: str, limits: InputLimits) -> None:
    """Refuse a .docx whose central directory promises danger, before decompressing."""
    members = archive.infolist()
    if len(members) > limits.max_zip_members:
        raise UnsafeInputError(
            name, f"the .docx has {len(members):,} parts, more than the {limits.max_zip_members:,} ScriptDesk accepts"
        )
    total = 0
    for member in members:
        if _unsafe_member_name(member.filename):
            raise UnsafeInputError(
                name, f"the .docx contains a part with an unsafe path ({member.filename[:80]!r})"
            )
        if member.flag_bits & 0x1:
            raise InputFileError(name, "the .docx is password-protected")
        if member.file_size > limits.max_zip_member_bytes:
            raise UnsafeInputError(
                name,
                f"the .docx part {member.filename[:80]!r} would unpack to {_size(member.file_size)}, "
                f"more than the {_size(limits.max_zip_member_bytes)} allowed (a zip bomb?)",
            )
        if (
            member.file_size > limits.zip_ratio_floor_bytes
            and member.file_size > limits.max_zip_ratio * max(member.compress_size, 1)
        ):
            raise UnsafeInputError(
                name,
                f"the .docx part {member.filename[:80]!r} is compressed more than "
                f"{limits.max_zip_ratio:,.0f} to 1, the mark of a zip bomb",
            )
        total += member.file_size
    if total > limits.max_zip_total_bytes:
        raise UnsafeInputError(
            name,
            f"the .docx would unpack to {_size(total)}, more than the "
            f"{_size(limits.max_zip_total_bytes)} allowed (a zip bomb?)",
        )
    if DOCUMENT_PART not in archive.namelist():
        raise InputFileError(name, f"the file is a ZIP archive but not a Word document (it has no {DOCUMENT_PART})")


def _check_xml_parts(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse XML parts that declare a DTD or entities (sizes are already bounded)."""
    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels")):
            continue
        content = archive.read(member)
        if content.startswith((b"\xff\xfe", b"\xfe\xff")):
            content = content.decode("utf-16", errors="replace").encode("utf-8")
        if any(marker in content for marker in _DTD_MARKERS):
            raise UnsafeInputError(
                name,
                f"the .docx part {member.filename[:80]!r} declares a DTD or XML entities, "
                "which ScriptDesk refuses for safety",
            )


def _open_archive(data: bytes, name: str, limits: InputLimits) -> None:
    """Every safety check on the archive; raises on the first problem."""
    if not data.startswith(b"PK"):
        what = "it looks like plain text" if b"\x00" not in data[:1024] else "it is not a ZIP archive"
        raise InputFileError(name, f"the file is not a valid .docx document ({what})")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, name, limits)
            _check_xml_parts(archive, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise InputFileError(
            name, f"the .docx is damaged and cannot be unpacked ({str(error)[:80] or 'truncated'})"
        ) from None


class _TextBuilder:
    """Accumulates the document text and its blocks with exact offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[ScriptBlock] = []

    def _append(self, text: str) -> int:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def add(self, kind: BlockKind, text: str, **fields: object) -> None:
        start = self._append(text)
        self.blocks.append(ScriptBlock(kind, text, start, self.length, **fields))

    def add_av_row(self, video: str, audio: str, *, scene_heading: bool) -> None:
        if video:
            picture_start = self._append(video)
            self.blocks.append(
                ScriptBlock(BlockKind.PICTURE, video, picture_start, self.length, scene_heading=scene_heading)
            )
            scene_heading = False  # the scene starts at its picture
            self.parts.append("\n")
            self.length += 1
            start = self.length
            self.parts.append(audio)
            self.length += len(audio)
        else:
            start = self._append(audio)
        label = _SPEAKER_LABEL.match(audio)
        self.blocks.append(
            ScriptBlock(
                BlockKind.AV_ROW,
                audio,
                start,
                self.length,
                speaker=label.group(1).strip() if label else None,
                video=video,
                scene_heading=scene_heading,
            )
        )

    def text(self) -> str:
        return "".join(self.parts)


def _clean(value: str) -> str:
    return clean_text(value).strip()


def _heading_level(style_name: str) -> int:
    """Heading level of a paragraph style name, 0 for body text."""
    lowered = style_name.strip().lower()
    if lowered == "title":
        return 1
    if lowered == "subtitle":
        return 2
    match = _HEADING_STYLE.match(lowered)
    if match is None:
        return 0
    return int(match.group(1) or 1)


def _unique_cells(row: object) -> list[object]:
    """The cells of a row, a merged cell counted once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:  # type: ignore[attr-defined]
        identity = id(cell._tc)
        if identity not in seen:
            seen.add(identity)
            cells.append(cell)
    return cells


def _header_word(text: str) -> str:
    return re.sub(r"[^\w]", "", text.upper())


def _av_columns(header: list[str]) -> tuple[int, int] | None:
    """Indexes of the picture and sound columns when the header names both."""
    words = [_header_word(cell) for cell in header]
    video = next((i for i, word in enumerate(words) if word in _VIDEO_HEADERS), None)
    audio = next((i for i, word in enumerate(words) if word in _AUDIO_HEADERS), None)
    if video is None or audio is None or video == audio:
        return None
    return video, audio


def _marks_scene(video: str) -> bool:
    opening = video[:24]
    return bool(_SCENE_MARK.match(opening) or SCENE_PREFIX.match(opening[:12] + " "))


def _read_table(table: object, builder: _TextBuilder) -> None:
    rows = [_unique_cells(row) for row in table.rows]  # type: ignore[attr-defined]
    if not rows:
        return
    columns = _av_columns([cell.text for cell in rows[0]])  # type: ignore[attr-defined]
    if columns is None:
        for cells in rows:
            text = "\t".join(_clean(cell.text) for cell in cells)  # type: ignore[attr-defined]
            if text.strip():
                builder.add(BlockKind.NARRATION, text.strip())
        return
    video_column, audio_column = columns
    for cells in rows[1:]:
        texts = [_clean(cell.text) for cell in cells]  # type: ignore[attr-defined]
        if len(texts) == 1:
            if texts[0]:
                builder.add(BlockKind.HEADING, texts[0], level=2, scene_heading=True)
            continue
        video = texts[video_column] if video_column < len(texts) else ""
        audio = texts[audio_column] if audio_column < len(texts) else ""
        if video or audio:
            builder.add_av_row(video, audio, scene_heading=bool(video) and _marks_scene(video))


def parse_docx(data: bytes, name: str, *, limits: InputLimits = DEFAULT_LIMITS) -> ScriptDocument:
    """Parse the bytes of a .docx script after checking the archive is safe."""
    _open_archive(data, name, limits)
    # Imported here: python-docx (and lxml) are needed only for .docx files.
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    try:
        word = docx.Document(io.BytesIO(data))
        builder = _TextBuilder()
        first_title: str | None = None
        for item in word.iter_inner_content():
            if isinstance(item, Table):
                _read_table(item, builder)
                continue
            text = _clean(item.text)
            if not text:
                continue
            style_name = item.style.name if item.style is not None else ""
            level = _heading_level(style_name or "")
            if level:
                if first_title is None and level == 1:
                    first_title = text
                builder.add(BlockKind.HEADING, text, level=level)
            else:
                builder.add(BlockKind.NARRATION, text)
        properties = word.core_properties
        title = _clean(properties.title or "") or first_title
        author = _clean(properties.author or "")
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise InputFileError(
            name, f"the .docx is damaged and cannot be read as a Word document ({str(error)[:80]})"
        ) from None
    document_text = builder.text()
    check_line_lengths(document_text, name, limits)
    metadata = {"source_name": Path(name).name}
    if author:
        metadata["author"] = author
    return ScriptDocument(
        text=document_text,
        format=ScriptFormat.DOCX,
        blocks=builder.blocks,
        title=title or None,
        encoding="utf-8",
        metadata=metadata,
    )
