"""The researcher's verification queue.

Quotations filtered by state; the selected one in its context with speaker,
work and citations, and the matched source passage beside it. ``v`` ticks it
verified (signed with the researcher's name and the time by the
verification service), ``x`` marks a discrepancy with a note, ``n``/``p``
jump to the next/previous unverified quotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from scriptdesk.domain.enums import VerificationState
from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.services.queries import (
    ListQuery,
    Page,
    QuotationDetail,
    neighbour_quotation,
    quotation_detail,
    quotation_page,
    quotation_position,
)
from scriptdesk.tui.dialogs.text_input import TextInputDialog
from scriptdesk.tui.formatting import literal, state_text, timestamp
from scriptdesk.tui.screens.log_base import LogScreen
from scriptdesk.tui.services_bridge import service_available
from scriptdesk.tui.widgets.element_detail import field_table
from scriptdesk.tui.widgets.paged_table import Column, VirtualTable

STATES = [state.value for state in VerificationState]


def context_text(detail: QuotationDetail) -> Text:
    """The block the quotation sits in, the quotation itself highlighted."""
    text = literal(detail.context)
    if detail.span is not None:
        start, end = detail.span
        text.stylize("bold #f0c674 on #3a3020", max(0, start), max(0, end))
    return text


def source_text(detail: QuotationDetail) -> Text | Group:
    """The matched source passages, or a note that none is matched yet."""
    if not detail.citations:
        return Text("No source matched yet.", style="dim")
    parts: list[Text] = []
    for citation in detail.citations:
        head = Text()
        head.append(literal(citation.source_title or "Unknown source", limit=80, style="bold"))
        if citation.locator:
            head.append(f"  {citation.locator}", style="cyan")
        if citation.match_class:
            head.append(f"  {citation.match_class}", style="bold")
        if citation.attribution_mismatch:
            head.append("  speaker differs", style="bold red")
        head.append(f"  ({citation.review_state})", style="dim")
        parts.append(head)
        if citation.archive_reference:
            parts.append(literal(citation.archive_reference, style="dim"))
        if citation.matched_passage:
            parts.append(literal(citation.matched_passage, limit=600))
    return Group(*parts)


class VerificationScreen(LogScreen):
    """Quotations to check against their sources."""

    NAME = "verification"
    TITLE = "Verification queue"
    STATUSES = STATES
    BINDINGS = [
        Binding("v", "verify", "Verified", id="verify"),
        Binding("x", "discrepancy", "Discrepancy", id="discrepancy"),
        Binding("n", "next_unverified", "Next unverified", id="next-unverified"),
        Binding("p", "previous_unverified", "Prev unverified", show=False, id="previous-unverified"),
    ]
    """Verification keys: no mouse needed."""

    def columns(self) -> Sequence[Column[Any]]:
        return [
            Column("id", "#", lambda r: Text(str(r.id), style="dim"), width=5),
            Column("scene", "Sc", lambda r: literal(r.scene_number or "—"), width=4),
            Column("speaker", "Speaker", lambda r: literal(r.speaker or "unattributed", limit=30), width=16),
            Column("medium", "Medium", lambda r: literal(r.medium), width=10),
            Column("text", "Quotation", lambda r: literal(r.text, limit=120), width=44),
            Column("state", "State", lambda r: state_text(r.state), width=14),
            Column("verified_at", "Verified by", lambda r: literal(
                f"{r.verified_by} {timestamp(r.verified_at)}" if r.verified_by else ""), width=26),
        ]

    def compose_detail(self) -> ComposeResult:
        with Horizontal(id="quotation-detail"):
            with VerticalScroll(id="quotation-context"):
                yield Static("", id="context", markup=False)
            with VerticalScroll(id="quotation-source"):
                yield Static("", id="source", markup=False)

    def fetch_page(self, query: ListQuery) -> Page[Any]:
        return quotation_page(self.workspace, self.production_id, query)

    def refresh_data(self) -> None:
        super().refresh_data()
        self.show_detail()

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        row = self.table.selected
        context = self.query_one("#context", Static)
        source = self.query_one("#source", Static)
        if row is None:
            context.update(Text("No quotation in this list.", style="dim"))
            source.update("")
            return
        try:
            detail = quotation_detail(self.workspace, row.id)
        except ScriptDeskError as error:
            context.update(literal(str(error)))
            return
        fields: list[tuple[str, object]] = [
            ("Speaker", detail.row.speaker or "unattributed"),
            ("Medium", detail.row.medium),
            ("Work", detail.row.work_title or ""),
            ("Recipient", detail.recipient or ""),
            ("Date", detail.date_text or ""),
            ("State", state_text(detail.row.state)),
        ]
        if detail.row.verified_by:
            fields.append(("Verified by", f"{detail.row.verified_by}, {timestamp(detail.row.verified_at)}"))
        if detail.notes:
            fields.append(("Notes", detail.notes))
        for line in detail.note_lines:
            fields.append(("Note", line))
        context.update(Group(context_text(detail), Text(""), field_table(f"Quotation {detail.row.id}", fields)))
        source.update(source_text(detail))

    # -- verification actions --------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "verify":
            return service_available("verification", "verify_quotation")
        if action == "discrepancy":
            return service_available("verification", "mark_discrepancy")
        return True

    def action_verify(self) -> None:
        row = self.table.selected
        if row is None:
            return

        def verified(_result: object) -> None:
            self.notify(f"Quotation {row.id} verified by {self.desk.researcher}.", markup=False, timeout=3)

        detail = quotation_detail(self.workspace, row.id)
        if any(c.review_state == "suggested" and c.match_class != "not_found" for c in detail.citations):
            self.call_service("verification", "verify_quotation", row.id, by=self.desk.researcher, done=verified)
            return

        def cite(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            source, _, locator = answer.rpartition(",") if "," in answer else (answer, "", "")
            self.call_service(
                "verification", "verify_quotation", row.id, by=self.desk.researcher,
                source=source.strip(), locator=locator.strip() or None, done=verified,
            )

        self.app.push_screen(
            TextInputDialog(
                f"Verify quotation {row.id} against which source?",
                placeholder="source title, locator",
                hint="No source was suggested: name the source in the library, then a comma and the page or line.",
            ),
            cite,
        )

    def action_discrepancy(self) -> None:
        row = self.table.selected
        if row is None:
            return

        def mark(note: str | None) -> None:
            if note is None:
                return
            if not note.strip():
                self.report("A discrepancy needs a note saying what differs.", severity="warning")
                return
            self.call_service(
                "verification", "mark_discrepancy", row.id, by=self.desk.researcher, note=note.strip(),
                done=lambda _r: self.notify(f"Quotation {row.id} marked as a discrepancy.", markup=False, timeout=3),
            )

        self.app.push_screen(
            TextInputDialog(f"Discrepancy in quotation {row.id}", placeholder="what differs from the source?"), mark
        )

    def _jump(self, forward: bool) -> None:
        row = self.table.selected
        found = neighbour_quotation(self.workspace, self.production_id, row.id if row else None, forward=forward)
        if found is None:
            self.notify("No more unverified quotations that way.", markup=False, timeout=3)
            return
        self.focus_record("quotation", found, None)

    def action_next_unverified(self) -> None:
        self._jump(True)

    def action_previous_unverified(self) -> None:
        self._jump(False)

    def focus_record(self, kind: str, record_id: int, scene_id: int | None) -> None:
        table = self.table
        if table.select_record(record_id):
            return
        # Sorted by id, the record's place in the list is known without scanning.
        if self.query_state.sort == "id" and not self.query_state.descending:
            position = quotation_position(self.workspace, self.production_id, record_id, self.query_state)
            if position is not None:
                table.move_cursor(row=position)
                if table.selected is not None and table.selected.id == record_id:
                    self.show_detail()
                    return
        super().focus_record(kind, record_id, scene_id)
