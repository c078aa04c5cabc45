"""Rights items: what a production must clear or check, linked to what it covers.

One TEXT_QUOTATION item per quoted work (quotations grouped by author and
work), with the author's death year where known and a public-domain hint per
jurisdiction; FOOTAGE items for film clips and newsreels; PHOTO items for
portraits; ARTWORK items for artworks, newspaper pages and archival documents
shown on screen; MUSIC for named pieces of music; and one SCRIPT item for the
script's own rights (its author and its translation).

Every hint is reasoning to help a researcher, always labelled "Guidance only,
not legal advice".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from scriptdesk.domain.breakdown import footage_vocabulary as vocab
from scriptdesk.domain.breakdown.picture_directions import captioned_names
from scriptdesk.domain.breakdown.reference_data import known_death_year
from scriptdesk.domain.breakdown.text_tools import ScriptReading, StemAnchor, shorten
from scriptdesk.domain.enums import BlockKind, FootageKind, Medium, RightsKind
from scriptdesk.domain.model import (
    FootageNeedDraft,
    PersonDraft,
    QuotationDraft,
    RightsItemDraft,
    ScriptDocument,
    Span,
)

GUIDANCE = "Guidance only, not legal advice."
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_LIFE_DATES = re.compile(r"\s*\((?:b\.\s*)?(?:1[0-9]{3}|20[0-9]{2})\s*[-–—]\s*(1[0-9]{3}|20[0-9]{2})\)")
_DEATH_CUE = re.compile(
    r"\b(?:death|died|executed|shot|killed|murdered|perished|assassinated|умер\w*|расстрелян\w*|погиб\w*|казн[её]н\w*"
    r"|убит\w*|смерт\w*)\b[^.;]{0,25}?\b(?:in|в)\s+(?:\w+\s+)?(?P<year>1[0-9]{3}|20[0-9]{2})\b"
)
_MUSIC_WORK = re.compile(
    r"(?P<owner>[A-ZА-ЯЁ][\w-]*[’']s\s+)?(?P<work>(?:[A-Z][\w-]*\s+){0,3}(?:Symphony|Concerto|Sonata|Requiem|Overture"
    r"|Suite|Cantata|Oratorio)(?:\s+No\.\s*\d+)?(?:\s+in\s+[A-G](?:[- ](?:flat|sharp))?(?:\s+(?:major|minor))?)?"
    r"|the\s+(?:Internationale|Marseillaise|Warszawianka|Varshavyanka))"
)
# Every _MUSIC_WORK match contains one of these words; every _DEATH_CUE match one of these stems.
_MUSIC_WORK_ANCHOR = StemAnchor(
    "symphony concerto sonata requiem overture suite cantata oratorio internationale marseillaise warszawianka "
    "varshavyanka"
)
_DEATH_ANCHOR = StemAnchor("death died executed shot killed murdered perished assassinated умер расстрелян погиб казн убит смерт")
_MEDIUM_WORDS = {
    Medium.DIARY: "diary", Medium.MEMOIR: "memoirs", Medium.LETTER: "letters", Medium.SPEECH: "speeches",
    Medium.NEWSPAPER: "newspaper", Medium.TRANSCRIPT: "transcript", Medium.DOCUMENT: "document",
    Medium.CONVERSATION: "recorded remarks", Medium.SLOGAN: "slogan", Medium.UNKNOWN: "text",
}
_OFTEN_UNPUBLISHED = (Medium.DIARY, Medium.LETTER, Medium.CONVERSATION)
# Words said aloud, quoted through whatever record keeps them: not a published work of their own.
_SPOKEN = (Medium.SPEECH, Medium.CONVERSATION, Medium.SLOGAN)
SPOKEN_REMARKS = "Quotations: spoken remarks (speeches, conversations, slogans)"
_OFFICIAL = (Medium.TRANSCRIPT, Medium.DOCUMENT)


def find_rights_items(
    document: ScriptDocument,
    people: Sequence[PersonDraft],
    quotations: Sequence[QuotationDraft],
    footage: Sequence[FootageNeedDraft],
    *,
    named_things: Iterable[object] = (),
    clearance_year: int | None = None,
    reading: ScriptReading | None = None,
) -> list[RightsItemDraft]:
    """The rights items of a breakdown, script first, then in order of first use."""
    reading = reading or ScriptReading(document)
    year = clearance_year or dt.date.today().year
    by_key = {p.key: p for p in people}
    death_years = _death_years(document, people, reading)
    items = [_script_item(document)]
    quotation_items = _quotation_items(quotations, by_key, death_years, year)
    items.extend(quotation_items)
    items.extend(_footage_items(footage, quotations, quotation_items, year))
    items.extend(_portrait_items(footage))
    items.extend(_music_items(document, named_things, people, reading))
    items.extend(_release_items(reading, people))
    return items


def _release_items(reading: ScriptReading, people: Sequence[PersonDraft]) -> list[RightsItemDraft]:
    """An interview release for every person the script interviews or captions on screen."""
    by_name = {name.casefold(): person for person in people for name in [person.display_name, *person.variants]}
    items: list[RightsItemDraft] = []
    seen: set[str] = set()
    for name, block, start, end in captioned_names(reading):
        person = by_name.get(name.casefold())
        if person is None and not _PLAIN_NAME.fullmatch(name):
            continue  # "SUPER: Kessmouth, 1912" captions a place, not a person
        shown = person.display_name if person is not None else name
        if shown.casefold() in seen:
            continue
        seen.add(shown.casefold())
        items.append(RightsItemDraft(
            kind=RightsKind.RELEASE, subject=f"Interview release: {shown}", span=Span(block, start, end),
            holder=shown, confidence=0.7,
            public_domain_reasoning="An interviewee's signed release covers their appearance and words in the "
            f"film, its trailers and its sales. {GUIDANCE}",
        ))
    return items


_PLAIN_NAME = re.compile(r"[A-ZА-ЯЁ][\w’'-]+(?:\s+[A-ZА-ЯЁ][\w’'-]+){1,3}")


def public_domain_hint(
    death_year: int | None, clearance_year: int, *, published: int | None = None, medium: Medium | None = None
) -> str:
    """Per-jurisdiction reasoning on whether a text is out of copyright."""
    lines: list[str] = []
    if death_year is None:
        lines.append("Author's death year unknown: establish it to reckon the life + 70 years terms.")
    else:
        expires = death_year + 70
        status = "in the public domain" if clearance_year > expires else f"protected until the end of {expires}"
        lines.append(f"EU/UK: life + 70 years; author died {death_year}, so {status}.")
        if death_year < 1943:
            lines.append(
                f"Russia: author died {death_year}, before 1943; the term ran out under the earlier life + 50 rule, "
                "so in the public domain" + (" unless the rehabilitation rule below applies." if death_year >= 1918 else ".")
            )
        else:
            lines.append(f"Russia: life + 70 years (Civil Code art. 1281); {status}.")
            if death_year >= 1942:
                lines.append(
                    "Russia: possibly + 4 years if the author worked or fought in the Great Patriotic War "
                    f"(then protected until the end of {expires + 4})."
                )
        if 1918 <= death_year <= 1956:
            lines.append(
                "Russia: if the author was repressed and rehabilitated after death, the term runs from the year "
                "after rehabilitation: check the rehabilitation date."
            )
    us_cutoff = clearance_year - 95
    if published is not None:
        if published < us_cutoff:
            lines.append(f"US: published {published}, before {us_cutoff}: in the public domain.")
        else:
            lines.append(f"US: published {published}: 95 years from publication, protected until the end of "
                         f"{published + 95}.")
    else:
        lines.append(
            f"US: works first published before {us_cutoff} are in the public domain; check the first publication "
            "date (foreign works may have been restored in 1996)."
        )
    if medium in _OFTEN_UNPUBLISHED:
        lines.append("If never published, an unpublished work is protected for life + 70 years in the US and EU.")
    if medium in _OFFICIAL:
        lines.append("Official documents of state bodies are not protected by copyright in Russia (art. 1259).")
    lines.append(GUIDANCE)
    return " ".join(lines)


def _script_item(document: ScriptDocument) -> RightsItemDraft:
    """The script's own rights: its author, and its translator where named."""
    title = document.title or document.metadata.get("source_name") or "this script"
    author = document.metadata.get("author")
    translator = document.metadata.get("translator")
    reasons = [f"Script rights held by its author{f' ({author})' if author else ''}."]
    if translator:
        reasons.append(f"Translation by {translator}: a translation is a work of its own; clear it as well.")
    reasons.append(GUIDANCE)
    first = next((i for i, b in enumerate(document.blocks) if b.kind is BlockKind.HEADING), None)
    span = Span(first, 0, len(document.blocks[first].text)) if first is not None else None
    return RightsItemDraft(
        kind=RightsKind.SCRIPT, subject=f"Script: {title}", span=span, holder=author, author=author,
        work_title=title, public_domain_reasoning=" ".join(reasons), confidence=0.9,
    )


