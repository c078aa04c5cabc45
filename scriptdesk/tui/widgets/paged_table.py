"""A table that shows one page of a long list at a time.

A DataTable measures every cell before its first frame, so filling one with
10,000 rows takes seconds. :class:`PagedTable` holds one page (200 rows by
default); ``]`` and ``[`` fetch the next and previous page through a callback
the screen supplies, and the border shows where in the list the page is.
Every cell is rendered from a :class:`~rich.text.Text`, never from markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import CursorType, RowDoesNotExist

from scriptdesk.services.queries import Page

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """One column: its key (also the sort key), heading, width and cell renderer."""

    key: str
    label: str
    render: Callable[[Any], Text]
    width: int | None = None
    sortable: bool = True


class PagedTable(DataTable[Text]):
    """A DataTable holding one page of rows, keyed by record id."""

    BINDINGS = [
        Binding("right_square_bracket", "next_page", "Next page", id="next-page"),
        Binding("left_square_bracket", "previous_page", "Previous page", show=False, id="previous-page"),
    ]
    """Page keys; the screen decides what a page contains."""

    DEFAULT_CSS = """
    PagedTable { height: 1fr; border: round $primary-darken-2; }
    PagedTable:focus { border: round $accent; }
    """

    def __init__(
        self, columns: Sequence[Column[Any]], *, id: str | None = None, cursor_type: CursorType = "row"
    ) -> None:
        super().__init__(id=id, cursor_type=cursor_type, zebra_stripes=True)
        self.columns_spec = list(columns)
        self.page: Page[Any] | None = None
        self.fetch: Callable[[int], Page[Any]] | None = None
        self._rows_by_key: dict[str, Any] = {}

    def on_mount(self) -> None:
        for column in self.columns_spec:
            self.add_column(Text(column.label, style="bold"), width=column.width, key=column.key)

    def show_page(self, page: Page[Any], *, keep_cursor: bool = True) -> None:
        """Replace the rows with ``page`` (cursor kept on the same line where possible)."""
        cursor = self.cursor_row if keep_cursor else 0
        cursor_column = self.cursor_column
        self.clear()
        self.page = page
        self._rows_by_key = {}
        for row in page.rows:
            key = str(row.id)
            self._rows_by_key[key] = row
            self.add_row(*(column.render(row) for column in self.columns_spec), key=key)
        if page.rows:
            self.move_cursor(
                row=min(max(cursor, 0), len(page.rows) - 1), column=cursor_column, animate=False
            )
        first = page.first_index + 1 if page.rows else 0
        last = page.first_index + len(page.rows)
        self.border_subtitle = (
            f"{first:,}–{last:,} of {page.total:,} · page {page.page + 1}/{page.page_count}"
        )

    @property
    def selected(self) -> Any | None:
        """The row object under the cursor, if any."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._rows_by_key.get(key or "")

    @property
    def selected_column(self) -> Column[Any] | None:
        """The column under the cursor (for editing a cell)."""
        if not self.columns_spec:
            return None
        return self.columns_spec[min(self.cursor_column, len(self.columns_spec) - 1)]

    def select_record(self, record_id: int) -> bool:
        """Move the cursor to a record of this page; False if it is on another page."""
        try:
            index = self.get_row_index(str(record_id))
        except RowDoesNotExist:
            return False
        self.move_cursor(row=index, animate=False)
        return True

    def reload(self) -> None:
        """Fetch the current page again (after an edit)."""
        if self.fetch is not None:
            self.show_page(self.fetch(self.page.page if self.page else 0))

    def action_next_page(self) -> None:
        if self.fetch is not None and self.page is not None and self.page.page + 1 < self.page.page_count:
            self.show_page(self.fetch(self.page.page + 1), keep_cursor=False)

    def action_previous_page(self) -> None:
        if self.fetch is not None and self.page is not None and self.page.page > 0:
            self.show_page(self.fetch(self.page.page - 1), keep_cursor=False)
