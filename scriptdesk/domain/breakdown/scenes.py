"""Scenes: where the format gives them, use them; in prose, segment like an editor.

Screenplay formats mark scenes themselves (``scene_heading`` blocks: INT./EXT.
lines, A/V table rows). Narration prose does not, so it is cut the way a
documentary editor would: at headings and section breaks always, and at
paragraphs that open on a new date or place once the running scene is long
enough, keeping scenes between :data:`MIN_WORDS` and :data:`MAX_WORDS` where
the text allows. Every scene gets a short title, the dates it speaks of and a
runtime estimated from its spoken words at the production's pace.

The title and summary before the screenplay proper belong to no scene
(:func:`front_matter_blocks`); a section heading ("Part Two") opens the
scene that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scriptdesk.domain.enums import BlockKind, DatePrecision
from scriptdesk.domain.importers.prose import is_section_break
from scriptdesk.domain.model import DateDraft, PersonDraft, SceneDraft, ScriptBlock, ScriptDocument
from scriptdesk.domain.breakdown.text_tools import ScriptReading, first_sentence, plain, shorten

MIN_WORDS = 120
MAX_WORDS = 900
# Below this a new date only cuts when it moves the story to other years.
_SETTLED_WORDS = 300
_LONG_WORDS = 600
SPOKEN_KINDS = frozenset({BlockKind.NARRATION, BlockKind.QUOTATION, BlockKind.DIALOGUE, BlockKind.AV_ROW})
_OPENING_REACH = 40  # a date this close to a paragraph's start opens it
_PLACE_OPENER = re.compile(
    r"^(?:In|At|On|From|Near|Inside|Outside|В|Во|На|Под)\s+(?:the\s+)?(?P<place>[A-ZА-ЯЁ][\w’'-]+(?:\s+[A-ZА-ЯЁ][\w’'-]+){0,3}),"
)
# What may stand before a date that opens a paragraph: prepositions, time words
# and a place ("In Moscow, on October 21"), but no verb ("That was in 1932").
_OPENER = re.compile(
    r"^\W*(?:(?:on|in|at|by|the|of|from|since|until|during|after|before|early|late|eve|evening|morning|night"
    r"|beginning|start|end|middle|spring|summer|autumn|winter|finally|then|back|and|later|already"
    r"|в|во|на|с|к|по|до|после|начале|конце|середине|вечером|утром|ночью|весной|летом|осенью|зимой"
    r"|[A-ZА-ЯЁ][\w’'-]+,)\s*)*$",
    re.IGNORECASE,
)
_MONTH_OR_SEASON = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Spring|Summer|Autumn|Winter|Fall|Meanwhile|Then|Later)$"
)
_HEADING_PUNCTUATION = re.compile(r"^[\s:.–—-]+|[\s:.–—-]+$")
# Words of a title page's credit line ("Documentary narration script.",
# "Two-column script, draft of 10 February 2025", "Автор сценария ...").
_FRONT_MATTER_CUE = re.compile(
    r"\b(?:script|screenplay|scenario|documentary|narration|draft|written|directed|produced|author|translat\w*"
    r"|version|credits?)\b|сценари|дикторск|документальн|автор|перев[её]д|черновик|редакци",
    re.IGNORECASE,
)
_YEAR_OR_QUOTE = re.compile(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b|[\"“”«»„]")
_TITLE_PAGE_WORDS = 40  # more than this under a title is the film's opening, not its credits
_NOT_SPOKEN = frozenset({BlockKind.HEADING, BlockKind.NOTE, BlockKind.TRANSITION, BlockKind.PICTURE})


def front_matter_blocks(document: ScriptDocument) -> set[int]:
    """Blocks before the screenplay proper: the title page, the summary section and what precedes it."""
    return _summary_section(document) | _title_page(document)


def _summary_section(document: ScriptDocument) -> set[int]:
    """The summary run, its heading, and everything before it when that is only headings."""
    blocks = document.blocks
    summary = [i for i, b in enumerate(blocks) if b.kind is BlockKind.SUMMARY]
    if not summary:
        return set()
    last = summary[0]
    while last + 1 < len(blocks) and blocks[last + 1].kind in (BlockKind.SUMMARY, BlockKind.NOTE):
        last += 1
    if all(b.kind in (BlockKind.HEADING, BlockKind.NOTE, BlockKind.SUMMARY) for b in blocks[: last + 1]):
        skipped = set(range(last + 1))
    else:
        skipped = set(range(summary[0], last + 1))
        if summary[0] > 0 and blocks[summary[0] - 1].kind is BlockKind.HEADING:
            skipped.add(summary[0] - 1)
    skipped.update(summary)
    for index in sorted(skipped):
        # A heading introducing a later summary run goes with it.
        if index > 0 and blocks[index].kind is BlockKind.SUMMARY and blocks[index - 1].kind is BlockKind.HEADING:
            skipped.add(index - 1)
    return skipped


def _title_page(document: ScriptDocument) -> set[int]:
    """The script's title heading and the credit lines under it, when that is all there is.

    The first block is the title when it is a heading naming the document's
    title. It and the short text under it (up to the next heading, at most
    :data:`_TITLE_PAGE_WORDS` words, nobody speaking, another heading after
    it) are front matter when that text reads as credits ("Documentary
    narration script.") or carries no date and no quotation. A section
    heading ("Part One") is no title: it opens the scene that follows it.
    """
    blocks = document.blocks
    if not blocks or blocks[0].kind is not BlockKind.HEADING or blocks[0].scene_heading:
        return set()
    heading = plain(blocks[0].text).strip(" :.").casefold()
    title = (document.title or "").strip().casefold()
    if not heading or not title or (title not in heading and heading not in title):
        return set()
    body: list[int] = []
    index = 1
    while index < len(blocks):
        block = blocks[index]
        if block.kind in (BlockKind.HEADING, BlockKind.SUMMARY) or block.scene_heading or is_section_break(block):
            break
        if block.kind not in (BlockKind.NARRATION, BlockKind.NOTE, BlockKind.TRANSITION):
            return set()  # someone speaks: the film has begun
        body.append(index)
        index += 1
    if index >= len(blocks) or is_section_break(blocks[index]):
        return set()  # nothing follows, or a section break: the title heads the first scene
    text = "\n".join(blocks[i].text for i in body)
    if len(text.split()) > _TITLE_PAGE_WORDS:
        return set()
    if body and not _FRONT_MATTER_CUE.search(text) and _YEAR_OR_QUOTE.search(text):
        return set()  # a dated or quoting opening paragraph is narration
    return {0, *body}


@dataclass(slots=True)
class _Run:
    """Blocks of the scene being built, with its words and possible cut points."""

    blocks: list[int] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    cuts: list[tuple[int, float]] = field(default_factory=list)  # (position in blocks, score)
    years: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.words)

    def has_content(self, document: ScriptDocument) -> bool:
        return any(document.blocks[i].kind is not BlockKind.HEADING for i in self.blocks)


def find_scenes(
    document: ScriptDocument,
    dates: list[DateDraft],
    people: list[PersonDraft],
    skip_blocks: set[int],
    *,
    words_per_minute: int = 140,
    reading: ScriptReading | None = None,
) -> list[SceneDraft]:
    """The scenes of a document, in order, covering every block not skipped."""
    reading = reading or ScriptReading(document)
    content = [i for i in range(len(document.blocks)) if i not in skip_blocks]
    if not content:
        return []
    dates_by_block: dict[int, list[DateDraft]] = {}
    for date in dates:
        dates_by_block.setdefault(date.span.block, []).append(date)
    if any(document.blocks[i].scene_heading for i in content):
        runs = _format_scenes(document, content, reading)
    else:
        runs = _prose_scenes(document, content, dates_by_block, reading)
    mentions = _mentions_by_block(people)
    scenes = []
    for number, blocks in enumerate(runs, start=1):
        words = sum(reading.word_count(i) for i in blocks if document.blocks[i].kind in SPOKEN_KINDS)
        scenes.append(
            SceneDraft(
                number=str(number),
                title=_title(document, blocks, dates_by_block, mentions),
                first_block=blocks[0],
                last_block=blocks[-1],
                time_context=time_context([d for i in blocks for d in dates_by_block.get(i, [])]),
                word_count=words,
                estimated_seconds=round(words * 60.0 / words_per_minute, 1),
            )
        )
    return scenes


def time_context(dates: list[DateDraft]) -> str:
    """The years a list of dates speaks of: "1927" or "1917–1936" ("" if none)."""
    years = [
        year
        for date in dates
        if date.earliest is not None and date.latest is not None and date.precision is not DatePrecision.RELATIVE
        and date.latest.year - date.earliest.year <= 50
        for year in (date.earliest.year, date.latest.year)
    ]
    if not years:
        return ""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def _format_scenes(document: ScriptDocument, content: list[int], reading: ScriptReading) -> list[list[int]]:
    """Scenes cut at the format's own scene headings.

    A section heading ("Part Two: The Strike") with its synopsis and
    transitions goes to the scene that follows it, not the one before.
    """
    runs: list[list[int]] = []
    section: list[int] = []  # a section heading and the unspoken blocks after it
    for index in content:
        block = document.blocks[index]
        if block.scene_heading:
            runs.append(section + [index])
            section = []
        elif section and block.kind in _NOT_SPOKEN:
            section.append(index)
        elif block.kind is BlockKind.HEADING:
            _close_section(runs, section)
            section = [index]
        elif not runs or section:
            _close_section(runs, section)
            section = []
            if runs:
                runs[-1].append(index)
            else:
                runs.append([index])
        else:
            runs[-1].append(index)
    _close_section(runs, section)
    # A little preamble before the first scene heading joins that scene.
    if len(runs) > 1 and not any(document.blocks[i].scene_heading for i in runs[0]):
        preamble_words = sum(reading.word_count(i) for i in runs[0] if document.blocks[i].kind in SPOKEN_KINDS)
        if preamble_words < 20:
            runs[1] = runs[0] + runs[1]
            runs.pop(0)
    return runs


def _close_section(runs: list[list[int]], section: list[int]) -> None:
    """A section heading that no scene heading followed stays where it stands."""
    if not section:
        return
    if runs:
        runs[-1].extend(section)
    else:
        runs.append(list(section))


def _prose_scenes(
    document: ScriptDocument,
    content: list[int],
    dates_by_block: dict[int, list[DateDraft]],
    reading: ScriptReading,
) -> list[list[int]]:
    """Greedy segmentation of prose; each block is looked at a bounded number of times."""
    runs: list[list[int]] = []
    run = _Run()
    previous = -2
    for index in content:
        block = document.blocks[index]
        words = reading.word_count(index) if block.kind in SPOKEN_KINDS else 0
        opening = _opening_dates(block, dates_by_block.get(index, []))
        if (index != previous + 1 or _hard_break(document, index)) and run.has_content(document):
            runs.append(run.blocks)
            run = _Run()
        elif run.blocks and run.has_content(document):
            score = _cut_score(block, opening, run.years)
            if score and run.total >= MIN_WORDS and (
                score >= 3 or (score >= 2 and run.total >= _SETTLED_WORDS) or run.total >= _LONG_WORDS
            ):
                runs.append(run.blocks)
                run = _Run()
            elif score:
                run.cuts.append((len(run.blocks), score))
        run.blocks.append(index)
        run.words.append(words)
        run.years.update(_years(dates_by_block.get(index, [])))
        while run.total > MAX_WORDS and len(run.blocks) > 1:
            run = _split(run, runs, dates_by_block)
        previous = index
    if run.blocks:
        if runs and not run.has_content(document):
            runs[-1].extend(run.blocks)
        else:
            runs.append(run.blocks)
    return runs


def _split(run: _Run, runs: list[list[int]], dates_by_block: dict[int, list[DateDraft]]) -> _Run:
    """Close the first part of an over-long run at its best cut; return the rest."""
    prefix = [sum(run.words[:k]) for k in range(len(run.blocks) + 1)]
    usable = [(score, k) for k, score in run.cuts if prefix[k] >= MIN_WORDS and prefix[k] <= MAX_WORDS]
    if usable:
        cut = max(usable)[1]
    else:
        # No signal: cut at the paragraph boundary nearest the middle of the bounds.
        target = (MIN_WORDS + MAX_WORDS) // 2
        cut = min(range(1, len(run.blocks)), key=lambda k: (abs(prefix[k] - target), k))
    runs.append(run.blocks[:cut])
    rest = _Run(blocks=run.blocks[cut:], words=run.words[cut:])
    rest.cuts = [(k - cut, s) for k, s in run.cuts if k > cut]
    for index in rest.blocks:
        rest.years.update(_years(dates_by_block.get(index, [])))
    return rest


def _hard_break(document: ScriptDocument, index: int) -> bool:
    block = document.blocks[index]
    if is_section_break(block):
        return True
    if block.kind is BlockKind.HEADING:
        return index == 0 or document.blocks[index - 1].kind is not BlockKind.HEADING
    return False


def _opening_dates(block: ScriptBlock, dates: list[DateDraft]) -> list[DateDraft]:
    """Dates standing at the start of a paragraph ("On November 16, 1927, ...")."""
    return [d for d in dates if d.span.start <= _OPENING_REACH and _OPENER.match(block.text[: d.span.start])]


def _cut_score(block: ScriptBlock, opening: list[DateDraft], years: set[int]) -> float:
    """How strongly a paragraph signals a new scene: 3 new time, 2 dated, 1 new place."""
    if block.kind not in SPOKEN_KINDS:
        return 0
    if opening:
        new_years = _years(opening)
        if new_years and not new_years & years:
            return 3
        return 2
    place = _PLACE_OPENER.match(block.text)
    if place and not _MONTH_OR_SEASON.match(place.group("place")):
        return 1
    return 0


def _years(dates: list[DateDraft]) -> set[int]:
    years: set[int] = set()
    for date in dates:
        if date.earliest is not None and date.latest is not None and date.latest.year - date.earliest.year <= 10:
            years.update(range(date.earliest.year, date.latest.year + 1))
    return years


def _mentions_by_block(people: list[PersonDraft]) -> dict[int, list[tuple[int, int, PersonDraft]]]:
    index: dict[int, list[tuple[int, int, PersonDraft]]] = {}
    for person in people:
        for mention in person.mentions:
            index.setdefault(mention.block, []).append((mention.start, mention.end, person))
    for entries in index.values():
        entries.sort(key=lambda e: (e[0], e[1]))
    return index


def _title(
    document: ScriptDocument,
    blocks: list[int],
    dates_by_block: dict[int, list[DateDraft]],
    mentions: dict[int, list[tuple[int, int, PersonDraft]]],
) -> str:
    """A heading's words, or the leading date, place and person of the first paragraph."""
    for index in blocks:
        block = document.blocks[index]
        if block.scene_heading:  # the format's own heading, even after a section heading
            return shorten(plain(block.text if block.kind is not BlockKind.AV_ROW else block.video or block.text), 80)
        if block.kind not in _NOT_SPOKEN:
            break
    headings = [i for i in blocks[:4] if document.blocks[i].kind is BlockKind.HEADING]
    first_text = next((i for i in blocks if document.blocks[i].kind is not BlockKind.HEADING), None)
    if headings and (first_text is None or headings[0] < first_text):
        last_heading = max(i for i in headings if first_text is None or i < first_text)
        text = _HEADING_PUNCTUATION.sub("", plain(document.blocks[last_heading].text))
        if text:
            return shorten(text, 80)
    if first_text is None:
        return ""
    block = document.blocks[first_text]
    if block.scene_heading or block.video:
        return shorten(plain(block.video or block.text), 80)
    sentence = first_sentence(block.text)
    parts: list[str] = []
    date = next(
        (d for d in dates_by_block.get(first_text, []) if d.span.start < len(sentence)
         and d.precision is not DatePrecision.RELATIVE),
        None,
    )
    if date is not None:
        parts.append(date.text)
    place = _PLACE_OPENER.match(block.text)
    if place and not _MONTH_OR_SEASON.match(place.group("place")) and place.group("place") not in parts:
        parts.append(place.group("place"))
    named = [
        block.text[start:end]
        for start, end, _ in mentions.get(first_text, [])
        if start < len(sentence)
    ]
    if named:
        parts.append(named[0].removesuffix("’s").removesuffix("'s"))
    if len(parts) >= 2 or (parts and date is None):
        return shorten(" – ".join(parts), 80)
    return shorten(plain(sentence).rstrip("."), 60)
