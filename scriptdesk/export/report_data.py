"""The plain data every report writer takes: frozen dataclasses, no ORM objects.

The exporting service loads a production from the database and fills these;
the writers only lay them out. Every string is printed literally, so values
may contain anything a script or a source contains.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ReportHeader:
    """What every page header names: the film, the script and its revision."""

    production: str
    script_title: str
    revision_label: str
    revision_date: dt.date


# ---------------------------------------------------------------- shooting script


@dataclass(frozen=True, slots=True)
class VideoCue:
    """One item of the VIDEO column: a shot, archive material, a graphic, a lower third."""

    kind: str  # "shot", "archive", "graphic", "lower_third", "transition", "direction"
    text: str
    label: str = ""  # e.g. "SHOT 12 · ARCHIVAL" or "LOWER THIRD"
    detail: str = ""  # e.g. "Archive: Krasnogorsk · needed"


@dataclass(frozen=True, slots=True)
class AudioCue:
    """One item of the AUDIO column: narration, a quotation with its speaker, sync."""

    kind: str  # "narration", "quotation", "dialogue", "sync", "note"
    text: str
    label: str = ""  # e.g. "QUOTE — Mikoyan, memoir:"


@dataclass(frozen=True, slots=True)
class AVRow:
    """One aligned row of the two-column script."""

    video: tuple[VideoCue, ...] = ()
    audio: tuple[AudioCue, ...] = ()


@dataclass(frozen=True, slots=True)
class ShootingScene:
    """A scene of the shooting script with its aligned rows."""

    number: str
    title: str
    estimated_seconds: float
    time_context: str = ""
    rows: tuple[AVRow, ...] = ()


@dataclass(frozen=True, slots=True)
class ShootingScriptData:
    """The documentary two-column (A/V) shooting script."""

    header: ReportHeader
    scenes: tuple[ShootingScene, ...]
    target_runtime_seconds: float | None = None

    @property
    def runtime_seconds(self) -> float:
        return sum(scene.estimated_seconds for scene in self.scenes)


# ---------------------------------------------------------------- shot list


@dataclass(frozen=True, slots=True)
class ShotRow:
    """One shot as the shot list prints it."""

    scene: str
    number: str
    shot_type: str
    description: str
    footage: str = ""
    archive: str = ""
    duration_seconds: float = 0.0
    status: str = ""


@dataclass(frozen=True, slots=True)
class ShotListScene:
    """The shots of one scene."""

    number: str
    title: str
    shots: tuple[ShotRow, ...]

    @property
    def total_seconds(self) -> float:
        return sum(shot.duration_seconds for shot in self.shots)


@dataclass(frozen=True, slots=True)
class ShotListData:
    """Every shot per scene, with totals per scene and overall."""

    header: ReportHeader
    scenes: tuple[ShotListScene, ...]

    @property
    def total_seconds(self) -> float:
        return sum(scene.total_seconds for scene in self.scenes)

    @property
    def rows(self) -> tuple[ShotRow, ...]:
        return tuple(shot for scene in self.scenes for shot in scene.shots)


# ---------------------------------------------------------------- sources


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A bibliographic record as the reports cite it."""

    key: int  # stable number within one report's bibliography
    title: str
    kind: str = "other"
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    edition: str | None = None
    translator: str | None = None
    archive_reference: str | None = None
    published_in: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class CitationEntry:
    """A quotation traced to a source, with the page or archive locator."""

    source: SourceRecord | None
    locator: str = ""
    match_class: str = ""
    review_state: str = ""
    confirmed_by: str = ""
    note: str = ""
    attribution_mismatch: bool = False


