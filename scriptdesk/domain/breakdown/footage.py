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
from scriptdesk.domain.breakdown.picture_directions import Direction, find_directions
from scriptdesk.domain.breakdown.scenes import SPOKEN_KINDS
from scriptdesk.domain.breakdown.text_tools import ScriptReading, finditer_near, plain, shorten
from scriptdesk.domain.enums import BlockKind, FootageKind, Medium
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
# Spoken blocks and the picture cells of A/V rows.
_SCANNED_KINDS = SPOKEN_KINDS | {BlockKind.PICTURE}
# What a picture direction decides: narration under it adds none of these.
_PICTURE_KINDS = frozenset({
    FootageKind.PHOTO, FootageKind.LOCATION, FootageKind.NEWSREEL, FootageKind.ARTWORK, FootageKind.OBJECT,
    FootageKind.MAP_GRAPHIC,
})


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
    article_by: str | None = None  # a newspaper article quoted by its (person) author


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

    for need in _portraits(reading, people, quotations, scene_of):
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
        if index not in scene_of or block.kind not in _SCANNED_KINDS:
            continue
        scene = scenes[scene_of[index]]
        context = _Scene(scene_of[index], scene.time_context, _last_year(scene.time_context))
        inside_titles = titled.get(index, [])
        for need in _scan_block(index, block.text, person_words, context, reading):
            if need.kind is FootageKind.PHOTO or not _inside((need.start, need.end), inside_titles):
                add(need)
    directions = find_directions(reading, sorted(scene_of))
    if directions:
        _follow_directions(directions, per_scene, scene_of, people)

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


def _follow_directions(
    directions: list[Direction],
    per_scene: dict[int, list[_Need]],
    scene_of: dict[int, int],
    people: Sequence[PersonDraft],
) -> None:
    """Log the script's own picture directions; what they show is not logged again.

    A need found inside a direction ("the East Quay" in "A pan across the
    steam cranes on the East Quay") becomes a search term of that direction,
    and the same person, place or work is not logged a second time elsewhere
    in the scene; nor is a document of the same kind naming the same person
    or paper (the letter read aloud is the letter the picture shows). The
    narration of an A/V row plays under the row's own picture, so it adds no
    picture of its own (portraits, places, events, objects), only the
    documents and works it names. Silent directions (interviews, captions)
    log nothing.
    """
    by_block: dict[int, list[Direction]] = {}
    for direction in directions:
        by_block.setdefault(direction.block, []).append(direction)
    covered: dict[int, set[str]] = {}  # scene -> need keys a direction shows

    def direction_at(block: int, start: int) -> Direction | None:
        return next((d for d in by_block.get(block, ()) if d.start <= start < d.end), None)

    for person in people:
        for mention in person.mentions:
            direction = direction_at(mention.block, mention.start)
            if direction is not None and mention.block in scene_of:
                covered.setdefault(scene_of[mention.block], set()).add(f"person:{person.key}")
                if direction.kind is not None:
                    direction.terms.insert(0, person.display_name)
    for scene, needs in per_scene.items():
        for need in needs:
            direction = direction_at(need.block, need.start)
            if direction is None:
                continue
            covered.setdefault(scene, set()).add(need.key)
            if direction.kind is not None:
                direction.terms.extend(need.terms)
    pictured_rows = {d.block + 1 for d in directions}  # the A/V row after its PICTURE block
    for scene, needs in per_scene.items():
        for need in needs:
            if need.block in pictured_rows and need.kind in _PICTURE_KINDS and not need.key.startswith("direction:"):
                covered.setdefault(scene, set()).add(need.key)
    for direction in directions:
        scene = scene_of.get(direction.block)
        if scene is None or direction.kind is None:
            continue
        names = {t.casefold() for t in direction.terms if not t.isdigit()}
        for need in per_scene.get(scene, ()):
            if need.kind is direction.kind is FootageKind.DOCUMENT and names & {t.casefold() for t in need.terms}:
                covered.setdefault(scene, set()).add(need.key)
        per_scene.setdefault(scene, []).append(_Need(
            direction.block, direction.start, direction.end, direction.kind,
            f"direction:{direction.block}:{direction.start}", direction.description,
            [t for t in direction.terms if t], 0.8, direction.era,
        ))
    for scene, keys in covered.items():
        per_scene[scene] = [
            need for need in per_scene.get(scene, []) if need.key.startswith("direction:") or need.key not in keys
        ]


