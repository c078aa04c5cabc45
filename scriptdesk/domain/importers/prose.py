"""Narration prose importer: Markdown or plain text into a ScriptDocument.

A documentary script written as prose has headings (``#`` lines, whole-line
``**bold**`` lines, short plain title lines), maybe a summary section before
the screenplay proper, paragraphs separated by blank lines and horizontal
rules as section breaks. Paragraphs cut in two by a page break (a blank line
in the middle of a sentence) are joined back into one block whose text is the
exact slice of the source, blank line included: the text is never rewritten,
so every span the engine finds indexes the decoded source.

Section breaks become NOTE blocks whose text is the rule itself; see
:func:`is_section_break`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputFileError
from scriptdesk.domain.model import ScriptBlock, ScriptDocument
from scriptdesk.domain.safe_text import clean_text

_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+\S")
_RULE = re.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})$")
_SETEXT_UNDERLINE = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
_BOLD_START = re.compile(r"^\*\*(?=\S)(.+?)(?<=\S)\*\*")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.S)
_BLOCKQUOTE = re.compile(r"^[ \t]*>")
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:-\s*)?\d{1,4}(?:\s*-)?[ \t]*$")
_SUMMARY_WORDS = re.compile(
    r"\b(?:summary|synopsis|abstract|logline|overview|annotation)\b"
    r"|аннотаци|краткое содержание|синопсис|резюме",
    re.IGNORECASE,
)
_SCREENPLAY_WORDS = re.compile(
    r"\b(?:screenplay|script|narration|scenario)\b|сценари|дикторский текст|текст фильма",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”»’“)]"
_OPENING_QUOTES = "\"“«„‘'"
# A sentence cannot end on these words, so a paragraph ending on one of them
# was cut by a page break even when the next part starts with a capital.
_CONTINUING_WORDS = frozenset(
    """a an the of to in on at by for from with and or but nor his her their its
    our my your that which who whom whose as than into onto upon about between
    under over after before against during without within is are was were be
    been has have had и в во на с со к ко по о об от до за из у не что как а но
    или его её ее их который которая которые""".split()
)
_TITLE_WRAPPER = re.compile(
    r"^(?:the\s+)?(?:screenplay|script|narration)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:documentary\s+)?(?:film\s+)?[\"“«„](?P<title>.+)[\"”»“]\s*$",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"\b(?:written|scripted|narrated)\s+by\s+(?P<name>[^,.;()]+)|автор(?:\s+сценария)?[:\s]+(?P<ru>[^,.;()]+)",
    re.IGNORECASE,
)
_TRANSLATOR = re.compile(
    r"\btranslated(?:\s+from\s+\w+)?(?:\s+(?:in)?to\s+\w+)?\s+by\s+(?P<name>[^,.;()]+)"
    r"|перев[её]д(?:\s+\w+)?[:\s]+(?P<ru>[^,.;()]+)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Paragraph:
    start: int
    end: int
    kind: BlockKind
    level: int = 0


def parse_prose(text: str, *, encoding: str = "utf-8", source_name: str = "") -> ScriptDocument:
    """Split narration prose into heading, summary, narration and break blocks."""
    text = clean_text(text)
    paragraphs = _classify(text, _paragraph_ranges(text))
    _unmark_lead_ins(text, paragraphs)
    _mark_summary(text, paragraphs)
    paragraphs = _join_page_breaks(text, paragraphs)
    blocks = [
        ScriptBlock(kind=p.kind, text=text[p.start : p.end], start=p.start, end=p.end, level=p.level)
        for p in paragraphs
    ]
    if not blocks:
        raise InputFileError(source_name or "the script", "contains no script text")
    title, metadata = _title_and_metadata(blocks)
    if source_name:
        metadata["source_name"] = source_name
    return ScriptDocument(
        text=text,
        format=ScriptFormat.PROSE,
        blocks=blocks,
        title=title,
        encoding=encoding,
        metadata=metadata,
    )


def is_section_break(block: ScriptBlock) -> bool:
    """Whether a block is a horizontal rule or a ``* * *`` separator."""
    return block.kind is BlockKind.NOTE and bool(_RULE.match(block.text))


def _paragraph_ranges(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of non-blank lines: (start, end, [line ranges]) with edges trimmed."""
    ranges: list[tuple[int, int, list[tuple[int, int]]]] = []
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        if line.strip():
            lines.append((offset, end))
        elif lines:
            ranges.append(_trimmed(text, lines))
            lines = []
        offset = end + 1
    if lines:
        ranges.append(_trimmed(text, lines))
    return ranges


