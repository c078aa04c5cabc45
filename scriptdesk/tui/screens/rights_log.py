"""The rights (clearance) log: holders, status, licence terms and fees.

Term dates are typed naturally ("in 6 months", "end of march") and shown
unambiguously; terms that have ended or end within 60 days stand out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.binding import Binding

from scriptdesk.domain.enums import RightsStatus
from scriptdesk.services.dates import format_date
from scriptdesk.services.queries import ListQuery, Page, rights_page
from scriptdesk.tui.formatting import amount, date_text, literal, state_text
from scriptdesk.tui.screens.log_base import EditableField, EditableLogScreen
from scriptdesk.tui.widgets.paged_table import Column

STATUSES = [status.value for status in RightsStatus]


class RightsLogScreen(EditableLogScreen):
    """Every rights item of the production, one page at a time."""

    NAME = "rights"
    TITLE = "Rights log"
    TABLE = "rights_item"
    STATUSES = STATUSES
    BINDINGS = [Binding("t", "edit_term", "Edit term end", id="edit-term")]
    """Quick key for the licence term's end."""

    EDITABLE = {
        "subject": EditableField("subject"),
        "holder": EditableField("holder"),
        "status": EditableField("status", "choice", STATUSES),
        "term_start": EditableField("term_start", "date"),
        "term_end": EditableField("term_end", "date"),
        "fee": EditableField("fee"),
        "territory": EditableField("territory"),
    }

    def columns(self) -> Sequence[Column[Any]]:
        return [
            Column("id", "#", lambda r: Text(str(r.id), style="dim"), width=4),
            Column("kind", "Kind", lambda r: literal(r.kind.replace("_", " ")), width=14),
            Column("subject", "Subject", lambda r: literal(r.subject, limit=60), width=28),
            Column("holder", "Holder", lambda r: literal(r.holder, limit=40), width=16),
            Column("status", "Status", lambda r: state_text(r.status), width=13),
            Column("term_start", "From", lambda r: Text(format_date(r.term_start)), width=11, sortable=False),
            Column("term_end", "Term ends", lambda r: date_text(r.term_end), width=19),
            Column("fee", "Fee", lambda r: Text(amount(r.fee, r.currency), justify="right"), width=14),
            Column("territory", "Territory", lambda r: literal(r.territory, limit=30), width=12, sortable=False),
        ]

    def fetch_page(self, query: ListQuery) -> Page[Any]:
        return rights_page(self.workspace, self.production_id, query)

    def action_edit_term(self) -> None:
        row = self.table.selected
        if row is not None:
            self.edit_field(row, self.EDITABLE["term_end"], "Term ends")
