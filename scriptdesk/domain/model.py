"""Domain types: the imported document and the breakdown found in it.

These plain dataclasses are the contract between the importers, the breakdown
engine, the persistence layer and the exporters. They know nothing of
databases or user interfaces.

Spans: every element records the block it was found in and a character range
*relative to that block's text*. Because ``document.text[block.start:block.end]
== block.text`` always holds, the absolute range in the decoded source text is
``block.start + span.start`` to ``block.start + span.end``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scriptdesk.domain.enums import (
    BlockKind,
    DatePrecision,
    EOClass,
    FootageKind,
    Medium,
    RightsKind,
    ScriptFormat,
    ShotType,
)


@dataclass(frozen=True, slots=True)
class ScriptBlock:
    """One paragraph-like unit of an imported script."""

    kind: BlockKind
    text: str
    start: int  # offset of ``text`` in ScriptDocument.text
    end: int
    speaker: str | None = None  # character cue of a dialogue block
    video: str | None = None  # left column of an A/V row; ``text`` is the audio
    level: int = 0  # heading level (1 = top) for headings, else 0
    scene_heading: bool = False  # a format-given scene boundary (INT./EXT., table row)


@dataclass(slots=True)
class ScriptDocument:
    """A script decoded and split into blocks, whatever its file format."""

    text: str  # decoded, sanitised source text the spans refer to
    format: ScriptFormat
    blocks: list[ScriptBlock]
    title: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Span:
    """Where an element was found: block index and range in that block's text."""

    block: int
    start: int
    end: int


@dataclass(slots=True)
class SceneDraft:
    """A scene: a run of consecutive blocks."""

    number: str
    title: str
    first_block: int
    last_block: int  # inclusive
    time_context: str = ""  # the dates it speaks of, e.g. "1927" or "1917–1927"
    word_count: int = 0
    estimated_seconds: float = 0.0


@dataclass(slots=True)
class DateDraft:
    """A historical date expression, normalised with its precision."""

    span: Span
    text: str
    precision: DatePrecision
    earliest: dt.date | None = None
    latest: dt.date | None = None
    confidence: float = 0.8


@dataclass(slots=True)
class PersonDraft:
    """One person with every name variant the script uses."""

    key: str  # stable identity within one breakdown
    display_name: str
    variants: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    birth_year: int | None = None
    death_year: int | None = None
    confidence: float = 0.8


@dataclass(slots=True)
class QuotationDraft:
    """A quoted passage and what is known of who said it, where and when."""

    span: Span  # the quoted words, without the enclosing quote marks
    text: str
    speaker: str | None = None  # a PersonDraft.key, or a plain name
    medium: Medium = Medium.UNKNOWN
    work_title: str | None = None
    recipient: str | None = None
    date_text: str | None = None
    nested_in: int | None = None  # index of the enclosing QuotationDraft
    eo_class: EOClass = EOClass.FACTUAL
    confidence: float = 0.8
    end_span: Span | None = None  # last block of a quotation running over paragraphs


@dataclass(slots=True)
class FootageNeedDraft:
    """Something a scene needs on screen from an archive or a shoot."""

    span: Span
    kind: FootageKind
    description: str
    search_terms: list[str] = field(default_factory=list)
    era: str = ""
    confidence: float = 0.6


@dataclass(slots=True)
class RightsItemDraft:
    """Something to clear or check, with the elements it covers."""

    kind: RightsKind
    subject: str
    span: Span | None = None
    holder: str | None = None
    author: str | None = None
    work_title: str | None = None
    author_death_year: int | None = None
    public_domain_reasoning: str = ""  # guidance per jurisdiction, never legal advice
    quotation_indexes: list[int] = field(default_factory=list)
    footage_indexes: list[int] = field(default_factory=list)
    confidence: float = 0.6


@dataclass(slots=True)
class ShotDraft:
    """A proposed shot of a scene's draft shot list."""

    scene_index: int
    number: str
    description: str
    shot_type: ShotType
    duration_seconds: float
    footage_index: int | None = None
    audio: str = ""
    span: Span | None = None


@dataclass(slots=True)
class Breakdown:
    """Everything the engine found in one document."""

    document: ScriptDocument
    scenes: list[SceneDraft] = field(default_factory=list)
    quotations: list[QuotationDraft] = field(default_factory=list)
    people: list[PersonDraft] = field(default_factory=list)
    dates: list[DateDraft] = field(default_factory=list)
    footage_needs: list[FootageNeedDraft] = field(default_factory=list)
    rights_items: list[RightsItemDraft] = field(default_factory=list)
    shots: list[ShotDraft] = field(default_factory=list)
    summary_blocks: list[int] = field(default_factory=list)  # blocks in no scene

    def scene_of_block(self, block_index: int) -> int | None:
        """Index of the scene containing a block, or None for summary blocks."""
        for index, scene in enumerate(self.scenes):
            if scene.first_block <= block_index <= scene.last_block:
                return index
        return None