def _trimmed(text: str, lines: list[tuple[int, int]]) -> tuple[int, int, list[tuple[int, int]]]:
    start, end = lines[0][0], lines[-1][1]
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    return start, end, lines


def _classify(text: str, ranges: list[tuple[int, int, list[tuple[int, int]]]]) -> list[_Paragraph]:
    """Give every paragraph (or heading/rule line inside one) its block kind."""
    result: list[_Paragraph] = []
    for start, end, lines in ranges:
        if len(lines) == 2 and _SETEXT_UNDERLINE.match(text[lines[1][0] : lines[1][1]]) and not _RULE.match(
            text[lines[0][0] : lines[0][1]]
        ):
            level = 1 if "=" in text[lines[1][0] : lines[1][1]] else 2
            result.append(_Paragraph(start, end, BlockKind.HEADING, level))
            continue
        # ATX headings and rules are blocks of their own even without blank lines.
        pending: int | None = None
        for line_start, line_end in lines:
            line = text[line_start:line_end]
            heading = _ATX_HEADING.match(line)
            if heading or _RULE.match(line):
                if pending is not None:
                    result.append(_paragraph(text, pending, previous_end))
                    pending = None
                line_start += len(line) - len(line.lstrip())
                line_end = line_start + len(line.strip())
                if heading:
                    result.append(_Paragraph(line_start, line_end, BlockKind.HEADING, len(heading.group(1))))
                else:
                    result.append(_Paragraph(line_start, line_end, BlockKind.NOTE))
                continue
            if pending is None:
                pending = line_start + len(line) - len(line.lstrip())
            previous_end = line_start + len(line.rstrip())
        if pending is not None:
            result.append(_paragraph(text, pending, previous_end))
    if result and result[0].kind in (BlockKind.NARRATION, BlockKind.HEADING) and _is_title_line(text[result[0].start : result[0].end]):
        result[0].kind, result[0].level = BlockKind.HEADING, 1
    return result


def _paragraph(text: str, start: int, end: int) -> _Paragraph:
    body = text[start:end]
    if _HTML_COMMENT.match(body) or (body.startswith("[[") and body.endswith("]]")) or _PAGE_NUMBER.match(body):
        return _Paragraph(start, end, BlockKind.NOTE)
    if _BLOCKQUOTE.match(body):
        return _Paragraph(start, end, BlockKind.QUOTATION)
    if "\n" not in body:
        bold = _BOLD_START.match(body)
        if bold and len(body.rstrip(":. ")) <= bold.end() + 1:
            return _Paragraph(start, end, BlockKind.HEADING, 2)
        if _is_plain_heading(body):
            return _Paragraph(start, end, BlockKind.HEADING, 3)
    return _Paragraph(start, end, BlockKind.NARRATION)


def _is_title_line(body: str) -> bool:
    """A first line that opens in bold (a title followed by credits)."""
    return "\n" not in body and bool(_BOLD_START.match(body)) and len(body) <= 400


def _is_plain_heading(body: str) -> bool:
    """A short unpunctuated line in plain text, such as ``PART ONE`` or ``Summary:``."""
    stripped = body.strip("*_ \t")
    if not stripped or len(_WORDS.findall(stripped)) > 10 or stripped[-1] in _TERMINAL + ",;":
        return False
    if stripped[0].islower() or stripped[-1] in _CLOSERS or stripped[0] in "\"“«„‘'(":
        return False
    words = _WORDS.findall(stripped)
    return not _unclosed_quotation(stripped) and words[-1].lower() not in _CONTINUING_WORDS


def _unmark_lead_ins(text: str, paragraphs: list[_Paragraph]) -> None:
    """A short line ending in a colon before a quotation introduces it; it is no heading.

    "Десятник Фёдор Сомов вспоминает:" above «...» is narration, where
    "Summary:" above plain prose stays a heading.
    """
    for paragraph, following in zip(paragraphs, paragraphs[1:]):
        if (
            _cut_fragment(text, paragraph)
            and text[paragraph.end - 1] == ":"
            and text[following.start] in _OPENING_QUOTES
        ):
            paragraph.kind, paragraph.level = BlockKind.NARRATION, 0


