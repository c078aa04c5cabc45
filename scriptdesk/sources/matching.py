"""Finding a quotation in the source library and saying how it differs.

For each quotation the full-text index proposes candidate passages; inside
each, rapidfuzz locates the quotation and difflib aligns it word by word.
Ellipses ("...", "…", "[...]") split a quotation into parts that must appear
in order; [editorial insertions] on either side are ignored. The best
alignment is classed:

- **exact**: the same characters (but for the kind of space and the final stop);
- **normalised**: the same words, differing only in case, punctuation,
  quote marks, dashes or spacing;
- **altered**: recognisably the passage, with words changed, added or dropped
  (:attr:`QuotationMatch.differences` lists them);
- **not found**: nothing in the library is close enough.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from scriptdesk.domain.enums import MatchClass
from scriptdesk.domain.safe_text import clean_text
from scriptdesk.sources.search import STOPWORDS, PassageHit, PassageSearch
from scriptdesk.sources.textview import (
    ELLIPSIS,
    MatchView,
    Words,
    folded_text,
    matchable,
    same_characters,
    unify,
    words,
)
from scriptdesk.sources.transcript import label_of

#: Word-level similarity from which a passage counts as the altered source.
ALTERED_MIN_SCORE = 0.6
#: Share of a quotation's distinctive words the passage must contain.
ALTERED_MIN_CONTENT_RECALL = 0.5
#: Share of all the quotation's words that must line up with the passage.
ALTERED_MIN_COVERAGE = 0.7
#: Quotations this short must match word for word (too many near misses otherwise).
SHORT_QUOTATION_WORDS = 4
#: Candidate passages aligned per quotation.
CANDIDATES = 6
#: Candidates (best ranked first) that may be widened to their neighbours,
#: for a quotation running over a paragraph break, and from which score.
_WIDENED = 3
_WIDEN_FROM_SCORE = 0.35
#: Character-level similarity (0-100) below which a candidate is not aligned.
_PRECHECK_SCORE = 55
#: Unmatched source words after which a lone matching word is a stray.
_STRAY_GAP = 3

_CLASS_RANK = {MatchClass.EXACT: 3, MatchClass.NORMALISED: 2, MatchClass.ALTERED: 1, MatchClass.NOT_FOUND: 0}
_OUTER_MARKS = " \t\n\xa0\"'“”„«»‘’‚ʺ‹›"
_INSERTION = re.compile(r"\[\s*(\w)\s*\]|\s*\[[^\[\]]*\]\s*")
_TITLES = frozenset("comrade comrades mr mrs ms dr sir товарищ тов гражданин".split())


@dataclass(frozen=True, slots=True)
class WordChange:
    """One difference between the source passage and the script's wording."""

    kind: str  # "changed", "added" (in the script, not the source), "dropped" (from the source)
    source: str
    script: str


@dataclass(slots=True)
class QuotationMatch:
    """The best place a quotation was found, and how it compares."""

    match_class: MatchClass
    score: float  # 0..1 word-level similarity
    hit: PassageHit | None = None
    start: int | None = None  # character range in the source document's text
    end: int | None = None
    matched_text: str = ""  # the passage as printed over that range
    locator: str | None = None
    attribution_mismatch: bool = False
    differences: list[WordChange] = field(default_factory=list)
    also_found: list[QuotationMatch] = field(default_factory=list)  # in other sources


@dataclass(frozen=True, slots=True)
class _Part:
    core: str  # from the first to the last word, as written
    words: Words


@dataclass(frozen=True, slots=True)
class _Segment:
    offset: int  # where this passage's words begin in the joined text
    view: MatchView
    hit: PassageHit


@dataclass(slots=True)
class _Alignment:
    match_class: MatchClass
    score: float
    start: int  # in the joined text
    end: int
    segments: list[_Segment]
    differences: list[WordChange]
    touches_edge: bool


def prepare_quotation(text: str) -> list[_Part]:
    """The quotation cut at its ellipses, without editorial insertions."""
    text = clean_text(text).strip(_OUTER_MARKS)
    parts = []
    for piece in ELLIPSIS.split(text):
        piece = _INSERTION.sub(lambda m: m.group(1) or " ", piece).strip()
        found = words(piece)
        if found.folded:
            parts.append(_Part(piece[found.starts[0] : found.ends[-1]], words(piece[found.starts[0] : found.ends[-1]])))
    return parts