def _quotation_items(
    quotations: Sequence[QuotationDraft],
    by_key: dict[str, PersonDraft],
    death_years: dict[str, int],
    year: int,
) -> list[RightsItemDraft]:
    """One TEXT_QUOTATION item per author and work; nested remarks go with their source.

    A titled work is an item of its own; an author's untitled writings
    (diary, letters, articles) are one item, the author's estate being the
    one to ask. Words only said aloud (speeches, conversations, slogans) are
    not a published work: they join their author's written item when there
    is one, else one shared item for all spoken remarks.
    """
    items: list[RightsItemDraft] = []
    group_of: dict[tuple[str, str], int] = {}
    item_of_quotation: dict[int, int] = {}
    spoken: list[int] = []
    media_of: dict[int, list[str]] = {}
    for index, quotation in enumerate(quotations):
        parent = quotation.nested_in
        if parent is not None and parent in item_of_quotation:
            item = items[item_of_quotation[parent]]
            item.quotation_indexes.append(index)
            item_of_quotation[index] = item_of_quotation[parent]
            continue
        if quotation.medium in _SPOKEN and not quotation.work_title:
            spoken.append(index)
            continue
        person = by_key.get(quotation.speaker or "")
        author = person.display_name if person else quotation.speaker
        work = quotation.work_title or ""
        key = ((person.key if person else (author or "")).lower(), work.lower())
        if key not in group_of:
            group_of[key] = len(items)
            items.append(_text_item(quotation, person, author, death_years, year))
            media_of[group_of[key]] = []
        number = group_of[key]
        items[number].quotation_indexes.append(index)
        item_of_quotation[index] = number
        medium = _MEDIUM_WORDS[quotation.medium]
        if not quotation.work_title and medium not in media_of[number]:
            media_of[number].append(medium)
            author_name = items[number].author or "unattributed"
            items[number].subject = f"Quotation: {author_name} — {', '.join(media_of[number])}"
    remarks: RightsItemDraft | None = None
    for index in spoken:
        quotation = quotations[index]
        parent = quotation.nested_in
        person = by_key.get(quotation.speaker or "")
        author_key = (person.key if person else (quotation.speaker or "")).lower()
        number = item_of_quotation.get(parent) if parent is not None else None
        if number is None and author_key:
            number = group_of.get((author_key, ""))
        if number is not None:
            items[number].quotation_indexes.append(index)
            item_of_quotation[index] = number
            continue
        if remarks is None:
            remarks = RightsItemDraft(
                kind=RightsKind.TEXT_QUOTATION, subject=SPOKEN_REMARKS, span=quotation.span, confidence=0.4,
                public_domain_reasoning="Spoken words quoted through a record of them (a transcript, a newsreel, "
                "a memoir): the rights follow that record, so verify each against its source; short quotations "
                f"for criticism, review or history are allowed in most jurisdictions. {GUIDANCE}",
            )
        remarks.quotation_indexes.append(index)
    for item in items:
        item.quotation_indexes.sort()
    if remarks is not None:
        items.append(remarks)
    return items


