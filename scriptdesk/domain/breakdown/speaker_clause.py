"""Who speaks, by the words of a quotation's lead-in and tag.

Provides :func:`clause_speaker`: the speaker (a person key, or a newspaper's
name), the recipient and whether the speaker is a newspaper, from the
sentence leading into a quotation ("Mikoyan recalls:", "Zinoviev wrote to
Gorky:", "An editorial in the Echo went further:", "Прокофьев пишет в
дневнике:") and the tag after it ("…," he told Gale / «…», — сказал Сталин).
A pronoun goes to the most salient person of its sex (see
:mod:`.antecedents`); a name after "wrote to", or in an oblique Russian case,
is the recipient, not the speaker. :mod:`.attribution` calls it for every
quotation that is neither a reader's block nor a transcript line.
"""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.antecedents import (
    MentionIndex,
    fullest_newspaper,
    last_of_sex,
    last_subject,
    newspaper_before,
    newspaper_named,
    pronoun_sex,
)
from scriptdesk.domain.breakdown.media import NEWSPAPERS
from scriptdesk.domain.breakdown.names import is_cyrillic
from scriptdesk.domain.enums import Medium
from scriptdesk.domain.model import QuotationDraft, ScriptDocument

_PRONOUN = re.compile(
    r"(?:^|[\s(,;:])(he|she|him|her|his|он|она|его|её|ее|него|нему|ним|ней|неё)\b[^.!?]*$",
    re.IGNORECASE,
)
_RECIPIENT_BEFORE = re.compile(
    r"(?:\b(?:wrote|writes|written|write|writing|sent|send|sends|letter|letters|note|"
    r"telegram|cable|appeal|petition|postcard|message|reply|replied|told|tells|asked|"
    r"addressed)\b[^.:;\"“«]{0,60}?\b(?:to|for)\s+(?:the\s+)?(?:[\w-]+,?\s+){0,8}?|"
    r"\btold\s+)$",
    re.IGNORECASE,
)
_RUSSIAN_LETTER = re.compile(
    r"\b(?:писал|написал|писала|написала|пишет|письмо|записку|телеграмму|ответил|сказал)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"\b(?:according to|in the words of|по словам|по мнению)\s+(?:the\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][\w’'-]*(?:\s+[A-ZА-ЯЁ][\w’'-]*){0,3})"
)
_PRONOUN_VERB = re.compile(r"\b(he|she|он|она)((?:\s+[\w-]+){1,3})", re.IGNORECASE)
_NEWSPAPER_NOUN = re.compile(
    r"\b(?:newspaper|paper|editorial|weekly|daily|газет\w*|передов\w*|журнал\w*)\b",
    re.IGNORECASE,
)
_OBJECT_PREPOSITION = re.compile(
    r"\b(?:about|of|to|with|for|from|against|о|об|обо|про|к|ко|с|со|от|для|против|за)\s*$",
    re.IGNORECASE,
)
_OBJECT_PRONOUNS = frozenset("him нему ним ней неё него".split())
_QUOTED_NAME_LAST = re.compile(r"[«\"“*]([A-ZА-ЯЁ][^»\"”*\n]{1,60})[»\"”*]\s*:?\s*$")
_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:[\w-]+,?\s+){0,6}?(?:he|she|он|она)\b", re.IGNORECASE
)
_OBLIQUE_CASE = re.compile(r"(?:ову|еву|ину|ого|ому|ему|ым|им|ом|ой|ем|ича|ичу|ичем)$")
_DATIVE = re.compile(r"(?:ову|еву|ину|ому|ему|ичу)$")
_RECEIVED = re.compile(
    r"\b(?:received|receives|got|получил|получила|получили|получает)\b", re.IGNORECASE
)
_QUOTED_SOURCE = re.compile(
    r"(?:newspaper|газета|журнал|magazine|[Tt]he)?\s*[«\"“*]([^»\"”*\n]{2,60})[»\"”*]\s+"
    r"(?:\w+\s+){0,2}?(?:reported|wrote|writes|announced|declared|сообщала|сообщил\w*|писала|"
    r"писал|заявил\w*)\b"
)
# Media written in the first person: "he" in them is someone else.
FIRST_PERSON_MEDIA = frozenset({Medium.DIARY, Medium.LETTER, Medium.MEMOIR, Medium.CONVERSATION})
FIRST_PERSON = re.compile(r"(?:^|[\s,;:—–-])(?:I|я|Я)\b")