def _scene_index(document: ScriptDocument, scenes: Sequence[SceneDraft]) -> dict[int, int]:
    scene_of: dict[int, int] = {}
    for number, scene in enumerate(scenes):
        for block in range(scene.first_block, min(scene.last_block, len(document.blocks) - 1) + 1):
            scene_of[block] = number
    return scene_of


def _last_year(time_context: str) -> int | None:
    years = _YEAR.findall(time_context)
    return int(years[-1]) if years else None


def _portraits(
    reading: ScriptReading,
    people: Sequence[PersonDraft],
    quotations: Sequence[QuotationDraft],
    scene_of: dict[int, int],
) -> Iterable[_Need]:
    """A portrait per person a scene is about, once per scene.

    A person matters in a scene when quoted there, mentioned at least twice
    there, or introduced there in full as the subject of a sentence ("The
    engineer Pavel Orlov arrived..."); a passing full name ("Sergei
    Bondarchuk's War and Peace") or a name in a list of three or more
    ("Zinoviev, Kamenev, Trotsky and Radek") is no reason on its own.
    """
    listed = _listed_mentions(reading.document, people)
    speakers_by_scene: dict[int, set[str]] = {}
    for quotation in quotations:
        scene = scene_of.get(quotation.span.block)
        if scene is not None and quotation.speaker:
            speakers_by_scene.setdefault(scene, set()).add(quotation.speaker)
    for person in people:
        by_scene: dict[int, list[Span]] = {}
        for mention in person.mentions:
            scene = scene_of.get(mention.block)
            if scene is not None and mention not in listed:
                by_scene.setdefault(scene, []).append(mention)
        for scene, mentions in by_scene.items():
            mentions.sort(key=lambda m: (m.block, m.start))
            quoted = person.key in speakers_by_scene.get(scene, ())
            if not quoted and len(mentions) < 2 and not _introduces(reading, mentions[0]):
                continue
            first = mentions[0]
            terms = [person.display_name] + [v for v in person.variants if " " in v and "’" not in v and "'" not in v]
            yield _Need(
                first.block, first.start, first.end, FootageKind.PHOTO, f"person:{person.key}",
                f"Portrait of {person.display_name}", terms, min(0.9, 0.5 + 0.1 * len(mentions)),
            )


_LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+(?:and|or|&|и|или))\s*")


def _listed_mentions(document: ScriptDocument, people: Sequence[PersonDraft]) -> set[Span]:
    """Mentions standing in a list of three or more names."""
    by_block: dict[int, list[Span]] = {}
    for person in people:
        for mention in person.mentions:
            by_block.setdefault(mention.block, []).append(mention)
    listed: set[Span] = set()
    for block, mentions in by_block.items():
        text = document.blocks[block].text
        mentions.sort(key=lambda m: (m.start, m.end))
        run: list[Span] = []
        for mention in mentions:
            if run and mention.start >= run[-1].end and _LIST_GAP.fullmatch(text, run[-1].end, mention.start):
                run.append(mention)
                continue
            if len(run) >= 3:
                listed.update(run)
            run = [mention]
        if len(run) >= 3:
            listed.update(run)
    return listed


def _introduces(reading: ScriptReading, mention: Span) -> bool:
    """Whether a mention names someone in full as a sentence's subject, not in passing."""
    text = reading.blocks[mention.block].text
    if len(text[mention.start : mention.end].split()) < 2 or text[mention.end : mention.end + 2] in ("’s", "'s"):
        return False
    sentence_start, _ = reading.sentence_at(mention.block, mention.start)
    # At most a role before the name: "The engineer", "Commissar", "His wife,".
    return len(text[sentence_start : mention.start].split()) <= 3