def _text_item(
    quotation: QuotationDraft, person: PersonDraft | None, author: str | None, death_years: dict[str, int], year: int
) -> RightsItemDraft:
    death = None
    if person is not None:
        death = person.death_year or death_years.get(person.key) or known_death_year(person.display_name,
                                                                                     person.variants)
    published = _year_of(quotation.date_text) if quotation.medium is Medium.NEWSPAPER else None
    work = quotation.work_title or _MEDIUM_WORDS[quotation.medium]
    if author and work.lower() == author.lower():
        work = _MEDIUM_WORDS[quotation.medium]
    return RightsItemDraft(
        kind=RightsKind.TEXT_QUOTATION, subject=f"Quotation: {author or 'unattributed'} — {work}",
        span=quotation.span, author=author, work_title=quotation.work_title, author_death_year=death,
        public_domain_reasoning=public_domain_hint(death, year, published=published, medium=quotation.medium),
        confidence=0.7 if author else 0.4,
    )


def _footage_items(
    footage: Sequence[FootageNeedDraft],
    quotations: Sequence[QuotationDraft],
    quotation_items: list[RightsItemDraft],
    year: int,
) -> list[RightsItemDraft]:
    """Film clips, newsreels, portraits, artworks and documents shown on screen."""
    items: list[RightsItemDraft] = []
    by_description: dict[str, RightsItemDraft] = {}
    quoted_at = {(q.span.block, q.span.start): i for i, q in enumerate(quotations)}
    item_of_quotation = {q: item for item in quotation_items for q in item.quotation_indexes}
    quoted_works = _quoted_works(quotation_items)
    for index, need in enumerate(footage):
        if is_inferred_portrait(need):
            continue  # see _portrait_items
        shown_quote = _quotation_item_naming(need, quotation_items)
        if shown_quote is not None:
            # The letter the script shows and reads: cleared with the quotation.
            shown_quote.footage_indexes.append(index)
            continue
        if need.kind is FootageKind.DOCUMENT and (need.span.block, need.span.start) in quoted_at:
            # The letter or diary a quotation is read from: cleared with that quotation.
            item = item_of_quotation.get(quoted_at[(need.span.block, need.span.start)])
            if item is not None:
                item.footage_indexes.append(index)
            continue
        quoted_work = _quoted_work_item(need, quoted_works)
        if quoted_work is not None:
            # The cover of a quoted book, the newspaper a quoted article ran in: one item with the text.
            quoted_work.footage_indexes.append(index)
            continue
        made = _footage_item(need, year)
        if made is None:
            continue
        key = made.subject.lower()
        if need.kind is FootageKind.PHOTO:
            key = f"photo in block {need.span.block}"  # a pan across the photograph just named is that photograph
        if key in by_description:
            by_description[key].footage_indexes.append(index)
            continue
        made.footage_indexes.append(index)
        by_description[key] = made
        items.append(made)
    return items


