"""Personal names: given names, patronymics, surnames and their variants.

Provides the word tables the people finder relies on (given names, titles,
role and family words, non-person words, person verbs) and the small pieces
of morphology needed to tell that two spellings name one person: English
possessives ("Kamenev's", "Engels'"), Russian patronymics ("Borisovich",
"Борисович") and Russian case endings ("Каменеву", "Льва Борисовича").

Lookups are dictionary lookups of precomputed forms, so a whole script is
handled in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")
# The name helpers below are pure and called for every capitalised word of a
# script, over and over for the same words: their answers are cached.
_CACHE_SIZE = 65536

_POSSESSIVE = re.compile(r"(?:['’ʼ]s|['’ʼ])$")

# Russian noun endings of given names, by the name's nominative ending.
_CONSONANT_ENDINGS = ("а", "у", "ом", "е")
_SOFT_ENDINGS = {"й": ("я", "ю", "ем", "е"), "ь": ("я", "ю", "ем", "е")}
_IY_ENDINGS = ("ия", "ию", "ием", "ии")
_A_ENDINGS = ("ы", "и", "е", "у", "ой", "ою")
_YA_ENDINGS = ("и", "е", "ю", "ей", "ею")
# Names whose vowel drops when declined (Лев -> Льва, Павел -> Павла).
_FLEETING = {"Лев": "Льв", "Павел": "Павл", "Пётр": "Петр"}

# "-ich" alone is as often a surname (Kibalchich), so only the usual ones.
_PATRONYMIC_LATIN = re.compile(
    r"^(?:[A-Z][a-z]+(?:ovich|evich|yevich|ievich|ovna|evna|yevna|ichna|inichna)"
    r"|Ilyich|Ilich|Lukich|Fomich|Kuzmich|Nikitich|Savvich)$"
)
_PATRONYMIC_CYRILLIC = re.compile(
    r"^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овн|евн|ичн)(?:а|у|ем|е|ы|ой|ою|)$"
)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# Surname shapes common in the scripts ScriptDesk works with (Russian and
# Georgian/Armenian/Ukrainian surnames written in Latin or Cyrillic letters).
_SURNAME_SHAPE_LATIN = re.compile(
    r"(?:ov|ev|yov|sky|skiy|ski|skaya|ova|eva|enko|yan|ian|dze|shvili|vich|ovsky|in)$"
)
_SURNAME_SHAPE_CYRILLIC = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|ова|ева|ина|енко|ян|дзе|швили|вич)$"
)

# Russian surname endings (declined form -> nominative endings to try).
_SURNAME_CASES = (
    ("ской", ("ский", "ская")),
    ("цкой", ("цкий", "цкая")),
    ("скую", ("ский", "ская")),
    ("цкую", ("цкий", "цкая")),
    ("ская", ("ский",)),
    ("цкая", ("цкий",)),
    ("ском", ("ский",)),
    ("цком", ("цкий",)),
    ("ским", ("ский",)),
    ("цким", ("цкий",)),
    ("ого", ("ий", "ой", "ый")),
    ("ому", ("ий", "ой", "ый")),
    ("ими", ("ий",)),
    ("ым", ("", "ый")),
    ("им", ("ий",)),
    ("ом", ("", "ой")),
    ("ем", ("", "й", "ь")),
    # "Марковой" is Маркова's genitive, dative, instrumental or prepositional;
    # the masculine stem comes first so both sexes fold onto one key.
    ("ой", ("", "а", "ая")),
    ("ую", ("ая",)),
    ("а", ("",)),
    ("у", ("", "а")),
    ("е", ("",)),
    ("ы", ("а",)),
    ("ю", ("й", "я")),
)
_PATRONYMIC_CASES = (
    ("ича", "ич"), ("ичу", "ич"), ("ичем", "ич"), ("иче", "ич"),
    ("ны", "на"), ("не", "на"), ("ну", "на"), ("ной", "на"), ("ною", "на"),
)


@cache
def word_table(name: str) -> dict[str, str]:
    """A data table: lower-cased word -> its tag ("" when untagged)."""
    table: dict[str, str] = {}
    for line in (_DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, tag = line.partition("\t")
        table[word.strip().casefold()] = tag.strip()
    return table


@cache
def _given_name_forms() -> dict[str, tuple[str, bool]]:
    """Every known form of a given name -> (nominative, is a woman's name)."""
    forms: dict[str, tuple[str, bool]] = {}
    path = _DATA / "first_names.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, tag = line.partition("\t")
        name = name.strip()
        female = tag.strip() == "f"
        forms.setdefault(name.casefold(), (name, female))
        if _CYRILLIC.search(name):
            for form in _russian_name_forms(name):
                forms.setdefault(form.casefold(), (name, female))
    # Familiar forms stand for the full name: "Tom" is Thomas, "Андрюша" Андрей.
    for familiar, full in word_table("diminutives").items():
        entry = forms.get(full.casefold())
        if entry is None or familiar in forms:
            continue
        forms[familiar] = entry
        if _CYRILLIC.search(familiar):
            for form in _russian_name_forms(familiar):
                forms.setdefault(form.casefold(), entry)
    return forms


def _russian_name_forms(name: str) -> list[str]:
    """Oblique case forms of a Russian given name."""
    stem_fleeting = _FLEETING.get(name)
    if stem_fleeting:
        return [stem_fleeting + ending for ending in _CONSONANT_ENDINGS]
    if name.endswith("ий"):
        return [name[:-2] + ending for ending in _IY_ENDINGS]
    if name.endswith("ия"):
        return [name[:-2] + ending for ending in ("ии", "ию", "ией")]
    if name[-1] in _SOFT_ENDINGS:
        return [name[:-1] + ending for ending in _SOFT_ENDINGS[name[-1]]]
    if name.endswith("а"):
        return [name[:-1] + ending for ending in _A_ENDINGS]
    if name.endswith("я"):
        return [name[:-1] + ending for ending in _YA_ENDINGS]
    return [name + ending for ending in _CONSONANT_ENDINGS]


@lru_cache(maxsize=_CACHE_SIZE)
def strip_possessive(word: str) -> str:
    """The word without an English possessive ending ("Kamenev's" -> "Kamenev")."""
    return _POSSESSIVE.sub("", word)


@lru_cache(maxsize=_CACHE_SIZE)
def given_name(word: str) -> tuple[str, bool] | None:
    """(nominative, is a woman's name) when ``word`` is a known given name."""
    return _given_name_forms().get(strip_possessive(word).casefold())


@lru_cache(maxsize=_CACHE_SIZE)
def is_patronymic(word: str) -> bool:
    """Whether a word is shaped like a Russian patronymic (Latin or Cyrillic)."""
    word = strip_possessive(word)
    pattern = _PATRONYMIC_CYRILLIC if _CYRILLIC.search(word) else _PATRONYMIC_LATIN
    return bool(pattern.match(word))


@lru_cache(maxsize=_CACHE_SIZE)
def patronymic_lemma(word: str) -> str:
    """The nominative of a patronymic ("Борисовича" -> "Борисович")."""
    word = strip_possessive(word)
    if not _CYRILLIC.search(word):
        return word
    for ending, nominative in _PATRONYMIC_CASES:
        if word.endswith(ending):
            return word[: -len(ending)] + nominative
    return word


@lru_cache(maxsize=_CACHE_SIZE)
def is_cyrillic(word: str) -> bool:
    """Whether a word is written in Cyrillic letters."""
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=_CACHE_SIZE)
def surname_candidates(word: str) -> tuple[str, ...]:
    """Possible nominative forms of a surname, most likely first.

    Latin-script surnames only lose a possessive; Cyrillic ones also lose a
    case ending ("Каменеву" -> "Каменев"). "Каменева" yields "Каменев" first:
    it is far more often the genitive than a woman's surname, and a woman is
    told apart by her given name.
    """
    word = strip_possessive(word)
    if not _CYRILLIC.search(word):
        return (word,)
    found = [word]
    for ending, restorations in _SURNAME_CASES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            found.extend(stem + restored for restored in restorations)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=_CACHE_SIZE)
