"""Attributing what a screenplay's readers voice, and the words quoted inside it.

Provides :func:`reading_voice_of`, which tells whether a quotation is the
whole of a reader's block (see :mod:`.voices`), :func:`attribute_reading`,
which fills such a quotation's speaker, medium, recipient and date from the
cue, its parenthetical and the narration that leads into it, and
:func:`family_speaker`, which finds who "Father" or "she" is in a remark
quoted inside a family member's letter or memoir.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scriptdesk.domain.breakdown.names import given_name, word_table
from scriptdesk.domain.breakdown.voices import READING, Voice, spoken_words
from scriptdesk.domain.enums import BlockKind, Medium
from scriptdesk.domain.model import PersonDraft, QuotationDraft, ScriptDocument

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…:])[\"'”’»)]*\s+(?=[\"'“‘«(]*[A-ZА-ЯЁ0-9])")
_RECIPIENT = re.compile(
    r"\b(?:letter|letters|note|telegram|postcard|cable|wrote|writes|written)\s+"
    r"(?:\w+\s+){0,2}?to\s+(?:(?:the|his|her|their)\s+)?(?:\w+\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][\w’'-]*(?:\s+[A-ZА-ЯЁ][\w’'-]*){0,3})"
)
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}\b|"
    r"\b(?:in|of|в)\s+\d{4}\b"
)
_MINOR_WORDS = frozenset("of the and on in a an to at for".split())
_BOOK_TITLE = re.compile(
    r"\b(?:memoirs?|book|autobiography|novel|recollections)\s+(?:entitled\s+|called\s+)?[«\"“*]?"
    r"(?P<title>[A-Z][\w’']*(?:\s+(?:[A-Z][\w’']*|of|the|and|on|in|a|an|to|at|for))*)"
)
# How far back the narration leading into a reading may be, in blocks.
_LEAD_REACH = 4
# Family words as a first-person writer uses them: word -> sex ("m"/"f").
_FAMILY_WORDS = {
    "father": "m", "papa": "m", "dad": "m", "daddy": "m", "husband": "m", "brother": "m",
    "son": "m", "grandfather": "m", "uncle": "m",
    "mother": "f", "mama": "f", "mamma": "f", "mum": "f", "mom": "f", "wife": "f",
    "sister": "f", "daughter": "f", "grandmother": "f", "aunt": "f",
    "отец": "m", "папа": "m", "муж": "m", "брат": "m", "сын": "m", "дед": "m",
    "мать": "f", "мама": "f", "жена": "f", "сестра": "f", "дочь": "f", "бабушка": "f",
}
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "он": "m", "she": "f", "her": "f", "она": "f"}


def reading_voice_of(
    document: ScriptDocument, quotation: QuotationDraft, voices: dict[int, Voice]
) -> Voice | None:
    """The reader's voice when a quotation is the whole of a reader's block."""
    if quotation.nested_in is not None:
        return None
    voice = voices.get(quotation.span.block)
    if voice is None or voice.role != READING:
        return None
    start, end = spoken_words(document.blocks[quotation.span.block].text, voice)
    last = quotation.end_span or quotation.span
    closes_here = last.block == quotation.span.block
    if quotation.span.start - start > 1 or (closes_here and end - last.end > 1):
        return None
    return voice


def attribute_reading(
    document: ScriptDocument,
    quotation: QuotationDraft,
    voice: Voice,
    key_for_name: Callable[[str], str | None],
) -> None:
    """Speaker from the cue; medium, recipient and date from the cue, else the lead-in."""
    quotation.speaker = (key_for_name(voice.person) if voice.person else None) or voice.person
    quotation.medium = voice.medium or Medium.UNKNOWN
    quotation.recipient = voice.recipient
    quotation.date_text = voice.date_text
    lead = _leading_narration(document, quotation.span.block)
    if not lead:
        return
    nouns = word_table("medium_nouns")
    for sentence in reversed(_SENTENCE_SPLIT.split(lead)[-2:]):
        medium = next(
            (Medium(nouns[word]) for word in re.findall(r"[\w-]+", sentence.casefold())
             if word in nouns),
            None,
        )
        if medium is None:
            continue
        if quotation.medium == Medium.UNKNOWN:
            quotation.medium = medium
        if medium == quotation.medium:
            recipient = _RECIPIENT.search(sentence)
            date = _DATE.search(sentence)
            quotation.work_title = _book_title(sentence)
            quotation.recipient = quotation.recipient or (recipient.group("name") if recipient else None)
            quotation.date_text = quotation.date_text or (date.group() if date else None)
        return


def _book_title(sentence: str) -> str | None:
    """ "in his memoir The Rock and the Lamp, published ..." -> "The Rock and the Lamp"."""
    found = _BOOK_TITLE.search(sentence)
    if found is None:
        return None
    words = found.group("title").split()
    while words and words[-1].casefold() in _MINOR_WORDS:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def _leading_narration(document: ScriptDocument, block_index: int) -> str:
    """The narration just before a reader's block, within the same scene."""
    speaker = document.blocks[block_index].speaker
    for index in range(block_index - 1, max(-1, block_index - 1 - _LEAD_REACH), -1):
        block = document.blocks[index]
        if block.kind == BlockKind.HEADING or block.scene_heading:
            return ""
        if block.kind == BlockKind.PARENTHETICAL or (
            block.kind == BlockKind.DIALOGUE and block.speaker == speaker
        ):
            continue
        if block.kind in (BlockKind.DIALOGUE, BlockKind.NARRATION, BlockKind.AV_ROW):
            return block.text
    return ""


