"""Which medium a quotation's attribution speaks of: diary, letter, speech, newspaper ...

Provides :func:`medium_of_clause` (the medium named by a lead-in and tag:
a medium noun first, else the verbs of saying), :func:`medium_before` (a
medium noun in the sentence before a lead-in), :func:`names_a_medium` and
the newspaper patterns :mod:`.attribution` also uses to name a newspaper as
the speaker.
"""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.names import word_table
from scriptdesk.domain.enums import Medium
from scriptdesk.domain.model import ScriptDocument

SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]*[A-ZА-ЯЁ])")
NEWSPAPER_WORDS = (
    r"Pravda|Izvestia|Izvestiya|Trud|Iskra|Times|Gazette|Herald|Tribune|Chronicle|Courier|Post|"
    r"Echo|Star|Mail|Express|Bulletin|Standard|Dispatch|Despatch|"
    r"Journal|Advertiser|Mercury|Observer|Guardian|Telegraph|Examiner|Inquirer|Sentinel|"
    r"Messenger|Clarion|Правда|Правды|Правде|Известия|Известиях|Искра|Искре"
)
NEWSPAPERS = re.compile(rf"\b((?:[A-ZА-ЯЁ][\w-]+\s+)?(?:{NEWSPAPER_WORDS}))\b")
_TOLD_NEWSPAPER = re.compile(
    rf"\b(?:told|to|gave|интервью)\s+(?:an interview to\s+)?(?:the\s+)?(?:[A-ZА-ЯЁ][\w-]+\s+){{0,2}}"
    rf"(?:{NEWSPAPER_WORDS})\b"
)
# Where words are a speech: said at (not about) a meeting, in a speech, on trial.
SPEECH_SETTING = re.compile(
    r"\b(?:at|in|to|before|from|during|on|addressing|addressed)\s+(?:the\s+|a\s+|an\s+|this\s+|"
    r"that\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:congress|plenum|conference|meeting|"
    r"session|speech|rally|court|trial|assembly|hearing|inquiry|debate)\b|"
    r"\b(?:addressing|addressed)\b|\b(?:told|before)\s+(?:the\s+)?(?:court|congress|plenum|"
    r"conference|meeting|session|rally|assembly|tribunal|jury|inquiry)\b|"
    r"\b(?:на|в|во)\s+(?:[а-яё-]+\s+){0,2}?(?:съезде|пленуме|заседании|собрании|митинге|конференции|"
    r"речи|докладе|выступлении|суде|сессии)\b",
    re.IGNORECASE,
)
# A thing, not a person, "says": the words are written ("It says, «…»").
THING_SAYS = re.compile(
    r"\b(?:it|its|this|one|the\s+(?:line|entry|page|note|text|passage))(?:\s+[\w-]+){0,6}?\s+"
    r"(?:says|said|reads|read|ends|begins|runs)\b|"
    r"\b(?:гласит|гласила)\b", re.IGNORECASE
)
_IN_NEWSPAPER = re.compile(
    r"\b(?:in|в|во)\s+(?:the\s+)?\*?(?:Pravda|Izvestia|Izvestiya|Trud|Iskra|Правде|Известиях|Искре)"
    r"|\b(?:newspaper|газет\w*)\b",
    re.IGNORECASE,
)
_LETTER_TO = re.compile(
    r"\b(?:wrote|writes|written|writing)\s+(?:home|to)\b|"
    r"\b(?:писал|писала|написал|написала|пишет)\s+[а-яё]+(?:е|у|ю|ям|ам|ому|ей|и)\b",
    re.IGNORECASE,
)


def medium_of_clause(
    words: list[str], lead_in: str, tail: str, cues: dict[str, str],
    recipient: str | None, speaker: str | None,
) -> Medium:
    """The medium the attribution speaks of: the first medium noun, else the verbs."""
    nouns = word_table("medium_nouns")
    first_noun = next((nouns[word] for word in words if word in nouns), None)
    if first_noun == "letter":
        return Medium.LETTER  # "In a short letter to the Echo he wrote:"
    if _IN_NEWSPAPER.search(lead_in) or _TOLD_NEWSPAPER.search(lead_in) or (
        speaker and not speaker.islower() and NEWSPAPERS.search(speaker)
    ):
        return Medium.NEWSPAPER
    nouns = word_table("medium_nouns")
    for word in words:
        if word in nouns:
            return Medium(nouns[word])
    tags = [cues[word] for word in words if word in cues and cues[word] != "-"]
    if _LETTER_TO.search(lead_in) or (recipient and ("letter" in tags or not tags)):
        return Medium.LETTER
    if "speech" in tags or "conversation" in tags:
        if SPEECH_SETTING.search(lead_in + " " + tail):
            return Medium.SPEECH
        if "speech" in tags and not re.search(r"\b(?:to me|мне)\b", lead_in):
            return Medium.SPEECH
        return Medium.CONVERSATION
    if "letter" in tags:
        return Medium.MEMOIR  # "X writes:" without a recipient
    if tags:
        return Medium(tags[0])
    return Medium.UNKNOWN


def names_a_medium(words: list[str]) -> bool:
    nouns = word_table("medium_nouns")
    return any(word in nouns for word in words)


def medium_before(document: ScriptDocument, lead_in: tuple[int, str, int]) -> Medium | None:
    """A medium noun in the two sentences just before a lead-in, in the same paragraph."""
    block, _, offset = lead_in
    sentences = SENTENCE_SPLIT.split(document.blocks[block].text[:offset].rstrip())
    nouns = word_table("medium_nouns")
    for sentence in reversed(sentences[-2:]):
        for word in re.findall(r"[\w-]+", sentence.casefold()):
            if word in nouns:
                return Medium(nouns[word])
    return None
