"""Telling a quoted passage from a title, a building, a nickname or a scare quote.

Provides :func:`classify_quoted`, which reads the words around a pair of quote
marks and what lies between them and says whether it is a quotation (with a
confidence) or one of the named-thing categories: a work title ("entitled
«…»", under the headline «…», title case), a building ("the «House on the
Embankment»"), a nickname ("called it «the Ark»"), a slogan term ("the
so-called «…»") or a scare quote (a short phrase without attribution or
sentence punctuation). :mod:`.quotations` calls it for every pair it finds.
"""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.names import word_table
from scriptdesk.domain.breakdown.text_tools import may_contain
from scriptdesk.domain.model import ScriptDocument

_WORD = re.compile(r"[\w][\w'’\-]*")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+[\"'“‘«(]*[A-ZА-ЯЁ\[]|[.!?…]\s*$")
_STRONG_END = re.compile(r"[!?…][\"'”’»)]*\s*$|\.\.\.\s*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s|\n)[^.!?…\n]*$")
_DETERMINERS = frozenset(
    "the a an this that these those its his her their our my your whose "
    "этот эта это эти".split()
)
_NICKNAME_BEFORE = re.compile(
    r"(?:known|referred to|remembered|nicknamed|dubbed|christened|called him|called her|"
    r"прозванн\w*|известн\w*|по прозвищу|называли)\s+(?:as\s+|как\s+)?(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
_CALLED = re.compile(
    r"(?:\bcalled|\bcall|\bcalls|\bnamed|\bdubbed|\bзвали|\bзовут|\bназывали|\bназвали)"
    r"\s+(?:(?:it|him|her|them|that\s+\w+|this\s+\w+|его|её|ее|их)\s+)?(?:just\s+|simply\s+|просто\s+)?$",
    re.IGNORECASE,
)
_SO_CALLED = re.compile(r"(?:so-called|так называем\w*)\s*$", re.IGNORECASE)
_BUILDING_WORDS = re.compile(
    r"\b(?:House|Houses|Palace|Hotel|Theatre|Theater|Hall|Cathedral|Church|Tower|"
    r"Castle|Museum|Station|Dom|Club|Cinema|Restaurant|Café|Cafe|Bridge)\b|"
    r"(?:^|\s)(?:[Дд]ом[аеуо]?м?|[Дд]вор[ео]ц\w*|[Гг]остиниц\w*|[Тт]еатр\w*|[Бб]ашн\w*|[Сс]обор\w*)(?:\s|$)"
)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Words right before a quoted title: a headline or caption is a title, not a quotation.
_TITLED = re.compile(
    r"(?:entitled|titled|headlined|headed|captioned|under the (?:head(?:line|ing)|title|caption)|"
    r"with the (?:headline|caption|title)|под (?:названием|заголовком)|с заголовком|"
    r"озаглавлен\w*)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Lower-case pieces one of which each pattern above needs (a cheap prefilter).
_TITLED_CUES = (
    "titled", "headlined", "headed", "captioned", "under the head", "under the title", "under the caption",
    "with the headline", "with the caption", "with the title", "под названием", "под заголовком",
    "с заголовком", "озаглавлен",
)
_NAMING_CUES = (
    "known", "referred to", "remembered", "nicknamed", "dubbed", "christened", "call", "named",
    "прозванн", "известн", "по прозвищу", "называли", "звали", "зовут", "назвали",
)
_MINOR_WORDS = frozenset(
    "a an the of on in at to for and or with from by as into over under upon against "
    "de la le von van der".split()
)


def classify_quoted(
    document: ScriptDocument, open_block: int, open_at: int, close_block: int, close_at: int,
    nested: bool, text: str,
) -> tuple[str, float]:
    """("quotation", confidence) or (named-thing category, 0)."""
    block_text = document.blocks[open_block].text
    before = block_text[max(0, open_at - 120) : open_at]
    close_text = document.blocks[close_block].text
    after = close_text[close_at + 1 : close_at + 60]
    words = _WORD.findall(text)
    previous = re.findall(r"[\w-]+", before[-60:].casefold())
    previous_word = previous[-1] if previous else ""
    sentence_before = _SENTENCE_START.search(before)
    sentence = (sentence_before.group() if sentence_before else before).casefold()
    cues = word_table("speech_cues")
    titles = word_table("title_cues")
    speech_before = any(word in cues for word in re.findall(r"[\w-]+", sentence))
    colon_before = (":" in before and bool(re.search(r"[:]\s*[*_]*\s*[\"'“„«‘‹]?\s*$", before))) or (
        before.rstrip().endswith(":")
    )
    after_words = re.findall(r"[\w-]+", after[:40].casefold())[:4]
    speech_after = bool(
        any(word in cues for word in after_words)
        and re.match(r"^\s*[,.!?]?\s*(?:—|–|--)?\s*\w", after)
        and (after.startswith((",", " —", ", —", "! —", "? —", " –")) or text.rstrip()[-1:] in ",!?")
    )
    title_case = _is_title_case(words)
    sentence_like = bool(_SENTENCE_BREAK.search(text.strip())) and (
        len(words) >= 3 or _STRONG_END.search(text) is not None
    )
    multi = open_block != close_block
    # "that" after a verb of saying is a conjunction: wrote that "enemies ...".
    determiner = previous_word in _DETERMINERS and not before.rstrip().endswith((":", ".", "!", "?", "…")) and not (
        previous_word == "that" and len(previous) > 1 and previous[-2] in cues
    )

    title_like = title_case and len(words) >= 2 and not _CYRILLIC.search(text)
    if multi or (colon_before and not title_like and len(words) >= 1):
        return "quotation", 0.95
    sentence_ended = before.rstrip().endswith((".", "!", "?", "…"))
    if (previous_word in titles and not sentence_ended) or (
        may_contain(before, _TITLED_CUES) and _TITLED.search(before)
    ):
        return titles.get(previous_word, "work_title"), 0.0
    if may_contain(before, _NAMING_CUES) and (
        _NICKNAME_BEFORE.search(before) or _CALLED.search(before)
    ) and len(words) <= 5 and not (
        sentence_like and len(words) >= 3
    ):
        return "nickname", 0.0
    if _BUILDING_WORDS.search(text) and len(words) <= 8 and not sentence_like:
        return "building", 0.0
    if may_contain(before, ("so-called", "так называем")) and _SO_CALLED.search(before):
        return "slogan_term", 0.0
    if speech_after and len(words) >= 2:
        return "quotation", 0.9
    fragment = text[:1].islower() and not _SENTENCE_BREAK.search(text.strip()[:-1])
    if fragment and len(words) < 5 and not speech_before:
        sentence_like = False  # "save the situation." is a scare quote, not a remark
    if sentence_like and len(words) >= 2 and not (determiner and not speech_before):
        return "quotation", 0.85
    if len(words) >= 5 and not title_case and not (determiner and not speech_before):
        return "quotation", 0.8 if not nested else 0.75
    if speech_before and len(words) >= 2 and not title_case and not determiner:
        return "quotation", 0.65
    if title_case and len(words) >= 1 and words[0][:1].isupper():
        return "work_title", 0.0
    if determiner and len(words) >= 2:
        return "slogan_term", 0.0
    return "scare_quote", 0.0


def _is_title_case(words: list[str]) -> bool:
    """Whether every significant word is capitalised ("The Platform of the ...")."""
    if len(words) > 1 and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    significant = [word for word in words if word.casefold() not in _MINOR_WORDS]
    if not significant or not words[0][:1].isupper():
        return False
    if len(words) == 1:
        return True
    return all(word[:1].isupper() or word[:1].isdigit() for word in significant)
