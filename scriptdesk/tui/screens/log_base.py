"""Shared behaviour of the paged, filterable, sortable log screens.

A filter line (free text, Enter applies), a status filter cycled with ``f``,
a sort on the column under the cursor with ``o`` (again to reverse), and a
:class:`VirtualTable` that fetches only the rows the screen shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, Static

from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.services.queries import ListQuery, Page
from scriptdesk.tui.screens.base import ProductionScreen
from scriptdesk.tui.widgets.paged_table import Column, VirtualTable
from scriptdesk.tui.widgets.key_bar import KeyBar


class LogScreen(ProductionScreen):
    """A paged table of one kind of record with filter, status and sort."""

    BINDINGS = [
        Binding("f", "cycle_status", "Status filter", id="status-filter"),
        Binding("o", "sort", "Sort by column", show=False, id="sort"),
        Binding("ctrl+f", "focus_filter", "Filter text", show=False, id="filter"),
    ]
    """Filtering and sorting keys."""

    #: Status values to cycle through (None = all).
    STATUSES: Sequence[str] = ()
    CURSOR = "row"

    def __init__(self) -> None:
        super().__init__()
        self.query_state = ListQuery()

    def columns(self) -> Sequence[Column[Any]]:
        raise NotImplementedError

    def fetch_page(self, query: ListQuery) -> Page[Any]:
        raise NotImplementedError

    def compose_detail(self) -> ComposeResult:
        """Widgets shown under the table (none by default)."""
        return iter(())

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="filter-bar"):
            yield Input(placeholder="filter (Enter applies)", id="filter")
            yield Static(Text(""), id="status-label")
        yield VirtualTable(self.columns(), id="log", cursor_type=self.CURSOR)  # type: ignore[arg-type]
        yield from self.compose_detail()
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#log", VirtualTable)
        table.fetch = self._fetch_window
        table.focus()

    def _fetch_window(self, offset: int, limit: int) -> Page[Any]:
        # Windows are aligned to their size, so a window is a page of that size.
        return self.fetch_page(replace(self.query_state, page=offset // limit, page_size=limit))

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#log", VirtualTable)

    def refresh_data(self, *, keep_cursor: bool = True) -> None:
        if self.workspace is None:
            return
        try:
            self.table.reload(keep_cursor=keep_cursor)
        except ScriptDeskError as error:
            self.report(error)
        label = Text()
        label.append(" status: ", style="dim")
        label.append((self.query_state.status or "all").replace("_", " "), style="bold")
        label.append(f"  sort: {self.query_state.sort}{' ↓' if self.query_state.descending else ' ↑'}", style="dim")
        self.query_one("#status-label", Static).update(label)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "filter":
            return
        event.stop()
        self.query_state = replace(self.query_state, text=event.value, page=0)
        self.refresh_data(keep_cursor=False)
        self.table.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_cycle_status(self) -> None:
        options: list[str | None] = [None, *self.STATUSES]
        current = options.index(self.query_state.status) if self.query_state.status in options else 0
        self.query_state = replace(self.query_state, status=options[(current + 1) % len(options)], page=0)
        self.refresh_data(keep_cursor=False)

    def action_sort(self) -> None:
        column = self.table.selected_column
        if column is None or not column.sortable:
            return
        descending = self.query_state.sort == column.key and not self.query_state.descending
        self.query_state = replace(self.query_state, sort=column.key, descending=descending, page=0)
        self.refresh_data(keep_cursor=False)

    def focus_record(self, kind: str, record_id: int, scene_id: int | None) -> None:
        """Show a record found by search: clear filters and move to it."""
        self.query_state = ListQuery()
        self.refresh_data(keep_cursor=False)
        self.table.find_record(record_id)


class EditableField:
    """How a column of a log is edited: the record field, and text, date or choice."""

    def __init__(self, field: str, kind: str = "text", choices: Sequence[str] = ()) -> None:
        self.field = field
        self.kind = kind
        self.choices = tuple(choices)


DATE_HINT = "e.g. 2027-03-01, 1 March 2027, next friday, in 6 months, end of march, tomorrow"


class EditableLogScreen(LogScreen):
    """A log whose cells are edited in place: Enter or e on a cell."""

    BINDINGS = [Binding("e", "edit_cell", "Edit cell", id="edit-cell")]
    """Cell editing key (Enter works too)."""

    CURSOR = "cell"
    TABLE = ""
    EDITABLE: dict[str, EditableField] = {}

    def on_virtual_table_cell_selected(self, event: VirtualTable.CellSelected) -> None:
        event.stop()
        self.action_edit_cell()

    def action_edit_cell(self) -> None:
        row = self.table.selected
        column = self.table.selected_column
        if row is None or column is None:
            return
        spec = self.EDITABLE.get(column.key)
        if spec is None:
            self.notify(f"{column.label} cannot be edited here.", markup=False, timeout=3)
            return
        self.edit_field(row, spec, column.label)

    def edit_field(self, row: Any, spec: EditableField, label: str) -> None:
        """Ask for a new value of one field of ``row`` and save it."""
        from scriptdesk.tui.dialogs.text_input import ChoiceDialog, TextInputDialog

        current = getattr(row, spec.field, None)

        def save(value: str | None) -> None:
            if value is None:
                return
            self.save_value(row, spec, value)

        if spec.kind == "choice":
            self.app.push_screen(
                ChoiceDialog(label, [(choice, choice.replace("_", " ")) for choice in spec.choices], current=current),
                save,
            )
            return
        shown = "" if current is None else str(current)
        if spec.kind == "date" and current is not None:
            from scriptdesk.services.dates import format_date

            shown = format_date(current)
        hint = DATE_HINT if spec.kind == "date" else "Enter saves; Escape cancels; empty clears."
        self.app.push_screen(TextInputDialog(label, value=shown, hint=hint), save)

    def save_value(self, row: Any, spec: EditableField, value: str) -> None:
        """Check a typed value and send it to the editing service."""
        text = value.strip()
        new_value: object = text or None
        if spec.kind == "date" and text:
            from scriptdesk.services.dates import format_date, parse_natural_date

            try:
                parsed = parse_natural_date(text)
            except ScriptDeskError as error:
                self.report(error)
                return
            new_value = parsed.isoformat()
            done = f"{spec.field.replace('_', ' ').capitalize()} set to {format_date(parsed)}."
        else:
            done = "Saved."
        self.edit_record(self.TABLE, row.id, {spec.field: new_value}, row.version, done=done)
