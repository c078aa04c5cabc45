"""Whom a pronoun, a bare "the entry" or "the newspaper" refers to, for attribution.

Provides :class:`MentionIndex` (person mentions by block, for nearest-mention
look-ups), :func:`last_subject` (the person last named as a sentence subject
before a pronoun, of the pronoun's sex), :func:`bridged_speaker` (the writer
of a diary, letter or notebook named in the sentences before "The entry for
that night reads:") and :func:`newspaper_named` / :func:`newspaper_before`
(which newspaper "the Gazette" or "газета" is). :mod:`.attribution` uses
them when an attribution names nobody outright.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scriptdesk.domain.breakdown.media import SENTENCE_SPLIT, NEWSPAPER_WORDS
from scriptdesk.domain.breakdown.names import is_cyrillic, surname_candidates, word_table
from scriptdesk.domain.breakdown.reading_attribution import person_sex
from scriptdesk.domain.model import PersonDraft, ScriptDocument

_PRONOUN_WORD = re.compile(r"\b(?:he|she|it|they|his|her|он|она|они)\b", re.IGNORECASE)
_ADVERBIAL_OPENING = re.compile(
    r"\s*(?:at|in|on|after|before|during|from|by|with|for|в|на|после|до|при|с)\s",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:about|of|against|with|to|from|by|for|at|than|от|о|об|про|против|к)\s+"
    r"(?:[a-zа-яё-]+\s+){0,2}$", re.IGNORECASE
)
_POSSESSIVE_END = re.compile(r"['’]s?$")
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "он": "m", "его": "m", "него": "m",
                "нему": "m", "ним": "m", "she": "f", "her": "f", "она": "f", "её": "f", "ее": "f",
                "ней": "f", "неё": "f"}
# "She kept a diary", "Он вёл дневник": a pronoun subject opening a sentence.
_PRONOUN_OPENING = re.compile(r"^\s*(he|she|он|она)\b", re.IGNORECASE)
# How far back, in characters, a newspaper's full name is looked for.
_NAME_WINDOW = 20000
# How many blocks back the newspaper a bare "the newspaper" means may be named.
_NEWSPAPER_REACH = 3
_NEWSPAPER_NAME = re.compile(
    rf"\b((?:[A-ZА-ЯЁ][\w-]+\s+){{0,2}}(?:{NEWSPAPER_WORDS}))\b"
    r"|(?:newspaper|paper|weekly|daily|газет[аеуыой]*|журнал\w*|еженедельник\w*|"
    r"[«\"“*](?=[^»\"”*\n]{2,60}[»\"”*]\s*(?:reported|wrote|printed|ran|announced|"
    r"сообщал\w*|писал\w*|напечатал\w*|опубликовал\w*)))"
    r"\s*[«\"“*]?(?P<quoted>[A-ZА-ЯЁ][^»\"”*\n]{1,60}?)[»\"”*]"
)


class MentionIndex:
    """Person mentions by block, sorted, for nearest-mention look-ups."""

    def __init__(self, people: list[PersonDraft]) -> None:
        self.by_block: dict[int, list[tuple[int, int, PersonDraft]]] = {}
        self.by_name: dict[str, PersonDraft] = {}
        self.by_key = {person.key: person for person in people}
        self.sexes = {person.key: person_sex(person) for person in people}
        for person in people:
            for mention in person.mentions:
                self.by_block.setdefault(mention.block, []).append(
                    (mention.start, mention.end, person)
                )
            for variant in [person.display_name, *person.variants]:
                self.by_name.setdefault(variant.casefold(), person)
        for entries in self.by_block.values():
            entries.sort(key=lambda entry: entry[0])

    def within(self, block: int, start: int, end: int) -> list[tuple[int, int, PersonDraft]]:
        entries = self.by_block.get(block, [])
        first = bisect_left(entries, start, key=lambda entry: entry[0])
        found = []
        for entry in entries[first:]:
            if entry[0] >= end:
                break
            found.append(entry)
        return found

    def sex_of(self, key: str) -> str | None:
        """ "m" or "f" when the person's given name tells, else None."""
        return self.sexes.get(key)

    def key_for_name(self, name: str) -> str | None:
        titles = word_table("titles")
        words = [word.capitalize() if word.isupper() else word for word in name.split()]
        while len(words) > 1 and words[0].casefold().rstrip(".") in titles:
            words = words[1:]
        person = self.by_name.get(" ".join(words).casefold())
        if person is None and words:
            person = self.by_name.get(words[-1].casefold())
        if person is None and words and is_cyrillic(words[-1]):
            # "Маркова" in a label, "Марковой" in the text: any case form will do.
            person = next(
                (self.by_name[form.casefold()] for form in surname_candidates(words[-1])
                 if form.casefold() in self.by_name),
                None,
            )
        return person.key if person else None


def pronoun_sex(word: str) -> str | None:
    return _PRONOUN_SEX.get(word.casefold())


