"""Fountain screenplays: the plain-text standard, parsed in one linear pass.

:func:`parse_fountain` turns clean text into a :class:`ScriptDocument` whose
``text`` is the source itself, so every block is an exact slice of it.
Markup that marks an element (the ``.`` of a forced scene heading, ``@``,
``!``, ``>``/``<``, ``~``, ``#``, ``=``, a trailing ``^`` or ``#12#`` scene
number) is left outside the block's range; emphasis (``*``, ``**``, ``_``),
inline ``[[notes]]`` and ``/* boneyard */`` inside a block stay in its text
because removing them would break the slice. :func:`display_text` gives the
words as a reader sees them.

How elements become blocks:

* title page ``Key: value`` lines -> ``ScriptDocument.metadata`` and ``title``
  (no block);
* scene headings (INT./EXT./EST./I/E, Russian ИНТ./НАТ., forced ``.``) ->
  HEADING with ``scene_heading=True``, one level below the current section;
* sections ``#`` -> HEADING with ``level`` = number of ``#``;
* action, forced ``!``, centred ``>text<`` and each lyric line ``~`` -> NARRATION;
* character cues (uppercase line followed by dialogue, forced ``@``, dual
  dialogue ``^``, extensions such as (V.O.), (O.S.), (CONT'D)) give the
  ``speaker`` of the DIALOGUE and PARENTHETICAL blocks under them; the cue
  itself is no block;
* transitions (``CUT TO:``, ``FADE IN:``, forced ``>``) -> TRANSITION;
* synopses ``=`` and notes ``[[ ]]`` standing alone -> NOTE;
* page breaks ``===`` and the boneyard -> nothing.

Deliberate choice: an uppercase line ending in a colon ("ARCHIVE:") is read
as action, not as a character cue, because documentary scripts use such
labels for pictures far more often than for speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.model import ScriptBlock, ScriptDocument

SCENE_PREFIX = re.compile(
    r"(?:INT\.?/EXT|INT/EXT|I/E|INT|EXT|EST|ИНТ|НАТ|ЭКСТ)[.\s]", re.IGNORECASE
)
_FADES = frozenset({"FADE IN:", "FADE OUT.", "FADE OUT:", "FADE TO BLACK.", "CUT TO BLACK."})
_TITLE_KEY = re.compile(r"([A-Za-z][A-Za-z0-9 _'\-]{0,39}):")
# A title page must open with one of the spec's keys, so that a script whose
# first line is "SUPER: Kessmouth, 1912" is not swallowed as a title page.
_OPENING_KEYS = frozenset(
    {"title", "credit", "author", "authors", "source", "draft date", "date", "contact", "copyright", "notes", "revision"}
)
_EMPHASIS = re.compile(r"(?<!\\)(\*{1,3}|_)")
_ESCAPED = re.compile(r"\\([*_\\])")


def _without_regions(text: str, opening: str, closing: str) -> str:
    """Drop every ``opening ... closing`` region (linear; an unclosed one is kept)."""
    pieces: list[str] = []
    position = 0
    while True:
        start = text.find(opening, position)
        if start < 0:
            break
        stop = text.find(closing, start + len(opening))
        if stop < 0:
            break
        pieces.append(text[position:start])
        position = stop + len(closing)
    pieces.append(text[position:])
    return "".join(pieces)


def display_text(text: str) -> str:
    """A block's words as a reader sees them: no emphasis markers, notes or boneyard."""
    if not any(mark in text for mark in ("*", "_", "[[", "/*", "\\")):
        return text
    text = _without_regions(text, "/*", "*/")
    text = _without_regions(text, "[[", "]]")
    text = _EMPHASIS.sub("", text)
    return _ESCAPED.sub(r"\1", text)


def split_cue(cue: str) -> tuple[str, list[str]]:
    """Split a character cue into the speaker's name and its extensions.

    ``"@Anna Petrova (V.O.) (CONT'D) ^"`` -> ``("Anna Petrova", ["V.O.", "CONT'D"])``.
    """
    cue = cue.strip()
    if cue.startswith("@"):
        cue = cue[1:]
    if cue.endswith("^"):
        cue = cue[:-1].rstrip()
    paren = cue.find("(")
    if paren < 0:
        return cue.strip(), []
    name = cue[:paren].strip()
    extensions = [part.strip(" )") for part in cue[paren:].split("(") if part.strip(" )")]
    return name, extensions


def _mask_boneyard(text: str) -> str:
    """The text with boneyard comments blanked out, offsets and newlines unchanged."""
    if "/*" not in text:
        return text
    pieces: list[str] = []
    position = 0
    while True:
        opening = text.find("/*", position)
        if opening < 0:
            break
        closing = text.find("*/", opening + 2)
        stop = len(text) if closing < 0 else closing + 2
        pieces.append(text[position:opening])
        pieces.append(_blank_keep_newlines(text[opening:stop]))
        position = stop
        if closing < 0:
            break
    pieces.append(text[position:])
    return "".join(pieces)


