"""Who said it, where and when: attributing quotations from the words around them.

Provides :func:`attribute_quotations`, which fills each quotation's speaker
(a :class:`PersonDraft` key when the person is known, else a plain name such
as "Pravda"), medium, work title, recipient and date from its attribution:
the lead-in before it ("Mikoyan recalls:", "Zinoviev wrote to Gorky:",
"Прокофьев пишет в дневнике:"), the tag after it ("…," said Kamenev /
«…», — сказал Сталин), a transcript speaker label or a dialogue character
cue. "He adds: …" goes to the last person speaking or named as a subject.
A screenplay reader's block is attributed from its cue (see
:mod:`.reading_attribution`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from scriptdesk.domain.breakdown.media import (
    SENTENCE_SPLIT,
    NEWSPAPERS,
    SPEECH_SETTING,
    THING_SAYS,
    medium_before,
    medium_of_clause,
    names_a_medium,
)
from scriptdesk.domain.breakdown.names import is_cyrillic, word_table
from scriptdesk.domain.breakdown.reading_attribution import (
    attribute_reading,
    family_speaker,
    person_sex,
    reading_voice_of,
)
from scriptdesk.domain.breakdown.voices import find_voices
from scriptdesk.domain.enums import BlockKind, Medium
from scriptdesk.domain.model import PersonDraft, QuotationDraft, ScriptDocument

_PRONOUN = re.compile(
    r"(?:^|[\s(,;:])(he|she|him|her|his|он|она|его|её|ее)\b[^.!?]*$", re.IGNORECASE
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
_WORK_TITLE = re.compile(
    r"\b(?:memoirs?|diary|book|novel|article|essay|poem|report|letter|pamphlet|play|"
    r"story|recollections|autobiography|мемуарах|воспоминаниях|книге|романе|статье|"
    r"дневнике|письме|повести|очерке)\b[^\"“«*.]{0,30}?[\"“«*]([^\"”»*\n]{2,120})[\"”»*]",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"\b(?:according to|in the words of|по словам|по мнению)\s+(?:the\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][\w’'-]*(?:\s+[A-ZА-ЯЁ][\w’'-]*){0,3})"
)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATE = re.compile(
    rf"\b(?:(?:on\s+)?(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}"
    rf"(?:\s+(?:года|г\.))?|(?:in\s+)?(?:{_MONTHS})\s+\d{{4}}|(?:in\s+|в\s+)\d{{4}}"
    rf"(?:\s+году)?)\b",
    re.IGNORECASE,
)
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "он": "m", "его": "m",
                "she": "f", "her": "f", "она": "f", "её": "f", "ее": "f"}
_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:[\w-]+,?\s+){0,6}?(?:he|she|он|она)\b", re.IGNORECASE
)
_PRONOUN_WORD = re.compile(r"\b(?:he|she|it|they|his|her|он|она|они)\b", re.IGNORECASE)
_ADVERBIAL_OPENING = re.compile(
    r"\s*(?:at|in|on|after|before|during|from|by|with|for|в|на|после|до|при|с)\s",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:about|of|against|with|to|from|by|for|at|than|от|о|об|про|против|к)\s+"
    r"(?:[a-zа-яё-]+\s+){0,2}$", re.IGNORECASE
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
_ROLE_SPEAKERS = frozenset(
    "narrator host presenter voice interviewer reader announcer рассказчик ведущий диктор".split()
)
_TRANSCRIPT_LABEL = re.compile(r"^\s*([A-ZА-ЯЁ][\w-]+(?:\s[A-ZА-ЯЁ][\w-]+)?)\s*(?:\*\s*)?[.:]\s")


def attribute_quotations(
    document: ScriptDocument, quotations: list[QuotationDraft], people: list[PersonDraft]
) -> None:
    """Fill speaker, medium, work title, recipient and date of each quotation in place."""
    mentions = _MentionIndex(people)
    cues = word_table("speech_cues")
    last_speaker: tuple[int, str] | None = None  # (block, speaker) of the last quotation
    # Where the last top-level quotation ended, per block: a lead-in starts after it.
    quote_ends: dict[int, int] = {}
    voices = find_voices(document, set())
    for quotation in quotations:
        block = document.blocks[quotation.span.block]
        voice = reading_voice_of(document, quotation, voices)
        if voice is not None:
            attribute_reading(document, quotation, voice, mentions.key_for_name)
            if quotation.speaker is not None:
                last_speaker = (quotation.span.block, quotation.speaker)
            end = quotation.end_span or quotation.span
            quote_ends[end.block] = end.end + 1
            continue
        if quotation.nested_in is not None:
            parent = quotations[quotation.nested_in]
            context_start = parent.span.start if parent.span.block == quotation.span.block else 0
        else:
            context_start = quote_ends.get(quotation.span.block, 0)
        lead_in = _lead_in(document, quotation, context_start)
        tail = _tail(document, quotation)
        clause_words = re.findall(r"[\w-]+", (lead_in[1] + " " + tail[1]).casefold())
        speaker, recipient = _speaker(document, quotation, lead_in, tail, mentions, cues,
                                      last_speaker)
        outer = quotations[quotation.nested_in] if quotation.nested_in is not None else None
        if outer is not None and outer.speaker is not None and speaker in (None, outer.speaker):
            speaker = family_speaker(document, quotation, outer, lead_in[1], people) or speaker
        if speaker is None and block.speaker and block.kind == BlockKind.DIALOGUE and (
            quotation.span.block not in voices  # an interviewee or narrator quotes others
        ):
            cue_name = re.sub(r"\s*\(.*?\)", "", block.speaker).strip()
            if cue_name and cue_name.split()[0].casefold() not in _ROLE_SPEAKERS:
                speaker = mentions.key_for_name(cue_name) or cue_name.title()
        if speaker is None:
            label = _TRANSCRIPT_LABEL.match(block.text)
            if label and label.end() <= quotation.span.start and not lead_in[1].strip():
                speaker = mentions.key_for_name(label.group(1))
        quotation.speaker = speaker
        quotation.recipient = recipient
        quotation.medium = medium_of_clause(clause_words, lead_in[1], tail[1], cues, recipient, speaker)
        if outer is None and not names_a_medium(clause_words) and (
            quotation.medium in (Medium.UNKNOWN, Medium.MEMOIR, Medium.DIARY, Medium.LETTER)
            or THING_SAYS.search(lead_in[1])
        ):
            # "Her ledger survives. On its first page she wrote:" - the
            # sentence before may name what the words are written in.
            quotation.medium = medium_before(document, lead_in) or quotation.medium
        if outer is not None and quotation.medium == Medium.SPEECH and outer.medium in (
            Medium.MEMOIR, Medium.LETTER, Medium.DIARY
        ) and not SPEECH_SETTING.search(lead_in[1]):
            quotation.medium = Medium.CONVERSATION  # a remark a memoir or letter recalls
        quotation.work_title = _work_title(lead_in[1])
        if quotation.work_title is None and quotation.medium == Medium.NEWSPAPER:
            newspaper = NEWSPAPERS.search(lead_in[1])
            quotation.work_title = newspaper.group(1) if newspaper else None
        date = _DATE.search(lead_in[1])
        quotation.date_text = date.group().strip() if date else None
        if speaker is not None and quotation.nested_in is None:
            last_speaker = (quotation.span.block, speaker)
        if quotation.nested_in is None:
            end = quotation.end_span or quotation.span
            quote_ends[end.block] = end.end + 1


class _MentionIndex:
    """Person mentions by block, sorted, for nearest-mention look-ups."""

    def __init__(self, people: list[PersonDraft]) -> None:
        self.by_block: dict[int, list[tuple[int, int, PersonDraft]]] = {}
        self.by_name: dict[str, PersonDraft] = {}
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
        return person.key if person else None


def _lead_in(
    document: ScriptDocument, quotation: QuotationDraft, context_start: int
) -> tuple[int, str, int]:
    """(block, text, offset of text in block) of the words introducing a quotation."""
    block_index = quotation.span.block
    text = document.blocks[block_index].text
    before = text[context_start : max(context_start, quotation.span.start - 1)]
    sentences = SENTENCE_SPLIT.split(before)
    lead = sentences[-1] if sentences else ""
    if not lead.strip() and len(sentences) > 1:
        lead = sentences[-2]
    if not lead.strip() and context_start == 0 and block_index > 0:
        previous = document.blocks[block_index - 1].text.rstrip()
        if previous.endswith(":"):
            tail = SENTENCE_SPLIT.split(previous)[-1]
            return block_index - 1, tail, len(previous) - len(tail)
    offset = context_start + len(before) - len(lead)
    return block_index, lead, offset


def _tail(document: ScriptDocument, quotation: QuotationDraft) -> tuple[int, str, int]:
    """(block, text, offset) of the words right after a quotation, to the sentence end."""
    end = quotation.end_span or quotation.span
    text = document.blocks[end.block].text
    after = text[end.end + 1 : end.end + 120]
    if not re.match(r"^\s*[,!?.]?\s*(?:—|–|--)?\s*[\w(]", after) or not re.match(
        r"^\s*[,!?]|^\s*(?:—|–)|^\s+[a-zа-яё]", after
    ):
        return end.block, "", end.end + 1
    cut = re.search(r"[.!?:;…](?:\s|$)|[\"“«]", after)
    return end.block, after[: cut.start() if cut else len(after)], end.end + 1


def _speaker(
    document: ScriptDocument,
    quotation: QuotationDraft,
    lead_in: tuple[int, str, int],
    tail: tuple[int, str, int],
    mentions: _MentionIndex,
    cues: dict[str, str],
    last_speaker: tuple[int, str] | None,
) -> tuple[str | None, str | None]:
    """(speaker, recipient) from the lead-in, else the tag after the quotation."""
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
            return named[0][2].key, recipient
        return according.group("name").strip(), recipient
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
        if re.search(r"\b(?:about|of|against|with|to|on|from|by|от|о|об|про|против|у)\s+"
                     r"(?:[a-zа-яё-]+\s+){0,2}$", before,
                     re.IGNORECASE) and not re.search(r"according to\s+$", before, re.I):
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
    if subjects and _RECEIVED.search(text):
        return None, subjects[-1].display_name  # "Anna received an answer: «…»"
    if subjects and has_cue:
        return subjects[-1].key, recipient
    tail_block, tail_text, tail_offset = tail
    if tail_text:
        tail_people = mentions.within(tail_block, tail_offset, tail_offset + len(tail_text))
        tail_words = re.findall(r"[\w-]+", tail_text.casefold())
        if tail_people and any(word in cues for word in tail_words):
            return tail_people[0][2].key, recipient
        if _PRONOUN.search(" " + tail_text) and any(word in cues for word in tail_words):
            if last_speaker and quotation.span.block - last_speaker[0] <= 2:
                return last_speaker[1], recipient
    if subjects:
        return subjects[-1].key, recipient
    pronoun = _PRONOUN.search(" " + text)
    if has_cue and pronoun:
        sex = _PRONOUN_SEX.get(pronoun.group(1).casefold())
        subject = _last_subject(document, block, offset, mentions, same_block_only=True, sex=sex)
        if subject is None and last_speaker and quotation.span.block - last_speaker[0] <= 1 and (
            mentions.sex_of(last_speaker[1]) in (sex, None)
        ):
            return last_speaker[1], recipient
        subject = subject or _last_subject(document, block, offset, mentions, sex=sex)
        if subject is not None:
            return subject, recipient
    if has_cue:
        organisation = _organisation(text)
        if organisation:
            return organisation, recipient
    return None, recipient


def _is_russian_recipient(before: str, surface: str) -> bool:
    """"писал Горькому": a dative name right after a verb of writing."""
    return bool(
        _RUSSIAN_LETTER.search(before[-40:])
        and re.search(r"(?:ому|ему|у|ю|ой)$", surface)
        and not re.search(r"[,:]\s*$", before)
    )


def _last_subject(
    document: ScriptDocument, block: int, offset: int, mentions: _MentionIndex,
    *, same_block_only: bool = False, sex: str | None = None,
) -> str | None:
    """The person last named as a sentence subject before a pronoun.

    A subject here is the first person named in a sentence, not in the
    possessive and not after a preposition ("wrote to Zinoviev"), and not of
    the other sex than the pronoun's. Failing one, a possessive opening a
    sentence will do when the sex agrees ("Edith Carrow's ledger ... she").
    """
    possessor = None
    for index in (block,) if same_block_only else (block, block - 1):
        if index < 0:
            continue
        text = document.blocks[index].text
        end = offset if index == block else len(text)
        entries = mentions.within(index, 0, end)
        for position in range(len(entries) - 1, -1, -1):
            start, mention_end, person = entries[position]
            person_sex = mentions.sex_of(person.key)
            if sex is not None and person_sex not in (sex, None):
                continue
            sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?…:") + 1
            if re.search(r"['’]s?$", text[start:mention_end]):
                if possessor is None and person_sex == sex and not text[sentence_start:start].strip():
                    possessor = person.key
                continue
            if position > 0 and entries[position - 1][0] >= sentence_start:
                continue
            opening = text[sentence_start:start]
            adverbial = _ADVERBIAL_OPENING.match(opening) and len(opening.split()) <= 4
            if _PRONOUN_WORD.search(opening) or (
                _PREPOSITION_BEFORE.search(opening) and not adverbial
            ):
                continue
            return person.key
    return possessor


def _organisation(text: str) -> str | None:
    """A capitalised subject that is not a person: "Pravda reported:" -> "Pravda"."""
    quoted = _QUOTED_SOURCE.search(text)
    if quoted:
        return quoted.group(1).strip()
    newspaper = NEWSPAPERS.search(text)
    if newspaper:
        return newspaper.group(1)
    return None




def _work_title(lead_in: str) -> str | None:
    match = _WORK_TITLE.search(lead_in)
    if match:
        return match.group(1).strip()
    return None