def clause_speaker(
    document: ScriptDocument,
    quotation: QuotationDraft,
    lead_in: tuple[int, str, int],
    tail: tuple[int, str, int],
    mentions: MentionIndex,
    cues: dict[str, str],
    last_speaker: tuple[int, str] | None,
    outer: QuotationDraft | None,
) -> tuple[str | None, str | None, bool]:
    """(speaker, recipient, speaker is a newspaper) from the lead-in, else the tag after it.

    Inside someone's quoted words (``outer``), "he" is never the one quoting:
    that would be "I".
    """
    recipient = None
    block, text, offset = lead_in
    found = mentions.within(block, offset, offset + len(text))
    according = None
    for according in _ACCORDING.finditer(text):
        pass  # the attribution nearest the quotation wins
    if according is not None and not text[according.end() :].strip(" ,—–-").count(" ") > 6:
        # "…, according to the Kessmouth Courier, «…»": the source named last.
        named = [entry for entry in found if entry[0] >= offset + according.start("name")]
        if named:
            return named[0][2].key, recipient, False
        return according.group("name").strip(), recipient, False
    subjects = []
    pronoun_first = _PRONOUN_SUBJECT.match(text)
    for start, end, person in found:
        before = text[: start - offset]
        surface = document.blocks[block].text[start:end]
        if before.count("(") > before.count(")"):
            continue  # "(real name Kibalchich, nephew of ...)"
        if pronoun_first and pronoun_first.end() <= start - offset:
            continue  # "He praised Trotsky highly:" names the object, not the speaker
        if _RECIPIENT_BEFORE.search(before) or _is_russian_recipient(before, surface):
            recipient = recipient or person.display_name
            continue
        if re.search(r"\b(?:about|of|against|with|to|from|by|от|о|об|про|против|у)\s+"
                     r"(?:[a-zа-яё-]+\s+){0,2}$", before,
                     re.IGNORECASE) and not re.search(r"(?:according to|signed by|подписал\w*)\s+$",
                                                      before, re.I):
            continue
        if is_cyrillic(surface) and _OBLIQUE_CASE.search(surface.split()[-1]):
            # "Лыкову он сказал": a name not in the nominative is no subject.
            if _DATIVE.search(surface.split()[-1]) and not recipient:
                recipient = person.display_name
            continue
        if re.search(r"['’]s?$", surface) and len(found) > 1:
            continue  # "Kamenev's daughter-in-law, Galina Kravchenko, recalls"
        subjects.append(person)
    has_cue = any(word in cues for word in re.findall(r"[\w-]+", text.casefold())) or (
        text.rstrip().endswith(":")
    )
    # "When Gale asked why, she told him:" - the one speaking is the pronoun.
    speaking_sex = _pronoun_before_cue(text, cues)
    if speaking_sex is not None:
        subjects = [person for person in subjects if mentions.sex_of(person.key) in (speaking_sex, None)]
    if subjects and _RECEIVED.search(text):
        return None, subjects[-1].display_name, False  # "Anna received an answer: «…»"
    if subjects and has_cue:
        return subjects[-1].key, recipient, False
    if not subjects and has_cue and speaking_sex is None:
        paper = _newspaper_speaker(document, block, offset, text)
        if paper:
            return paper, recipient, True
    tail_block, tail_text, tail_offset = tail
    if tail_text:
        tail_people = mentions.within(tail_block, tail_offset, tail_offset + len(tail_text))
        tail_words = re.findall(r"[\w-]+", tail_text.casefold())
        tail_pronoun = next((pronoun_sex(word) for word in tail_words[:3] if pronoun_sex(word)), None)
        cue_after = any(word in cues for word in tail_words)
        if tail_people and cue_after and tail_pronoun is None:
            return tail_people[0][2].key, recipient, False
        if tail_pronoun is not None and cue_after and _PRONOUN.search(" " + tail_text):
            # "“…,” he told Gale": the most salient other person of that sex.
            excluded = frozenset(person.key for _, _, person in tail_people)
            if tail_people:
                recipient = recipient or tail_people[0][2].display_name
            subject = _pronoun_referent(document, quotation.span.block, quotation.span.start,
                                        mentions, tail_pronoun, last_speaker, excluded)
            if subject is not None:
                return subject, recipient, False
    if subjects:
        return subjects[-1].key, recipient, False
    if FIRST_PERSON.search(text):
        return None, recipient, False  # "А я ему говорю:" - the narrator of the outer quotation
    pronoun = _PRONOUN.search(" " + text.rstrip().rstrip(".!?…"))
    if pronoun and pronoun.group(1).casefold() in _OBJECT_PRONOUNS and _OBJECT_PREPOSITION.search(
        text[: max(0, pronoun.start(1) - 1)]
    ):
        pronoun = None  # "о ней вспомнил «Северный край»": an object, not the speaker
    sex = pronoun_sex(pronoun.group(1)) if pronoun else _russian_verb_sex(text, cues)
    if has_cue and (pronoun or sex):
        excluded = frozenset({outer.speaker}) if outer is not None and outer.speaker and (
            outer.medium in FIRST_PERSON_MEDIA
        ) else frozenset()
        reach = min(4, max(1, block - outer.span.block)) if outer is not None else 1
        subject = _pronoun_referent(document, block, offset, mentions, sex, last_speaker, excluded,
                                    reach)
        if subject is not None:
            return subject, recipient, False
    if has_cue:
        organisation = _organisation(document, block, offset, text)
        if organisation:
            return organisation, recipient, True
    return None, recipient, False


