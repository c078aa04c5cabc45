"""Archival-footage needs per scene, logged the way an archival producer would.

For every scene: portraits of the people it is about, the places and
buildings it names, the events it describes (newsreel, or pictures for events
before cinema), the films it names with their year, newspapers and documents
(including the letters, diaries and memoirs it quotes), objects, and maps for
journeys and exiles. Each need has its kind, a description to search by,
search terms and the era it belongs to, and is listed once per scene, in
script order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scriptdesk.domain.breakdown import footage_vocabulary as vocab
from scriptdesk.domain.breakdown.names import given_name
from scriptdesk.domain.breakdown.scenes import SPOKEN_KINDS
from scriptdesk.domain.breakdown.text_tools import ScriptReading, finditer_near, plain, shorten
from scriptdesk.domain.enums import FootageKind, Medium
from scriptdesk.domain.model import (
    FootageNeedDraft,
    PersonDraft,
    QuotationDraft,
    SceneDraft,
    ScriptDocument,
    Span,
)

CINEMA_YEAR = 1896  # before it, events are shown in pictures, not newsreel
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_PAREN_YEAR = re.compile(r"^\s*\((1[89][0-9]{2}|20[0-9]{2})\)")
_DOCUMENT_MEDIA = {
    Medium.LETTER: "Letter",
    Medium.DIARY: "Diary",
    Medium.MEMOIR: "Memoirs",
    Medium.NEWSPAPER: "Newspaper",
    Medium.DOCUMENT: "Document",
    Medium.TRANSCRIPT: "Transcript",
}
_MONTH_TAIL = re.compile(
    r"^(?:in|at|of)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(slots=True)
class _Need:
    block: int
    start: int
    end: int
    kind: FootageKind
    key: str
    description: str
    terms: list[str]
    confidence: float
    era: str | None = None


@dataclass(frozen=True, slots=True)
class _Scene:
    """What the finders need to know of the scene being logged."""

    index: int
    era: str
    last_year: int | None


def find_footage_needs(
    document: ScriptDocument,
    scenes: Sequence[SceneDraft],
    people: Sequence[PersonDraft],
    quotations: Sequence[QuotationDraft],
    named_things: Iterable[object] = (),
    *,
    reading: ScriptReading | None = None,
) -> list[FootageNeedDraft]:
    """Footage needs of every scene, deduplicated within a scene, in script order.

    ``reading`` shares word, sentence and anchor look-ups with the other
    finders of one breakdown.
    """
    reading = reading or ScriptReading(document)
    scene_of = _scene_index(document, scenes)
    person_words = {w.lower() for p in people for v in p.variants for w in re.findall(r"[\w-]+", v)}
    names_by_key = {p.key: p.display_name for p in people}
    per_scene: dict[int, list[_Need]] = {}

    def add(need: _Need) -> None:
        scene = scene_of.get(need.block)
        if scene is not None:
            per_scene.setdefault(scene, []).append(need)

    for need in _portraits(people, scene_of):
        add(need)
    for quotation in quotations:
        need = _quoted_document(quotation, names_by_key)
        if need is not None:
            add(need)
    titled: dict[int, list[tuple[int, int]]] = {}  # spans of titles and names in quotes
    for thing in named_things:
        need = _named_thing(document, thing, reading)
        if need is not None:
            add(need)
        span = getattr(thing, "span", None)
        if span is not None:
            titled.setdefault(span.block, []).append((span.start, span.end))
    for index, block in enumerate(document.blocks):
        if index not in scene_of or block.kind not in SPOKEN_KINDS:
            continue
        scene = scenes[scene_of[index]]
        context = _Scene(scene_of[index], scene.time_context, _last_year(scene.time_context))
        inside_titles = titled.get(index, [])
        for need in _scan_block(index, block.text, person_words, context, reading):
            if need.kind is FootageKind.PHOTO or not _inside((need.start, need.end), inside_titles):
                add(need)

    result: list[FootageNeedDraft] = []
    for scene_index in sorted(per_scene):
        era = scenes[scene_index].time_context
        for need in _deduplicated(per_scene[scene_index]):
            result.append(
                FootageNeedDraft(
                    span=Span(need.block, need.start, need.end),
                    kind=need.kind,
                    description=need.description,
                    search_terms=_unique(need.terms),
                    era=need.era or era,
                    confidence=need.confidence,
                )
            )
    return result


def _scene_index(document: ScriptDocument, scenes: Sequence[SceneDraft]) -> dict[int, int]:
    scene_of: dict[int, int] = {}
    for number, scene in enumerate(scenes):
        for block in range(scene.first_block, min(scene.last_block, len(document.blocks) - 1) + 1):
            scene_of[block] = number
    return scene_of


def _last_year(time_context: str) -> int | None:
    years = _YEAR.findall(time_context)
    return int(years[-1]) if years else None


def _portraits(people: Sequence[PersonDraft], scene_of: dict[int, int]) -> Iterable[_Need]:
    """A portrait per person a scene is about: named in full, or more than once."""
    for person in people:
        by_scene: dict[int, list[Span]] = {}
        for mention in person.mentions:
            scene = scene_of.get(mention.block)
            if scene is not None:
                by_scene.setdefault(scene, []).append(mention)
        for mentions in by_scene.values():
            mentions.sort(key=lambda m: (m.block, m.start))
            full_name = any(" " in v.strip() for v in person.variants) and len(person.display_name.split()) > 1
            if len(mentions) < 2 and not full_name:
                continue
            first = mentions[0]
            terms = [person.display_name] + [v for v in person.variants if " " in v and "’" not in v and "'" not in v]
            yield _Need(
                first.block, first.start, first.end, FootageKind.PHOTO, f"person:{person.key}",
                f"Portrait of {person.display_name}", terms, min(0.9, 0.5 + 0.1 * len(mentions)),
            )


def _quoted_document(quotation: QuotationDraft, names_by_key: dict[str, str]) -> _Need | None:
    """The letter, diary or newspaper a quotation is read from, to show on screen."""
    label = _DOCUMENT_MEDIA.get(quotation.medium)
    if label is None or quotation.nested_in is not None:
        return None
    speaker = names_by_key.get(quotation.speaker or "", quotation.speaker or "")
    parts = [label]
    if quotation.work_title:
        parts.append(f"“{quotation.work_title}”")
    if speaker:
        parts.append(f"{'by' if quotation.medium is not Medium.NEWSPAPER else 'in'} {speaker}")
    if quotation.recipient:
        parts.append(f"to {names_by_key.get(quotation.recipient, quotation.recipient)}")
    if quotation.date_text:
        parts.append(f"({quotation.date_text})")
    terms = [t for t in (speaker, quotation.work_title, quotation.recipient, quotation.date_text, label.lower()) if t]
    key = f"document:{label}:{speaker}:{quotation.work_title or ''}:{quotation.recipient or ''}".lower()
    span = quotation.span
    return _Need(span.block, span.start, span.end, FootageKind.DOCUMENT, key, " ".join(parts), terms, 0.6)


def _named_thing(document: ScriptDocument, thing: object, reading: ScriptReading) -> _Need | None:
    """Buildings and titles the quotation finder set apart from real quotations."""
    category = getattr(thing, "category", "")
    span = getattr(thing, "span", None)
    text = plain(getattr(thing, "text", "") or "")
    if span is None or not text or span.block >= len(document.blocks):
        return None
    if category == "building":
        return _Need(span.block, span.start, span.end, FootageKind.LOCATION, f"place:{_norm(text)}",
                     f"{text}: exterior and period views", [text], 0.7)
    if category == "work_title":
        return _work(reading, span.block, span.start, span.end, text)
    return None


def _scan_block(
    index: int, text: str, person_words: set[str], scene: _Scene, reading: ScriptReading
) -> Iterable[_Need]:
    """Every pattern once over one block (the rarer ones only where a cue word occurs)."""
    taken: list[tuple[int, int]] = []
    for match in finditer_near(vocab.BUILDING, reading.anchor_spans(index, vocab.BUILDING_ANCHOR), text, 80, 60):
        name = _LEADING_ARTICLE.sub("", match.group(0).strip())
        if _norm(name) in person_words:
            continue
        taken.append(match.span())
        yield _Need(index, match.start(), match.end(), FootageKind.LOCATION, f"place:{_norm(name)}",
                    f"{name}: exterior and period views", [name], 0.7)
    for match in vocab.PLACE_AFTER_PREPOSITION.finditer(text):
        name = match.group("name")
        if name in vocab.NOT_PLACES or name.lower() in person_words or _inside(match.span("name"), taken):
            continue
        if given_name(name) is not None:
            continue  # "under Ivan the Terrible": a person, not a place
        if name.endswith(("ian", "ish", "ese")):
            continue  # adjectives of nationality, not places
        yield _Need(index, match.start("name"), match.end("name"), FootageKind.LOCATION, f"place:{_norm(name)}",
                    f"{name}: period views of the place", [name], 0.5)
    for match in finditer_near(vocab.EVENT, reading.anchor_spans(index, vocab.EVENT_ANCHOR), text, 90, 110):
        need = _event(index, text, match, scene, reading)
        if need is not None:
            yield need
    if "*" in text or "_" in text:
        for match in vocab.ITALIC_TITLE.finditer(text):
            title = match.group("title").strip()
            if title[:1].isupper() or title[:1] in "«\"“":
                need = _work(reading, index, match.start("title"), match.end("title"), title)
                if need is not None:
                    yield need
    yield from _newspapers(index, text, reading)
    for match in finditer_near(vocab.DOCUMENT, reading.anchor_spans(index, vocab.DOCUMENT_ANCHOR), text, 90, 90):
        need = _document(index, match)
        if need is not None:
            yield need
    for match in finditer_near(vocab.OBJECT, reading.anchor_spans(index, vocab.OBJECT_ANCHOR), text, 40, 30):
        noun = match.group("noun").lower()
        phrase = match.group(0)
        kind = FootageKind.ARTWORK if noun in vocab.POSTER_LIKE else FootageKind.OBJECT
        yield _Need(index, match.start(), match.end(), kind, f"object:{noun.rstrip('s')}",
                    f"{'Poster' if kind is FootageKind.ARTWORK else 'Object'}: {phrase}", [phrase], 0.5)
    for match in vocab.MAP_CUE.finditer(text) if reading.anchor_spans(index, vocab.MAP_ANCHOR) else ():
        phrase = match.group("phrase")
        place = match.group("place") or ""
        if place.split(" ")[0].lower() in person_words or place in vocab.NOT_PLACES:
            continue
        yield _Need(index, match.start(), match.end(), FootageKind.MAP_GRAPHIC, f"map:{_norm(phrase)}",
                    f"Map: {phrase}", [match.group("place") or phrase], 0.5)


def _event(index: int, text: str, match: re.Match[str], scene: _Scene, reading: ScriptReading) -> _Need | None:
    noun = match.group("noun")
    qualifier = (match.group("qualifier") or "").strip()
    tail = (match.group("tail") or "").strip()
    end = match.end()
    if re.search(r"[’']s\b", tail) or _MONTH_TAIL.match(tail):
        tail, end = "", match.end("noun")  # "premiere of X's film": the film is logged on its own
    # Sentence-initial capitals are not names: "The congress" is a bare congress.
    if qualifier.split(" ")[0] in ("The", "A", "An", "In", "At", "On", "During", "After", "Before"):
        qualifier = " ".join(qualifier.split(" ")[1:])
    if not qualifier and not tail and noun.lower() not in vocab.CONCRETE_EVENTS and not noun[:1].isupper():
        if not re.match(r"[а-яё]", noun):
            return None
    phrase = " ".join(p for p in (qualifier, noun, tail) if p)
    start = match.start("noun") - (len(qualifier) + 1 if qualifier else 0)
    sentence_start, sentence_end = reading.sentence_at(index, match.start("noun"))
    years = [int(y) for y in _YEAR.findall(text[sentence_start:sentence_end])]
    year = years[0] if years else scene.last_year
    before_cinema = year is not None and year < CINEMA_YEAR
    kind = FootageKind.ARTWORK if before_cinema else FootageKind.NEWSREEL
    label = "Pictures" if before_cinema else "Newsreel"
    key = f"event:{_norm(noun)}" if not qualifier and not tail else f"event:{_norm(phrase)}"
    terms = [phrase] + ([str(year)] if year else [])
    return _Need(index, max(start, 0), end, kind, key, f"{label}: {phrase}", terms,
                 0.6 if qualifier or tail else 0.45, str(years[0]) if years else None)


def _work(reading: ScriptReading, block: int, start: int, end: int, title: str) -> _Need | None:
    """A titled work: a film clip, a newspaper, a book or an artwork, by its context."""
    text = reading.blocks[block].text
    sentence_start, sentence_end = reading.sentence_at(block, start)
    before = text[sentence_start:start]
    after_year = _PAREN_YEAR.match(text[end + 1 : end + 12]) or _PAREN_YEAR.match(text[end : end + 12])
    years = _YEAR.findall(text[sentence_start:start]) + _YEAR.findall(text[end:sentence_end])
    year = after_year.group(1) if after_year else (years[0] if years else None)
    name = title.strip("*_\"“”«»")
    if vocab.FILM_CUE.search(before) or after_year:
        description = f"Film clip: {name}" + (f" ({year})" if year else "")
        return _Need(block, start, end, FootageKind.FILM_CLIP, f"film:{_norm(name)}", description,
                     [name] + ([year] if year else []), 0.7, year)
    if vocab.NEWSPAPER_CUE.search(before[-60:]) or vocab.NEWSPAPERS.fullmatch(name):
        return _Need(block, start, end, FootageKind.DOCUMENT, f"newspaper:{_norm(name)}",
                     f"Newspaper: {name}" + (f", {year}" if year else ""), [name], 0.6, year)
    if vocab.ART_CUE.search(before[-60:]):
        return _Need(block, start, end, FootageKind.ARTWORK, f"art:{_norm(name)}", f"Artwork: {name}", [name], 0.5)
    if vocab.BOOK_CUE.search(before) or vocab.BOOK_CUE.search(text[end : end + 40]):
        return _Need(block, start, end, FootageKind.DOCUMENT, f"book:{_norm(name)}",
                     f"Book or publication: {name} (cover, pages)", [name], 0.5, year)
    return None


def _newspapers(index: int, text: str, reading: ScriptReading) -> Iterable[_Need]:
    if not reading.anchor_spans(index, vocab.NEWSPAPER_ANCHOR):
        return
    for match in vocab.NEWSPAPERS.finditer(text):
        name = match.group(0)
        sentence_start, sentence_end = reading.sentence_at(index, match.start())
        years = _YEAR.findall(text[sentence_start:sentence_end])
        yield _Need(index, match.start(), match.end(), FootageKind.DOCUMENT, f"newspaper:{_norm(name)}",
                    f"Newspaper: {name}" + (f", {years[0]}" if years else ""), [name] + years[:1], 0.7,
                    years[0] if years else None)
    for match in vocab.NEWSPAPER_NAMED.finditer(text):
        name = match.group("name").strip("*_\"“”«»")
        yield _Need(index, match.start("name"), match.end("name"), FootageKind.DOCUMENT,
                    f"newspaper:{_norm(name)}", f"Newspaper: {name}", [name], 0.6)


def _document(index: int, match: re.Match[str]) -> _Need | None:
    noun = match.group("noun").lower()
    qualifier = (match.group("qualifier") or "").strip()
    tail = (match.group("tail") or "").strip()
    if noun not in vocab.ALWAYS_DOCUMENT and not qualifier:
        return None
    phrase = " ".join(p for p in (qualifier, match.group("noun"), tail) if p)
    start = match.start("qualifier") if qualifier else match.start("noun")
    return _Need(index, start, match.end(), FootageKind.DOCUMENT, f"document:{_norm(qualifier)}:{noun}",
                 f"Document: {shorten(phrase, 80)}", [phrase], 0.5)


def _deduplicated(needs: list[_Need]) -> list[_Need]:
    """One need per thing in a scene; a bare event gives way to a named one."""
    needs.sort(key=lambda n: (n.block, n.start, -(n.end - n.start)))
    seen: set[str] = set()
    named_events = {n.key.split(":", 1)[1].split()[-1] for n in needs if n.key.startswith("event:") and " " in n.key}
    occupied: list[tuple[int, int, int]] = []
    result = []
    for need in needs:
        if need.key in seen:
            continue
        if need.key.startswith("event:") and " " not in need.key and need.key[6:] in named_events:
            continue
        if need.kind is not FootageKind.PHOTO and any(
            b == need.block and s <= need.start and need.end <= e for b, s, e in occupied
        ):
            continue  # "Pravda" inside an already logged document
        seen.add(need.key)
        if need.kind is not FootageKind.PHOTO:
            occupied.append((need.block, need.start, need.end))
        result.append(need)
    return result


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)


def _norm(text: str) -> str:
    text = _LEADING_ARTICLE.sub("", text.lower().strip())
    text = re.sub(r"[’']s\b", "", text)
    return re.sub(r"\W+", " ", text).strip()


def _unique(terms: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for term in terms:
        term = term.strip()
        if term and term.lower() not in {t.lower() for t in seen}:
            seen[term] = None
    return list(seen)