def looks_like_surname(word: str) -> bool:
    """Whether a capitalised word has a typical (East European) surname shape."""
    base = strip_possessive(word)
    if len(base) < 4:
        return False
    shape = _SURNAME_SHAPE_CYRILLIC if _CYRILLIC.search(base) else _SURNAME_SHAPE_LATIN
    return bool(shape.search(base))


@lru_cache(maxsize=_CACHE_SIZE)
def feminine_surname(surname: str) -> str:
    """The feminine form of a Russian-style surname ("Serebryakov" -> "Serebryakova")."""
    for masculine, feminine in (
        ("sky", "skaya"), ("skiy", "skaya"), ("ski", "ska"),
        ("ov", "ova"), ("ev", "eva"), ("in", "ina"),
        ("ский", "ская"), ("цкий", "цкая"), ("ов", "ова"), ("ев", "ева"), ("ин", "ина"),
    ):
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name split into given name, patronymic and surname (each optional)."""

    given: str | None = None
    patronymic: str | None = None
    surname: str | None = None
    female: bool = False

    def display(self) -> str:
        """The name in its fullest form, e.g. "Lev Borisovich Kamenev"."""
        return " ".join(part for part in (self.given, self.patronymic, self.surname) if part)


def split_name(words: list[str], extra_given: Collection[str] = ()) -> NameParts | None:
    """Split the capitalised words of one name into its parts.

    ``["Lev", "Borisovich", "Kamenev's"]`` -> given Lev, patronymic Borisovich,
    surname Kamenev. Returns None when the words cannot be a name (too many
    words, or an initial given name followed by non-name words).
    """
    return _split_name(tuple(words), frozenset(extra_given) if extra_given else frozenset())


@lru_cache(maxsize=_CACHE_SIZE)
def _split_name(words: tuple[str, ...], extra_given: frozenset[str]) -> NameParts | None:
    if not words or len(words) > 4:
        return None
    if len(words) == 1 and is_patronymic(words[0]):
        return NameParts(patronymic=patronymic_lemma(words[0]))  # "Петрович" alone
    given = given_name(words[0])
    if given is None and len(words) > 1 and strip_possessive(words[0]) in extra_given:
        given = (strip_possessive(words[0]), False)
    rest = words[1:] if given else list(words)
    patronymic = None
    if rest and is_patronymic(rest[0]) and given:
        patronymic = patronymic_lemma(rest[0])
        rest = rest[1:]
    if len(rest) > 2:
        return None
    surname = " ".join(strip_possessive(word) for word in rest) if rest else None
    if not given and not surname:
        return None
    return NameParts(
        given=given[0] if given else None,
        patronymic=patronymic,
        surname=surname,
        female=bool(given and given[1]),
    )
