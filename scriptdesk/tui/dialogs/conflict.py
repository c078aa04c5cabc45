"""Shown when someone else changed a record first: both values, side by side."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from scriptdesk.tui.formatting import literal

KEEP_THEIRS = "theirs"
USE_MINE = "mine"


class ConflictDialog(ModalScreen[str]):
    """Returns ``theirs`` (keep the stored value) or ``mine`` (write mine over it)."""

    BINDINGS = [
        Binding("t,escape", "choose('theirs')", "Keep theirs", id="keep-theirs"),
        Binding("m", "choose('mine')", "Use mine", id="use-mine"),
    ]
    """Nothing is overwritten unless the user asks for it."""

    def __init__(self, record: str, field: str | None, theirs: object, yours: object) -> None:
        super().__init__()
        self.record = record
        self.field = field
        self.theirs = theirs
        self.yours = yours

    def compose(self) -> ComposeResult:
        where = f"{self.record} · {self.field}" if self.field else self.record
        table = Table(expand=True, show_header=True, header_style="bold")
        table.add_column("Theirs (saved)")
        table.add_column("Yours (not saved)")
        table.add_row(literal(self.theirs), literal(self.yours))
        with Vertical(classes="dialog", id="conflict"):
            yield Static(Text("Someone else changed this in the meantime", style="bold red"))
            yield Static(literal(where))
            yield Static(table, id="conflict-values")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep theirs (t)", variant="primary", id="theirs")
                yield Button("Use mine (m)", variant="warning", id="mine")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or KEEP_THEIRS)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
