"""Runs of capitalised words that may name a person, with the cues around them.

Provides :func:`collect_runs`, one linear pass over a document's blocks that
finds every run of capitalised words (:class:`NameRun`) and notes what
surrounds it: a title or role word before it ("Comrade Rykov", "the
correspondent Marta Lindqvist"), a verb of saying after it, a possessive
followed by a family word ("Kamenev's son"), a family word before it ("his
son, Erik Lindqvist"), a speaker label, the sentence start; and
:func:`name_parts`, which splits a run into given name, patronymic and
surname. :mod:`.people` turns the runs into people.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

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
from scriptdesk.domain.breakdown.text_tools import may_contain
from scriptdesk.domain.model import ScriptDocument

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


# A quoted title after the word that announces it: its capitals name nobody.
_TITLE_AFTER_CUE = re.compile(
    r"(?:entitled|titled|headlined|headline|heading|caption|под названием|заголовком)\s*[,:]?\s*"
    r"[«\"“„*]([^»\"”“*\n]{1,120})[»\"”“*]",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(
    r"(?<![\w-])(Mr|Mrs|Ms|Dr|Prof|Mme|Mlle|Rev|Capt|Col|Gen|Lt|Sgt)\.\s*$"
)
_TITLE_SEX = {
    "mr": "m", "sir": "m", "lord": "m", "monsieur": "m", "king": "m", "prince": "m",
    "count": "m", "duke": "m", "emperor": "m", "tsar": "m", "князь": "m", "граф": "m",
    "mrs": "f", "miss": "f", "ms": "f", "lady": "f", "madame": "f", "queen": "f",
    "princess": "f", "countess": "f", "empress": "f", "tsarina": "f", "княгиня": "f",
    "графиня": "f", "императрица": "f", "царица": "f",
}
# "his younger son, " / "her brother-in-law " just before a name.
_KIN_BEFORE = re.compile(r"\b([\w-]+)\s*,?\s*$")


_KIN_WORDS = re.compile(r"[\w-]+")
# Characters that may open a sentence just before a name (see _sentence_initial).
_SENTENCE_OPENERS = frozenset(".!?…:;\"“”«»„*#([—–-")
# Words naming a quoted title (_TITLE_AFTER_CUE), lower-cased: a block without
# any of them has no such title, and the case-insensitive pattern need not run.
_TITLE_CUE_WORDS = ("titled", "headline", "heading", "caption", "под названием", "заголовком")

def _kin_word_before(before: str, kinship: dict[str, str]) -> bool:
    """Whether the words just before a name are a family word ("the elder son, ")."""
    words = _KIN_WORDS.findall(before[-40:].casefold())[-3:]
    return any(word in kinship for word in words[-2:]) and not before.rstrip().endswith(
        (".", "!", "?")
    )


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches, for one character."""
    return char.isalnum() or char == "_"


def _previous_word(before: str) -> str:
    """The word just before a name, as ``_PREVIOUS_WORD`` finds it ("" if none).

    The pattern ends in ``[\\s,]*$``, so its word is the last run of word
    characters and hyphens, from its first letter; read from the end with
    string methods, which is far cheaper than trying the pattern at every
    position of the text before each name.
    """
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] == ","):
        end -= 1
    start = end
    while start and (before[start - 1] == "-" or _is_word_char(before[start - 1])):
        start -= 1
    word = before[start:end]
    match = _WORD_START.search(word)
    return word[match.start():].casefold() if match else ""


_WORD_START = re.compile(rf"[{_LOWER}{_UPPER}]")


def _sentence_initial(before: str) -> bool:
    """Whether ``_SENTENCE_END`` finds a sentence start at the end of ``before``."""
    stripped = before.rstrip()
    if not stripped:
        return before == "" or "\n" in before
    return stripped[-1] in _SENTENCE_OPENERS or "\n" in before[len(stripped):]


def _ends_in_word(before: str) -> bool:
    """Whether ``_KIN_BEFORE`` matches: a word, then at most a comma, at the end."""
    stripped = before.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1].rstrip()
    start = len(stripped)
    while start and (stripped[start - 1] == "-" or _is_word_char(stripped[start - 1])):
        start -= 1
    return any(_is_word_char(char) for char in stripped[start:])


@dataclass(slots=True)
class NameRun:
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
    title_sex: str | None = None  # "m"/"f" when a title says so (Mr, Mrs, Sir, Lady)
    kin_qualified: bool = False  # introduced as someone's relative: "his son, Erik Lindqvist"


def collect_runs(
    document: ScriptDocument, skip_blocks: set[int]
) -> tuple[list[NameRun], set[str]]:
    titles = word_table("titles")
    roles = word_table("roles")
    verbs = word_table("person_verbs")
    kinship = word_table("kinship")
    non_person = word_table("non_person_words")
    runs: list[NameRun] = []
    mid_sentence: set[str] = set()
    for block_index, block in enumerate(document.blocks):
        if block_index in skip_blocks:
            continue
        text = block.text
        titles_here = [title.span(1) for title in _TITLE_AFTER_CUE.finditer(text)] if (
            may_contain(text, _TITLE_CUE_WORDS)
        ) else []
        for match in NAME_RUN.finditer(text):
            words = match.group().split()
            start = match.start()
            if any(first <= start < last for first, last in titles_here):
                continue  # under the headline "Who Will Pay for the Wall?"
            before = text[max(0, start - 60) : start]
            cue = False
            # Leading titles and sentence openers are cues or noise, not the name.
            # An abbreviated title ends in a full stop ("Mrs. Carrow"), which
            # is no sentence end.
            abbreviated = _TITLE_BEFORE.search(before) if before.rstrip().endswith(".") else None
            title_sex = _TITLE_SEX.get(abbreviated.group(1).casefold()) if abbreviated else None
            while words and (
                words[0].casefold() in titles or words[0].casefold() in non_person
            ):
                if words[0].casefold() in titles:
                    cue = True
                    title_sex = _TITLE_SEX.get(words[0].casefold(), title_sex)
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
            previous_word = _previous_word(before)
            sentence_initial = _sentence_initial(before) and not abbreviated
            if previous_word in titles or previous_word in roles or abbreviated:
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
                NameRun(
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
                    title_sex=title_sex,
                    kin_qualified=_ends_in_word(before) and (
                        _kin_word_before(before, kinship)
                    ),
                )
            )
    return runs, mid_sentence


def name_parts(run: NameRun, extra_given: Collection[str] = ()) -> NameParts | None:
    """The parts of a run's name; an unknown given name is accepted with a cue.

    "the correspondent Marta Lindqvist" has a role cue, so "Marta" is taken
    for a given name even if no list knows it; "Socialist Herald" has none.
    """
    words = run.words
    first_given = next(
        (position for position, word in enumerate(words)
         if given_name(word) or (strip_possessive(word) in extra_given and position + 1 < len(words))),
        None,
    )
    if not first_given:
        parts = split_name(words, extra_given)
        if (
            parts is not None and parts.given is None and run.cue and len(words) == 2
            and not is_cyrillic(words[0])
        ):
            return NameParts(words[0], None, strip_possessive(words[1]))
        return parts
    # Words before the given name: a capitalised role ("Инженер Андрей ..."),
    # a surname written first ("Лыков Андрей Петрович"), or a relative's
    # name in the genitive ("брат Лыкова Николай").
    dropped, parts = words[:first_given], split_name(words[first_given:], extra_given)
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