def _quoted_document(quotation: QuotationDraft, names_by_key: dict[str, str]) -> _Need | None:
    """The letter, diary or newspaper a quotation is read from, to show on screen."""
    label = _DOCUMENT_MEDIA.get(quotation.medium)
    if label is None or quotation.nested_in is not None:
        return None
    if not (quotation.speaker or quotation.work_title or quotation.recipient or quotation.date_text):
        return None  # a bare "Document" gives an archive nothing to search by
    speaker = names_by_key.get(quotation.speaker or "", quotation.speaker or "")
    span = quotation.span
    if quotation.medium is Medium.NEWSPAPER:
        if quotation.speaker in names_by_key:  # a person's article: shown with its newspaper
            name = quotation.work_title or "newspaper article"
            return _Need(span.block, span.start, span.end, FootageKind.DOCUMENT, f"article:{_norm(speaker)}:{_norm(name)}",
                         f"Newspaper article by {speaker}" + (f": “{quotation.work_title}”" if quotation.work_title else ""),
                         [t for t in (speaker, quotation.work_title, quotation.date_text) if t], 0.6,
                         article_by=speaker)
        name = quotation.work_title or speaker
        return _Need(span.block, span.start, span.end, FootageKind.DOCUMENT, f"newspaper:{_norm(name)}",
                     f"Newspaper: {name}" + (f" ({quotation.date_text})" if quotation.date_text else ""),
                     [t for t in (name, quotation.date_text) if t], 0.6)
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
    if quotation.work_title:
        key = f"work:{_norm(quotation.work_title)}"  # the same work named elsewhere in the scene is this need
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
    buildings = [hit for hit in reading.anchor_spans(index, vocab.BUILDING_ANCHOR) if _may_name_building(text, hit)]
    for match in finditer_near(vocab.BUILDING, buildings, text, 80, 60):
        name = _LEADING_ARTICLE.sub("", match.group(0).strip())
        start = match.end() - len(name)
        if name.split(" ")[0].lower() in _NOT_A_NAME:
            # "On Mill Street" is Mill Street; "After camp" is no name at all.
            name = name.split(" ", 1)[1] if " " in name else ""
            start = match.end() - len(name)
            if not name[:1].isupper():
                continue
        if _norm(name) in person_words:
            continue
        taken.append(match.span())
        yield _Need(index, start, match.end(), FootageKind.LOCATION, f"place:{_place_key(name)}",
                    f"{name}: exterior and period views", [name], 0.7)
    for match in vocab.PLACE_AFTER_PREPOSITION.finditer(text):
        name = match.group("name")
        if name in vocab.NOT_PLACES or name in vocab.COUNTRIES or name.lower() in person_words or _inside(
            match.span("name"), taken
        ):
            continue
        if given_name(name) is not None:
            continue  # "under Ivan the Terrible": a person, not a place
        if name.endswith(("ian", "ish", "ese")):
            continue  # adjectives of nationality, not places
        yield _Need(index, match.start("name"), match.end("name"), FootageKind.LOCATION, f"place:{_place_key(name)}",
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
        if noun in vocab.COMMONPLACE_OBJECTS and not match.group("owner"):
            continue  # a car or a flag in passing is no archive search; "Lenin's car" is
        kind = vocab.OBJECT_KINDS.get(noun, FootageKind.OBJECT)
        label = {FootageKind.ARTWORK: "Poster", FootageKind.DOCUMENT: "Document"}.get(kind, "Object")
        yield _Need(index, match.start(), match.end(), kind, f"object:{noun.rstrip('s')}",
                    f"{label}: {phrase}", [phrase], 0.5)
    for match in vocab.MAP_CUE.finditer(text) if reading.anchor_spans(index, vocab.MAP_ANCHOR) else ():
        phrase = match.group("phrase")
        place = match.group("place") or ""
        if place.split(" ")[0].lower() in person_words or place in vocab.NOT_PLACES:
            continue
        yield _Need(index, match.start(), match.end(), FootageKind.MAP_GRAPHIC, f"map:{_norm(phrase)}",
                    f"Map: {phrase}", [match.group("place") or phrase], 0.5)


def _may_name_building(text: str, hit: tuple[int, int]) -> bool:
    """Whether a building noun can be part of a name: it, the word before or the word after is capitalised.

    Every branch of :data:`vocab.BUILDING` needs one of the three ("Hotel
    Lux", "Metropol hotel", "улица Горького"), so the other hits ("the
    house", "at work") are not worth a search.
    """
    start, end = hit
    if text[start].isupper():
        return True
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    if before < start:
        word = before
        while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "_-"):
            word -= 1
        if word < before and text[word].isupper():
            return True
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return after > end and after < len(text) and text[after].isupper()


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
    """One need per thing in a scene, as an archival producer logs it.

    Repeats of a place, event, paper or object are merged; a bare event
    gives way to a named one and a shorter name of the same event to the
    fuller one ("Fifteenth Congress" to "Fifteenth Party Congress"); a work
    named and quoted is one need; a quoted newspaper article joins the
    newspaper it appeared in.
    """
    needs.sort(key=lambda n: (n.block, n.start, -(n.end - n.start)))
    quoted_works = {n.key[5:] for n in needs if n.key.startswith("work:")}
    events = [n for n in needs if n.key.startswith("event:")]
    newspapers = [n for n in needs if n.key.startswith("newspaper:")]
    seen: set[str] = set()
    occupied: list[tuple[int, int, int]] = []
    result: list[_Need] = []
    for need in needs:
        kind, _, name = need.key.partition(":")
        if need.key in seen:
            continue
        if kind in ("book", "newspaper", "art", "film") and name in quoted_works:
            continue
        if kind == "event" and _fuller_event(need, events):
            continue
        if kind == "newspaper" and any(
            other.key != need.key and other.key.startswith(need.key + " ") for other in newspapers
        ):
            continue  # "Уральский" inside "Уральский рабочий"
        if need.article_by and _join_newspaper(need, result):
            continue
        if need.key.startswith("document:document:") and _join_document(need, result):
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


