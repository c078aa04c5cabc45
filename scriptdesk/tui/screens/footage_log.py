"""The footage log: what the film needs from archives, with status, timecodes and cost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from scriptdesk.domain.enums import FootageStatus
from scriptdesk.services.queries import FootageRow, ListQuery, Page, footage_page
from scriptdesk.tui.formatting import amount, literal, state_text
from scriptdesk.tui.screens.log_base import EditableField, EditableLogScreen
from scriptdesk.tui.widgets.paged_table import Column

STATUSES = [status.value for status in FootageStatus]


def _seconds(row: FootageRow) -> Text:
    return Text("" if row.duration_seconds is None else f"{row.duration_seconds:g}", justify="right")


class FootageLogScreen(EditableLogScreen):
    """Every footage need of the production, one page at a time."""

    NAME = "footage"
    TITLE = "Footage log"
    TABLE = "footage_need"
    STATUSES = STATUSES
    EDITABLE = {
        "description": EditableField("description"),
        "status": EditableField("status", "choice", STATUSES),
        "archive": EditableField("archive"),
        "clip_id": EditableField("clip_id"),
        "timecode_in": EditableField("timecode_in"),
        "timecode_out": EditableField("timecode_out"),
        "duration": EditableField("duration_seconds"),
        "rate": EditableField("per_second_rate"),
        "cost": EditableField("cost"),
    }

    def columns(self) -> Sequence[Column[Any]]:
        return [
            Column("id", "#", lambda r: Text(str(r.id), style="dim"), width=5),
            Column("scene", "Sc", lambda r: literal(r.scene_number or "—"), width=4),
            Column("kind", "Kind", lambda r: literal(r.kind.replace("_", " ")), width=10),
            Column("description", "Description", lambda r: literal(r.description, limit=60), width=36),
            Column("status", "Status", lambda r: state_text(r.status), width=16),
            Column("archive", "Archive", lambda r: literal(r.archive, limit=30), width=16),
            Column("clip_id", "Clip", lambda r: literal(r.clip_id, limit=20), width=10, sortable=False),
            Column("timecode_in", "In", lambda r: literal(r.timecode_in), width=11, sortable=False),
            Column("timecode_out", "Out", lambda r: literal(r.timecode_out), width=11, sortable=False),
            Column("duration", "Secs", _seconds, width=6),
            Column("rate", "Rate/s", lambda r: Text(amount(r.per_second_rate), justify="right"), width=8, sortable=False),
            Column("cost", "Est. cost", lambda r: Text(amount(r.estimated_cost, r.currency), justify="right"), width=14),
        ]

    def fetch_page(self, query: ListQuery) -> Page[Any]:
        return footage_page(self.workspace, self.production_id, query)
