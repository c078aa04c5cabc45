"""The people found so far, and how a name finds or makes its person.

Provides :class:`PeopleRegistry`, indexed by surname (Cyrillic case forms
folded onto one nominative) and by given name, and :class:`PersonRecord`,
one person with every variant and mention. :mod:`.people` feeds it the runs
of :mod:`.name_runs` in two passes: names with a given name and a surname
first, then bare surnames and given names, so that a bare name can be
weighed against everyone the script names in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scriptdesk.domain.breakdown.name_runs import NameRun
from scriptdesk.domain.breakdown.names import (
    NameParts,
    feminine_surname,
    is_cyrillic,
    looks_like_surname,
    split_name,
    strip_possessive,
    surname_candidates,
    word_table,
)
from scriptdesk.domain.model import PersonDraft, Span


@dataclass(slots=True)
class PersonRecord:
    """One person as the registry knows them."""

    given: str | None
    patronymic: str | None
    surname: str | None
    female: bool
    first_seen: tuple[int, int]  # (block, offset) where the person was first named
    via_kin: bool = False  # known by given name as someone's relative ("Kamenev's son Alexander")
    kin_qualified: bool = False  # first named as someone's relative ("his son, Erik Lindqvist")
    variants: dict[str, None] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)

    def display(self) -> str:
        surname = self.surname
        if surname and self.female and is_cyrillic(surname):
            surname = feminine_surname(surname)
        return NameParts(self.given, self.patronymic, surname).display()

    def sex(self) -> str | None:
        if self.given is None:
            return None
        return "f" if self.female else "m"


class PeopleRegistry:
    """The people found so far, indexed by surname and given name."""

    def __init__(self, mid_sentence: set[str]) -> None:
        self.people: list[PersonRecord] = []
        self.by_surname: dict[str, list[PersonRecord]] = {}
        self.by_given: dict[str, list[PersonRecord]] = {}
        self.mid_sentence = mid_sentence
        self.introduced: set[str] = set()  # surname keys some run names in full
        self.recent: PersonRecord | None = None

    # --- the two passes ----------------------------------------------------

    def add_speaker_cue(self, name: str, block: int) -> None:
        """A character cue or A/V label names a person: "Johan Ekholm", "Dr. Ruth Okafor"."""
        titles, roles = word_table("titles"), word_table("roles")
        words = name.split()
        while len(words) > 1 and words[0].casefold().rstrip(".") in titles:
            words = words[1:]
        if words[0].casefold() in ("the", "a", "an") or all(
            word.casefold() in roles for word in words
        ):
            return  # "VOICE OF THE GOVERNOR", "WORKER": a role, not a name
        parts = split_name(words)
        if parts is not None and parts.given is None and len(words) == 2:
            parts = NameParts(words[0], None, words[1])  # a cue is a name by definition
        if parts is None:
            return
        person = self.find_or_create(parts, (block, -1))
        if person is not None:
            person.variants.setdefault(" ".join(words), None)

    def resolve_full(self, run: NameRun, parts: NameParts, kin: tuple[str, str] | None) -> PersonRecord | None:
        """First pass: a name with given name and surname, or a relative's given name."""
        if kin and parts.given and not parts.surname:
            surname, sex = kin
            if sex == "m":
                parts = NameParts(parts.given, parts.patronymic, surname, parts.female)
            elif sex == "f":
                parts = NameParts(parts.given, parts.patronymic, feminine_surname(surname), True)
            person = self.find_or_create(parts, (run.block, run.start), via_kin=True)
        else:
            person = self.find_or_create(parts, (run.block, run.start), kin_qualified=run.kin_qualified)
        if person is not None:
            self.mention(person, run)
        return person

    def resolve_bare(self, run: NameRun, parts: NameParts) -> PersonRecord | None:
        """Second pass: a bare surname, given name or patronymic."""
        if "-" in run.words[0] and len(run.words) == 1 and self.find_existing(parts, run) is None:
            self._resolve_hyphenated(run)
            return None
        person = self.find_existing(parts, run)
        if person is None and self._lone_word_is_person(run, parts):
            person = self.find_or_create(parts, (run.block, run.start))
        if person is not None:
            self.mention(person, run)
        return person

    def mention(self, person: PersonRecord, run: NameRun) -> None:
        words = run.words[run.skip :]
        start = run.end - len(" ".join(words))
        person.mentions.append(Span(run.block, start, run.end))
        person.variants.setdefault(" ".join(words), None)
        self.recent = person

    # --- finding ---------------------------------------------------------

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

    def find_existing(self, parts: NameParts, run: NameRun | None = None) -> PersonRecord | None:
        """The known person a name stands for, if any."""
        if parts.surname:
            people = self.by_surname.get(self.surname_key(parts.surname), [])
            if not parts.given:
                return self._owner_of_surname(people, run.title_sex if run else None)
            for person in people:
                if person.given == parts.given:
                    return person
            return None
        if parts.given is None and parts.patronymic:
            same = [person for person in self.people if person.patronymic == parts.patronymic]
            return same[0] if same else None
        return self._bearer_of_given_name(parts)

    def _owner_of_surname(self, people: list[PersonRecord], sex: str | None) -> PersonRecord | None:
        """Whom a bare surname means when several people share it.

        The first person named in full who was not introduced as someone's
        relative ("his son, Erik Lindqvist"), unless another bearer is named
        more than twice as often. A title ("Mrs. Carrow") narrows the choice
        to one sex.
        """
        # Someone known only as a relative ("Kamenev's son Alexander") never
        # owns the bare surname while anyone else bears it.
        people = [person for person in people if not person.via_kin] or people
        if sex is not None:
            people = [person for person in people if person.sex() in (sex, None)] or people
        if not people:
            return None
        owner = min(people, key=lambda person: (person.kin_qualified, person.first_seen))
        busiest = max(people, key=lambda person: len(person.mentions))
        if len(busiest.mentions) > 2 * max(1, len(owner.mentions)):
            return busiest
        return owner

    def _bearer_of_given_name(self, parts: NameParts) -> PersonRecord | None:
        everyone = self.by_given.get(parts.given or "", [])
        people = everyone
        if not parts.patronymic:
            # A man is rarely called by his given name alone outside his
            # family, so a bare given name prefers women, people known by no
            # surname and relatives introduced as such; failing those, the
            # one person of that name.
            people = [
                person for person in everyone
                if person.female or person.surname is None or person.via_kin
            ]
            if not people and len(everyone) == 1:
                people = everyone
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

    def _resolve_hyphenated(self, run: NameRun) -> None:
        """ "Lenin-Zinoviev": a mention of each person when both are known."""
        words = strip_possessive(run.words[0]).split("-")
        people = [self.find_existing(NameParts(surname=word)) for word in words]
        if any(person is None for person in people):
            return
        offset = run.start
        for word, person in zip(words, people, strict=True):
            person.mentions.append(Span(run.block, offset, offset + len(word)))
            person.variants.setdefault(word, None)
            offset += len(word) + 1

    def _lone_word_is_person(self, run: NameRun, parts: NameParts) -> bool:
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

    # --- creating ----------------------------------------------------------

    def find_or_create(
        self, parts: NameParts, seen: tuple[int, int], *,
        via_kin: bool = False, kin_qualified: bool = False,
    ) -> PersonRecord | None:
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
            existing = self.find_existing(parts)
            if existing is not None:
                self._learn(existing, parts)
                return existing
        person = PersonRecord(
            parts.given, parts.patronymic, surname, parts.female, seen,
            via_kin=via_kin, kin_qualified=kin_qualified,
        )
        self.people.append(person)
        if surname:
            self.by_surname.setdefault(surname, []).append(person)
        if parts.given:
            self.by_given.setdefault(parts.given, []).append(person)
        return person

    @staticmethod
    def _learn(person: PersonRecord, parts: NameParts) -> None:
        if parts.patronymic and not person.patronymic:
            person.patronymic = parts.patronymic

    # --- the result ------------------------------------------------------

    def drafts(self) -> list[PersonDraft]:
        """The people as drafts with unique keys, in order of first mention."""
        drafts: list[PersonDraft] = []
        used: set[str] = set()
        for person in sorted(self.people, key=_first_position):
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
            drafts.append(
                PersonDraft(
                    key=key,
                    display_name=display,
                    variants=variants,
                    mentions=sorted(person.mentions, key=lambda span: (span.block, span.start)),
                    confidence=0.9 if person.given and person.surname else 0.7,
                )
            )
        return drafts


def _first_position(person: PersonRecord) -> tuple[int, int]:
    first = min(((span.block, span.start) for span in person.mentions), default=person.first_seen)
    return min(first, person.first_seen)


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-")
