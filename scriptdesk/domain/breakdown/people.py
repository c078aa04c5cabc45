"""Finding the people a script names: one record per person, every variant.

Provides :func:`find_people`. It works in two linear passes over the blocks:

1. collect every run of capitalised words and the context cues around it
   (a title or role word before it, a verb of saying after it, a possessive
   followed by a family word, a speaker label), and note which single words
   are ever capitalised in mid-sentence;
2. in script order, resolve each run to a person: a given name with a
   surname makes or finds a person; a bare surname or given name joins the
   person already known by it; "Kamenev's son Alexander" makes Alexander
   Kamenev, distinct from Kamenev himself.

Places, months, organisations and sentence openings are kept out by word
lists and by asking for a cue before a lone word becomes a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scriptdesk.domain.breakdown.names import (
    NameParts,
    feminine_surname,
    given_name,
    is_cyrillic,
    looks_like_surname,
    split_name,
    strip_possessive,
    surname_candidates,
    word_table,
)
from scriptdesk.domain.model import PersonDraft, ScriptDocument, Span

_UPPER = "A-ZА-ЯЁ"
_LOWER = "a-zа-яёß"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*(?:['’ʼ]s\b)?"
_ROMAN = r"(?:[IVX]{1,4}\b)"
NAME_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:[ \u00a0](?:{_WORD}|{_ROMAN}))*")
_PREVIOUS_WORD = re.compile(rf"([{_LOWER}{_UPPER}][\w-]*)[\s,]*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”«»„*#(\[—–-]\s*|\n\s*)$")
_LABEL_AFTER = re.compile(r"^\s*(?:\*\s*)?[.:]\s+\S")
_AFTER_VERB = re.compile(
    r"^,?\s*(?:(?:himself|herself|also|then|later|had|has|have|would|once|too|soon|"
    r"still|again|only|even|first)\s+)*([\w-]+)(?:\s+(\w+))?"
)
_PASSIVE_FATES = frozenset(
    "arrested shot executed exiled born expelled appointed elected removed "
    "released sentenced killed murdered buried tried deported".split()
)
_PLACE_PREPOSITIONS = frozenset(
    "in to from at near into across towards toward via on off through outside inside "
    "в во на из под над к ко".split()
)
_KIN_ADJECTIVES = frozenset(
    "younger elder eldest youngest older oldest first second only late former beloved "
    "младший старший".split()
)
_INSTITUTION_WORDS = frozenset(
    "institute museum theatre theater hotel street square lane palace house prison "
    "university academy library boulevard avenue station cathedral church school hall "
    "prize order factory plant works district region province river bridge embankment "
    "passage prospect gate tower monastery kremlin committee commission congress "
    "council bureau army navy front government party revolution war union company "
    "publishing press society club".split()
)
_ROLE_CUES = frozenset(
    "narrator host presenter voice interviewer reader announcer chorus crowd all "
    "рассказчик ведущий голос диктор".split()
)


@dataclass(slots=True)
class _Run:
    """One run of capitalised words and what surrounds it."""

    block: int
    start: int
    end: int
    words: list[str]
    cue: bool  # a title, role, verb, family or label cue says it is a person
    sentence_initial: bool
    after_the: bool
    after_place_preposition: bool
    kin: tuple[str, str] | None = None  # (family word, sex tag) after a possessive
    previous_word: str = ""
    skip: int = 0  # leading words that are not part of the name


@dataclass(slots=True)
class _Person:
    given: str | None
    patronymic: str | None
    surname: str | None
    female: bool
    via_kin: bool = False
    variants: dict[str, None] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)

    def display(self) -> str:
        surname = self.surname
        if surname and self.female and is_cyrillic(surname):
            surname = feminine_surname(surname)
        return NameParts(self.given, self.patronymic, surname).display()


def find_people(document: ScriptDocument, skip_blocks: set[int]) -> list[PersonDraft]:
    """Every person named in the document's blocks except ``skip_blocks``."""
    runs, mid_sentence = _collect_runs(document, skip_blocks)
    registry = _Registry(mid_sentence)
    # Surnames introduced with a given name anywhere make their bare use a
    # person even before the introduction ("Eisenstein came often" ... later
    # "Sergei Eisenstein").
    for run in runs:
        parts = _name_parts(run)
        if parts is not None and parts.given and parts.surname:
            registry.introduced.add(registry.surname_key(parts.surname))
    for block_index, block in enumerate(document.blocks):
        if block_index not in skip_blocks and block.speaker:
            registry.add_speaker_cue(block.speaker)
    pending_kin: tuple[str, str] | None = None
    pending_end = (-1, -1)
    for run in runs:
        kin_person = None
        if pending_kin and (run.block, run.start) <= pending_end:
            kin_person = pending_kin
        person = registry.resolve(run, kin_person)
        pending_kin = None
        if person is not None and run.kin:
            pending_kin = (person.surname or "", run.kin[1])
            # The named relative must follow within a few words.
            pending_end = (run.block, run.end + 40)
    return registry.drafts()


