"""Finding quoted passages and telling quotations from titles and scare quotes.

Provides :func:`find_quotations`, which returns a :class:`QuotationScan`:
the real quotations (as :class:`QuotationDraft`, speaker not yet known) and
the other quoted phrases as :class:`NamedThing` (titles of works, building
names, nicknames, scare quotes, slogan terms), which the footage and rights
finders use.

Every quote style is paired: “…” "…" «…» „…“ ‘…’ '…' ‹…›, with straight
quotes told open from close by the characters around them and apostrophes
("Kamenev’s", "don't") left alone. A quotation may run over paragraphs, either
with an opening mark on each paragraph or with one mark at each end; quotes
inside quotes are nested. Spans hold the quoted words without the marks.

In a screenplay, a block voiced by a reader (see :mod:`.voices`) is a
quotation even without marks: the whole of its words, without the cue's
label; quotations inside it are nested in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scriptdesk.domain.breakdown.quote_kinds import classify_quoted
from scriptdesk.domain.breakdown.transcript_lines import find_transcript_lines
from scriptdesk.domain.breakdown.voices import READING, find_voices, spoken_words
from scriptdesk.domain.enums import BlockKind
from scriptdesk.domain.model import QuotationDraft, ScriptDocument, Span

NAMED_CATEGORIES = ("work_title", "building", "nickname", "scare_quote", "slogan_term")

_MARKS = re.compile("[\"'“”„‟«»‹›‘’‚]")
_DOUBLE_CLOSERS = {"“": "”\"", "„": "“”\"", "\"": "\"”", "‟": "”\"", "«": "»", "‹": "›",
                   "‘": "’'", "'": "'’", "‚": "‘’"}
_SINGLE_OPENERS = frozenset("‘'‚‹")
# How many further paragraphs a quotation may run over.
_MAX_CONTINUATION = 8
_ITALIC_TITLE = re.compile(r"(?<![*\w])[*_]([A-ZА-ЯЁ«\"“][^*_\n]{0,100}?)[*_](?![*\w])")


@dataclass(slots=True)
class NamedThing:
    """A quoted or emphasised phrase that is not a quotation."""

    span: Span
    text: str
    category: str  # one of NAMED_CATEGORIES


@dataclass(slots=True)
class QuotationScan:
    """What :func:`find_quotations` found."""

    quotations: list[QuotationDraft] = field(default_factory=list)
    named_things: list[NamedThing] = field(default_factory=list)


@dataclass(slots=True)
class _Quoted:
    """A pair of quote marks and what lies between them."""

    open_block: int
    open_at: int  # offset of the opening mark in its block
    close_block: int
    close_at: int  # offset of the closing mark in its block
    parent: _Quoted | None
    single: bool
    reading: bool = False  # the words of a reader's block, marks or not


def find_quotations(document: ScriptDocument, skip_blocks: set[int]) -> QuotationScan:
    """Every quotation and named phrase in the document, in script order."""
    pairs = _with_readings(document, _pair_marks(document, skip_blocks), skip_blocks)
    scan = QuotationScan()
    index_of: dict[int, int] = {}
    for pair in pairs:
        start_block, start, end_block, end = _trimmed(document, pair)
        if (start_block, start) >= (end_block, end):
            continue
        text = _slice(document, start_block, start, end_block, end)
        kind, confidence = ("quotation", 0.9) if pair.reading else classify_quoted(
            document, pair.open_block, pair.open_at, pair.close_block, pair.close_at,
            pair.parent is not None, text,
        )
        if kind != "quotation":
            if end_block == start_block:
                scan.named_things.append(NamedThing(Span(start_block, start, end), text, kind))
            continue
        parent = pair.parent
        while parent is not None and id(parent) not in index_of:
            parent = parent.parent
        multi = end_block != start_block
        first_end = len(document.blocks[start_block].text) if multi else end
        draft = QuotationDraft(
            span=Span(start_block, start, first_end),
            text=text,
            nested_in=index_of[id(parent)] if parent is not None else None,
            confidence=confidence,
            end_span=Span(end_block, 0, end) if multi else None,
        )
        index_of[id(pair)] = len(scan.quotations)
        scan.quotations.append(draft)
    for block_index, block in enumerate(document.blocks):
        if block_index in skip_blocks:
            continue
        for match in _ITALIC_TITLE.finditer(block.text):
            if len(match.group(1).split()) <= 10:
                scan.named_things.append(
                    NamedThing(Span(block_index, match.start(1), match.end(1)),
                               match.group(1), "work_title")
                )
    scan.named_things.sort(key=lambda thing: (thing.span.block, thing.span.start))
    return scan


def quotation_end(quotation: QuotationDraft) -> Span:
    """Block and offset where a quotation's words end."""
    return quotation.end_span or quotation.span