def speakers_differ(quoted: str | None, passage: str | None) -> bool:
    """Whether a quotation's speaker and a passage's speaker are different people."""
    if not quoted or not passage:
        return False
    mine = {w for w in words(quoted).folded if len(w) > 1 and w not in _TITLES}
    theirs = {w for w in words(passage).folded if len(w) > 1 and w not in _TITLES}
    if not mine or not theirs:
        return False
    for a in mine:
        for b in theirs:
            shorter, longer = sorted((a, b), key=len)
            if a == b or (len(shorter) >= 4 and longer.startswith(shorter)):
                return False
    return True


def _view_of(hit: PassageHit) -> MatchView:
    """The passage's match text with its map to the printed text."""
    if hit.printed is None:
        return MatchView(hit.match_text, None)
    label = label_of(hit.printed) if hit.speaker else None
    removals = [((0, label.end),)] if label is not None and label.name == hit.speaker else []
    for transcript in (True, False):
        for remove in [*removals, ()]:
            view = matchable(hit.printed, transcript=transcript, also_remove=remove)
            if view.text == hit.match_text:
                return view
    # The passage was stored by another version of the rules: cite it whole.
    return MatchView(hit.match_text, [min(i, len(hit.printed) - 1) for i in range(len(hit.match_text))])


def _trim_strays(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop lone matching words far from the rest at either end."""
    while len(blocks) > 1 and blocks[0][2] == 1 and blocks[1][1] - (blocks[0][1] + 1) >= _STRAY_GAP:
        blocks = blocks[1:]
    while len(blocks) > 1 and blocks[-1][2] == 1 and blocks[-1][1] - (blocks[-2][1] + blocks[-2][2]) >= _STRAY_GAP:
        blocks = blocks[:-1]
    return blocks


def _locate(part: _Part, source: Words, first_word: int) -> tuple[int, int, list[tuple[int, int, int]]] | None:
    """Word range of the part in ``source`` from ``first_word`` on, and matching blocks."""
    quoted = part.words.folded
    available = source.folded[first_word:]
    if not available:
        return None
    haystack = " ".join(available)
    needle = " ".join(quoted)
    word_starts: list[int] = []
    position = 0
    for word in available:
        word_starts.append(position)
        position += len(word) + 1
    alignment = fuzz.partial_ratio_alignment(needle, haystack)
    if len(needle) <= len(haystack):
        low, high = alignment.dest_start, alignment.dest_end
    else:
        low, high = 0, len(haystack)
    low_word = max(0, bisect.bisect_right(word_starts, low) - 1)
    high_word = max(low_word + 1, bisect.bisect_left(word_starts, high))
    slack = max(3, len(quoted) // 3)
    window_start = max(0, low_word - slack)
    window_end = min(len(available), high_word + slack)
    matcher = SequenceMatcher(None, quoted, available[window_start:window_end], autojunk=False)
    blocks = [(a, b + window_start, size) for a, b, size in matcher.get_matching_blocks() if size]
    blocks = _trim_strays(blocks)
    if not blocks:
        return None
    start = blocks[0][1]
    end = blocks[-1][1] + blocks[-1][2]
    return first_word + start, first_word + end, [(a, b + first_word, s) for a, b, s in blocks]


def _differences(quoted: list[str], script: Words, script_text: str, source: Words, source_text: str,
                 start: int, end: int) -> list[WordChange]:
    region = source.folded[start:end]
    changes = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, region, quoted, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        source_words = " ".join(source_text[source.starts[start + i] : source.ends[start + i]] for i in range(a0, a1))
        script_words = " ".join(script_text[script.starts[i] : script.ends[i]] for i in range(b0, b1))
        kind = {"replace": "changed", "insert": "added", "delete": "dropped"}[tag]
        changes.append(WordChange(kind, source_words, script_words))
    return changes


def _align(parts: list[_Part], segments: list[_Segment]) -> _Alignment | None:
    joined = "\n".join(segment.view.text for segment in segments)
    source = words(joined)
    next_word = 0
    matched = 0
    region_words = 0
    quoted_words = 0
    exact = normalised = True
    first = last = None
    differences: list[WordChange] = []
    content_total = content_found = 0
    for part in parts:
        located = _locate(part, source, next_word)
        if located is None:
            return None
        start, end, blocks = located
        size = sum(block[2] for block in blocks)
        matched += size
        region_words += end - start
        quoted_words += len(part.words.folded)
        found_words = set(source.folded[start:end])
        for word in part.words.folded:
            if len(word) >= 3 and word not in STOPWORDS:
                content_total += 1
                content_found += word in found_words
        if source.folded[start:end] != part.words.folded:
            exact = normalised = False
            differences += _differences(part.words.folded, part.words, part.core, source, joined, start, end)
        elif not same_characters(joined[source.starts[start] : source.ends[end - 1]], part.core):
            exact = False
        first = start if first is None else first
        last = end
        next_word = end
    if first is None or last is None:
        return None
    score = 2 * matched / (quoted_words + region_words)
    if normalised:
        match_class = MatchClass.EXACT if exact else MatchClass.NORMALISED
    elif (
        quoted_words >= SHORT_QUOTATION_WORDS
        and score >= ALTERED_MIN_SCORE
        and matched >= ALTERED_MIN_COVERAGE * quoted_words
        and content_found >= ALTERED_MIN_CONTENT_RECALL * content_total
    ):
        match_class = MatchClass.ALTERED
    else:
        match_class = MatchClass.NOT_FOUND
    return _Alignment(
        match_class=match_class,
        score=1.0 if normalised else score,
        start=source.starts[first],
        end=source.ends[last - 1],
        segments=segments,
        differences=differences,
        touches_edge=first <= 1 or last >= len(source.folded) - 1,
    )


def _holds_word_for_word(parts: list[_Part], passage: str) -> bool:
    """Whether the passage's words contain each part's words, in order."""
    joined = f" {folded_text(passage)} "
    position = 0
    for part in parts:
        found = joined.find(" " + " ".join(part.words.folded) + " ", position)
        if found < 0:
            return False
        position = found + 1
    return True


def _segments(hits: list[PassageHit]) -> list[_Segment]:
    segments = []
    offset = 0
    for hit in hits:
        view = _view_of(hit)
        segments.append(_Segment(offset, view, hit))
        offset += len(view.text) + 1
    return segments


def _document_range(alignment: _Alignment) -> tuple[PassageHit, int, int]:
    """The hit where the match starts and the match's range in the document."""

    def locate(position: int, is_end: bool) -> tuple[_Segment, int]:
        for segment in reversed(alignment.segments):
            if segment.offset <= position - (1 if is_end else 0):
                local = position - segment.offset
                if is_end:
                    return segment, segment.hit.start + segment.view.printed_range(local - 1, local)[1]
                return segment, segment.hit.start + segment.view.printed_index(local)
        segment = alignment.segments[0]
        return segment, segment.hit.start

    first_segment, start = locate(alignment.start, False)
    _, end = locate(alignment.end, True)
    return first_segment.hit, start, end


class QuotationMatcher:
    """Matches quotations against every passage in the library."""

    def __init__(self, search: PassageSearch, candidates: int = CANDIDATES) -> None:
        self.search = search
        self.candidates = candidates

    def prepare_for_many(self) -> None:
        """Load what makes matching hundreds of quotations in a row fast."""
        self.search.load_vocabulary()

    def match(self, quotation: str, speaker: str | None = None) -> QuotationMatch:
        """The best source of a quotation (``speaker``: who the script says spoke).

        The quick search (a quotation's rarest few words) finds nearly every
        quotation that is in the library; one it does not find is searched
        again with more words, and the better answer kept.
        """
        parts = prepare_quotation(quotation)
        if not parts:
            return QuotationMatch(MatchClass.NOT_FOUND, 0.0)
        quick = self._match_parts(parts, speaker, broad=False)
        if quick.match_class is not MatchClass.NOT_FOUND:
            return quick
        broad = self._match_parts(parts, speaker, broad=True)
        return broad if (_CLASS_RANK[broad.match_class], broad.score) > (_CLASS_RANK[quick.match_class], quick.score) else quick

    def _match_parts(self, parts: list[_Part], speaker: str | None, *, broad: bool) -> QuotationMatch:
        hits = self.search.find(" ".join(part.core for part in parts), limit=self.candidates, broad=broad)
        # Passages holding every part word for word (in order) are found by a
        # plain substring search; when there are any, the others cannot do
        # better than "altered" and need no alignment.
        verbatim = [(rank, hit) for rank, hit in enumerate(hits) if _holds_word_for_word(parts, hit.match_text)]
        scored: list[tuple[tuple[int, float, int, int], _Alignment]] = []
        longest = max((" ".join(part.words.folded) for part in parts), key=len)
        for rank, hit in verbatim or list(enumerate(hits)):
            # A cheap character-level look first: most candidates of an absent
            # quotation share a few rare words and nothing else.
            if not verbatim and not fuzz.partial_ratio(
                longest, unify(hit.match_text).lower(), score_cutoff=_PRECHECK_SCORE
            ):
                continue
            alignment = _align(parts, _segments([hit]))
            if alignment is None:
                continue
            if (
                rank < _WIDENED
                and alignment.match_class in (MatchClass.ALTERED, MatchClass.NOT_FOUND)
                and alignment.touches_edge
                and alignment.score >= _WIDEN_FROM_SCORE
            ):
                wider = _align(parts, _segments(self.search.neighbours(hit)))
                if wider is not None and (_CLASS_RANK[wider.match_class], wider.score) > (
                    _CLASS_RANK[alignment.match_class], alignment.score
                ):
                    alignment = wider
            agrees = not speakers_differ(speaker, hit.speaker)
            scored.append(((_CLASS_RANK[alignment.match_class], round(alignment.score, 3), agrees, -rank), alignment))
        if not scored:
            return QuotationMatch(MatchClass.NOT_FOUND, 0.0)
        scored.sort(key=lambda item: item[0], reverse=True)
        best = self._result(scored[0][1], speaker)
        if best.match_class is MatchClass.NOT_FOUND:
            return QuotationMatch(MatchClass.NOT_FOUND, best.score)
        seen = {best.hit.source_id} if best.hit else set()
        for _, alignment in scored[1:]:
            other = self._result(alignment, speaker)
            if other.hit is not None and other.hit.source_id not in seen and _CLASS_RANK[other.match_class] >= 2:
                seen.add(other.hit.source_id)
                best.also_found.append(other)
        return best

    def _result(self, alignment: _Alignment, speaker: str | None) -> QuotationMatch:
        hit, start, end = _document_range(alignment)
        printed = _printed_slice(alignment, hit, start, end)
        return QuotationMatch(
            match_class=alignment.match_class,
            score=round(alignment.score, 4),
            hit=hit,
            start=start,
            end=end,
            matched_text=printed,
            locator=self.locator(hit, start, end),
            attribution_mismatch=speakers_differ(speaker, hit.speaker),
            differences=alignment.differences,
        )

    def locator(self, hit: PassageHit, start: int, end: int) -> str:
        """"p. 12", "pp. 12–13", "L. 5", "line 40" or "para 7" for a range of a document."""
        pages = [page for page in self.search.pages(hit.document_id) if page.start < max(end, start + 1) and page.end > start]
        if pages:
            first, last = pages[0].label, pages[-1].label
            if first.startswith("L."):
                return first if first == last else f"{first}–{last.removeprefix('L. ')}"
            return f"p. {first}" if first == last else f"pp. {first}–{last}"
        if hit.speaker is not None and hit.line is not None:
            return f"line {hit.line}"
        return f"para {hit.ordinal + 1}"


def _printed_slice(alignment: _Alignment, hit: PassageHit, start: int, end: int) -> str:
    """The printed source text between two document offsets."""
    pieces = []
    for segment in alignment.segments:
        printed = segment.hit.printed if segment.hit.printed is not None else segment.hit.match_text
        low = max(start, segment.hit.start) - segment.hit.start
        high = min(end, segment.hit.end) - segment.hit.start
        if high > low:
            pieces.append(printed[low:high])
    return "\n\n".join(pieces)