# ---------------------------------------------------------------- quote-source sheet


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quotation of the quote-source sheet."""

    number: str
    scene: str
    text: str
    speaker: str = ""
    medium: str = ""
    work: str = ""
    date_text: str = ""
    state: str = "unverified"
    verified_by: str = ""
    verified_at: dt.datetime | None = None
    eo_class: str = ""
    citations: tuple[CitationEntry, ...] = ()
    discrepancies: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteException:
    """A quotation a lawyer must look at, and why."""

    number: str
    scene: str
    reason: str  # "unverified", "single source", "discrepancy", ...
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class QuoteSheetData:
    """Every quotation with its citations and verification, for the lawyer."""

    header: ReportHeader
    quotations: tuple[QuoteEntry, ...]
    counts_by_state: tuple[tuple[str, int], ...] = ()
    exceptions: tuple[QuoteException, ...] = ()


# ---------------------------------------------------------------- annotated script


@dataclass(frozen=True, slots=True)
class AnnotatedLine:
    """A narration line or quotation of the script, keyed to its notes."""

    scene: str
    kind: str  # "narration", "quotation", "dialogue", "av_row"
    text: str
    speaker: str = ""
    note_numbers: tuple[int, ...] = ()
    eo_class: str | None = None  # the line's own E&O class; None if unclassified
    scene_title: str = ""


@dataclass(frozen=True, slots=True)
class SourceReference:
    """A source named by an annotation, with its page or archive locator."""

    source_key: int
    short: str
    locator: str = ""


@dataclass(frozen=True, slots=True)
class AnnotationNote:
    """One numbered errors-and-omissions note."""

    number: int
    subject: str  # "Quotation Q3 — Mikoyan, memoir" or "Narration"
    eo_class: str | None  # factual / fictionalised / author_created, None if unclassified
    sources: tuple[SourceReference, ...] = ()
    state: str = ""
    remarks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotatedScriptData:
    """The errors-and-omissions script: lines, numbered notes, bibliography."""

    header: ReportHeader
    lines: tuple[AnnotatedLine, ...]
    notes: tuple[AnnotationNote, ...]
    bibliography: tuple[SourceRecord, ...] = ()


# ---------------------------------------------------------------- logs


@dataclass(frozen=True, slots=True)
class ClearanceRow:
    """One rights item of the clearance log."""

    number: int
    kind: str
    subject: str
    holder: str = ""
    contact: str = ""
    status: str = ""
    territory: str = ""
    media: str = ""
    licence_type: str = ""
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    fee: Decimal | None = None
    currency: str = "USD"
    credit_line: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ClearanceLogData:
    """Every rights item with fees and totals."""

    header: ReportHeader
    items: tuple[ClearanceRow, ...]

    @property
    def totals(self) -> tuple[tuple[str, Decimal], ...]:
        return _totals((item.currency, item.fee) for item in self.items)


@dataclass(frozen=True, slots=True)
class FootageRow:
    """One archival footage need of the footage log."""

    number: int
    scene: str
    kind: str
    description: str
    archive: str = ""
    clip_id: str = ""
    timecode_in: str = ""
    timecode_out: str = ""
    duration_seconds: float | None = None
    cost: Decimal | None = None
    currency: str = "USD"
    status: str = ""
    screener_ordered: bool = False
    master_ordered: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class FootageLogData:
    """Every footage need with archive, timecodes, costs and orders."""

    header: ReportHeader
    items: tuple[FootageRow, ...]

    @property
    def totals(self) -> tuple[tuple[str, Decimal], ...]:
        return _totals((item.currency, item.cost) for item in self.items)

    @property
    def total_seconds(self) -> float:
        return sum(item.duration_seconds or 0.0 for item in self.items)


def _totals(amounts: Iterable[tuple[str, Decimal | None]]) -> tuple[tuple[str, Decimal], ...]:
    """Sums per currency, in currency order; empty amounts are left out."""
    sums: dict[str, Decimal] = {}
    for currency, amount in amounts:
        if amount is not None:
            sums[currency] = sums.get(currency, Decimal(0)) + Decimal(amount)
    return tuple(sorted(sums.items()))


#: Any report's data, as the dispatch table accepts it.
ReportData = (
    ShootingScriptData
    | ShotListData
    | QuoteSheetData
    | AnnotatedScriptData
    | ClearanceLogData
    | FootageLogData
)

__all__ = [
    "AVRow",
    "AnnotatedLine",
    "AnnotatedScriptData",
    "AnnotationNote",
    "AudioCue",
    "CitationEntry",
    "ClearanceLogData",
    "ClearanceRow",
    "FootageLogData",
    "FootageRow",
    "QuoteEntry",
    "QuoteException",
    "QuoteSheetData",
    "ReportData",
    "ReportHeader",
    "ShootingScene",
    "ShootingScriptData",
    "ShotListData",
    "ShotListScene",
    "ShotRow",
    "SourceRecord",
    "SourceReference",
    "VideoCue",
]