def _with_readings(
    document: ScriptDocument, pairs: list[_Quoted], skip_blocks: set[int]
) -> list[_Quoted]:
    """Mark or add the quotation each reader's block and transcript line is.

    A pair of marks around all of the words is that quotation; else a pair
    without marks is made for the words, and the top-level quotes inside
    them become nested in it.
    """
    voiced = _voiced_spans(document, skip_blocks)
    if not voiced:
        return pairs
    by_block: dict[int, list[_Quoted]] = {}
    for pair in pairs:
        by_block.setdefault(pair.open_block, []).append(pair)
    added: list[_Quoted] = []
    for index, start, end in voiced:
        inside = [
            pair for pair in by_block.get(index, [])
            if start - 1 <= pair.open_at and pair.close_block == index and pair.close_at <= end
        ]
        whole = next(
            (pair for pair in inside if pair.open_at == start and pair.close_at == end - 1), None
        )
        if whole is not None:
            whole.reading = True
            continue
        reading = _Quoted(index, start - 1, index, end, None, False, reading=True)
        for pair in inside:
            if pair.parent is None:
                pair.parent = reading
        added.append(reading)
    pairs.extend(added)
    pairs.sort(key=lambda pair: (pair.open_block, pair.open_at))
    return pairs


def _voiced_spans(document: ScriptDocument, skip_blocks: set[int]) -> list[tuple[int, int, int]]:
    """(block, start, end) of the words of every reader's block and transcript line."""
    spans = []
    for index, voice in find_voices(document, skip_blocks).items():
        if voice.role == READING:
            start, end = spoken_words(document.blocks[index].text, voice)
            if start < end:
                spans.append((index, start, end))
    for line in find_transcript_lines(document, skip_blocks):
        if line.in_run and line.words_start < line.words_end:
            spans.append((line.block, line.words_start, line.words_end))
    return spans


# --- pairing the marks ---------------------------------------------------


def _pair_marks(document: ScriptDocument, skip_blocks: set[int]) -> list[_Quoted]:
    """All matched quote pairs, ordered by where they open."""
    pairs: list[_Quoted] = []
    blocks = document.blocks
    index = 0
    while index < len(blocks):
        if index in skip_blocks:
            index += 1
            continue
        stack: list[tuple[str, _Quoted]] = []
        found, carried = _scan_block(document, index, stack, continuing=False)
        last = index
        # An unclosed double quote at the end of a paragraph may run on.
        while carried and last - index < _MAX_CONTINUATION:
            following = last + 1
            if following >= len(blocks) or following in skip_blocks or (
                blocks[following].kind in (BlockKind.HEADING, BlockKind.SUMMARY)
            ):
                break
            more, carried = _scan_block(document, following, carried, continuing=True)
            found.extend(more)
            last = following
        if carried:
            # Never closed: keep what closed inside the first paragraph and
            # read the following paragraphs afresh.
            found = [pair for pair in found if pair.close_block == index]
            last = index
        pairs.extend(found)
        index = last + 1
    pairs.sort(key=lambda pair: (pair.open_block, pair.open_at))
    return pairs


