"""Two views of a passage: the words to match, and the words to compare.

A source passage is shown to researchers as printed, with the editor's
[bracketed] insertions, stenographer's notes "(* ...)", footnote markers and
page markers. :func:`matchable` removes that editorial material and keeps a
map from every kept character back to the printed text, so a match found in
the clean words can be shown and cited at its exact place in the source.

:func:`words` splits text into comparison words (case-folded, with curly and
straight quotes, dashes and apostrophes unified) with their character ranges.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

#: Editorial material, each kind with a cheap test that spares most passages
#: its pattern: (test, pattern, transcripts only).
_BRACKETS = re.compile(r"\[[^\[\]\n]*\]")  # [editor's insertion] or [...]
_NOTE = re.compile(r"\(\*(?:[^()]|\([^()]*\))*\)")  # (* stenographer's note (one nested pair))
_ASTERISKS = re.compile(r"\*+")  # the asterisk pointing at such a note
# committee6 , (the digit first: a pattern starting with a character class
# is scanned for far faster than one starting with a look-behind)
_GLUED_FOOTNOTE = re.compile(r"\d(?<=[^\W\d_]\d)\d{0,2}(?=[\s,.;:!?)\]]|$)")
# A page-marker line, searched for in "\n" + passage (see _page_marker_lines).
_PAGE_MARKER_LINE = re.compile(
    r"\n[ \t]*(?:\[(?:p\.|pp\.|page|стр\.|с\.|L\.|Л\.)\s*[\w.\- ]{1,20}\]|[-–—]{1,2}[ \t]*\d{1,4}[ \t]*[-–—]{1,2})[ \t]*(?=\n|\Z)"
)
#: In transcripts also footnote numbers set apart: "on February 22 2 ." / "leave 11 . I"
#: (the space before the stop tells them from "March 18, 1926").
_SPACED_FOOTNOTE = re.compile(
    r"(?<=[^\s\d])[ \t\xa0]\d{1,3}(?:[ \t\xa0]+(?=[.,;:?!])|[ \t\xa0]*$)"
    r"|(?<=\d)[ \t\xa0]\d{1,3}[ \t\xa0]*(?=[.,;:?!])"
)
_DIGITS = "0123456789"




def _page_marker_lines(printed: str) -> list[tuple[int, int]]:
    """Page-marker lines, each with its line end, as "^...$" in MULTILINE mode finds them.

    Searched in "\n" + text: a pattern that begins with a newline is found at
    memory speed, where "^" is tried at every character.
    """
    return [(m.start(), min(m.end(), len(printed))) for m in _PAGE_MARKER_LINE.finditer("\n" + printed)]


def _spans_of(pattern: re.Pattern[str]) -> Callable[[str], list[tuple[int, int]]]:
    return lambda printed: [m.span() for m in pattern.finditer(printed)]


_EDITORIAL: tuple[tuple[str | None, Callable[[str], list[tuple[int, int]]], bool], ...] = (
    ("[", _spans_of(_BRACKETS), False),
    ("(*", _spans_of(_NOTE), False),
    ("*", _spans_of(_ASTERISKS), False),
    (None, _spans_of(_GLUED_FOOTNOTE), False),
    ("\n", _page_marker_lines, False),
    (None, _spans_of(_SPACED_FOOTNOTE), True),
)
_SPACE = frozenset(" \t\n\r\xa0\u2002\u2003\u2009\u202f")

#: Typographic variants compared as one character (one-to-one, so offsets hold).
_UNIFY = str.maketrans(
    {
        **{c: "'" for c in "ʹʼ’‘`´′‛"},
        **{c: '"' for c in "“”„«»ʺ″‟"},
        **{c: "-" for c in "‐‑‒–—―−"},
        **{c: " " for c in "\xa0\u2002\u2003\u2009\u202f\t\n\r"},
        "ё": "е",
        "Ё": "Е",
    }
)
_WORD = re.compile(r"\w+(?:'\w+)*")
#: An ellipsis standing for omitted words, bracketed or not.
ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){2,}\.?\s*\]|\[\s*…\s*\]|(?:\.\s?){2,}\.|…)\s*")


@dataclass(frozen=True, slots=True)
class MatchView:
    """Text without editorial material, and where each kept character was printed."""

    text: str
    offsets: list[int] | None  # None: identical to the printed text

    def printed_index(self, index: int) -> int:
        """Offset in the printed text of the character at ``index``."""
        return index if self.offsets is None else self.offsets[index]

    def printed_range(self, start: int, end: int) -> tuple[int, int]:
        """Printed-text range covering kept characters ``start`` to ``end``."""
        if end <= start:
            point = self.printed_index(start) if start < len(self.text) else self._printed_end()
            return point, point
        return self.printed_index(start), self.printed_index(end - 1) + 1

    def _printed_end(self) -> int:
        if self.offsets is None:
            return len(self.text)
        return self.offsets[-1] + 1 if self.offsets else 0


def matchable(
    printed: str,
    *,
    transcript: bool = False,
    also_remove: tuple[tuple[int, int], ...] = (),
    has_digit: bool | None = None,
) -> MatchView:
    """The passage without editorial material (``also_remove``: e.g. a speaker label).

    ``has_digit``: whether the passage holds a digit, when the caller knows.
    """
    found = list(also_remove)
    for marker, spans, transcripts_only in _EDITORIAL:
        if transcripts_only and not transcript:
            continue
        if marker is None:
            if has_digit is None:  # ten memchr scans beat one regular-expression scan
                has_digit = any(digit in printed for digit in _DIGITS)
            if not has_digit:
                continue
        elif marker not in printed:
            continue
        found.extend(spans(printed))
    cuts = sorted(found)
    if not cuts:
        return MatchView(printed, None)
    kept: list[str] = []
    offsets: list[int] = []
    position = 0
    for start, end in cuts:
        if end <= position:
            continue
        start = max(start, position)
        # "the rest [I tore up], unfortunately": the space before goes with it.
        if end < len(printed) and printed[end] in ",.;:!?)":
            while start > position and printed[start - 1] in _SPACE:
                start -= 1
        kept.append(printed[position:start])
        offsets.extend(range(position, start))
        # Removing "[said this] " must not leave two spaces behind.
        before_is_space = start == 0 or printed[start - 1] in _SPACE
        if before_is_space:
            while end < len(printed) and printed[end] in _SPACE:
                end += 1
        position = end
    kept.append(printed[position:])
    offsets.extend(range(position, len(printed)))
    text = "".join(kept)
    # Spaces and stops left by a removed label or note are no part of the words.
    stripped = len(text) - len(text.lstrip(" \t\n\xa0.,;:"))
    if stripped:
        text, offsets = text[stripped:], offsets[stripped:]
    return MatchView(text, offsets)


def unify(text: str) -> str:
    """Curly/straight quotes, dashes, apostrophes and spaces as one character each."""
    return text.translate(_UNIFY)


def fold(word: str) -> str:
    """The comparison form of one word: case-folded, without accents."""
    word = word.casefold()
    if word.isascii():
        return word
    # Keep the breve of "й": it makes a different letter, not an accent.
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if ch == "\u0306" or not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Words:
    """Comparison words of a text and where each one is."""

    folded: list[str]
    starts: list[int]
    ends: list[int]


def words(text: str) -> Words:
    """Comparison words of ``text`` (offsets are indexes into ``text``)."""
    unified = unify(text)
    if unified.isascii():  # lower() keeps every offset: one pass for the whole text
        spans = [m.span() for m in _WORD.finditer(unified)]
        lowered = unified.lower()
        return Words([lowered[a:b] for a, b in spans], [a for a, _ in spans], [b for _, b in spans])
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _WORD.finditer(unified):
        folded.append(fold(match.group()))
        starts.append(match.start())
        ends.append(match.end())
    return Words(folded, starts, ends)


def folded_text(text: str) -> str:
    """The comparison words of ``text`` joined by single spaces (no offsets: quick)."""
    unified = unify(text)
    if unified.isascii():
        return " ".join(_WORD.findall(unified.lower()))
    return " ".join(fold(word) for word in _WORD.findall(unified))


def same_characters(a: str, b: str) -> bool:
    """Whether two texts are identical but for how they are spaced.

    Printed sources space erratically (non-breaking spaces, doubled spaces,
    line ends); spacing alone never makes a quotation inexact.
    """
    return re.sub(r"\s+", " ", a).strip() == re.sub(r"\s+", " ", b).strip()