_SHOWN_WORK = re.compile(
    r"^(?:Book or publication: (?P<book>.+?) \(cover, pages\)"
    r"|Newspaper: (?P<paper>.+?)(?:, \d{4})?(?: \(.*\))?(?: — article by (?P<writer>.+))?)$"
)


def _quoted_works(items: list[RightsItemDraft]) -> dict[tuple[str, str], RightsItemDraft]:
    """Quotation items by ("work", title) and ("author", name), folded, first item first."""
    index: dict[tuple[str, str], RightsItemDraft] = {}
    for item in items:
        if item.work_title:
            index.setdefault(("work", item.work_title.casefold()), item)
        if item.author:
            index.setdefault(("author", item.author.casefold()), item)
    return index


def _quoted_work_item(
    need: FootageNeedDraft, quoted_works: dict[tuple[str, str], RightsItemDraft]
) -> RightsItemDraft | None:
    """The quotation item of the book or newspaper a footage need shows, if that work is quoted."""
    shown = _SHOWN_WORK.match(need.description)
    if shown is None:
        return None
    if shown["book"]:
        return quoted_works.get(("work", shown["book"].casefold()))
    for name in (shown["paper"], shown["writer"]):
        if name:
            item = quoted_works.get(("work", name.casefold())) or quoted_works.get(("author", name.casefold()))
            if item is not None:
                return item
    return None


def is_inferred_portrait(need: FootageNeedDraft) -> bool:
    """A portrait the engine proposes for a person ("Portrait of Anna Voss"), not one the script directs."""
    return need.kind is FootageKind.PHOTO and bool(_BARE_PORTRAIT.fullmatch(need.description))