def _fuller_event(need: _Need, events: list[_Need]) -> bool:
    """Whether the scene logs the same event under a fuller name."""
    words = set(need.key[6:].split())
    noun = need.key.split()[-1]
    return any(
        other.key != need.key and other.key.split()[-1] == noun and words < set(other.key[6:].split())
        or other.key != need.key and noun in other.key[6:].split() and len(words) == 1
        for other in events
    )


def _join_newspaper(article: _Need, logged: list[_Need]) -> bool:
    """Put a quoted article on the newspaper need just before it (same or previous two blocks)."""
    for need in reversed(logged):
        if need.block < article.block - 2:
            return False
        if need.key.startswith("newspaper:"):
            need.description = f"{need.description} — article by {article.article_by}"
            need.terms = need.terms + article.terms
            return True
    return False


def _join_document(quoted: _Need, logged: list[_Need]) -> bool:
    """A quotation read from an unnamed document joins the ledger or notebook just named."""
    for need in reversed(logged):
        if need.block < quoted.block - 1:
            return False
        if need.kind is FootageKind.DOCUMENT and need.key.startswith("object:"):
            author = quoted.terms[0] if quoted.terms and quoted.terms[0] != "document" else ""
            if author and author not in need.terms:
                need.description = f"{need.description} by {author}"
            need.terms = need.terms + [t for t in quoted.terms if t != "document"]
            return True
    return False


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)


_NOT_A_NAME = frozenset(
    "after from in at on to of before during into his her their its our this that when where then".split()
)


def _place_key(name: str) -> str:
    """A place's name folded so "Houses of Soviets" and "House of Soviets" are one place."""
    return " ".join(word[:-1] if len(word) > 4 and word.endswith("s") else word for word in _norm(name).split())


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
