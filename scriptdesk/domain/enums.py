"""Controlled vocabularies of a documentary breakdown.

Every value is stored in the database as its plain string, so the enums can
grow without a schema change and stay portable across SQLite and PostgreSQL.
"""

from __future__ import annotations

from enum import StrEnum


class ScriptFormat(StrEnum):
    """The formats the importers understand."""

    PROSE = "prose"  # narration prose in plain text or Markdown
    FOUNTAIN = "fountain"
    FDX = "fdx"
    DOCX = "docx"


class BlockKind(StrEnum):
    """What one block of a script is."""

    HEADING = "heading"
    NARRATION = "narration"
    QUOTATION = "quotation"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    AV_ROW = "av_row"
    SUMMARY = "summary"  # the synopsis before the screenplay proper; in no scene
    NOTE = "note"
    PARENTHETICAL = "parenthetical"  # a (reading from her diary) line under a character cue
    PICTURE = "picture"  # the picture cell of an A/V row, just before that row: seen, not spoken


class Medium(StrEnum):
    """Where a quotation comes from."""

    DIARY = "diary"
    MEMOIR = "memoir"
    LETTER = "letter"
    SPEECH = "speech"
    NEWSPAPER = "newspaper"
    TRANSCRIPT = "transcript"
    DOCUMENT = "document"
    CONVERSATION = "conversation"
    SLOGAN = "slogan"
    UNKNOWN = "unknown"


class VerificationState(StrEnum):
    """How far a researcher has got in tracing a quotation to its source."""

    UNVERIFIED = "unverified"
    IN_PROGRESS = "in_progress"
    VERIFIED_SINGLE_SOURCE = "verified_single_source"
    VERIFIED = "verified"
    DISCREPANCY = "discrepancy"
    CANNOT_VERIFY = "cannot_verify"
    NEEDS_REVERIFICATION = "needs_reverification"  # its wording, speaker or medium changed in a new revision


class EOClass(StrEnum):
    """Errors-and-omissions class of a line of the film."""

    FACTUAL = "factual"
    FICTIONALISED = "fictionalised"  # fictionalised but based on fact
    AUTHOR_CREATED = "author_created"


class Origin(StrEnum):
    """Who produced a breakdown element."""

    ENGINE = "engine"
    PERSON = "person"


class ReviewState(StrEnum):
    """Whether a person has looked at an engine suggestion."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DatePrecision(StrEnum):
    """How precise a historical date expression is."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"
    RELATIVE = "relative"


class SourceKind(StrEnum):
    """Bibliographic kind of a source."""

    BOOK = "book"
    ARTICLE = "article"
    NEWSPAPER = "newspaper"
    ARCHIVE_FILE = "archive_file"
    TRANSCRIPT = "transcript"
    DIARY = "diary"
    LETTER = "letter"
    WEB = "web"
    FILM = "film"
    OTHER = "other"


class CitationMethod(StrEnum):
    """How a citation was made."""

    AUTOMATIC = "automatic"
    MANUAL = "manual"


class MatchClass(StrEnum):
    """How a quotation compares with the best source passage."""

    EXACT = "exact"
    NORMALISED = "normalised"
    ALTERED = "altered"
    NOT_FOUND = "not_found"


class FootageKind(StrEnum):
    """What an archival-footage need is."""

    FILM_CLIP = "film_clip"
    NEWSREEL = "newsreel"
    PHOTO = "photo"
    DOCUMENT = "document"
    LOCATION = "location"
    ARTWORK = "artwork"
    OBJECT = "object"
    MAP_GRAPHIC = "map_graphic"
    REENACTMENT = "reenactment"


class FootageStatus(StrEnum):
    """Where a footage need stands with the archive."""

    NEEDED = "needed"
    SEARCHING = "searching"
    FOUND = "found"
    SCREENER_ORDERED = "screener_ordered"
    MASTER_ORDERED = "master_ordered"
    RECEIVED = "received"
    DROPPED = "dropped"


class RightsKind(StrEnum):
    """What a rights item clears."""

    TEXT_QUOTATION = "text_quotation"
    FOOTAGE = "footage"
    PHOTO = "photo"
    MUSIC = "music"
    ARTWORK = "artwork"
    TRADEMARK = "trademark"
    RELEASE = "release"  # location or likeness release
    SCRIPT = "script"


class RightsStatus(StrEnum):
    """Where a rights item stands in clearance."""

    TO_CHECK = "to_check"
    REQUESTED = "requested"
    NEGOTIATING = "negotiating"
    CLEARED = "cleared"
    PUBLIC_DOMAIN = "public_domain"
    FAIR_USE = "fair_use"
    DENIED = "denied"


class ShotType(StrEnum):
    """The kind of picture a shot is."""

    ARCHIVAL = "archival"
    INTERVIEW = "interview"
    HOST_ON_CAMERA = "host_on_camera"
    REENACTMENT = "reenactment"
    B_ROLL = "b_roll"
    GRAPHIC = "graphic"
