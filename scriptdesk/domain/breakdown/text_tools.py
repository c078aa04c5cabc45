"""Word and sentence helpers shared by the breakdown finders.

Everything here works on plain strings with precompiled patterns, so a finder
can call it once per block and stay linear in the size of the script.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A sentence ends at terminal punctuation (optionally followed by closing
# quotes or brackets) and whitespace before something that can start one.
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"”»’'\)\]]*\s+(?=[\"“«„‘'(\[*_]*[^\s\"“«„‘'(\[*_a-zа-яё])"
)
_MARKUP = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|^#{1,6}\s*|\\(?=[*_#])")
_SPACES = re.compile(r"\s+")


def count_words(text: str) -> int:
    """Number of words in ``text`` (hyphenated and apostrophe words count once)."""
    return len(WORD.findall(text))


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of the sentences of ``text``, in order."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if end > start:
            yield start, match.start() + len(match.group(0).rstrip())
        start = match.end()
    if start < len(text) and text[start:].strip():
        yield start, len(text.rstrip())


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence of ``text`` containing ``offset`` (the whole text if none)."""
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, stripped."""
    for start, end in sentence_spans(text):
        return text[start:end].strip()
    return text.strip()


def plain(text: str) -> str:
    """Text without Markdown emphasis, heading marks and runs of whitespace."""
    return _SPACES.sub(" ", _MARKUP.sub("", text)).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def finditer_near(
    pattern: re.Pattern[str], anchor: re.Pattern[str] | StemAnchor, text: str, before: int, after: int
) -> list[re.Match[str]]:
    """Matches of ``pattern`` around the places ``anchor`` finds, in order.

    Python's ``re`` tries a pattern that starts with optional or
    case-insensitive parts at every position of the text; a plain anchor (a
    year, a month name, a noun) is found far faster, so the full pattern is
    only tried in a window of ``before``/``after`` characters around each
    anchor. A match must cover its anchor; lookbehinds still see the text
    before the window.
    """
    found: dict[tuple[int, int], re.Match[str]] = {}
    limit = len(text)
    for hit in anchor.finditer(text):
        position = max(0, hit.start() - before)
        end = min(limit, hit.end() + after)
        while position <= hit.start():
            match = pattern.search(text, position, end)
            if match is None or match.start() > hit.start():
                break
            if match.end() >= hit.end():
                found.setdefault(match.span(), match)
            position = match.end() if match.end() > match.start() else match.start() + 1
    return [found[key] for key in sorted(found)]


class StemAnchor:
    """Finds words starting with given stems, faster than a long alternation.

    ``finditer`` walks the words of a text once and keeps those whose
    lower-case form starts with one of the stems; its matches serve as
    anchors for :func:`finditer_near`.
    """

    def __init__(self, stems: str) -> None:
        self._by_prefix: dict[str, tuple[str, ...]] = {}
        for stem in stems.lower().split():
            key = stem[:2]
            self._by_prefix[key] = (*self._by_prefix.get(key, ()), stem)
        # A character-class start lets the regex engine skip most positions;
        # the exact stems are checked in Python on the few candidates.
        firsts = "".join(sorted({k[0] + k[0].upper() for k in self._by_prefix}))
        seconds = "".join(sorted({k[1:2] + k[1:2].upper() for k in self._by_prefix}))
        self._candidates = re.compile(rf"\b[{re.escape(firsts)}][{re.escape(seconds)}][\w'’-]*")

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        by_prefix = self._by_prefix
        for match in self._candidates.finditer(text):
            word = match.group(0).lower()
            stems = by_prefix.get(word[:2])
            if stems and word.startswith(stems):
                yield match
