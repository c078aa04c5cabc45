"""The detail panel: the fields of the selected element, shown literally."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from scriptdesk.tui.formatting import literal


def field_table(title: str, fields: Iterable[tuple[str, object]]) -> Table:
    """A two-column table of field names and literal values."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(style="bold", no_wrap=True, min_width=6, max_width=12)
    table.add_column(ratio=1)
    table.title = None
    table.add_row(Text(title, style="bold reverse"), Text(""))
    for name, value in fields:
        table.add_row(Text(name), value if isinstance(value, Text) else literal(value))
    return table


class ElementDetail(Static):
    """Shows one element's fields; empty text when nothing is selected."""

    DEFAULT_CSS = """
    ElementDetail { padding: 0 1; height: auto; }
    """

    def show_fields(self, title: str, fields: Iterable[tuple[str, object]]) -> None:
        self.update(field_table(title, fields))

    def show_nothing(self, hint: str = "Select an element with n / p.") -> None:
        self.update(Text(hint, style="dim"))