def _collect_runs(
    document: ScriptDocument, skip_blocks: set[int]
) -> tuple[list[_Run], set[str]]:
    titles = word_table("titles")
    roles = word_table("roles")
    verbs = word_table("person_verbs")
    kinship = word_table("kinship")
    non_person = word_table("non_person_words")
    runs: list[_Run] = []
    mid_sentence: set[str] = set()
    for block_index, block in enumerate(document.blocks):
        if block_index in skip_blocks:
            continue
        text = block.text
        for match in NAME_RUN.finditer(text):
            words = match.group().split()
            start = match.start()
            before = text[max(0, start - 60) : start]
            cue = False
            # Leading titles and sentence openers are cues or noise, not the name.
            while words and (
                words[0].casefold() in titles or words[0].casefold() in non_person
            ):
                if words[0].casefold() in titles:
                    cue = True
                start += len(words[0]) + 1
                before = text[max(0, start - 60) : start]
                words = words[1:]
            if not words:
                continue
            if any(word.casefold() in _INSTITUTION_WORDS for word in words[1:]):
                continue
            # A non-person word inside the run ends the name there.
            for position, word in enumerate(words):
                if strip_possessive(word).casefold() in non_person:
                    words = words[:position]
                    break
            if not words:
                continue
            end = start + len(" ".join(words))
            previous = _PREVIOUS_WORD.search(before)
            previous_word = previous.group(1).casefold() if previous else ""
            sentence_initial = bool(_SENTENCE_END.search(before))
            if previous_word in titles or previous_word in roles:
                cue = True
            after = text[end : end + 60]
            kin = None
            if words[-1] != strip_possessive(words[-1]) or (
                is_cyrillic(words[-1]) and previous_word not in _PLACE_PREPOSITIONS
            ):
                kin = _kin_after(after, kinship)
                cue = cue or (kin is not None and words[-1] != strip_possessive(words[-1]))
            verb = _AFTER_VERB.match(after)
            if verb and not after.startswith((",", " and", " и")):
                first, second = verb.group(1).casefold(), (verb.group(2) or "").casefold()
                if first in verbs or (first in ("was", "were", "had", "был", "была") and
                                       second in _PASSIVE_FATES):
                    cue = True
            if start == 0 and _LABEL_AFTER.match(after):
                cue = True
            if not sentence_initial and len(words) == 1:
                mid_sentence.add(strip_possessive(words[0]).casefold())
            runs.append(
                _Run(
                    block=block_index,
                    start=start,
                    end=end,
                    words=words,
                    cue=cue,
                    sentence_initial=sentence_initial,
                    after_the=previous_word in ("the", "a", "an"),
                    after_place_preposition=previous_word in _PLACE_PREPOSITIONS,
                    kin=kin,
                    previous_word=previous_word,
                )
            )
    return runs, mid_sentence


def _name_parts(run: _Run) -> NameParts | None:
    """The parts of a run's name; an unknown given name is accepted with a cue.

    "the correspondent Marta Lindqvist" has a role cue, so "Marta" is taken
    for a given name even if no list knows it; "Socialist Herald" has none.
    """
    words = run.words
    first_given = next(
        (position for position, word in enumerate(words) if given_name(word)), None
    )
    if not first_given:
        parts = split_name(words)
        if (
            parts is not None and parts.given is None and run.cue and len(words) == 2
            and not is_cyrillic(words[0])
        ):
            return NameParts(words[0], None, strip_possessive(words[1]))
        return parts
    # Words before the given name: a capitalised role ("Инженер Андрей ..."),
    # a surname written first ("Лыков Андрей Петрович"), or a relative's
    # name in the genitive ("брат Лыкова Николай").
    dropped, parts = words[:first_given], split_name(words[first_given:])
    run.skip = first_given
    if parts is None or parts.surname:
        return parts
    kinship = word_table("kinship")
    kin_word = run.previous_word if run.previous_word in kinship else dropped[0].casefold()
    last = dropped[-1]
    if not looks_like_surname(last):
        return parts
    if kin_word in kinship and len(dropped) <= 2:
        surname = _nominative_surname(last)
        sex = kinship[kin_word]
        if sex == "x":
            return parts
        return NameParts(parts.given, parts.patronymic,
                         feminine_surname(surname) if sex == "f" else surname, sex == "f")
    if len(dropped) == 1:
        run.skip = 0
        return NameParts(parts.given, parts.patronymic, strip_possessive(last), parts.female)
    return parts


