"""Speaker-labelled lines of a transcript or minutes, with or without quote marks.

Provides :func:`find_transcript_lines`, which finds the lines of a script that
open with a speaker label, as stenographers and minute-takers write them:
"PENNOCK: Who is to pay?", "Pennock. I relied on the survey.", "Сомов П. И.
Трос заказан.", "Mrs Hartley: …"; and :func:`label_person`, the name a label
stands for ("Сомов П. И." -> "Сомов", "MRS HARTLEY" -> "Mrs Hartley").

A label alone proves little: many a sentence opens with a name and a full
stop is only a sentence end. So a labelled line counts as a transcript line
only inside a run: two or more labelled lines in a row (stenographer's notes
in brackets, and up to three paragraphs of a speech running on, do not break
the run), or one labelled line right
after words announcing a record ("The minutes record the exchange:",
"стенограмма сохранила:"). What follows the label, to the end of its line, is
the quotation; :mod:`.quotations` and :mod:`.attribution` use the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scriptdesk.domain.breakdown.names import word_table
from scriptdesk.domain.breakdown.text_tools import may_contain
from scriptdesk.domain.enums import BlockKind
from scriptdesk.domain.model import ScriptDocument

_LABEL = re.compile(
    r"(?P<name>"
    r"(?:(?:Comrade|Mr|Mrs|Ms|Miss|Dr|Prof|Товарищ|Тов)\.?[ \t]+)?"
    r"(?:[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?(?P<initials>(?:[ \t]+[A-ZА-ЯЁ]\.(?:[ \t]?[A-ZА-ЯЁ]\.)?))?"
    r"|[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:[ \t]+[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+)?)"
    r")[ \t]*(?:\((?P<note>[^()\n]{1,60})\)[ \t]*)?(?:\*[ \t]*)?(?P<sep>[.:])?[ \t]+(?=\S)"
)
_INITIALS = re.compile(r"\s+[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.)?$")
# A speech may run on over a few unlabelled paragraphs before the next label.
_MAX_GAP = 3
# Lines that may sit between a speaker's lines without breaking the run.
_STENOGRAPHER_NOTE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\s*$")
# A stenographer's note opening a speaker's words, e.g. "(* Note of the editor.)".
_LEADING_NOTE = re.compile(r"\((?:[^()]|\([^()]*\))*\)[ \t]*\.?[ \t]*")
# Words announcing that a record follows.
_RECORD_CUE = re.compile(
    r"\b(?:minutes|transcript|stenogram|stenographer|record|records|recorded|exchange|hearing|"
    r"протокол\w*|стенограмм\w*|прения|записал\w*|запись)\b",
    re.IGNORECASE,
)
# Lower-case pieces of _RECORD_CUE's words, one of which it needs.
_RECORD_CUE_WORDS = (
    "minutes", "transcript", "stenogra", "record", "exchange", "hearing",
    "протокол", "стенограмм", "прения", "записал", "запись",
)
# Capitalised words that open sentences and are no speaker.
_NOT_SPEAKERS = frozenset(
    "yes no well oh so but and now then here there this that it he she they we you i "
    "note see also int ext super caption title cut fade dissolve music sfx video audio "
    "archive insert montage narrator narration host presenter voice voices "
    "да нет итак вот это он она они мы вы я примечание титр".split()
)


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One labelled line: where its label and its words are in its block."""

    block: int
    line_start: int  # where the line (and its label) starts in the block's text
    words_start: int  # where the words after the label start
    words_end: int  # end of the line's words, trailing space trimmed
    label: str  # the label as written, without separator: "PENNOCK", "Сомов П. И."
    in_run: bool  # part of a run of labelled lines, or announced as a record


def find_transcript_lines(document: ScriptDocument, skip_blocks: set[int]) -> list[TranscriptLine]:
    """Every labelled line, in script order, ``in_run`` when it reads as part of a transcript."""
    found: list[TranscriptLine] = []
    run: list[TranscriptLine] = []
    announced = False  # the line before the run announces a record
    gap = 0  # unlabelled lines since the run's last labelled line
    for index, block in enumerate(document.blocks):
        if index in skip_blocks or block.kind not in (
            BlockKind.NARRATION, BlockKind.QUOTATION, BlockKind.NOTE
        ):
            found.extend(_close_run(run, announced))
            run, announced, gap = [], False, 0
            continue
        text = block.text
        line_start = 0
        for line in text.split("\n"):
            labelled = _labelled(index, text, line_start, line)
            if labelled is not None:
                run.append(labelled)
                gap = 0
            elif line.strip() and not _STENOGRAPHER_NOTE.match(line):
                gap += 1
                if not run or gap > _MAX_GAP:
                    found.extend(_close_run(run, announced))
                    run = []
                    stripped = line.rstrip()
                    announced = stripped.endswith(":") or bool(
                        stripped.endswith((".", ":"))
                        and may_contain(stripped[-120:], _RECORD_CUE_WORDS)
                        and _RECORD_CUE.search(stripped[-120:])
                    )
            line_start += len(line) + 1
    found.extend(_close_run(run, announced))
    return found


def _close_run(run: list[TranscriptLine], announced: bool) -> list[TranscriptLine]:
    if not run:
        return []
    in_run = len(run) >= 2 or announced
    return [
        TranscriptLine(line.block, line.line_start, line.words_start, line.words_end, line.label, in_run)
        for line in run
    ]


def _labelled(block: int, text: str, line_start: int, line: str) -> TranscriptLine | None:
    """The labelled line this is, or None; ``in_run`` is settled by the caller."""
    indent = len(line) - len(line.lstrip(" \t"))
    match = _LABEL.match(line, indent)
    if match is None:
        return None
    name = match.group("name")
    if match.group("sep") is None and not match.group("initials"):
        return None  # "Сомов П. И. Трос …" needs no separator; "Pennock I relied" does
    if match.group("sep") == "." and name.isupper() and len(name) <= 3:
        return None  # "I. The year" and other numbering
    first = re.sub(r"[^\w-]", "", name.split()[0]).casefold()
    titles = word_table("titles")
    words = [word for word in name.split() if word.casefold().rstrip(".") not in titles]
    if not words or first in _NOT_SPEAKERS or (
        len(words) == 1 and words[0].casefold() in word_table("non_person_words")
    ):
        return None
    end = len(line.rstrip())
    words_start = match.end()
    note = _LEADING_NOTE.match(line, words_start)
    if note:
        words_start = note.end()  # "Stalin * . (* Speeches almost inaudible.) About …"
    if end <= words_start:
        return None
    return TranscriptLine(block, line_start + indent, line_start + words_start,
                          line_start + end, name, False)


def label_person(label: str) -> str:
    """The name a label stands for, as written in prose: "MRS HARTLEY" -> "Mrs Hartley"."""
    name = _INITIALS.sub("", label.strip())
    return " ".join(word.capitalize() if word.isupper() and len(word) > 1 else word
                    for word in name.split())


def is_role_label(label: str) -> bool:
    """Whether a label names a role, not a person: "Counsel", "CHAIRMAN"."""
    words = label_person(label).casefold().split()
    roles = word_table("roles")
    return bool(words) and all(word in roles for word in words)