# "Portrait of Jonas Berg": a name and nothing else (a direction describes its picture further).
_BARE_PORTRAIT = re.compile(r"Portrait of (?:[^\W\d][\w’'.-]*\s?){1,5}")


def _quotation_item_naming(
    need: FootageNeedDraft, quotation_items: list[RightsItemDraft]
) -> RightsItemDraft | None:
    """The quotation item whose author a document on screen names first ("Letter, Samuel Carrow to ...")."""
    if need.kind is not FootageKind.DOCUMENT or not need.search_terms:
        return None
    first = need.search_terms[0].casefold()
    return next((item for item in quotation_items if item.author and item.author.casefold() == first), None)


def _portrait_items(footage: Sequence[FootageNeedDraft]) -> list[RightsItemDraft]:
    """Portrait photographs: one item per person the film keeps returning to, one for the rest.

    A person whose portrait is needed in two scenes or more gets an item of
    their own (the photographs of the film's principals are licensed with
    care); portraits needed once are licensed together, in one item listing
    them, since each is one picture chosen from whichever archive has it.
    """
    by_person: dict[str, list[int]] = {}
    for index, need in enumerate(footage):
        if is_inferred_portrait(need):
            by_person.setdefault(need.description, []).append(index)
    reasoning = ("Photograph: the photographer (often unknown) or the archive holds the rights; record the archive "
                 f"and its reproduction terms. {GUIDANCE}")
    items: list[RightsItemDraft] = []
    once: list[int] = []
    for description, indexes in by_person.items():
        if len(indexes) < 2:
            once.extend(indexes)
            continue
        items.append(RightsItemDraft(
            kind=RightsKind.PHOTO, subject=description.replace("Portrait of", "Photograph: portrait of"),
            span=footage[indexes[0]].span, footage_indexes=indexes, public_domain_reasoning=reasoning,
            confidence=0.5,
        ))
    if once:
        names = [footage[i].description.removeprefix("Portrait of ") for i in once]
        items.append(RightsItemDraft(
            kind=RightsKind.PHOTO, subject=shorten("Photographs: portraits of " + ", ".join(names), 300),
            span=footage[once[0]].span, footage_indexes=sorted(once), public_domain_reasoning=reasoning,
            confidence=0.4,
        ))
    return items


def _footage_item(need: FootageNeedDraft, year: int) -> RightsItemDraft | None:
    description = need.description
    film_year = _year_of(need.era) if need.kind is FootageKind.FILM_CLIP else None
    if need.kind is FootageKind.FILM_CLIP:
        pd = ""
        if film_year is not None and film_year < year - 95:
            pd = f" Released {film_year}: before {year - 95}, so likely in the US public domain; check elsewhere."
        reasoning = ("Film clip: rights usually sit with the studio or its successor (often a state film archive); "
                     "the authors' terms (director, writer, composer) decide the public domain." + pd)
        return RightsItemDraft(kind=RightsKind.FOOTAGE, subject=description, span=need.span,
                               public_domain_reasoning=f"{reasoning} {GUIDANCE}", confidence=0.7)
    if need.kind is FootageKind.NEWSREEL:
        return RightsItemDraft(
            kind=RightsKind.FOOTAGE, subject=description, span=need.span, confidence=0.5,
            public_domain_reasoning="Newsreel: archives charge licence fees even for public-domain footage; "
            f"record the archive, reel and timecodes. {GUIDANCE}",
        )
    if need.kind is FootageKind.PHOTO:
        return RightsItemDraft(
            kind=RightsKind.PHOTO, subject=description.replace("Portrait of", "Photograph: portrait of"),
            span=need.span, confidence=0.5,
            public_domain_reasoning="Photograph: the photographer (often unknown) or the archive holds the rights; "
            f"record the archive and its reproduction terms. {GUIDANCE}",
        )
    if need.kind is FootageKind.ARTWORK or need.kind is FootageKind.DOCUMENT:
        if description.startswith("Book or publication"):
            reason = "Book cover or pages on screen: the publisher's and designer's rights may apply."
        elif description.startswith("Newspaper"):
            reason = ("Newspaper page reproduction: the publisher or archive holds it; texts of official bodies "
                      "are not protected in Russia, articles by named authors are.")
        elif need.kind is FootageKind.DOCUMENT:
            reason = "Archival document reproduction: permission and fees from the holding archive."
        else:
            reason = "Artwork or poster: the artist's life + 70 years term applies; the holding collection sets fees."
        return RightsItemDraft(kind=RightsKind.ARTWORK, subject=f"Reproduction: {description}", span=need.span,
                               public_domain_reasoning=f"{reason} {GUIDANCE}", confidence=0.5)
    return None


