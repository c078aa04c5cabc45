"""Picture directions: what a script itself says is on screen.

Screenplays and two-column scripts describe their pictures: "Archive
photograph: the union hall, its windows lit", "Film clip: The Kid (1921)",
"CLOSE ON a bundle of letters", "Present day: the automated light turns over
an empty rock". An archival producer logs each such direction as one need,
in the script's words, before anything the narration merely mentions.

:func:`find_directions` reads the picture cell of every A/V row (PICTURE
blocks) and every narration or action paragraph that opens with a picture
cue. A direction runs from its cue to the next sentence opening with a cue
of its own (a label, "A pan across", "CLOSE ON"); a tilt or a dissolve stays
on the picture it moves over. Interview, title and caption directions are
*silent*: they show no archive material, but what they name is not logged
from them either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from scriptdesk.domain.breakdown.text_tools import ScriptReading, plain, shorten
from scriptdesk.domain.enums import BlockKind, FootageKind

# "Archive photograph:", "Aerial footage, present day:", "Фото:": a short label before a colon.
_LABEL = re.compile(r"(?P<label>[^\W\d_][^:\n.!?;\"“«]{0,38}?)\s*:\s+(?=\S)")
# Camera directions that open on a new subject ("A pan across the cranes", "CLOSE ON a letter").
_OPENING = re.compile(
    r"(?i:(?:an?\s+)?(?:slow\s+)?(?:push-in|pan|track(?:ing\s+shot)?|zoom)\s+(?:in\s+)?(?:on|across|over|along|to)\b"
    r"|close\s+on\b|close-up\s+(?:of|on)\b|portrait\s+photograph\s+of\b|portrait\s+of\b|exterior\s+of\b"
    r"|interior\s+of\b|aerial\s+(?:view|shot|footage)s?\s+of\b|крупно\b|панорама\s+по\b)"
)
# A document or picture named first, as in "Letter, handwritten, Samuel Carrow to ...".
_NOUN_FIRST = re.compile(
    r"(?i:(?:letter|telegram|newspaper|document|photograph|photo|poster|map|ledger|diary|письмо|телеграмма|газета"
    r"|документ|фотография|фото|плакат|карта)s?)\s*,"
)
_SILENT = re.compile(
    r"(?i:interview|super\b|title|caption|lower\s+third|credit|text\s+on\s+screen|интервью|титр|синхрон)"
)
# Cue words of a label, with the kind they give, tried in this order.
_LABEL_KINDS: tuple[tuple[re.Pattern[str], FootageKind | None], ...] = (
    (re.compile(r"(?i:newsreel|кинохроник|хроник)"), FootageKind.NEWSREEL),
    (re.compile(r"(?i:reconstruction|re-?enactment|dramati[sz]|реконструкц|инсценир)"), FootageKind.REENACTMENT),
    (re.compile(r"(?i:\bmap|animat|graphic|карт[аыу]|анимац)"), FootageKind.MAP_GRAPHIC),
    (re.compile(r"(?i:present[\s-]day|today|aerial|exterior|interior|drone|\blocation|наши\s+дни|сегодня|натура)"),
     FootageKind.LOCATION),
    (re.compile(r"(?i:newspaper|front\s+page|letter|document|diary|ledger|telegram|газет|письм|документ|дневник)"),
     FootageKind.DOCUMENT),
    (re.compile(r"(?i:photo|portrait|\bstills?\b|album|snapshot|фото|снимок|портрет|альбом)"), FootageKind.PHOTO),
    (re.compile(r"(?i:\bfilm|\bclip|footage|фильм|кадры)"), FootageKind.FILM_CLIP),
    (re.compile(r"(?i:close[\s-]on|close-up|insert|object|крупно|предмет)"), FootageKind.OBJECT),
    (re.compile(r"(?i:archiv|архив)"), None),  # archive material: its kind from what it shows
)
_OPENING_KINDS = (
    (re.compile(r"(?i:portrait)"), FootageKind.PHOTO),
    (re.compile(r"(?i:exterior|interior|aerial)"), FootageKind.LOCATION),
    (re.compile(r"(?i:close|крупно)"), FootageKind.OBJECT),
)
# What the picture shows decides the kind of an "Archive:" or a camera move.
_SHOWS_DOCUMENT = re.compile(
    r"(?i:front\s+page|newspaper|headline|letters?\b|document|diary|ledger|telegram|page\s+of|газет|письм|документ)"
)
_SHOWS_PHOTO = re.compile(r"(?i:photo|portrait|album|фото|портрет|альбом)")
_PORTRAIT_LABEL = re.compile(r"(?i:^portrait(?:\s+photograph)?(?:\s+of)?$|^портрет$)")
_NAME_RUN = re.compile(r"(?<![\w’'])[A-ZА-ЯЁ][\w’'-]+(?:\s+(?:of\s+the\s+|of\s+|de\s+|von\s+)?[A-ZА-ЯЁ][\w’'-]+)*")
_NOT_NAMES = frozenset(
    "A An The This That Archive Archival Photograph Photo Portrait Film Newsreel Present Slow Close CLOSE Exterior "
    "Interior Aerial Reconstruction Map Letter Newspaper Headline Pan Track Zoom Present-day Stiff".split()
)
_NOT_NAMES |= frozenset(
    "January February March April May June July August September October November December".split()
)
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


@dataclass(slots=True)
class Direction:
    """One picture the script calls for, in its own words."""

    block: int
    start: int
    end: int
    kind: FootageKind | None  # None: a silent direction (interview, title) logging nothing
    description: str
    terms: list[str] = field(default_factory=list)
    era: str | None = None
    label: str = ""  # the cue as written: "Archive photograph", "SUPER", "Interview"
    shown: str = ""  # what the picture shows, after the label


def find_directions(reading: ScriptReading, blocks: Iterable[int]) -> list[Direction]:
    """The picture directions of the given blocks, in script order."""
    found: list[Direction] = []
    document = reading.document
    for index in blocks:
        block = document.blocks[index]
        if block.kind is BlockKind.PICTURE:
            if not block.scene_heading:
                found.extend(_directions(reading, index, always=True))
        elif block.kind is BlockKind.NARRATION and _opens_with_cue(block.text):
            found.extend(_directions(reading, index, always=False))
    return found


def _opens_with_cue(text: str) -> bool:
    label = _LABEL.match(text)
    if label is not None and _label_kind(label.group("label")) is not False:
        return True
    return _OPENING.match(text) is not None


def _label_kind(label: str) -> FootageKind | None | bool:
    """The kind a label gives; None for a silent one; False when it is no picture cue.

    The label must open on its cue ("Archive photograph", "Present day",
    "SUPER"): "The letter read:" in narration is no direction.
    """
    words = label.split()
    if not words or len(words) > 5:
        return False
    first = words[0].strip(",")
    if not (_cue_kind(first) is not False or " ".join(words[:2]).lower().strip(",") in ("present day", "наши дни")):
        return False
    return _cue_kind(label)


def _cue_kind(label: str) -> FootageKind | None | bool:
    if _SILENT.search(label):
        return None
    for pattern, kind in _LABEL_KINDS:
        if pattern.search(label):
            return kind if kind is not None else FootageKind.PHOTO
    return False


def _directions(reading: ScriptReading, index: int, *, always: bool) -> list[Direction]:
    text = reading.blocks[index].text
    result: list[Direction] = []
    for start, end in reading.sentences(index):
        sentence = text[start:end]
        opened = _open(sentence, previous=result[-1].kind if result else None)
        if opened is None:
            if result:
                result[-1].end = end  # a detail of the picture just described
                continue
            if not always:
                break
            opened = (_content_kind(sentence, _NOUN_FIRST.match(sentence) and FootageKind.DOCUMENT
                                    or FootageKind.PHOTO), "", sentence)
        kind, label, body = opened
        result.append(Direction(index, start, end, kind, _description(label, body, kind), label=label,
                                shown=str(end - len(body))))  # where the shown part starts, for now
    for direction in result:
        # A sentence split at "Prof." or "Dr." goes on with the same picture.
        direction.shown = plain(text[int(direction.shown) : direction.end]).rstrip(" .")
        part = text[direction.start : direction.end]
        years = _YEAR.findall(part)
        direction.era = years[0] if years else None
        direction.terms = [name for name in _NAME_RUN.findall(part) if name.split()[0] not in _NOT_NAMES] + years[:1]
    return result


def _open(sentence: str, previous: FootageKind | None) -> tuple[FootageKind | None, str, str] | None:
    """(kind, label, what is shown) when a sentence opens a new picture, else None."""
    label = _LABEL.match(sentence)
    if label is not None:
        kind = _label_kind(label.group("label"))
        if kind is not False:
            body = sentence[label.end() :]
            name = label.group("label").strip()
            if kind is FootageKind.PHOTO and re.match(r"(?i:archiv|архив)", name) and _SHOWS_DOCUMENT.search(body):
                kind = FootageKind.DOCUMENT  # "Archive: front page of the Coastal Herald"
            return kind, name, body
    opening = _OPENING.match(sentence)
    if opening is not None:
        cue = opening.group(0)
        kind = next((k for pattern, k in _OPENING_KINDS if pattern.search(cue)), None)
        if kind is None:
            kind = _content_kind(sentence, previous or FootageKind.OBJECT)
        elif kind is FootageKind.OBJECT:
            kind = _content_kind(sentence, FootageKind.OBJECT)
        if re.match(r"(?i:portrait)", cue):
            return kind, "Portrait", sentence[opening.end() :]
        return kind, "", sentence
    noun = _NOUN_FIRST.match(sentence)
    if noun is not None and previous is None:
        return _content_kind(sentence, FootageKind.DOCUMENT), "", sentence
    return None


def _content_kind(text: str, default: FootageKind) -> FootageKind:
    if _SHOWS_DOCUMENT.search(text):
        return FootageKind.DOCUMENT
    if _SHOWS_PHOTO.search(text):
        return FootageKind.PHOTO
    return default


def _description(label: str, body: str, kind: FootageKind | None) -> str:
    body = plain(body).rstrip(" .")
    if kind is FootageKind.PHOTO and _PORTRAIT_LABEL.match(label):
        return shorten(f"Portrait of {body}", 120)
    if label:
        return shorten(f"{label[:1].upper()}{label[1:]}: {body}", 120)
    return shorten(body[:1].upper() + body[1:], 120)


_CAPTION_LABEL = re.compile(r"(?i:interview|super\b|lower\s+third|интервью|титр)")
_HONORIFIC = re.compile(r"^(?:(?:Prof|Dr|Mr|Mrs|Ms|Sir|Professor|Doctor)\.?\s+)+")


def captioned_names(reading: ScriptReading) -> list[tuple[str, int, int, int]]:
    """Names the script captions or interviews on screen: (name, block, start, end).

    "SUPER: Prof. Hanna Voss, historian of the northern ports" and
    "Interview: Margaret Hume, local historian" give "Hanna Voss" and
    "Margaret Hume" (honorifics dropped, the role after the comma too).
    """
    names = []
    for direction in find_directions(reading, range(len(reading.blocks))):
        if direction.kind is not None or not _CAPTION_LABEL.match(direction.label):
            continue
        name = _HONORIFIC.sub("", direction.shown.split(",")[0].strip())
        if name:
            names.append((name, direction.block, direction.start, direction.end))
    return names
