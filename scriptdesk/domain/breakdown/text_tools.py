"""Word and sentence helpers shared by the breakdown finders.

Everything here works on plain strings with precompiled patterns, so a finder
can call it once per block and stay linear in the size of the script.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from scriptdesk.domain.model import ScriptDocument

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
    if "*" in text or "_" in text or "#" in text or "\\" in text:
        text = _MARKUP.sub("", text)
    # str.split() splits on exactly the characters \s matches.
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


# Letters a case-insensitive pattern takes for a Latin or Cyrillic letter
# though their lower case differs ("ı" for "i", "ſ" for "s", the old Cyrillic
# "ᲂ" for "о"): where one occurs, a lower-case prefilter could miss a match.
_CASE_ODDITIES = frozenset("İıſᲀᲁᲂᲃᲄᲅᲆ")


def may_contain(text: str, cues: tuple[str, ...]) -> bool:
    """False only when no case-insensitive occurrence of any lower-case cue can be in ``text``.

    A prefilter for case-insensitive patterns that need one of ``cues``: a
    substring test on the lower-case text is far cheaper than trying the
    pattern at every position.
    """
    lower = text.lower()
    return (
        any(cue in lower for cue in cues)
        or len(lower) != len(text)
        or (not text.isascii() and not _CASE_ODDITIES.isdisjoint(text))
    )


AnchorSpans = list[tuple[int, int]]


def finditer_near(
    pattern: re.Pattern[str],
    anchor: re.Pattern[str] | StemAnchor | AnchorSpans,
    text: str,
    before: int,
    after: int,
) -> list[re.Match[str]]:
    """Matches of ``pattern`` around the places ``anchor`` finds, in order.

    Python's ``re`` tries a pattern that starts with optional or
    case-insensitive parts at every position of the text; a plain anchor (a
    year, a month name, a noun) is found far faster, so the full pattern is
    only tried in a window of ``before``/``after`` characters around each
    anchor. A match must cover its anchor; lookbehinds still see the text
    before the window. ``anchor`` may also be the anchor's spans, found
    beforehand (see :meth:`ScriptReading.anchor_spans`).
    """
    if isinstance(anchor, list):
        hits = anchor
    elif isinstance(anchor, StemAnchor):
        hits = anchor.spans(text)
    else:
        hits = [match.span() for match in anchor.finditer(text)]
    if not hits:
        return []
    found: dict[tuple[int, int], re.Match[str]] = {}
    limit = len(text)
    search = pattern.search
    for hit_start, hit_end in hits:
        position = max(0, hit_start - before)
        end = min(limit, hit_end + after)
        while position <= hit_start:
            match = search(text, position, end)
            if match is None or match.start() > hit_start:
                break
            if match.end() >= hit_end:
                found.setdefault(match.span(), match)
            position = match.end() if match.end() > match.start() else match.start() + 1
    return [found[key] for key in sorted(found)]


_WORD_TAIL = re.compile(r"[\w'’-]*")


class StemAnchor:
    """Finds words starting with given stems, faster than a long alternation.

    :meth:`spans` looks each stem up with ``str.find`` in a lower-case copy
    of the text (a plain substring search runs in C at memory speed, where a
    regex alternation tries every branch at every position) and keeps the
    hits that start a word; they serve as anchors for :func:`finditer_near`.
    """

    def __init__(self, stems: str) -> None:
        self.stems = tuple(sorted(set(stems.lower().split())))
        alternation = "|".join(re.escape(stem) for stem in sorted(self.stems, key=len, reverse=True))
        # For texts whose lower-case form changes length (rare letters such
        # as "İ"): offsets in a lower-case copy would not index the text.
        self._fallback = re.compile(rf"\b(?:{alternation})[\w'’-]*", re.IGNORECASE)

    def spans(self, text: str, lower: str | None = None) -> AnchorSpans:
        """Start and end of every word of ``text`` beginning with a stem, in order."""
        lower = text.lower() if lower is None else lower
        if len(lower) != len(text):
            return [match.span() for match in self._fallback.finditer(text)]
        starts: set[int] = set()
        find = lower.find
        for stem in self.stems:
            position = find(stem)
            while position >= 0:
                if position == 0 or not _is_word_char(lower[position - 1]):
                    starts.add(position)
                position = find(stem, position + 1)
        tail = _WORD_TAIL.match
        return [(start, tail(lower, start).end()) for start in sorted(starts)]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The same words as matches (slower; kept for callers wanting matches)."""
        return self._fallback.finditer(text)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class ScriptReading:
    """A script's blocks read once and shared by the finders of one breakdown.

    Holds the lower-case text, the word offsets and sentence spans of each
    block, and the anchors found over the whole text (one substring search
    per stem for the whole script, not per block), all computed on first use.
    Made afresh for every breakdown, so nothing is cached across scripts.
    """

    def __init__(self, document: ScriptDocument) -> None:
        self.document = document
        self.blocks = document.blocks
        self._lower_text: str | None = None
        self._lower: dict[int, str] = {}
        self._words: dict[int, list[int]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._anchors: dict[int, dict[int, AnchorSpans]] = {}
        self._block_starts = [block.start for block in document.blocks]

    def lower(self, block: int) -> str:
        """The block's text in lower case."""
        found = self._lower.get(block)
        if found is None:
            found = self._lower[block] = self.blocks[block].text.lower()
        return found

    def word_starts(self, block: int) -> list[int]:
        """Offsets where the block's words start."""
        found = self._words.get(block)
        if found is None:
            found = self._words[block] = [match.start() for match in WORD.finditer(self.blocks[block].text)]
        return found

    def word_count(self, block: int) -> int:
        """Number of words in the block (as :func:`count_words`)."""
        return len(self.word_starts(block))

    def sentences(self, block: int) -> list[tuple[int, int]]:
        """The block's sentence spans, in order."""
        found = self._sentences.get(block)
        if found is None:
            found = self._sentences[block] = list(sentence_spans(self.blocks[block].text))
        return found

    def sentence_at(self, block: int, offset: int) -> tuple[int, int]:
        """As :func:`sentence_at`, from the block's sentences found once."""
        sentences = self.sentences(block)
        index = bisect.bisect_right(sentences, (offset, _FAR)) - 1
        if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
            return sentences[index]
        return 0, len(self.blocks[block].text)

    def anchor_spans(self, block: int, anchor: re.Pattern[str] | StemAnchor) -> AnchorSpans:
        """The anchor's hits in one block, block-relative, found once for the whole script."""
        per_block = self._anchors.get(id(anchor))
        if per_block is None:
            per_block = self._anchors[id(anchor)] = self._whole_text_anchor(anchor)
        return per_block.get(block, [])

    def _whole_text_anchor(self, anchor: re.Pattern[str] | StemAnchor) -> dict[int, AnchorSpans]:
        per_block: dict[int, AnchorSpans] = {}
        starts, blocks = self._block_starts, self.blocks
        if any(later < earlier for earlier, later in zip(starts, starts[1:])):
            # Blocks out of source order (no importer makes them): read each block on its own.
            for index, block in enumerate(blocks):
                spans = anchor.spans(block.text) if isinstance(anchor, StemAnchor) else [
                    match.span() for match in anchor.finditer(block.text)]
                if spans:
                    per_block[index] = spans
            return per_block
        text = self.document.text
        if isinstance(anchor, StemAnchor):
            if self._lower_text is None:
                self._lower_text = text.lower()
            hits = anchor.spans(text, self._lower_text)
        else:
            hits = [match.span() for match in anchor.finditer(text)]
        for start, end in hits:
            index = bisect.bisect_right(starts, start) - 1
            if index < 0:
                continue
            block = blocks[index]
            if end <= block.end:  # a hit running past its block's end is no hit of that block
                per_block.setdefault(index, []).append((start - block.start, end - block.start))
        return per_block


_FAR = 1 << 62
