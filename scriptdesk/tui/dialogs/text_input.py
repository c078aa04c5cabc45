"""Dialogs that ask for one value: free text, or one of a list of choices."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class TextInputDialog(ModalScreen[str | None]):
    """One line of text; Enter accepts, Escape cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    """Escape leaves the value unchanged."""

    def __init__(self, title: str, *, value: str = "", placeholder: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Input(value=self.value, placeholder=self.placeholder, id="value")
            if self.hint:
                yield Static(Text(self.hint, style="dim"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one value from a list (type its first letters or use the arrows)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    """Escape leaves the value unchanged."""

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], *, current: str | None = None) -> None:
        """``choices`` are (value, label) pairs."""
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(*(Option(Text(label), id=value) for value, label in self.choices), id="choices")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for index, (value, _label) in enumerate(self.choices):
            if value == self.current:
                options.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
