"""Search across the production: type, see matches, Enter to go there."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from scriptdesk.domain.safe_text import printable
from scriptdesk.services.queries import SearchHit

KIND_LABELS = {"scene": "Scene", "quotation": "Quote", "footage_need": "Footage", "rights_item": "Rights"}


class SearchDialog(ModalScreen[SearchHit | None]):
    """Matches update as you type; Enter in the list opens the record."""

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="close"),
        Binding("down", "to_results", "Results", show=False, id="to-results"),
    ]
    """Escape closes; down arrow moves from the query to the matches."""

    def __init__(self, search: Callable[[str], list[SearchHit]], *, query: str = "") -> None:
        super().__init__()
        self.search = search
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="search-dialog"):
            yield Static(Text("Search the production", style="bold"))
            yield Input(value=self.initial, placeholder="words, a name, an archive…", id="query")
            yield OptionList(id="hits")
            yield Static(Text("", style="dim"), id="search-count")

    def on_mount(self) -> None:
        if self.initial:
            self._refresh_hits(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refresh_hits(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            self.dismiss(self.hits[0])

    def _refresh_hits(self, query: str) -> None:
        self.hits = self.search(query) if len(query.strip()) >= 2 else []
        options = self.query_one("#hits", OptionList)
        options.clear_options()
        for index, hit in enumerate(self.hits):
            line = Text()
            line.append(f"{KIND_LABELS.get(hit.kind, hit.kind):<8}", style="bold")
            line.append(printable(hit.label, 40))
            line.append(" · ")
            line.append(printable(hit.detail, 90), style="dim")
            options.add_option(Option(line, id=str(index)))
        self.query_one("#search-count", Static).update(Text(f"{len(self.hits)} matches" if query.strip() else ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_to_results(self) -> None:
        self.query_one("#hits", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
