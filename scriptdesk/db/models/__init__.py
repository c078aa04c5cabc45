"""All ScriptDesk tables; importing this module registers them on ``Base.metadata``."""

from scriptdesk.db.base import Base
from scriptdesk.db.models.audit import AppMeta, AuditEntry
from scriptdesk.db.models.logistics import (
    FootageNeed,
    RightsItem,
    Shot,
    rights_item_footage,
    rights_item_quotation,
)
from scriptdesk.db.models.people import Mention, Organisation, Person, Place
from scriptdesk.db.models.production import Block, Production, Scene, Script, ScriptRevision
from scriptdesk.db.models.quotations import HistoricalDate, Note, Quotation
from scriptdesk.db.models.sources import (
    Citation,
    Source,
    SourceDocument,
    SourcePage,
    SourcePassage,
)

__all__ = [
    "AppMeta",
    "AuditEntry",
    "Base",
    "Block",
    "Citation",
    "FootageNeed",
    "HistoricalDate",
    "Mention",
    "Note",
    "Organisation",
    "Person",
    "Place",
    "Production",
    "Quotation",
    "RightsItem",
    "Scene",
    "Script",
    "ScriptRevision",
    "Shot",
    "Source",
    "SourceDocument",
    "SourcePage",
    "SourcePassage",
    "rights_item_footage",
    "rights_item_quotation",
]