def _blank_keep_newlines(hidden: str) -> str:
    return "\n".join(" " * len(part) for part in hidden.split("\n"))


def _is_scene_heading(stripped: str, *, alone: bool = True) -> bool:
    """A forced ``.HEADING``, or INT./EXT./... in capitals or on a line of its own."""
    if stripped.startswith(".") and len(stripped) > 1 and stripped[1] not in ". ":
        return True
    if SCENE_PREFIX.match(stripped[:12] + " ") is None:
        return False
    if stripped[:3].isupper():
        return True
    # Lower case is allowed ("int. house - night"), but "Est. 1891, the
    # harbour kept every ticket." is a sentence, not a scene.
    return alone and len(stripped) <= 80 and not stripped.endswith((".", "!", "?", '"', "\u201d", "\u00bb"))


def is_character_cue(stripped: str) -> bool:
    """An uppercase name (extensions allowed) or a forced ``@`` cue."""
    if stripped.startswith("@"):
        return len(stripped) > 1
    if stripped.endswith(":") or stripped.startswith(("!", "(", "[[", ">", "~", "#", "=")):
        return False
    name, _ = split_cue(stripped)
    return bool(name) and name.isupper() and any(char.isalpha() for char in name)


def is_transition(stripped: str) -> bool:
    """``CUT TO:`` and its kin: capitals ending in ``TO:``, or FADE IN:/FADE OUT."""
    return stripped.isupper() and (stripped.endswith("TO:") or stripped in _FADES)


def _is_line_element(stripped: str) -> bool:
    """Elements that stand on one line and may interrupt an action paragraph."""
    return stripped.startswith(("#", "=", ">", "~")) or _is_page_break(stripped)


def _is_page_break(stripped: str) -> bool:
    return len(stripped) >= 3 and stripped.strip("=") == ""