def last_subject(
    document: ScriptDocument, block: int, offset: int, mentions: MentionIndex,
    *, same_block_only: bool = False, sex: str | None = None, excluded: frozenset[str] = frozenset(),
    reach: int = 1,
) -> str | None:
    """The person last named as a sentence subject before a pronoun.

    A subject here is the first person named in a sentence, not in the
    possessive and not after a preposition ("wrote to Zinoviev"), and not of
    the other sex than the pronoun's nor among ``excluded`` (the people the
    clause itself names as objects: "he told Gale"). ``reach`` is how many
    blocks back to look (a quotation running over paragraphs). Failing one, a
    possessive opening a sentence will do when the sex agrees ("Edith
    Carrow's ledger ... she").
    """
    possessor = None
    for index in (block,) if same_block_only else range(block, block - 1 - reach, -1):
        if index < 0:
            continue
        text = document.blocks[index].text
        end = offset if index == block else len(text)
        entries = mentions.within(index, 0, end)
        for position in range(len(entries) - 1, -1, -1):
            start, mention_end, person = entries[position]
            person_sex_ = mentions.sex_of(person.key)
            if person.key in excluded or (sex is not None and person_sex_ not in (sex, None)):
                continue
            sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?…:") + 1
            if _POSSESSIVE_END.search(text[start:mention_end]):
                if possessor is None and person_sex_ == sex and not text[sentence_start:start].strip():
                    possessor = person.key
                continue
            earlier = [entry for entry in entries[:position] if entry[2].key not in excluded]
            if earlier and earlier[-1][0] >= sentence_start:
                continue
            opening = text[sentence_start:start]
            adverbial = _ADVERBIAL_OPENING.match(opening) and len(opening.split()) <= 4
            if _PRONOUN_WORD.search(opening) or (
                _PREPOSITION_BEFORE.search(opening) and not adverbial
            ):
                continue
            return person.key
    return possessor


def last_of_sex(
    document: ScriptDocument, block: int, offset: int, mentions: MentionIndex, sex: str | None,
    excluded: frozenset[str] = frozenset(),
) -> str | None:
    """The person of a sex last named before ``offset`` in a block or the one before.

    The fallback for a pronoun whose antecedent is no sentence subject ("the
    station was kept by Ellen Hartley. She kept a diary").
    """
    if sex is None:
        return None
    for index in (block, block - 1):
        if index < 0:
            continue
        end = offset if index == block else len(document.blocks[index].text)
        for _, _, person in reversed(mentions.within(index, 0, end)):
            if person.key not in excluded and mentions.sex_of(person.key) == sex:
                return person.key
    return None


def bridged_speaker(
    document: ScriptDocument, block: int, offset: int, mentions: MentionIndex
) -> str | None:
    """Who wrote the diary, letter or notebook the sentences before a lead-in speak of.

    "Gale's own notebook is shorter. Its first page says only:" -> Gale;
    "She kept a diary. The entry for that night reads:" -> whom "she" means;
    "Маркова вела дневник. Запись от 3 июня гласит:" -> Маркова.
    """
    nouns = word_table("medium_nouns")
    full = document.blocks[block].text
    text = full[:offset].rstrip()
    starts = [0] + [match.end() for match in SENTENCE_SPLIT.finditer(text)]
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    for sentence_start, sentence_end in reversed(bounds[-2:]):
        sentence = text[sentence_start:sentence_end]
        entries = mentions.within(block, sentence_start, sentence_end)
        for start, end, person in entries:
            words = re.findall(r"[\w-]+", full[end : end + 40].casefold())[:3]
            if _POSSESSIVE_END.search(full[start:end]) and any(word in nouns for word in words):
                return person.key  # "Gale's own notebook"
        opening = _PRONOUN_OPENING.match(sentence)
        if opening and any(word in nouns for word in re.findall(r"[\w-]+", sentence.casefold())):
            sex = pronoun_sex(opening.group(1))
            return last_subject(document, block, sentence_start, mentions, sex=sex) or last_of_sex(
                document, block, sentence_start, mentions, sex
            )
        if entries:
            return last_subject(document, block, sentence_end, mentions, same_block_only=True)
    return None


def newspaper_named(text: str) -> str | None:
    """The last newspaper a text names: "the Fenland Echo", "газета «Северный пахарь»"."""
    found = None
    for match in _NEWSPAPER_NAME.finditer(text):
        found = match
    if found is None:
        return None
    name = found.group("quoted") or found.group(1)
    return re.sub(r"^(?:The|the|A|An)\s+", "", name.strip())


def newspaper_before(document: ScriptDocument, block: int, offset: int) -> str | None:
    """The newspaper last named before a point, within a few blocks."""
    for index in range(block, max(-1, block - 1 - _NEWSPAPER_REACH), -1):
        text = document.blocks[index].text
        found = newspaper_named(text[:offset] if index == block else text)
        if found:
            return fullest_newspaper(document, block, offset, found)
    return None


def fullest_newspaper(document: ScriptDocument, block: int, offset: int, name: str) -> str:
    """ "Gazette" -> "Whitby Gazette" when the script named it so before."""
    if " " in name:
        return name
    end = document.blocks[block].start + offset
    before = document.text[max(0, end - _NAME_WINDOW) : end]
    longer = re.findall(rf"\b((?:[A-ZА-ЯЁ][\w-]+\s+){{1,2}}){re.escape(name)}\b", before)
    for prefix in reversed(longer):
        words = [word for word in prefix.split() if word not in ("The", "An", "A", "In", "On")]
        if words:
            return " ".join([*words, name])
    return name
