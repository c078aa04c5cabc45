"""Picking a range of a scene's text by keyboard or mouse, to tag it or to correct a span.

The scene text is shown in a read-only TextArea (shown literally, never as
markup): the cursor starts at the element in hand, shift+arrows (or a mouse
drag) extend the selection, and one key says what the selection is.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea


@dataclass(frozen=True, slots=True)
class PickedSpan:
    """The chosen range of the scene text and what to do with it."""

    kind: str  # quotation, footage, rights, or "span" when correcting
    start: int
    end: int


class SpanPickerDialog(ModalScreen[PickedSpan | None]):
    """Select words of the scene; q/f/r tag them, or Enter keeps them as the new span."""

    BINDINGS = [
        Binding("q", "pick('quotation')", "Quotation", id="tag-quotation"),
        Binding("f", "pick('footage')", "Footage need", id="tag-footage"),
        Binding("r", "pick('rights')", "Rights item", id="tag-rights"),
        Binding("enter", "pick('span')", "Use this span", id="use-span"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    """Tag keys (tagging) or Enter (correcting a span)."""

    def __init__(self, title: str, text: str, *, start: int = 0, end: int | None = None, correcting: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.initial = (start, start if end is None else end)
        self.correcting = correcting

    def compose(self) -> ComposeResult:
        hint = (
            "shift+arrows extend the selection · Enter uses it as the quotation's span · Escape cancels"
            if self.correcting
            else "shift+arrows extend the selection · q quotation · f footage need · r rights item · Escape cancels"
        )
        with Vertical(classes="dialog dialog-wide", id="span-picker"):
            yield Static(Text(self.title_text, style="bold"))
            yield TextArea(self.text, read_only=True, soft_wrap=True, show_line_numbers=False, id="span-text")
            yield Static(Text(hint, style="dim"), classes="dialog-hint")
            yield Static("", id="span-selected", markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        document = area.document
        start = document.get_location_from_index(max(0, min(self.initial[0], len(self.text))))
        end = document.get_location_from_index(max(0, min(self.initial[1], len(self.text))))
        area.selection = (start, end)  # type: ignore[assignment]
        area.scroll_cursor_visible()
        area.focus()
        self._show_selection()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        self._show_selection()

    def selected_range(self) -> tuple[int, int]:
        """The selection as offsets into the scene text, start first."""
        area = self.query_one(TextArea)
        selection = area.selection
        first = area.document.get_index_from_location(selection.start)
        second = area.document.get_index_from_location(selection.end)
        return min(first, second), max(first, second)

    def _show_selection(self) -> None:
        start, end = self.selected_range()
        chosen = self.text[start:end]
        line = Text()
        if chosen:
            shown = " ".join(chosen.split())
            line.append("Selected: ", style="bold")
            line.append(shown[:160] + ("…" if len(shown) > 160 else ""))
        else:
            line.append("Nothing selected yet.", style="dim")
        self.query_one("#span-selected", Static).update(line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            return (parameters[0] == "span") == self.correcting
        return True

    def action_pick(self, kind: str) -> None:
        start, end = self.selected_range()
        if start == end:
            self.notify("Select some words first (shift+arrows).", severity="warning", markup=False, timeout=3)
            return
        self.dismiss(PickedSpan(kind, start, end))

    def action_cancel(self) -> None:
        self.dismiss(None)