class _FountainReader:
    """One pass over the lines of a Fountain script, emitting blocks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.masked = _mask_boneyard(text)
        self.lines = self.masked.split("\n")
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.blocks: list[ScriptBlock] = []
        self.metadata: dict[str, str] = {}
        self.section_level = 0
        # Where the next "]]" is: searched forward only, so notes cost linear time.
        self._close_searched_from = -1
        self._close_at = -1

    # -- helpers --------------------------------------------------------------

    def _line_end(self, index: int) -> int:
        return self.starts[index] + len(self.lines[index])

    def _emit(self, kind: BlockKind, start: int, end: int, **fields: object) -> None:
        """Add a block for ``text[start:end]`` trimmed of surrounding blanks."""
        chunk = self.masked[start:end]
        stripped = chunk.strip()
        if not stripped:
            return
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        self.blocks.append(ScriptBlock(kind, self.text[start:end], start, end, **fields))

    # -- title page -----------------------------------------------------------

    def read_title_page(self) -> int:
        """Read ``Key: value`` lines at the top; return the first line after them."""
        index = 0
        while index < len(self.lines) and not self.lines[index].strip():
            index += 1
        if index >= len(self.lines):
            return index
        first = self.lines[index]
        match = _TITLE_KEY.match(first)
        if match is None or match.group(1).strip().lower() not in _OPENING_KEYS:
            return 0
        key: str | None = None
        while index < len(self.lines):
            line = self.lines[index]
            if not line.strip():
                break
            match = _TITLE_KEY.match(line) if not line[:1].isspace() else None
            if match is not None:
                key = match.group(1).strip().lower()
                value = line[match.end() :].strip()
                self.metadata[key] = value
            elif key is not None:
                joined = self.metadata[key]
                self.metadata[key] = f"{joined}\n{line.strip()}" if joined else line.strip()
            else:
                return 0
            index += 1
        return index

    # -- body -----------------------------------------------------------------

    def read_body(self, index: int) -> None:
        count = len(self.lines)
        while index < count:
            if not self._is_blank(index):
                stop = index
                while stop < count and not self._is_blank(stop):
                    stop += 1
                self._read_paragraph(index, stop)
                index = stop
            index += 1

    def _is_blank(self, index: int) -> bool:
        line = self.lines[index]
        # Two spaces alone keep a paragraph (or a speech) together.
        return line != "  " and not line.strip()

    def _read_paragraph(self, first: int, stop: int) -> None:
        index = first
        while index < stop:
            index = self._read_element(index, stop, at_start=index == first)

    def _read_element(self, index: int, stop: int, *, at_start: bool) -> int:
        line = self.lines[index]
        stripped = line.strip()
        start = self.starts[index]
        lead = len(line) - len(line.lstrip())
        body_start = start + lead
        end = self._line_end(index)

        if _is_page_break(stripped):
            return index + 1
        if stripped.startswith("#"):
            level = min(len(stripped) - len(stripped.lstrip("#")), 6)
            self.section_level = level
            self._emit(BlockKind.HEADING, body_start + level, end, level=level)
            return index + 1
        if stripped.startswith("="):
            self._emit(BlockKind.NOTE, body_start + 1, end)
            return index + 1
        if stripped.startswith("[["):
            note_end = self._standalone_note_end(index, stop)
            if note_end is not None:
                self._emit(BlockKind.NOTE, body_start + 2, note_end)
                return self._line_of(note_end) + 1
        if stripped.startswith(">"):
            if stripped.endswith("<") and len(stripped) > 1:
                inner_end = start + line.rstrip().rfind("<")
                self._emit(BlockKind.NARRATION, body_start + 1, inner_end)
            else:
                self._emit(BlockKind.TRANSITION, body_start + 1, end)
            return index + 1
        if stripped.startswith("~"):
            # One block per lyric line keeps every "~" outside the block text.
            self._emit(BlockKind.NARRATION, body_start + 1, end)
            return index + 1
        if at_start and _is_scene_heading(stripped, alone=stop - index == 1):
            self._scene_heading(line, body_start, end, forced=stripped.startswith("."))
            return index + 1
        if at_start and stop - index == 1 and is_transition(stripped):
            self._emit(BlockKind.TRANSITION, body_start, end)
            return index + 1
        if at_start and stop - index > 1 and is_character_cue(stripped):
            return self._dialogue(index, stop)
        return self._action(index, stop, forced=stripped.startswith("!"))

    def _standalone_note_end(self, index: int, stop: int) -> int | None:
        """Offset of the ``]]`` closing a note that fills whole lines, else None."""
        close = self._next_close(self.starts[index])
        if close < 0 or close >= self._line_end(stop - 1):
            return None
        last = self._line_of(close)
        if self.masked[close + 2 : self._line_end(last)].strip():
            return None  # words follow the note on its line: an inline note
        return close

    def _next_close(self, start: int) -> int:
        """Offset of the first "]]" at or after ``start`` (-1 if none)."""
        if start > self._close_searched_from and (self._close_at < start):
            self._close_at = self.masked.find("]]", start)
            self._close_searched_from = start
            if self._close_at < 0:
                self._close_searched_from = len(self.masked)
        return self._close_at if self._close_at >= start else -1

    def _line_of(self, offset: int) -> int:
        """Index of the line holding ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def _scene_heading(self, line: str, body_start: int, end: int, *, forced: bool) -> None:
        if forced:
            body_start += 1
        trimmed = line.rstrip()
        # A scene number "#12A#" closes the heading; it is not part of its text.
        if trimmed.endswith("#"):
            opening = trimmed.rfind("#", 0, len(trimmed) - 1)
            if opening > 0 and " " not in trimmed[opening:]:
                end = end - len(line) + opening
        self._emit(
            BlockKind.HEADING,
            body_start,
            end,
            level=min(self.section_level + 1, 6),
            scene_heading=True,
        )

    def _dialogue(self, index: int, stop: int) -> int:
        speaker, _ = split_cue(self.lines[index])
        index += 1
        while index < stop:
            stripped = self.lines[index].strip()
            if stripped.startswith("(") and stripped.endswith(")"):
                start = self.starts[index]
                self._emit(BlockKind.PARENTHETICAL, start, self._line_end(index), speaker=speaker)
                index += 1
                continue
            last = index
            while last + 1 < stop:
                following = self.lines[last + 1].strip()
                if following.startswith("(") and following.endswith(")"):
                    break
                last += 1
            self._emit(BlockKind.DIALOGUE, self.starts[index], self._line_end(last), speaker=speaker)
            index = last + 1
        return index

    def _action(self, index: int, stop: int, *, forced: bool) -> int:
        start = self.starts[index]
        if forced:
            start = self.masked.find("!", start) + 1
        last = index
        while last + 1 < stop and not _is_line_element(self.lines[last + 1].strip()):
            last += 1
        self._emit(BlockKind.NARRATION, start, self._line_end(last))
        return last + 1


def parse_fountain(text: str, *, encoding: str = "utf-8", source_name: str = "") -> ScriptDocument:
    """Parse clean Fountain text (see :mod:`scriptdesk.domain.safe_text`) into blocks."""
    reader = _FountainReader(text)
    body = reader.read_title_page()
    reader.read_body(body)
    title_value = reader.metadata.get("title")
    title = " ".join(display_text(title_value).split()) if title_value else None
    metadata = dict(reader.metadata)
    if source_name:
        metadata.setdefault("source_name", source_name)
    return ScriptDocument(
        text=text,
        format=ScriptFormat.FOUNTAIN,
        blocks=reader.blocks,
        title=title or None,
        encoding=encoding,
        metadata=metadata,
    )
