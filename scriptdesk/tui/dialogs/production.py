"""The new-production dialog: title, target runtime and narration speed."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


@dataclass(frozen=True, slots=True)
class NewProduction:
    """What the producer typed; the productions service checks it."""

    title: str
    target_runtime: str
    words_per_minute: str


class NewProductionDialog(ModalScreen[NewProduction | None]):
    """Three fields; Enter on the last one (or on a filled title) creates."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    """Escape creates nothing."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="new-production"):
            yield Static(Text("New production", style="bold"))
            yield Input(placeholder="title", id="title")
            yield Input(placeholder="target runtime, e.g. 52 min or 1:30:00 (optional)", id="runtime")
            yield Input(placeholder="narration words per minute (default 140)", id="speed")
            yield Static(Text("Enter creates · Escape cancels", style="dim"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title = self.query_one("#title", Input)
        if not title.value.strip():
            title.focus()
            self.notify("A production needs a title.", severity="warning", markup=False, timeout=3)
            return
        self.dismiss(NewProduction(
            title.value.strip(), self.query_one("#runtime", Input).value, self.query_one("#speed", Input).value
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)
