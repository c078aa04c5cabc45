"""Who said it, where and when: attributing quotations from the words around them.

Provides :func:`attribute_quotations`, which fills each quotation's speaker
(a :class:`PersonDraft` key when the person is known, else a plain name such
as "Pravda"), medium, work title, recipient and date, in this order of
evidence:

1. a transcript line's speaker label ("PENNOCK: …", "Сомов П. И. …", see
   :mod:`.transcript_lines`): that person, medium transcript;
2. a screenplay reader's block: its cue (see :mod:`.reading_attribution`);
3. the lead-in and the tag after the quotation (see :mod:`.speaker_clause`):
   "Mikoyan recalls:", "«…», — сказал Сталин", "“…,” he told Gale", "An
   editorial in the Echo went further:";
4. inside someone's quoted words or an interviewee's sync: "I"/"я" is that
   person, "Father" or "Mum" their relative of that sex;
5. "The entry for that night reads:": the writer of the diary, letter or
   notebook the sentences before speak of (see :mod:`.antecedents`);
6. a dialogue block's character cue, or a transcript label at the block start.
"""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.antecedents import MentionIndex, bridged_speaker
from scriptdesk.domain.breakdown.media import (
    SENTENCE_SPLIT,
    NEWSPAPERS,
    SPEECH_SETTING,
    THING_SAYS,
    medium_before,
    medium_of_clause,
    names_a_medium,
)
from scriptdesk.domain.breakdown.names import word_table
from scriptdesk.domain.breakdown.reading_attribution import (
    Families,
    attribute_reading,
    family_speaker,
    reading_voice_of,
)
from scriptdesk.domain.breakdown.speaker_clause import FIRST_PERSON, FIRST_PERSON_MEDIA, clause_speaker
from scriptdesk.domain.breakdown.transcript_lines import (
    TranscriptLine,
    find_transcript_lines,
    is_role_label,
    label_person,
)
from scriptdesk.domain.breakdown.voices import INTERVIEW, find_voices
from scriptdesk.domain.enums import BlockKind, Medium
from scriptdesk.domain.model import PersonDraft, QuotationDraft, ScriptDocument

