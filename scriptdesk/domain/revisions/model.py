"""Types of a script revision: what the previous revision held, how its elements
re-anchor in the new breakdown, and what changed between two revisions.

Pure data: the persistence layer fills :class:`PriorRevision` from the database,
:func:`scriptdesk.domain.revisions.reanchor` answers with a :class:`Reanchoring`,
and the services, exporters and workspace read a :class:`RevisionDiff`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from scriptdesk.domain.enums import BlockKind, FootageKind, Medium, RightsKind


class SceneNumbering(StrEnum):
    """How a production numbers the scenes of a new revision."""

    RENUMBER = "renumber"  # 1, 2, 3... in script order every time
    LOCKED = "locked"  # surviving scenes keep their number; inserts get 12A, removals become OMITTED


class Fate(StrEnum):
    """What became of a prior element in the new revision."""

    CARRIED = "carried"  # found again; all its work kept (its text may differ only in spacing, case or quote style)
    CHANGED = "changed"  # found again with other words, speaker or medium: needs re-verification
    ARCHIVED = "archived"  # gone from the new revision; kept, with the revision that removed it
    RESTORED = "restored"  # an archived element the new revision brings back


# -- what the previous revision held (filled from the database) --------------


@dataclass(frozen=True, slots=True)
class PriorBlock:
    """A block of the previous revision."""

    kind: BlockKind
    text: str
    video: str | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class PriorScene:
    """A scene of the previous revision: a run of its blocks (``omitted``: a placeholder with none)."""

    key: str  # identity kept across revisions (the scene's lineage key)
    number: str
    title: str
    first_block: int | None
    last_block: int | None  # inclusive
    omitted: bool = False


@dataclass(frozen=True, slots=True)
class PriorQuotation:
    """A quotation of the previous revision, or an archived one (``archived``)."""

    id: int
    text: str
    block: int | None  # index into PriorRevision.blocks; None for archived ones
    start: int | None = None  # span relative to the block
    end: int | None = None
    speaker: str | None = None
    medium: Medium = Medium.UNKNOWN
    archived: bool = False
    # A person corrected the speaker or medium: the script's new reading does not override it.
    speaker_by_person: bool = False
    medium_by_person: bool = False


@dataclass(frozen=True, slots=True)
class PriorFootageNeed:
    """A footage need of the previous revision, or an archived one."""

    id: int
    kind: FootageKind
    description: str
    block: int | None
    start: int | None = None
    end: int | None = None
    scene_key: str | None = None
    archived: bool = False


@dataclass(frozen=True, slots=True)
class PriorRightsItem:
    """A rights item of the previous revision, or an archived one."""

    id: int
    kind: RightsKind
    subject: str
    block: int | None
    quotation_ids: tuple[int, ...] = ()
    footage_ids: tuple[int, ...] = ()
    archived: bool = False


@dataclass(slots=True)
class PriorRevision:
    """Everything of the previous revision that re-anchoring needs."""

    blocks: list[PriorBlock] = field(default_factory=list)
    scenes: list[PriorScene] = field(default_factory=list)
    quotations: list[PriorQuotation] = field(default_factory=list)
    footage_needs: list[PriorFootageNeed] = field(default_factory=list)
    rights_items: list[PriorRightsItem] = field(default_factory=list)


# -- how the prior elements re-anchor in the new breakdown ------------------


@dataclass(frozen=True, slots=True)
class ElementOutcome:
    """The fate of one prior element (quotation, footage need or rights item).

    ``new_index`` indexes the new Breakdown's list of the same kind (None when
    archived). For a quotation, the ``*_changed`` flags say why it is CHANGED.
    """

    prior_id: int
    fate: Fate
    new_index: int | None
    similarity: float = 1.0  # 0..1, of the element's own text
    text_changed: bool = False
    speaker_changed: bool = False
    medium_changed: bool = False
    reason: str = ""  # for ARCHIVED: why, in plain words ("its paragraph was removed")


@dataclass(slots=True)
class SceneOutcome:
    """One scene of the new revision: where it came from and its number."""

    new_index: int | None  # index into Breakdown.scenes; None for an OMITTED placeholder
    prior_key: str | None  # the prior scene it continues, None for a new scene
    number: str
    moved: bool = False  # its order among surviving scenes changed
    changed: bool = False  # its blocks' text changed
    omitted: bool = False


@dataclass(slots=True)
class Reanchoring:
    """The answer of re-anchoring: every prior element's fate and every new scene's origin.

    New-breakdown elements named in no outcome are new: they arrive as suggestions.
    ``scenes`` is in the new revision's order, OMITTED placeholders included
    (LOCKED numbering only); ``removed_scene_keys`` are prior scenes that did not survive.
    """

    block_map: dict[int, int]  # new block index -> prior block index
    scenes: list[SceneOutcome]
    removed_scene_keys: list[str]
    quotations: list[ElementOutcome]
    footage_needs: list[ElementOutcome]
    rights_items: list[ElementOutcome]


# -- what changed between two revisions (read by CLI, exporters, workspace) --


class ChangeKind(StrEnum):
    """One kind of difference between two revisions."""

    ADDED = "added"
    REMOVED = "removed"  # archived with the later revision
    CHANGED = "changed"
    MOVED = "moved"
    RESTORED = "restored"
    RENUMBERED = "renumbered"


@dataclass(frozen=True, slots=True)
class SceneChange:
    """A scene added, removed, moved, changed or renumbered."""

    kind: ChangeKind
    title: str
    number_before: str | None
    number_after: str | None
    seconds_before: float = 0.0
    seconds_after: float = 0.0


@dataclass(frozen=True, slots=True)
class QuotationChange:
    """A quotation added, removed, changed (old and new wording) or restored."""

    kind: ChangeKind
    quotation_id: int
    scene_number: str | None
    text_before: str | None
    text_after: str | None
    speaker_before: str | None = None
    speaker_after: str | None = None
    medium_before: str | None = None
    medium_after: str | None = None
    verification_before: str | None = None  # the state it lost, for a changed one
    verification_after: str | None = None


@dataclass(frozen=True, slots=True)
class ElementChange:
    """A footage need or rights item added, removed, restored or moved to another scene."""

    kind: ChangeKind
    element_id: int
    description: str
    status: str
    scene_before: str | None = None
    scene_after: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RevisionLabel:
    """One revision as people name it."""

    number: int
    label: str
    imported_at: dt.datetime
    source_filename: str


@dataclass(slots=True)
class RevisionDiff:
    """What changed from one revision of a production's script to a later one."""

    production: str
    script: str
    before: RevisionLabel
    after: RevisionLabel
    scenes: list[SceneChange] = field(default_factory=list)
    quotations: list[QuotationChange] = field(default_factory=list)
    footage_needs: list[ElementChange] = field(default_factory=list)
    rights_items: list[ElementChange] = field(default_factory=list)
    seconds_before: float = 0.0
    seconds_after: float = 0.0

    @property
    def runtime_change_seconds(self) -> float:
        """The change of estimated runtime (positive: longer)."""
        return self.seconds_after - self.seconds_before

    @property
    def is_empty(self) -> bool:
        """True when nothing changed at all."""
        return not (self.scenes or self.quotations or self.footage_needs or self.rights_items) and (
            abs(self.runtime_change_seconds) < 0.5
        )
