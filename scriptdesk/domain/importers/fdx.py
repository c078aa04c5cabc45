"""Final Draft ``.fdx`` scripts, read with a hardened XML parser.

:func:`parse_fdx` refuses any DTD, entity declaration or external reference
(so "billion laughs" and ``file:///etc/passwd`` entities are never expanded),
checks that the root element is ``<FinalDraft>``, and builds the document
text from the paragraphs itself, screenplay fashion: a blank line between
elements, a single line break inside a speech (cue, parentheticals,
dialogue). Paragraph types become blocks as follows:

* Scene Heading -> HEADING with ``scene_heading=True``;
* Action, General, Shot and unknown types -> NARRATION;
* Character -> no block, but the ``speaker`` of what follows;
* Dialogue -> DIALOGUE, Parenthetical -> PARENTHETICAL (with the speaker);
* Transition -> TRANSITION; New Act / End of Act -> HEADING level 1.

Dual dialogue (``<DualDialogue>``) is read as two consecutive speeches. The
title page is kept in the text (no blocks) and in ``metadata["title_page"]``.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputFileError, UnsafeInputError
from scriptdesk.domain.importers.decoding import binary_kind
from scriptdesk.domain.importers.fountain import split_cue
from scriptdesk.domain.importers.limits import DEFAULT_LIMITS, InputLimits, check_line_lengths
from scriptdesk.domain.model import ScriptBlock, ScriptDocument
from scriptdesk.domain.safe_text import clean_text

_BLOCK_KINDS: dict[str, BlockKind] = {
    "scene heading": BlockKind.HEADING,
    "action": BlockKind.NARRATION,
    "general": BlockKind.NARRATION,
    "shot": BlockKind.NARRATION,
    "dialogue": BlockKind.DIALOGUE,
    "parenthetical": BlockKind.PARENTHETICAL,
    "transition": BlockKind.TRANSITION,
    "new act": BlockKind.HEADING,
    "end of act": BlockKind.HEADING,
}
_SPEECH = frozenset({"character", "dialogue", "parenthetical"})
_DECLARED_ENCODING = re.compile(rb"""encoding=["']([A-Za-z0-9._-]{1,40})["']""")


def _declared_encoding(data: bytes) -> str:
    """The encoding named in the XML declaration (UTF-8 when none is named)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _DECLARED_ENCODING.search(data[:200])
    return match.group(1).decode("ascii").lower() if match else "utf-8"


def _parse_xml(data: bytes, name: str) -> Element:
    """The root element, or one plain sentence about why the XML is refused."""
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.ElementTree import fromstring

    kind = binary_kind(data)
    if kind is not None:
        raise InputFileError(name, f"the file is not a Final Draft script (it looks like {kind})")
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise InputFileError(name, "the file is not a Final Draft script (it does not contain XML)")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise UnsafeInputError(
            name, "the file declares a DTD, which ScriptDesk refuses in .fdx files for safety"
        ) from None
    except EntitiesForbidden:
        raise UnsafeInputError(
            name, "the file declares XML entities, which ScriptDesk refuses for safety"
        ) from None
    except ExternalReferenceForbidden:
        raise UnsafeInputError(
            name, "the file refers to external XML resources, which ScriptDesk refuses for safety"
        ) from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise InputFileError(
            name, f"the file is not well-formed XML (line {line}, column {column})"
        ) from None


def _paragraph_text(paragraph: Element) -> str:
    """The words of one paragraph: its ``<Text>`` runs, cleaned."""
    runs = [run.text or "" for run in paragraph.findall("Text")]
    return clean_text("".join(runs)).strip()


def _paragraphs(container: Element | None) -> list[tuple[str, str]]:
    """``(type, text)`` of every paragraph in reading order, dual dialogue unfolded."""
    found: list[tuple[str, str]] = []
    if container is None:
        return found
    for paragraph in container.iter("Paragraph"):
        if paragraph.find("DualDialogue") is not None:
            continue  # its inner paragraphs come next in iter() order
        found.append(((paragraph.get("Type") or "").strip().lower(), _paragraph_text(paragraph)))
    return found


class _TextBuilder:
    """Accumulates the document text and its blocks with exact offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[ScriptBlock] = []

    def add(self, text: str, separator: str, kind: BlockKind | None = None, **fields: object) -> None:
        if self.parts:
            self.parts.append(separator)
            self.length += len(separator)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if kind is not None:
            self.blocks.append(ScriptBlock(kind, text, start, self.length, **fields))

    def text(self) -> str:
        return "".join(self.parts)


def parse_fdx(data: bytes, name: str, *, limits: InputLimits = DEFAULT_LIMITS) -> ScriptDocument:
    """Parse the bytes of a Final Draft script into a :class:`ScriptDocument`."""
    root = _parse_xml(data, name)
    if root.tag != "FinalDraft":
        raise InputFileError(
            name, f"the file is XML but not a Final Draft script (its root is <{root.tag[:40]}>)"
        )
    builder = _TextBuilder()
    title_lines = [text for _, text in _paragraphs(root.find("TitlePage/Content")) if text]
    for line in title_lines:
        builder.add(line, "\n")
    speaker: str | None = None
    previous = ""
    for kind_name, text in _paragraphs(root.find("Content")):
        if not text:
            continue
        in_speech = kind_name in _SPEECH and previous in _SPEECH
        separator = "\n" if in_speech and kind_name != "character" else "\n\n"
        previous = kind_name
        if kind_name == "character":
            speaker = split_cue(text)[0] or None
            builder.add(text, separator)
            continue
        kind = _BLOCK_KINDS.get(kind_name, BlockKind.NARRATION)
        if kind in (BlockKind.DIALOGUE, BlockKind.PARENTHETICAL):
            builder.add(text, separator, kind, speaker=speaker)
            continue
        speaker = None
        if kind is BlockKind.HEADING:
            is_scene = kind_name == "scene heading"
            builder.add(text, separator, kind, level=2 if is_scene else 1, scene_heading=is_scene)
        else:
            builder.add(text, separator, kind)
    document_text = builder.text()
    check_line_lengths(document_text, name, limits)
    metadata = {"source_name": Path(name).name}
    if title_lines:
        metadata["title_page"] = "\n".join(title_lines)
    return ScriptDocument(
        text=document_text,
        format=ScriptFormat.FDX,
        blocks=builder.blocks,
        title=title_lines[0] if title_lines else None,
        encoding=_declared_encoding(data),
        metadata=metadata,
    )