def _pronoun_referent(
    document: ScriptDocument, block: int, offset: int, mentions: MentionIndex,
    sex: str | None, last_speaker: tuple[int, str] | None, excluded: frozenset[str],
    reach: int = 1,
) -> str | None:
    """Whom "he"/"she" means: the paragraph's subject, the last speaker, the last of that sex."""
    subject = last_subject(document, block, offset, mentions, same_block_only=True, sex=sex,
                           excluded=excluded)
    if subject is None and last_speaker and block - last_speaker[0] <= 1 and (
        mentions.sex_of(last_speaker[1]) in (sex, None) and last_speaker[1] not in excluded
    ):
        return last_speaker[1]
    return (
        subject
        or last_subject(document, block, offset, mentions, sex=sex, excluded=excluded, reach=reach)
        or last_of_sex(document, block, offset, mentions, sex, excluded)
    )


def _russian_verb_sex(text: str, cues: dict[str, str]) -> str | None:
    """ "Сказал:" without a subject: the past tense tells the speaker's sex."""
    for word in reversed(re.findall(r"[а-яё]+", text.casefold())):
        if word in cues:
            if word.endswith("ла"):
                return "f"
            if word.endswith("л"):
                return "m"
            return None
    return None


def _pronoun_before_cue(text: str, cues: dict[str, str]) -> str | None:
    """The sex of a pronoun that is the subject of the lead-in's verb of saying, if any."""
    for match in _PRONOUN_VERB.finditer(text):
        if any(word in cues for word in match.group(2).casefold().split()):
            return pronoun_sex(match.group(1))
    return None


def _newspaper_speaker(document: ScriptDocument, block: int, offset: int, text: str) -> str | None:
    """The newspaper a lead-in makes the speaker: "An editorial in the Echo:", "газета писала:"."""
    quoted = _QUOTED_NAME_LAST.search(text)
    if not _NEWSPAPER_NOUN.search(text) and not NEWSPAPERS.search(text):
        # "о ней вспомнил областной «Северный край»:" after "Газета больше не писала".
        context = document.blocks[block].text[: offset + len(text)]
        return quoted.group(1).strip() if quoted and _NEWSPAPER_NOUN.search(context) else None
    named = newspaper_named(text)
    if named:
        return fullest_newspaper(document, block, offset, named)
    if quoted:
        return quoted.group(1).strip()
    return newspaper_before(document, block, offset)


def _organisation(document: ScriptDocument, block: int, offset: int, text: str) -> str | None:
    """A capitalised subject that is not a person: "Pravda reported:" -> "Pravda"."""
    quoted = _QUOTED_SOURCE.search(text)
    if quoted:
        return quoted.group(1).strip()
    newspaper = NEWSPAPERS.search(text)
    if newspaper:
        name = re.sub(r"^(?:The|A|An)\s+", "", newspaper.group(1))
        return fullest_newspaper(document, block, offset, name)
    # "о ней вспомнил областной «Северный край»:" after "Газета больше не писала".
    quoted_last = _QUOTED_NAME_LAST.search(text)
    if quoted_last and _NEWSPAPER_NOUN.search(document.blocks[block].text[: offset + len(text)]):
        return quoted_last.group(1).strip()
    return None


def _is_russian_recipient(before: str, surface: str) -> bool:
    """"писал Горькому": a dative name right after a verb of writing."""
    return bool(
        _RUSSIAN_LETTER.search(before[-40:])
        and re.search(r"(?:ому|ему|у|ю|ой)$", surface)
        and not re.search(r"[,:]\s*$", before)
    )