_WORK_TITLE = re.compile(
    r"\b(?:memoirs?|diary|book|novel|article|essay|poem|report|letter|pamphlet|play|"
    r"story|recollections|autobiography|мемуарах|воспоминаниях|книге|романе|статье|"
    r"дневнике|письме|повести|очерке)\b[^\"“«*.]{0,30}?[\"“«*]([^\"”»*\n]{2,120})[\"”»*]",
    re.IGNORECASE,
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
_POSSESSIVE_PRONOUN_MEDIUM = re.compile(
    r"\b(?:its|his|her|their|его|её|ее|их)\s+(?:[\w-]+\s+){0,2}?(?:letter|diary|notebook|journal|"
    r"entry|note|memoir|log|письмо|дневник|записк\w*|запись)\b",
    re.IGNORECASE,
)
_PERSONAL_MEDIA = frozenset({"diary", "letter", "memoir"})
_ROLE_SPEAKERS = frozenset(
    "narrator host presenter voice interviewer reader announcer рассказчик ведущий диктор".split()
)
_TRANSCRIPT_LABEL = re.compile(r"^\s*([A-ZА-ЯЁ][\w-]+(?:\s[A-ZА-ЯЁ][\w-]+)?)\s*(?:\*\s*)?[.:]\s")


def attribute_quotations(
    document: ScriptDocument, quotations: list[QuotationDraft], people: list[PersonDraft]
) -> None:
    """Fill speaker, medium, work title, recipient and date of each quotation in place."""
    mentions = MentionIndex(people)
    families = Families(people)
    cues = word_table("speech_cues")
    last_speaker: tuple[int, str] | None = None  # (block, speaker) of the last quotation
    # Where the last top-level quotation ended, per block: a lead-in starts after it.
    quote_ends: dict[int, int] = {}
    voices = find_voices(document, set())
    lines = {(line.block, line.words_start): line for line in find_transcript_lines(document, set())}
    for quotation in quotations:
        block = document.blocks[quotation.span.block]
        line = _transcript_line_of(block.text, quotation, lines)
        if line is not None:
            quotation.speaker = None if is_role_label(line.label) else (
                mentions.key_for_name(label_person(line.label)) or label_person(line.label)
            )
            quotation.medium = Medium.TRANSCRIPT
            if quotation.speaker is not None:
                last_speaker = (quotation.span.block, quotation.speaker)
            end = quotation.end_span or quotation.span
            quote_ends[end.block] = end.end + 1
            continue
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
        outer = quotations[quotation.nested_in] if quotation.nested_in is not None else None
        speaker, recipient, newspaper = clause_speaker(document, quotation, lead_in, tail, mentions,
                                                 cues, last_speaker, outer)
        if outer is not None and outer.speaker is not None and speaker in (None, outer.speaker):
            if speaker is None and FIRST_PERSON.search(lead_in[1]):
                speaker = outer.speaker  # "А я ему говорю: «…»" inside her own account
            else:
                speaker = family_speaker(document, quotation, outer.speaker, context_start,
                                         lead_in[1], families) or speaker
        voice = voices.get(quotation.span.block)
        if speaker is None and voice is not None and voice.role == INTERVIEW and voice.person:
            # "Dad always said, «…»" in an interviewee's sync: her father.
            writer = mentions.key_for_name(voice.person)
            if writer is not None:
                speaker = family_speaker(document, quotation, writer, 0, lead_in[1], families)
        if speaker is None and outer is None and _bridges(document, lead_in):
            # "She kept a diary. The entry for that night reads: «…»"
            speaker = bridged_speaker(document, lead_in[0], lead_in[2], mentions)
        if speaker is None and block.speaker and block.kind == BlockKind.DIALOGUE and (
            quotation.span.block not in voices  # an interviewee or narrator quotes others
            or voices[quotation.span.block].role == INTERVIEW
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
        if newspaper:
            quotation.medium = Medium.NEWSPAPER
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
        if outer is not None and quotation.medium == Medium.UNKNOWN and outer.medium in (
            FIRST_PERSON_MEDIA
        ):
            quotation.medium = Medium.CONVERSATION  # a remark someone's own account quotes
        if outer is not None and quotation.medium == Medium.CONVERSATION and (
            outer.medium == Medium.TRANSCRIPT
        ):
            quotation.medium = Medium.SPEECH  # "He said, «…»" in the minutes of a meeting
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


def _bridges(document: ScriptDocument, lead_in: tuple[int, str, int]) -> bool:
    """Whether a lead-in speaks of writing named just before: "Its first page says:"."""
    text = lead_in[1]
    if THING_SAYS.search(text) or _POSSESSIVE_PRONOUN_MEDIUM.search(text):
        return True
    nouns = word_table("medium_nouns")
    named = [nouns[word] for word in re.findall(r"[\w-]+", text.casefold()) if word in nouns]
    if named:
        return named[0] in _PERSONAL_MEDIA
    before = medium_before(document, lead_in)
    return before is not None and before.value in _PERSONAL_MEDIA


def _transcript_line_of(
    text: str, quotation: QuotationDraft, lines: dict[tuple[int, int], TranscriptLine]
) -> TranscriptLine | None:
    """The labelled line whose words a quotation is ("PENNOCK: …", "KRAVETS: “…”")."""
    if quotation.nested_in is not None:
        return None
    block, start = quotation.span.block, quotation.span.start
    line = lines.get((block, start))
    if line is not None:
        return line if line.in_run else None
    line = lines.get((block, start - 1))
    if line is not None and text[start - 1] in "\"'“„«‘‹":
        return line  # a label before quote marks is a speaker's label, run or not
    return None


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


def _work_title(lead_in: str) -> str | None:
    match = _WORK_TITLE.search(lead_in)
    if match:
        return match.group(1).strip()
    return None
