"""Understanding transcripts and reading bibliographic facts from a header.

A stenographic transcript gives each speech a label at the start of its
paragraph: "Stalin.", "Kamenev *." (the asterisk points at a stenographer's
note), even "Molotov.I say". Paragraphs without a label continue the last
speech. :func:`speaker_labels` finds the labels; :func:`read_header` reads an
archive reference ("RGASPI. F. 17. Op. 163. D. 681. L. 1-96") and a published
edition ("Moscow. ROSSPEN. 2007. Volume 1 ... P. 655-692") from the first lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from scriptdesk.sources.document import Bibliography

_NAME_WORD = r"[A-ZА-ЯЁ][\w'ʹ’\-]*"
#: "Stalin." "Kamenev * ." "L. D. Trotsky." "Molotov.I say" at a paragraph start.
_LABEL = re.compile(
    rf"(?P<name>(?:[A-ZА-ЯЁ]\.\s?){{0,2}}{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    r"[ \t\xa0]*(?:\*[ \t\xa0]*)?(?:\.|:)(?=[ \t\xa0]|\S|$)(?!\.)"
)
#: Labels that are roles, not names, yet are speakers all the same.
_ROLE_LABELS = frozenset(
    "voice voices chairman chairwoman president presiding interviewer question answer "
    "q a голос голоса председатель председательствующий вопрос ответ".split()
)
#: Capitalised words that start a sentence, never a speech.
_NOT_SPEAKERS = frozenset(
    "comrade comrades товарищ товарищи mr mrs dr st no yes note notes attachment appendix "
    "chapter page volume archive source p pp л ф оп д".split()
)
#: A transcript needs this many labelled paragraphs.
_MIN_LABELS = 4
#: Header lines to look at for bibliographic facts.
_HEADER_LINES = 25


@dataclass(frozen=True, slots=True)
class SpeakerLabel:
    """A speaker label at the start of a paragraph."""

    name: str
    end: int  # offset just after the label (in the paragraph)


def label_of(paragraph: str) -> SpeakerLabel | None:
    """The speaker label a paragraph starts with, if it looks like one."""
    match = _LABEL.match(paragraph)
    if match is None:
        return None
    name = match.group("name").strip()
    if name.casefold() in _NOT_SPEAKERS or len(name) < 2:
        return None
    end = match.end()
    while end < len(paragraph) and paragraph[end] in " \t\xa0":
        end += 1
    return SpeakerLabel(name, end)


def speaker_labels(paragraphs: list[str]) -> list[SpeakerLabel | None] | None:
    """The label of each paragraph, or None when the text is not a transcript.

    A capitalised word followed by a full stop is a speaker only if it is a
    role ("Voice") or a name never written in lower case elsewhere in the
    text ("Committee. After all..." is a sentence, not a speaker).
    """
    candidates = [label_of(paragraph) for paragraph in paragraphs]
    counts = Counter(label.name for label in candidates if label is not None)
    if not counts:
        return None
    body = "\n".join(paragraphs)
    accepted: set[str] = set()
    for name in counts:
        last = name.split()[-1]
        if name.casefold() in _ROLE_LABELS:
            accepted.add(name)
        elif not re.search(rf"(?<!\w){re.escape(last.lower())}(?!\w)", body):
            accepted.add(name)
    labels = [label if label is not None and label.name in accepted else None for label in candidates]
    labelled = sum(1 for label in labels if label is not None)
    if labelled < _MIN_LABELS or labelled < 0.2 * len(paragraphs):
        return None
    return labels


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–−"})
_ARCHIVE = re.compile(
    r"(?P<archive>[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё\-]{1,15})\.?\s+"
    r"(?:F|Ф)\.\s*(?P<fond>[\w\-]+)\.?\s*"
    r"(?:Op|Оп)\.\s*(?P<opis>[\w\-]+)\.?\s*"
    r"(?:D|Д)\.\s*(?P<delo>[\w\-]+)\.?"
    r"(?:\s*(?:L|Л)\.\s*(?P<list>\d[\d\s,\-]*(?:\s*(?:ob|об)\.?)?))?"
)
_EDITION = re.compile(
    r"(?P<place>[A-ZА-ЯЁ][\w\-]+(?:[ \-][A-ZА-ЯЁ][\w\-]+)?|М|Л|СПб)\.?[\s,:]+"
    r"(?P<publisher>[A-ZА-ЯЁ«\"][^.,\n]{1,60}?)[.,]\s*"
    r"(?P<year>1[5-9]\d\d|20\d\d)\b\.?\s*(?P<rest>[^\n]*)"
)
#: A header line that is an imprint: "Leningrad. Lenizdat. 1968. ..."
_IMPRINT = re.compile(r"^[A-ZА-ЯЁ][\w\-]+\.\s+[A-ZА-ЯЁ«\"][^.\n]{1,60}\.\s+(?:1[5-9]\d\d|20\d\d)\b")
_SOURCE_PREFIX = re.compile(r"^\s*(?:a\s+)?(?:source|published in|источник|опубл\.?)\s*:\s*", re.I)
_ARCHIVE_PREFIX = re.compile(r"^\s*(?:archive|архив)\s*:\s*", re.I)


def parse_archive_reference(text: str) -> Bibliography | None:
    """Archive, fond, opis, delo and folios of a reference such as "RGASPI. F. 17. ..."."""
    match = _ARCHIVE.search(text.translate(_DASHES))
    if match is None:
        return None
    folios = (match.group("list") or "").strip(" ,")
    reference = match.group(0).strip(" ,;")
    return Bibliography(
        archive_name=match.group("archive"),
        archive_fond=match.group("fond"),
        archive_opis=match.group("opis"),
        archive_delo=match.group("delo"),
        archive_list=re.sub(r"\s*-\s*", "-", folios) or None,
        archive_reference=reference,
    )


def parse_published_edition(text: str) -> Bibliography | None:
    """Publisher, year and edition of a citation such as "Moscow. ROSSPEN. 2007. ..."."""
    line = _SOURCE_PREFIX.sub("", text.translate(_DASHES)).strip()
    match = _EDITION.search(line)
    if match is None:
        return None
    rest = match.group("rest").strip(" .")
    return Bibliography(
        publisher=match.group("publisher").strip(" «»\""),
        year=int(match.group("year")),
        edition=rest or None,
        published_in=line.strip(),
    )


def read_header(text: str) -> Bibliography:
    """Bibliographic facts found in the first lines of a document."""
    found = Bibliography()
    lines = [line.strip(" \t\xa0") for line in text.splitlines() if line.strip(" \t\xa0")]
    for line in lines[:_HEADER_LINES]:
        if found.title is None and len(line) <= 200 and not _ARCHIVE_PREFIX.match(line):
            found.title = line
        if found.archive_reference is None and (
            _ARCHIVE_PREFIX.match(line) or _ARCHIVE.search(line.translate(_DASHES))
        ):
            archive = parse_archive_reference(line)
            if archive is not None:
                _fill(found, archive)
                continue
        if found.published_in is None and (_SOURCE_PREFIX.match(line) or _IMPRINT.match(line)):
            edition = parse_published_edition(line)
            if edition is not None:
                _fill(found, edition)
    return found


def _fill(target: Bibliography, facts: Bibliography) -> None:
    for name in target.__slots__:  # type: ignore[attr-defined]
        value = getattr(facts, name)
        if value is not None and getattr(target, name) is None:
            setattr(target, name, value)