def _nominative_surname(word: str) -> str:
    """The masculine nominative of a declined Cyrillic surname ("Лыкова" -> "Лыков")."""
    for candidate in surname_candidates(word)[1:]:
        if looks_like_surname(candidate):
            return candidate
    return strip_possessive(word)


def _kin_after(after: str, kinship: dict[str, str]) -> tuple[str, str] | None:
    """The family word right after a possessive: "'s younger son" -> ("son", "m")."""
    words = re.findall(r"[\w-]+", after[:40].casefold())
    for word in words[:3]:
        if word in _KIN_ADJECTIVES:
            continue
        if word in kinship:
            return word, kinship[word]
        return None
    return None


class _Registry:
    """The people found so far, indexed by surname and given name."""

    def __init__(self, mid_sentence: set[str]) -> None:
        self.people: list[_Person] = []
        self.by_surname: dict[str, list[_Person]] = {}
        self.by_given: dict[str, list[_Person]] = {}
        self.mid_sentence = mid_sentence
        self.introduced: set[str] = set()
        self.recent: _Person | None = None

    def add_speaker_cue(self, speaker: str) -> None:
        """A character cue of a dialogue block names a person (unless a role)."""
        name = re.sub(r"\s*\(.*?\)\s*", " ", speaker).strip()
        words = [word.capitalize() if word.isupper() else word for word in name.split()]
        titles = word_table("titles")
        while words and words[0].casefold().rstrip(".") in titles:
            words = words[1:]
        if not words or words[0].casefold() in _ROLE_CUES:
            return
        parts = split_name(words)
        if parts is not None and parts.given is None and len(words) == 2:
            parts = NameParts(words[0], None, words[1])  # a cue is a name by definition
        if parts is not None:
            person = self._find_or_create(parts, via_kin=False)
            if person is not None:
                person.variants.setdefault(" ".join(words), None)

    def resolve(self, run: _Run, kin: tuple[str, str] | None) -> _Person | None:
        """The person a run names, creating one when the cues are strong enough."""
        parts = _name_parts(run)
        if parts is None:
            return None
        if "-" in run.words[0] and len(run.words) == 1 and self._find_existing(parts) is None:
            return self._resolve_hyphenated(run)
        if kin and parts.given and not parts.surname and kin[0] and not (
            parts.patronymic and self._find_existing(parts) is not None
        ):
            surname, sex = kin
            if sex == "m":
                parts = NameParts(parts.given, parts.patronymic, surname, parts.female)
            elif sex == "f":
                parts = NameParts(parts.given, parts.patronymic,
                                  feminine_surname(surname), True)
            person = self._find_or_create(parts, via_kin=True)
        elif parts.given and parts.surname:
            person = self._find_or_create(parts, via_kin=False)
        else:
            person = self._find_existing(parts)
            if person is None and self._lone_word_is_person(run, parts):
                person = self._find_or_create(parts, via_kin=False)
        if person is not None:
            words = run.words[run.skip :]
            start = run.end - len(" ".join(words))
            person.mentions.append(Span(run.block, start, run.end))
            person.variants.setdefault(" ".join(words), None)
            self.recent = person
        return person

    def _resolve_hyphenated(self, run: _Run) -> _Person | None:
        """ "Lenin-Zinoviev": a mention of each person when both are known."""
        words = strip_possessive(run.words[0]).split("-")
        people = [self._find_existing(NameParts(surname=word)) for word in words]
        if any(person is None for person in people):
            return None
        offset = run.start
        for word, person in zip(words, people, strict=True):
            person.mentions.append(Span(run.block, offset, offset + len(word)))
            person.variants.setdefault(word, None)
            offset += len(word) + 1
        return None

    def _lone_word_is_person(self, run: _Run, parts: NameParts) -> bool:
        if run.after_the:
            return False
        word = parts.surname or parts.given or ""
        if parts.surname and self.surname_key(parts.surname) in self.introduced:
            return True
        if run.cue:
            return not run.sentence_initial or word.casefold() in self.mid_sentence or (
                parts.given is not None or looks_like_surname(word)
            )
        if run.after_place_preposition or run.sentence_initial:
            return False
        return parts.surname is not None and looks_like_surname(word) and (
            word.casefold() in self.mid_sentence
        )

    def surname_key(self, surname: str) -> str:
        """The surname as indexed: Cyrillic case forms fold onto a known nominative."""
        if not is_cyrillic(surname):
            return surname
        candidates = surname_candidates(surname)
        for candidate in candidates:
            if candidate in self.by_surname:
                return candidate
        for candidate in candidates[1:]:
            if looks_like_surname(candidate):
                return candidate
        return candidates[0]

    def _find_existing(self, parts: NameParts) -> _Person | None:
        if parts.surname:
            people = self.by_surname.get(self.surname_key(parts.surname), [])
            if not parts.given:
                heads = [person for person in people if not person.via_kin]
                return (heads or people or [None])[0]
            for person in people:
                if person.given == parts.given:
                    return person
            return None
        if parts.given is None and parts.patronymic:
            same = [person for person in self.people if person.patronymic == parts.patronymic]
            return same[0] if same else None
        people = self.by_given.get(parts.given or "", [])
        if not parts.patronymic:
            # A man is rarely called by his given name alone outside his
            # family, so a bare given name only finds women, people known
            # by no surname and relatives introduced as such.
            people = [
                person for person in people
                if person.female or person.surname is None or person.via_kin
            ]
        if parts.patronymic:
            same = [person for person in people if person.patronymic == parts.patronymic]
            if same:
                return same[0]
            people = [person for person in people if person.patronymic is None]
        if len(people) == 1:
            return people[0]
        if people and self.recent in people:
            return self.recent
        return people[-1] if people else None

    def _find_or_create(self, parts: NameParts, *, via_kin: bool) -> _Person | None:
        surname = self.surname_key(parts.surname) if parts.surname else None
        if surname and parts.given:
            people = self.by_surname.get(surname, [])
            for person in people:
                if person.given == parts.given:
                    self._learn(person, parts)
                    return person
            # A person known so far only by surname gains a given name.
            for person in people:
                if person.given is None and not via_kin:
                    person.given = parts.given
                    person.female = parts.female
                    self._learn(person, parts)
                    self.by_given.setdefault(parts.given, []).append(person)
                    return person
            # A person known so far only by given name gains a surname.
            for person in self.by_given.get(parts.given, []):
                if person.surname is None:
                    person.surname = surname
                    self._learn(person, parts)
                    self.by_surname.setdefault(surname, []).append(person)
                    return person
        else:
            existing = self._find_existing(parts)
            if existing is not None:
                self._learn(existing, parts)
                return existing
        person = _Person(parts.given, parts.patronymic, surname, parts.female, via_kin=via_kin)
        self.people.append(person)
        if surname:
            self.by_surname.setdefault(surname, []).append(person)
        if parts.given:
            self.by_given.setdefault(parts.given, []).append(person)
        return person

    @staticmethod
    def _learn(person: _Person, parts: NameParts) -> None:
        if parts.patronymic and not person.patronymic:
            person.patronymic = parts.patronymic

    def drafts(self) -> list[PersonDraft]:
        """The people as drafts with unique keys, in order of first mention."""
        drafts: list[PersonDraft] = []
        used: set[str] = set()
        for person in self.people:
            if not person.mentions and not person.variants:
                continue
            display = person.display()
            key = _slug(display) or "person"
            base, number = key, 2
            while key in used:
                key, number = f"{base}-{number}", number + 1
            used.add(key)
            variants = list(person.variants)
            if display not in person.variants:
                variants.insert(0, display)
            confidence = 0.9 if person.given and person.surname else 0.7
            drafts.append(
                PersonDraft(
                    key=key,
                    display_name=display,
                    variants=variants,
                    mentions=list(person.mentions),
                    confidence=confidence,
                )
            )
        return drafts


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-")


def person_index(people: list[PersonDraft]) -> dict[str, PersonDraft]:
    """People by every lower-cased variant, possessive removed (first person wins)."""
    index: dict[str, PersonDraft] = {}
    for person in people:
        for variant in [person.display_name, *person.variants]:
            index.setdefault(strip_possessive(variant).casefold(), person)
    return index


__all__ = ["find_people", "person_index"]
