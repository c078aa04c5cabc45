"""The keys of the current screen (``?``)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def key_table(app_screen: Screen[object]) -> Table:
    """Key and description of every binding active on a screen."""
    table = Table(expand=True, box=None, show_header=True, header_style="bold")
    table.add_column("Key", no_wrap=True, style="bold cyan")
    table.add_column("Does")
    seen: set[tuple[str, str]] = set()
    for active in app_screen.active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        key = app_screen.app.get_key_display(binding)
        if (key, binding.description) in seen:
            continue
        seen.add((key, binding.description))
        style = "" if active.enabled else "dim"
        table.add_row(Text(key, style=style), Text(binding.description, style=style))
    return table


class HelpScreen(ModalScreen[None]):
    """A list of keys for the screen underneath; any of Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close", id="close-help")]
    """Closing keys."""

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.table = key_table(screen)
        self.screen_name = type(screen).__name__.removesuffix("Screen")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="help"):
            yield Static(Text(f"Keys · {self.screen_name}", style="bold"))
            with VerticalScroll():
                yield Static(self.table)
            yield Static(Text("Ctrl+P opens the command palette with every action by name.", style="dim"))

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