def _scan_block(
    document: ScriptDocument,
    block_index: int,
    stack: list[tuple[str, _Quoted]],
    *,
    continuing: bool,
) -> tuple[list[_Quoted], list[tuple[str, _Quoted]]]:
    """Pair the marks of one block, starting from an inherited stack.

    Returns the pairs closed here and the double quotes still open at its end.
    """
    text = document.blocks[block_index].text
    pairs: list[_Quoted] = []
    stack = list(stack)
    skip_leading = -1
    if continuing and stack:
        # "«…¶«…»": the paragraph's leading mark repeats the open quote.
        leading = re.match(r"\s*[*_]*\s*([\"“„«‹])", text)
        if leading and _same_family(stack[-1][0], leading.group(1)):
            skip_leading = leading.start(1)
    for match in _MARKS.finditer(text):
        at = match.start()
        if at == skip_leading:
            continue
        mark = match.group()
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if mark in "’'" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, Kamenev's
        if mark in "’'" and before in "sS" and re.match(r"\s[a-z]", text[at + 1 : at + 3]):
            continue  # a plural possessive: the workers’ complaints
        top = stack[-1][0] if stack else ""
        opener_like = (before.isspace() or before in "([{—–-/\"“„«‘'*_") and not after.isspace()
        closer_like = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…»”’\"'*_")
        closes = _closes_which(stack, mark, opener_like, closer_like)
        if closes is not None:
            quoted = stack[closes][1]
            del stack[closes:]
            quoted.close_block, quoted.close_at = block_index, at
            pairs.append(quoted)
            continue
        if mark in "«‹„‚" or (mark in "“‟" and top != "„") or (
            mark in "\"‘'" and opener_like
        ):
            parent = stack[-1][1] if stack else None
            stack.append(
                (mark, _Quoted(block_index, at, -1, -1, parent, mark in _SINGLE_OPENERS))
            )
    carried = [entry for entry in stack if entry[0] not in _SINGLE_OPENERS]
    carried = carried[:1]
    return pairs, carried


def _same_family(opened: str, mark: str) -> bool:
    return mark in _DOUBLE_CLOSERS.get(opened, "") or mark == opened or (
        opened in "\"“„‟" and mark in "\"“„"
    )


def _closes_which(
    stack: list[tuple[str, _Quoted]], mark: str,
    opener_like: bool, closer_like: bool,
) -> int | None:
    """Index in the stack of the open quote this mark closes, if any."""
    if not stack:
        return None
    top = stack[-1][0]
    if mark in _DOUBLE_CLOSERS.get(top, ""):
        if mark in "\"'" and opener_like and not closer_like:
            return None  # a straight quote opening a nested quote
        if mark == "“" and top != "„":
            return None
        return len(stack) - 1
    if mark in "»›”":
        # Closes an outer quote whose inner quote was never closed.
        for position in range(len(stack) - 2, -1, -1):
            if mark in _DOUBLE_CLOSERS.get(stack[position][0], ""):
                return position
    return None


# --- spans and classification -------------------------------------------


def _trimmed(document: ScriptDocument, pair: _Quoted) -> tuple[int, int, int, int]:
    """The quoted words without the marks and surrounding white space."""
    first = document.blocks[pair.open_block].text
    last = document.blocks[pair.close_block].text
    start, end = pair.open_at + 1, pair.close_at
    if pair.open_block == pair.close_block:
        while start < end and first[start].isspace():
            start += 1
        while end > start and last[end - 1].isspace():
            end -= 1
        return pair.open_block, start, pair.close_block, end
    while start < len(first) and first[start].isspace():
        start += 1
    while end > 0 and last[end - 1].isspace():
        end -= 1
    return pair.open_block, start, pair.close_block, end


def _slice(document: ScriptDocument, first: int, start: int, last: int, end: int) -> str:
    if first == last:
        return document.blocks[first].text[start:end]
    blocks = document.blocks
    return document.text[blocks[first].start + start : blocks[last].start + end]
