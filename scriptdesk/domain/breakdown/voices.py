"""Who is speaking in a screenplay: a narrator, an interviewee, or a voice reading a document.

Provides :func:`find_voices`, which reads the character cue, its extensions
and parentheticals of every DIALOGUE block (Fountain, Final Draft) and the
speaker label of every A/V row, and returns a :class:`Voice` per block.

The rule, in the order it is applied:

1. **Narration.** A cue that is a narrating role (NARRATOR, HOST, PRESENTER,
   ANNOUNCER, COMMENTATOR, РАССКАЗЧИК, ВЕДУЩИЙ, ДИКТОР ...) is narration: its
   words are not a quotation, but quote marks inside them still are.
2. **Reader for someone.** "VOICE OF TROTSKY", "READER (AS PROKOFIEV)",
   "ACTOR READING MIKOYAN", "ГОЛОС ТРОЦКОГО" voice that person's words: a
   reading.
3. **Interview.** A living person speaking to the camera is an interview,
   not a quotation: a cue or parenthetical saying SYNC, INTERVIEW, ON CAMERA,
   IN VISION (ИНТЕРВЬЮ, СИНХРОН), a cue opening with a witness's role
   (HISTORIAN, ARCHIVIST, CURATOR, WITNESS ...), an A/V picture cell opening
   with "Interview", or a lower third (SUPER:, LOWER THIRD:, CAPTION:, ТИТР:)
   naming the speaker. Being an interviewee holds for the whole script,
   unless a block's own parenthetical says the words are read.
4. **Reading.** Any other named cue is a voice reading what that person
   wrote or said, so the whole block is a quotation. Its medium comes from
   the parenthetical or the cue ("(from his diary)", "(letter to Agnes)"),
   else from the narration just before it (see :mod:`.attribution`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scriptdesk.domain.breakdown.names import word_table
from scriptdesk.domain.enums import BlockKind, Medium
from scriptdesk.domain.model import ScriptDocument

NARRATION = "narration"
INTERVIEW = "interview"
READING = "reading"

_NARRATING = frozenset(
    "narrator narration host presenter announcer commentator commentary storyteller "
    "voice-over vo рассказчик ведущий ведущая диктор автор".split()
)
_WITNESS_ROLES = frozenset(
    "historian archivist curator witness expert interviewee biographer researcher "
    "историк архивист свидетель эксперт исследователь".split()
)
_INTERVIEW_MARK = re.compile(
    r"\b(?:sync|interview(?:ed)?|on[ -]camera|o\.?c\.?|in vision|iv|"
    r"интервью|синхрон)\b",
    re.IGNORECASE,
)
_READING_MARK = re.compile(
    r"\b(?:read(?:s|ing)?|read by|as read|voiced|quoting|from|"
    r"читает|читая|зачитывает|из)\b",
    re.IGNORECASE,
)
_TECHNICAL_EXTENSION = re.compile(
    r"^(?:v\.?\s?o\.?|o\.?\s?s\.?|o\.?\s?c\.?|cont['’]?d|continued|cont|into phone|on phone|"
    r"filtered|pre-?lap|за кадром|прод\.?)$",
    re.IGNORECASE,
)
_READER_FOR = re.compile(
    r"^(?:(?:the\s+)?voice\s+of|(?:actor|actress|reader)\s+(?:reading|as|voicing)|"
    r"голос|чтец\s+за|актёр\s+читает|актер\s+читает)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_READER_AS = re.compile(r"^(?:reader|actor|actress|voice|чтец|актёр|актер|голос)$", re.IGNORECASE)
_LOWER_THIRD = re.compile(
    r"^\s*(?:super|lower third|caption|aston|chyron|name strap|титр|плашка)\s*:\s*"
    r"(?P<rest>[^\n]+)",
    re.IGNORECASE,
)
_AV_LABEL = re.compile(
    r"(?P<name>[A-ZА-ЯЁ][A-ZА-ЯЁ.'’\- ]{0,40}[A-ZА-ЯЁ.])[ \t]*(?:\((?P<direction>[^()\n]{0,80})\))?[ \t]*:\s*"
)
_DATE_IN_DIRECTION = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|spring|summer|autumn|fall|winter|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"весна|лето|осень|зима)\w*(?:\s+\d{1,2},?)?\s+\d{4}|\b\d{1,2}\.\d{1,2}\.\d{4}|\b1[5-9]\d\d\b|\b20\d\d\b",
    re.IGNORECASE,
)
_RECIPIENT_IN_DIRECTION = re.compile(
    r"\b(?:letter|note|telegram|postcard|cable|wrote|writing)\s+to\s+(?:the\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][\w’'-]*(?:\s+[A-ZА-ЯЁ][\w’'-]*){0,3})"
)


@dataclass(frozen=True, slots=True)
class Voice:
    """What one spoken block is and whose words it carries."""

    role: str  # NARRATION, INTERVIEW or READING
    person: str | None = None  # the name voiced, as written in the cue ("Johan Ekholm")
    direction: str = ""  # cue extensions and parentheticals, e.g. "V.O.; reading from his diary"
    medium: Medium | None = None  # a medium the cue or parenthetical names
    recipient: str | None = None
    date_text: str | None = None
    words_start: int = 0  # where the spoken words start in the block (after an A/V label)


def find_voices(document: ScriptDocument, skip_blocks: set[int]) -> dict[int, Voice]:
    """A :class:`Voice` for every DIALOGUE block and labelled A/V row."""
    cues: dict[int, tuple[str, list[str], int]] = {}
    for index, block in enumerate(document.blocks):
        if index in skip_blocks:
            continue
        if block.kind == BlockKind.DIALOGUE and block.speaker:
            name, directions = _cue_and_directions(document, index)
            cues[index] = (name, directions, 0)
        elif block.kind == BlockKind.AV_ROW and block.speaker:
            label = _AV_LABEL.match(block.text)
            if label is None:
                continue
            directions = [label.group("direction")] if label.group("direction") else []
            if block.video and re.match(r"\s*(?:interview|интервью)\b", block.video, re.IGNORECASE):
                directions.append("interview")
            cues[index] = (label.group("name").strip(), directions, label.end())
    interviewees = _interviewees(document, skip_blocks, cues)
    voices: dict[int, Voice] = {}
    for index, (name, directions, words_start) in cues.items():
        voices[index] = _voice(name, directions, words_start, interviewees)
    return voices


def _voice(name: str, directions: list[str], words_start: int, interviewees: set[str]) -> Voice:
    direction = "; ".join(directions)
    person, narrating = _person_of_cue(name, directions)
    if narrating or person is None:
        return Voice(NARRATION, None, direction, words_start=words_start)
    # "(interview, her study)" names no medium the words are read from.
    medium = _medium_named("; ".join(part for part in directions if not _INTERVIEW_MARK.search(part)))
    explicit_reading = medium is not None or any(
        _READING_MARK.search(part) for part in directions if not _INTERVIEW_MARK.search(part)
    )
    if not explicit_reading and (
        _INTERVIEW_MARK.search(direction) or _folded(person) in interviewees
        or " ".join(_folded(person).split()[-2:]) in interviewees
    ):
        return Voice(INTERVIEW, person, direction, words_start=words_start)
    recipient = _RECIPIENT_IN_DIRECTION.search(direction)
    date = _DATE_IN_DIRECTION.search(direction)
    return Voice(
        READING,
        person,
        direction,
        medium=medium,
        recipient=recipient.group("name") if recipient else None,
        date_text=date.group().strip() if date else None,
        words_start=words_start,
    )


def _person_of_cue(name: str, directions: list[str]) -> tuple[str | None, bool]:
    """(person's name, is a narrating role) of a cue without its extensions."""
    name = " ".join(name.split())
    reader = _READER_FOR.match(name)
    if reader:
        return _display(reader.group("name")), False
    if _READER_AS.match(name):
        # "READER (AS PROKOFIEV)": the person is in the extension.
        for part in directions:
            voiced = re.match(r"\s*(?:as|как)\s+(.+)", part, re.IGNORECASE)
            if voiced:
                return _display(voiced.group(1)), False
        return None, True
    words = name.split()
    if not words:
        return None, True
    if words[0].casefold().strip(".") in _NARRATING or name.casefold() in _NARRATING:
        return None, True
    return _display(name), False


def _display(name: str) -> str:
    """A cue's name as written in prose: "JOHAN EKHOLM" -> "Johan Ekholm"."""
    words = [word.capitalize() if word.isupper() else word for word in name.split()]
    return " ".join(
        "-".join(part.capitalize() if part.isupper() else part for part in word.split("-"))
        for word in words
    )


def _folded(name: str) -> str:
    """A name without titles, case-folded, for comparing cues with lower thirds."""
    titles = word_table("titles")
    words = [word for word in re.findall(r"[\w’'-]+", name.casefold()) if word not in titles]
    return " ".join(words)


def _cue_and_directions(document: ScriptDocument, index: int) -> tuple[str, list[str]]:
    """The full cue of a dialogue block and every direction given with it.

    The importers keep the cue line itself out of any block, so it is read
    from the document text just before the first block under the cue.
    """
    blocks = document.blocks
    speaker = blocks[index].speaker or ""
    directions: list[str] = []
    first = index
    while True:
        gap_start = blocks[first - 1].end if first > 0 else 0
        gap = document.text[gap_start : blocks[first].start]
        lines = [line.strip() for line in gap.splitlines() if line.strip()]
        if lines or first == 0:
            break
        previous = blocks[first - 1]
        if previous.kind not in (BlockKind.DIALOGUE, BlockKind.PARENTHETICAL) or (
            previous.speaker != speaker
        ):
            break
        first -= 1
        if previous.kind == BlockKind.PARENTHETICAL:
            directions.insert(0, previous.text.strip().strip("()").strip())
    name, extensions = _split_cue(lines[-1] if lines else speaker)
    if name.casefold() != _split_cue(speaker)[0].casefold():
        # The line before is no cue of this speaker (an importer's own layout).
        name, extensions = _split_cue(speaker)
    meaningful = [part for part in extensions if not _TECHNICAL_EXTENSION.match(part.strip())]
    return name, meaningful + directions


def _split_cue(cue: str) -> tuple[str, list[str]]:
    """ "@Anna Petrova (V.O.) (CONT'D) ^" -> ("Anna Petrova", ["V.O.", "CONT'D"])."""
    cue = cue.strip().removeprefix("@").removesuffix("^").strip()
    paren = cue.find("(")
    if paren < 0:
        return cue, []
    parts = [part.strip(" )") for part in cue[paren:].split("(")]
    return cue[:paren].strip(), [part for part in parts if part]


def _interviewees(
    document: ScriptDocument, skip_blocks: set[int], cues: dict[int, tuple[str, list[str], int]]
) -> set[str]:
    """Folded names of the people the script presents as interviewees."""
    found: set[str] = set()
    for name, directions, _ in cues.values():
        person, narrating = _person_of_cue(name, directions)
        if person is None or narrating:
            continue
        if any(_INTERVIEW_MARK.search(part) for part in directions) or (
            name.split()[0].casefold() in _WITNESS_ROLES
        ):
            found.add(_folded(person))
    for index, block in enumerate(document.blocks):
        if index in skip_blocks:
            continue
        for text in (block.text, block.video or ""):
            third = _LOWER_THIRD.match(text)
            if third:
                # "SUPER: Prof. Hanna Voss, historian of the northern ports"
                found.add(_folded(re.split(r"[,–—(]| - ", third.group("rest"))[0]))
    return found


def _medium_named(direction: str) -> Medium | None:
    """The medium a parenthetical or cue names: "(from his diary)" -> DIARY."""
    nouns = word_table("medium_nouns")
    for word in re.findall(r"[\w-]+", direction.casefold()):
        if word in nouns:
            return Medium(nouns[word])
    return None



def spoken_words(text: str, voice: Voice) -> tuple[int, int]:
    """Start and end in a block's text of the words a voice speaks, trimmed."""
    start, end = voice.words_start, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
