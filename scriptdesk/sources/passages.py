"""Cutting a source text into pages and searchable passages.

Pages come from the file (PDF pages) or from page markers in the text: a line
"[p. 112]" / "[L. 12 ob.]" starts a page, a footer line "— 112 —" ends one.
Passages are paragraphs (a speech in a transcript), never crossing a page, and
long paragraphs are cut at sentence ends so that matching stays fast.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from scriptdesk.sources.document import PageSpan, PassageDraft, SourceText
from scriptdesk.sources.textview import matchable
from scriptdesk.sources.transcript import read_header, speaker_labels

_PAGE_START_LINE = r"[ \t]*\[(?P<kind>p\.|pp\.|page|стр\.|с\.|L\.|Л\.)\s*(?P<label>\d[\w.\- ]{0,18}?)\]?[ \t]*"
_PAGE_END_LINE = r"[ \t]*[-–—]{1,2}[ \t]*(?P<label>\d{1,4})[ \t]*[-–—]{1,2}[ \t]*"
_PAGE_START = re.compile(_PAGE_START_LINE, re.IGNORECASE)
_PAGE_END = re.compile(_PAGE_END_LINE)
# Searched in "\n" + text: a pattern that begins with a newline is found at
# memory speed, where "^" in MULTILINE mode is tried at every character.
_PAGE_START_IN_TEXT = re.compile(rf"\n{_PAGE_START_LINE}(?=\n|\Z)", re.IGNORECASE)
_PAGE_END_IN_TEXT = re.compile(rf"\n{_PAGE_END_LINE}(?=\n|\Z)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'»”)]*\s+")
#: Paragraphs longer than this are cut into pieces of about half of it.
LONG_PASSAGE = 3000
_WHOLE_NOTE = re.compile(r"^\s*[(\[].*[)\]]\s*$", re.DOTALL)


def pages_from_markers(text: str) -> list[PageSpan]:
    """Pages delimited by page-marker lines, in text order."""
    marks: list[tuple[int, int, str, bool]] = []  # (line start, line end, label, starts_page)
    shifted = "\n" + text  # match.start() is then the line's start in text, match.end() - 1 its end
    for match in _PAGE_START_IN_TEXT.finditer(shifted):
        kind = match.group("kind").lower()
        label = match.group("label").strip()
        marks.append((match.start(), match.end() - 1, f"L. {label}" if kind in ("l.", "л.") else label, True))
    for match in _PAGE_END_IN_TEXT.finditer(shifted):
        marks.append((match.start(), match.end() - 1, match.group("label"), False))
    marks.sort()
    pages: list[PageSpan] = []
    open_page: tuple[str, int] | None = None
    cursor = 0
    for start, end, label, starts_page in marks:
        if open_page is not None:
            pages.append(PageSpan(open_page[0], open_page[1], start))
            open_page = None
        elif not starts_page:
            pages.append(PageSpan(label, cursor, start))
        if starts_page:
            open_page = (label, end)
        cursor = end
    if open_page is not None:
        pages.append(PageSpan(open_page[0], open_page[1], len(text)))
    return [page for page in pages if page.end > page.start]


def _paragraph_ranges(text: str, start: int, end: int, lines_apart: bool) -> list[tuple[int, int]]:
    region = text[start:end]
    if lines_apart and "\n" in region.strip() and not _PARAGRAPH_BREAK.search(region):
        # No blank lines at all: every line is a paragraph.
        pieces = re.finditer(r"[^\n]+", region)
    else:
        bounds, position = [], 0
        for gap in _PARAGRAPH_BREAK.finditer(region):
            bounds.append((position, gap.start()))
            position = gap.end()
        bounds.append((position, len(region)))
        return _trimmed(region, start, bounds)
    return _trimmed(region, start, [piece.span() for piece in pieces])


def _trimmed(region: str, offset: int, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges = []
    for low, high in bounds:
        raw = region[low:high]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        if trail > lead:
            ranges.append((offset + low + lead, offset + low + trail))
    return ranges


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= LONG_PASSAGE:
        return [(start, end)]
    pieces = []
    piece_start = start
    target = LONG_PASSAGE // 2
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.end() - piece_start >= target and end - match.end() > target // 4:
            pieces.append((piece_start, match.start() + len(match.group().rstrip())))
            piece_start = match.end()
    pieces.append((piece_start, end))
    return pieces


def _is_marker(paragraph: str) -> bool:
    return bool(_PAGE_START.fullmatch(paragraph) or _PAGE_END.fullmatch(paragraph))


def build_source_text(
    text: str, format: str, *, pages: Sequence[PageSpan] = (), encoding: str = "utf-8"
) -> SourceText:
    """Pages and passages of a decoded, cleaned text (``pages`` when the file has them)."""
    page_list = list(pages) or pages_from_markers(text)
    regions = [(page.start, page.end) for page in page_list] if pages else [(0, len(text))]
    ranges: list[tuple[int, int]] = []
    for region_start, region_end in regions:
        # A PDF page's lines are lines of print, not paragraphs.
        for start, end in _paragraph_ranges(text, region_start, region_end, lines_apart=format != "pdf"):
            if not _is_marker(text[start:end]):
                ranges.extend(_cut_long(text, start, end))
    labels = speaker_labels([text[start:end] for start, end in ranges])
    transcript = labels is not None
    page_starts = [page.start for page in page_list]
    # Digits that occur at all (found by fast substring scans): a passage
    # without any has no footnote markers to look for.
    digits = [digit for digit in "0123456789" if digit in text]
    passages: list[PassageDraft] = []
    speaker: str | None = None
    line, counted_to = 1, 0
    for index, (start, end) in enumerate(ranges):
        printed = text[start:end]
        label = labels[index] if labels is not None else None
        remove: tuple[tuple[int, int], ...] = ()
        if label is not None:
            speaker = label.name
            remove = ((0, label.end),)
        has_digit = any(digit in printed for digit in digits)
        view = matchable(printed, transcript=transcript, also_remove=remove, has_digit=has_digit)
        if not view.text.strip():
            continue
        line += text.count("\n", counted_to, start)
        counted_to = start
        page_index = bisect.bisect_right(page_starts, start) - 1
        page_label = None
        if page_index >= 0 and start < page_list[page_index].end:
            page_label = page_list[page_index].label
        is_note = transcript and label is None and bool(_WHOLE_NOTE.match(printed))
        passages.append(
            PassageDraft(
                ordinal=len(passages),
                start=start,
                end=end,
                match_text=view.text,
                speaker=None if is_note else speaker,
                page_label=page_label,
                line=line,
            )
        )
    return SourceText(
        text=text,
        format=format,
        passages=passages,
        pages=page_list,
        bibliography=read_header(text),
        is_transcript=transcript,
        encoding=encoding,
    )
