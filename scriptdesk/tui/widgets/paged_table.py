"""A table that draws only the rows on screen, of a list of any length.

:class:`VirtualTable` keeps no widget per row or cell: it asks the screen for
windows of rows (``fetch(offset, limit)``, a LIMIT/OFFSET query) as the
cursor or the scroll position reaches them, keeps a few windows, and renders
only the visible lines (Textual's line API). Columns have fixed widths, so
nothing is measured. PageDown past the loaded rows simply loads the next
window: the user never sees pages. Every cell is a :class:`~rich.text.Text`,
never markup, so ``[bold]`` in a quotation stays ``[bold]``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.services.queries import Page

Row = TypeVar("Row")
CursorType = Literal["row", "cell"]

#: Rows fetched at once: a little more than the tallest screen shows.
WINDOW = 64
#: Windows kept in memory (the rest are fetched again when scrolled back to).
KEPT_WINDOWS = 8
#: Spaces either side of a cell.
PADDING = 1


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """One column: its key (also the sort key), heading, width and cell renderer."""

    key: str
    label: str
    render: Callable[[Any], Text]
    width: int | None = None
    sortable: bool = True


#: ``fetch(offset, limit)`` returns the rows from ``offset`` and the list's total.
Fetch = Callable[[int, int], Page[Any]]


class VirtualTable(ScrollView, can_focus=True):
    """Rows of a long list, drawn line by line, fetched window by window."""

    BINDINGS = [
        Binding("up", "cursor(-1, 0)", "Up", show=False),
        Binding("down", "cursor(1, 0)", "Down", show=False),
        Binding("left", "cursor(0, -1)", "Left", show=False),
        Binding("right", "cursor(0, 1)", "Right", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First row", show=False),
        Binding("end", "last", "Last row", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    """Cursor keys; the list scrolls under the cursor."""

    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--header-cursor",
        "virtual-table--cursor",
        "virtual-table--row-cursor",
        "virtual-table--even-row",
    }
    """Styles of the heading, the cursor and the zebra stripes."""

    DEFAULT_CSS = """
    VirtualTable { height: 1fr; border: round $primary-darken-2; background: $surface; }
    VirtualTable:focus { border: round $accent; }
    VirtualTable > .virtual-table--header { text-style: bold; background: $panel; }
    VirtualTable > .virtual-table--header-cursor { text-style: bold underline; background: $panel; }
    VirtualTable > .virtual-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    VirtualTable > .virtual-table--row-cursor { background: $block-cursor-blurred-background; }
    VirtualTable > .virtual-table--even-row { background: $surface-lighten-1 20%; }
    """

    class RowHighlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, table: VirtualTable, index: int, row: Any) -> None:
            super().__init__()
            self.table = table
            self.index = index
            self.row = row

        @property
        def control(self) -> VirtualTable:
            return self.table

    class CellSelected(Message):
        """Enter (or a click on the cursor) on a cell."""

        def __init__(self, table: VirtualTable, index: int, row: Any, column: Column[Any]) -> None:
            super().__init__()
            self.table = table
            self.index = index
            self.row = row
            self.column = column

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self, columns: Sequence[Column[Any]], *, id: str | None = None, cursor_type: CursorType = "row"
    ) -> None:
        super().__init__(id=id)
        self.columns_spec = list(columns)
        self.cursor_type = cursor_type
        self.fetch: Fetch | None = None
        self.total = 0
        self.cursor_row = 0
        self.cursor_column = 0
        # window index -> rows, and their rendered cells
        self._windows: OrderedDict[int, list[tuple[Any, list[Text]]]] = OrderedDict()
        # row index -> its cells drawn as segments (without row styles)
        self._drawn: dict[int, list[list[Segment]]] = {}
        self._offsets: list[int] = []
        offset = 0
        for column in self.columns_spec:
            self._offsets.append(offset)
            offset += (column.width or 10) + 2 * PADDING
        self._line_width = offset

    # -- data -------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """Rows in the whole list (not only those fetched)."""
        return self.total

    def reload(self, *, keep_cursor: bool = True) -> None:
        """Forget the fetched rows and show the list again from the database."""
        self._windows.clear()
        self._drawn.clear()
        if not keep_cursor:
            self.cursor_row = 0
        if self.fetch is None:
            self.total = 0
        else:
            # The window under the cursor; its total also sizes the list.
            self._window(self.cursor_row // WINDOW, refresh_total=True)
        self.cursor_row = min(max(self.cursor_row, 0), max(self.total - 1, 0))
        self.virtual_size = Size(self._line_width, self.total + 1)
        self._scroll_cursor_into_view()
        self._update_subtitle()
        self.refresh()

    def _window(self, number: int, *, refresh_total: bool = False) -> list[tuple[Any, list[Text]]]:
        window = self._windows.get(number)
        if window is not None:
            self._windows.move_to_end(number)
            return window
        if self.fetch is None:
            return []
        page = self.fetch(number * WINDOW, WINDOW)
        if refresh_total or page.total != self.total:
            self.total = page.total
        if page.first_index != number * WINDOW:
            # The list shrank under us: its last window came back instead.
            number = page.first_index // WINDOW
        window = [(row, [column.render(row) for column in self.columns_spec]) for row in page.rows]
        self._windows[number] = window
        for index in range(number * WINDOW, (number + 1) * WINDOW):
            self._drawn.pop(index, None)
        while len(self._windows) > KEPT_WINDOWS:
            self._windows.popitem(last=False)
        return window

    def _entry(self, index: int) -> tuple[Any, list[Text]] | None:
        if not 0 <= index < self.total:
            return None
        try:
            window = self._window(index // WINDOW)
        except ScriptDeskError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
        position = index % WINDOW
        return window[position] if position < len(window) else None

    def row_at(self, index: int) -> Any | None:
        """The row object at ``index`` of the list (fetched if needed)."""
        entry = self._entry(index)
        return entry[0] if entry else None

    def cells_of(self, record_id: int) -> list[Text] | None:
        """The rendered cells of a fetched record (as shown on screen)."""
        for window in self._windows.values():
            for row, cells in window:
                if row.id == record_id:
                    return cells
        return None

    @property
    def selected(self) -> Any | None:
        """The row object under the cursor, if any."""
        return self.row_at(self.cursor_row)

    @property
    def selected_column(self) -> Column[Any] | None:
        """The column under the cursor (to edit or sort by)."""
        if not self.columns_spec:
            return None
        return self.columns_spec[min(self.cursor_column, len(self.columns_spec) - 1)]

    def select_record(self, record_id: int) -> bool:
        """Move the cursor to a fetched record; False if it is not fetched."""
        for number, window in self._windows.items():
            for position, (row, _cells) in enumerate(window):
                if row.id == record_id:
                    self.move_cursor(row=number * WINDOW + position)
                    return True
        return False

    def find_record(self, record_id: int) -> bool:
        """Fetch window after window until the record is found and under the cursor."""
        if self.select_record(record_id):
            return True
        for number in range(-(-self.total // WINDOW)):
            if number in self._windows:
                continue
            try:
                window = self._window(number)
            except ScriptDeskError as error:
                self.notify(str(error), severity="error", markup=False)
                return False
            if any(row.id == record_id for row, _cells in window):
                return self.select_record(record_id)
        return False

    # -- cursor -----------------------------------------------------------------

    def move_cursor(self, *, row: int | None = None, column: int | None = None, animate: bool = False) -> None:
        """Put the cursor on a row (index in the whole list) and/or a column."""
        old_row, old_column = self.cursor_row, self.cursor_column
        if row is not None:
            self.cursor_row = min(max(row, 0), max(self.total - 1, 0))
        if column is not None:
            self.cursor_column = min(max(column, 0), max(len(self.columns_spec) - 1, 0))
        self._scroll_cursor_into_view()
        if (old_row, old_column) != (self.cursor_row, self.cursor_column):
            self._update_subtitle()
            self.refresh()
        if old_row != self.cursor_row and self.total:
            self.post_message(self.RowHighlighted(self, self.cursor_row, self.selected))

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_into_view(self) -> None:
        top = round(self.scroll_offset.y)
        visible = self._visible_rows()
        if self.cursor_row < top:
            top = self.cursor_row
        elif self.cursor_row >= top + visible:
            top = self.cursor_row - visible + 1
        left = round(self.scroll_offset.x)
        width = max(1, self.scrollable_content_region.width)
        if self.columns_spec:
            start = self._offsets[self.cursor_column]
            end = start + (self.columns_spec[self.cursor_column].width or 10) + 2 * PADDING
            if start < left:
                left = start
            elif end > left + width:
                left = max(0, min(start, end - width))
        self.scroll_to(x=left, y=top, animate=False, force=True, immediate=True)

    def _update_subtitle(self) -> None:
        self.border_subtitle = f"{self.cursor_row + 1:,} of {self.total:,}" if self.total else "none"

    def action_cursor(self, rows: int, columns: int) -> None:
        self.move_cursor(row=self.cursor_row + rows, column=self.cursor_column + columns)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self.cursor_row + direction * self._visible_rows())

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=self.total - 1)

    def action_select(self) -> None:
        row, column = self.selected, self.selected_column
        if row is not None and column is not None:
            self.post_message(self.CellSelected(self, self.cursor_row, row, column))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        x = offset.x + round(self.scroll_offset.x)
        column = next((i for i in reversed(range(len(self._offsets))) if self._offsets[i] <= x), 0)
        if offset.y == 0:
            self.move_cursor(column=column)
            return
        index = round(self.scroll_offset.y) + offset.y - 1
        if index >= self.total:
            return
        again = (index, column) == (self.cursor_row, self.cursor_column)
        self.move_cursor(row=index, column=column)
        if again:
            self.action_select()

    # -- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if y == 0:
            strip = self._header_strip()
        else:
            index = scroll_y + y - 1
            entry = self._entry(index)
            if entry is None:
                return Strip.blank(width, self.rich_style)
            strip = self._row_strip(index, entry[1])
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _header_strip(self) -> Strip:
        header = self.get_component_rich_style("virtual-table--header")
        current = self.get_component_rich_style("virtual-table--header-cursor")
        segments: list[Segment] = []
        for index, column in enumerate(self.columns_spec):
            style = current if index == self.cursor_column and self.has_focus else header
            cell = self._cell_segments(Text(column.label), column.width or 10)
            segments.extend(Segment.apply_style(cell, style=style))
        return Strip(segments, self._line_width)

    def _row_strip(self, index: int, cells: list[Text]) -> Strip:
        parts = self._drawn.get(index)
        if parts is None:
            parts = [self._cell_segments(cell, column.width or 10) for column, cell in zip(self.columns_spec, cells)]
            self._drawn[index] = parts
            if len(self._drawn) > KEPT_WINDOWS * WINDOW:
                self._drawn.pop(next(iter(self._drawn)))
        base = self.rich_style
        if index % 2:
            base = base + self.get_component_rich_style("virtual-table--even-row")
        segments: list[Segment] = []
        if index != self.cursor_row:
            for part in parts:
                segments.extend(part)
            return Strip(Segment.apply_style(segments, style=base), self._line_width)
        # The cursor colour wins over the cell's own colours.
        cursor = self.get_component_rich_style(
            "virtual-table--cursor" if self.has_focus else "virtual-table--row-cursor"
        )
        for number, part in enumerate(parts):
            if self.cursor_type == "row" or number == self.cursor_column:
                segments.extend(Segment.apply_style(part, style=base, post_style=cursor))
            else:
                segments.extend(Segment.apply_style(part, style=base))
        return Strip(segments, self._line_width)

    def _cell_segments(self, cell: Text, width: int) -> list[Segment]:
        """A cell's text cut or padded to its column, with the cell padding."""
        text = cell
        if "\n" in text.plain or text.cell_len > width:
            text = cell.copy()
            if "\n" in text.plain:
                text = Text(" ").join(text.split("\n", allow_blank=True))
            text.truncate(width, overflow="ellipsis")
        room = max(0, width - text.cell_len)
        left, right = (room, 0) if cell.justify == "right" else (0, room)
        segments = [Segment(" " * (PADDING + left))]
        segments.extend(segment for segment in text.render(self.app.console) if segment.text)
        segments.append(Segment(" " * (PADDING + right)))
        return segments

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._scroll_cursor_into_view()


#: The former name, kept for the screens that import it.
PagedTable = VirtualTable
