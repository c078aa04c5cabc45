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

from scriptdesk.domain.breakdown.antecedents import (
    MentionIndex,
    bridged_speaker,
    fullest_newspaper,
    last_of_sex,
    last_subject,
    newspaper_before,
    newspaper_named,
    pronoun_sex,
)
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
    reading_voice_of,
)
from scriptdesk.domain.breakdown.transcript_lines import (
    TranscriptLine,
    find_transcript_lines,
    is_role_label,
    label_person,
)
from scriptdesk.domain.breakdown.voices import INTERVIEW, find_voices
from scriptdesk.domain.enums import BlockKind, Medium
from scriptdesk.domain.model import PersonDraft, QuotationDraft, ScriptDocument

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
_FIRST_PERSON = re.compile(r"(?:^|[\s,;:—–-])(?:I|я|Я)\b")
_POSSESSIVE_PRONOUN_MEDIUM = re.compile(
    r"\b(?:its|his|her|their|его|её|ее|их)\s+(?:[\w-]+\s+){0,2}?(?:letter|diary|notebook|journal|"
    r"entry|note|memoir|log|письмо|дневник|записк\w*|запись)\b",
    re.IGNORECASE,
)
_PERSONAL_MEDIA = frozenset({"diary", "letter", "memoir"})
# Media written in the first person: "he" in them is someone else.
_FIRST_PERSON_MEDIA = frozenset({Medium.DIARY, Medium.LETTER, Medium.MEMOIR, Medium.CONVERSATION})
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
_ROLE_SPEAKERS = frozenset(
    "narrator host presenter voice interviewer reader announcer рассказчик ведущий диктор".split()
)
_TRANSCRIPT_LABEL = re.compile(r"^\s*([A-ZА-ЯЁ][\w-]+(?:\s[A-ZА-ЯЁ][\w-]+)?)\s*(?:\*\s*)?[.:]\s")


def attribute_quotations(
    document: ScriptDocument, quotations: list[QuotationDraft], people: list[PersonDraft]
) -> None:
    """Fill speaker, medium, work title, recipient and date of each quotation in place."""
    mentions = MentionIndex(people)
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
        speaker, recipient, newspaper = _speaker(document, quotation, lead_in, tail, mentions,
                                                 cues, last_speaker, outer)
        if outer is not None and outer.speaker is not None and speaker in (None, outer.speaker):
            if speaker is None and _FIRST_PERSON.search(lead_in[1]):
                speaker = outer.speaker  # "А я ему говорю: «…»" inside her own account
            else:
                speaker = family_speaker(document, quotation, outer.speaker, context_start,
                                         lead_in[1], people) or speaker
        voice = voices.get(quotation.span.block)
        if speaker is None and voice is not None and voice.role == INTERVIEW and voice.person:
            # "Dad always said, «…»" in an interviewee's sync: her father.
            writer = mentions.key_for_name(voice.person)
            if writer is not None:
                speaker = family_speaker(document, quotation, writer, 0, lead_in[1], people)
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
            _FIRST_PERSON_MEDIA
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


def _speaker(
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
    if _FIRST_PERSON.search(text):
        return None, recipient, False  # "А я ему говорю:" - the narrator of the outer quotation
    pronoun = _PRONOUN.search(" " + text.rstrip().rstrip(".!?…"))
    if pronoun and pronoun.group(1).casefold() in _OBJECT_PRONOUNS and _OBJECT_PREPOSITION.search(
        text[: max(0, pronoun.start(1) - 1)]
    ):
        pronoun = None  # "о ней вспомнил «Северный край»": an object, not the speaker
    sex = pronoun_sex(pronoun.group(1)) if pronoun else _russian_verb_sex(text, cues)
    if has_cue and (pronoun or sex):
        excluded = frozenset({outer.speaker}) if outer is not None and outer.speaker and (
            outer.medium in _FIRST_PERSON_MEDIA
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


def _work_title(lead_in: str) -> str | None:
    match = _WORK_TITLE.search(lead_in)
    if match:
        return match.group(1).strip()
    return None