class Families:
    """The script's people by key and by family (surname without a feminine ending)."""

    def __init__(self, people: list[PersonDraft]) -> None:
        self.by_key = {person.key: person for person in people}
        self.by_surname: dict[str, list[PersonDraft]] = {}
        for person in people:
            self.by_surname.setdefault(_surname_stem(person.display_name.split()[-1]), []).append(person)


def family_speaker(
    document: ScriptDocument,
    quotation: QuotationDraft,
    writer_key: str,
    context_start: int,
    lead_in: str,
    families: Families,
) -> str | None:
    """Who a family word or pronoun in a remark quoted inside someone's own words is.

    In Henry Aldous's memoir, "Mother ... She told me, '…'" is his mother,
    and in Margaret Ellery's interview "Dad always said, '…'" is her father:
    the one other person of the writer's or speaker's surname and of that sex
    (the most mentioned, when several). ``context_start`` is where the
    writer's words start in the quotation's block. Returns None when the
    text does not say.
    """
    writer = families.by_key.get(writer_key)
    if writer is None:
        return None
    block = document.blocks[quotation.span.block].text
    opening = block[context_start : quotation.span.start]
    sentences = _SENTENCE_SPLIT.split(opening)
    own = re.findall(r"[\w-]+", (sentences[-1] if sentences else lead_in).casefold())
    earlier = re.findall(r"[\w-]+", " ".join(sentences[-3:-1]).casefold())
    sex = next((_FAMILY_WORDS[word] for word in own if word in _FAMILY_WORDS), None)
    if sex is None:
        pronoun = next((_PRONOUN_SEX[word] for word in own if word in _PRONOUN_SEX), None)
        kin = [_FAMILY_WORDS[word] for word in earlier if word in _FAMILY_WORDS]
        if pronoun is None or pronoun not in kin:
            return None
        sex = pronoun
    relatives = [
        person for person in families.by_surname.get(_surname_stem(writer.display_name.split()[-1]), [])
        if person.key != writer.key and person_sex(person) in (sex, None)
    ]
    if not relatives:
        return None
    return max(relatives, key=lambda person: len(person.mentions)).key


def _surname_stem(surname: str) -> str:
    """A surname without its feminine ending, so "Маркова" and "Марков" are one family."""
    for feminine, masculine in (("ская", "ский"), ("цкая", "цкий"), ("ova", "ov"), ("eva", "ev"),
                                ("ina", "in"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин")):
        if surname.endswith(feminine):
            return surname[: -len(feminine)] + masculine
    return surname


def person_sex(person: PersonDraft) -> str | None:
    """ "m" or "f" when the given name of a person's display name tells, else None."""
    known = given_name(person.display_name.split()[0])
    if known is None or len(person.display_name.split()) < 2:
        return None
    return "f" if known[1] else "m"