def _music_items(
    document: ScriptDocument, named_things: Iterable[object], people: Sequence[PersonDraft], reading: ScriptReading
) -> list[RightsItemDraft]:
    """Pieces of music named in the script: titled works in a musical context."""
    found: dict[str, RightsItemDraft] = {}
    candidates: list[tuple[int, int, int, str]] = []
    for thing in named_things:
        span = getattr(thing, "span", None)
        if span is not None and getattr(thing, "category", "") == "work_title":
            candidates.append((span.block, span.start, span.end, getattr(thing, "text", "")))
    for index, block in enumerate(document.blocks):
        if block.kind is BlockKind.SUMMARY:
            continue
        if "*" in block.text or "_" in block.text:
            for match in vocab.ITALIC_TITLE.finditer(block.text):
                candidates.append((index, match.start("title"), match.end("title"), match.group("title")))
        if not reading.anchor_spans(index, _MUSIC_WORK_ANCHOR):
            continue
        for match in _MUSIC_WORK.finditer(block.text):
            owner = (match.group("owner") or "").strip()
            title = f"{owner} {match.group('work')}".strip()
            _add_music(found, title, Span(index, match.start(), match.end()), owner[:-2] if owner else None)
    for block_index, start, end, title in candidates:
        text = document.blocks[block_index].text
        sentence_start, _ = reading.sentence_at(block_index, start)
        before = text[sentence_start:start]
        if vocab.MUSIC_CUE.search(before) and not vocab.FILM_CUE.search(before):
            owner = re.search(r"([A-ZА-ЯЁ][\w-]*)[’']s\s+\S*$", before)
            _add_music(found, title.strip("*_\"“”«»"), Span(block_index, start, end),
                       owner.group(1) if owner else None)
    return list(found.values())


def _add_music(found: dict[str, RightsItemDraft], title: str, span: Span, composer: str | None) -> None:
    key = title.lower()
    if key in found:
        return
    found[key] = RightsItemDraft(
        kind=RightsKind.MUSIC, subject=f"Music: {title}", span=span, author=composer, work_title=title,
        public_domain_reasoning="Music: clear the composition (composer's life + 70 years) and, separately, the "
        f"recording you use (performers and label). {GUIDANCE}",
        confidence=0.5,
    )


def _death_years(document: ScriptDocument, people: Sequence[PersonDraft], reading: ScriptReading) -> dict[str, int]:
    """Death years the script itself states: "(1883–1936)", "executed in 1936"."""
    found: dict[str, int] = {}
    mentions_by_block: dict[int, list[tuple[int, int, str]]] = {}
    for person in people:
        for mention in person.mentions:
            mentions_by_block.setdefault(mention.block, []).append((mention.start, mention.end, person.key))
    for block_index, mentions in mentions_by_block.items():
        text = document.blocks[block_index].text
        mentions.sort()
        for start, end, key in mentions:
            life = _LIFE_DATES.match(text, end)
            if life:
                found.setdefault(key, int(life.group(1)))
        if not reading.anchor_spans(block_index, _DEATH_ANCHOR):
            continue
        for cue in _DEATH_CUE.finditer(text):
            sentence_start, _ = reading.sentence_at(block_index, cue.start())
            before = [m for m in mentions if sentence_start <= m[0] < cue.start()]
            if before:
                found.setdefault(before[-1][2], int(cue.group("year")))
    return found


def _year_of(text: str | None) -> int | None:
    match = _YEAR.search(text or "")
    return int(match.group(1)) if match else None