def _mark_summary(text: str, paragraphs: list[_Paragraph]) -> None:
    """Turn the paragraphs of a summary section into SUMMARY blocks."""
    summary_level: int | None = None
    for paragraph in paragraphs:
        body = text[paragraph.start : paragraph.end]
        if paragraph.kind is BlockKind.HEADING:
            if _SUMMARY_WORDS.search(body):
                summary_level = paragraph.level or 3
                continue
            if summary_level is not None and (
                paragraph.level <= summary_level or _SCREENPLAY_WORDS.search(body)
            ):
                return  # the screenplay proper starts here
            if summary_level is None:
                continue
        if summary_level is None:
            continue
        if paragraph.kind is BlockKind.NOTE and _RULE.match(body):
            return
        if paragraph.kind is BlockKind.NARRATION or paragraph.kind is BlockKind.HEADING:
            paragraph.kind = BlockKind.SUMMARY


def _join_page_breaks(text: str, paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Join paragraphs a page break cut in the middle of a sentence."""
    joined: list[_Paragraph] = []
    joinable = (BlockKind.NARRATION, BlockKind.SUMMARY, BlockKind.QUOTATION)
    for paragraph in paragraphs:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and _cut_fragment(text, previous)
            and paragraph.kind is BlockKind.NARRATION
            and text[paragraph.start : paragraph.end].lstrip("*_")[:1].islower()
        ):
            # A short first half taken for a plain heading: the sentence goes on.
            previous.kind, previous.level, previous.end = BlockKind.NARRATION, 0, paragraph.end
            continue
        if (
            previous is not None
            and previous.kind in joinable
            and (paragraph.kind is previous.kind or _cut_fragment(text, paragraph))
            and _continues(text[previous.start : previous.end], text[paragraph.start : paragraph.end])
        ):
            previous.end = paragraph.end
            continue
        joined.append(paragraph)
    return joined


def _cut_fragment(text: str, paragraph: _Paragraph) -> bool:
    """A short plain line taken for a heading that may be the end of a cut sentence."""
    return paragraph.kind is BlockKind.HEADING and paragraph.level == 3 and text[paragraph.start] not in "#*_"


def _continues(before: str, after: str) -> bool:
    """Whether ``after`` carries on the sentence ``before`` leaves unfinished."""
    tail = _strip_edge_markup(before)
    head = _strip_edge_markup(after)
    if not tail or not head or after.lstrip().startswith("#"):
        return False
    last, first = tail[-1], head[0]
    ends_sentence = last in _TERMINAL or (last in _CLOSERS and tail[-2:-1] in tuple(_TERMINAL))
    if tail.endswith(("...", "…")):
        ends_sentence = not first.islower()
    if first.islower() or first in ",;)–—":
        return not ends_sentence or _unclosed_quotation(tail)
    if ends_sentence or last in ":":
        return False
    if last in ",-":
        return True
    words = _WORDS.findall(tail[-40:])
    return bool(words) and words[-1].lower() in _CONTINUING_WORDS


def _strip_edge_markup(text: str) -> str:
    """``text`` without leading space, emphasis, quote and heading marks, or trailing space and emphasis."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in "*_>#"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    return text[start:end]


def _unclosed_quotation(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end."""
    if text.count("«") > text.count("»"):
        return True
    if "„" not in text and text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def _title_and_metadata(blocks: list[ScriptBlock]) -> tuple[str | None, dict[str, str]]:
    """The script's title and its credits (author, translator) from the first heading."""
    metadata: dict[str, str] = {}
    first = next((b for b in blocks if b.kind is BlockKind.HEADING), None)
    if first is None:
        return None, metadata
    line = first.text.strip().lstrip("#").strip()
    bold = _BOLD_START.match(line)
    title = (bold.group(1) if bold else line).strip(" *_:")
    credits = line[bold.end() :] if bold else ""
    wrapped = _TITLE_WRAPPER.match(title)
    if wrapped:
        metadata["title_line"] = title
        title = wrapped.group("title").strip()
    title = re.sub(r"\s+([.,;:])", r"\1", re.sub(r"\s+", " ", title))
    author = _AUTHOR.search(credits)
    if author:
        metadata["author"] = (author.group("name") or author.group("ru")).strip()
    translator = _TRANSLATOR.search(credits)
    if translator:
        metadata["translator"] = (translator.group("name") or translator.group("ru")).strip()
    return title or None, metadata
