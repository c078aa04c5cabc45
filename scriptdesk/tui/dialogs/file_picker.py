"""Choosing a script to import: a folder tree showing the formats ScriptDesk reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

#: File endings the importers understand (Fountain, Final Draft, Word, prose).
SCRIPT_SUFFIXES = (".fountain", ".spmd", ".fdx", ".docx", ".md", ".markdown", ".txt", ".text")


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What to import and into which production."""

    path: Path
    production: str


class ScriptTree(DirectoryTree):
    """A directory tree that lists folders and script files only."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".") and (path.is_dir() or path.suffix.lower() in SCRIPT_SUFFIXES)
        ]


class ImportDialog(ModalScreen[ImportRequest | None]):
    """Pick a script file (tree or typed path) and name the production it belongs to."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    """Escape imports nothing."""

    def __init__(self, *, start: Path | None = None, production: str = "") -> None:
        super().__init__()
        self.start = start or Path.cwd()
        self.production = production

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="import-dialog"):
            yield Static(Text("Import a script", style="bold"))
            yield Static(
                Text("Formats: Fountain (.fountain .spmd), Final Draft (.fdx), Word (.docx), prose (.md .txt)", style="dim")
            )
            yield ScriptTree(self.start, id="tree")
            yield Input(placeholder="file path", id="path")
            yield Input(value=self.production, placeholder="production title", id="production")
            yield Static(Text("Enter in the production field imports; Escape cancels.", style="dim"))

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.query_one("#path", Input).value = str(event.path)
        production = self.query_one("#production", Input)
        if not production.value.strip():
            production.value = event.path.stem.replace("_", " ").title()
        production.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path_text = self.query_one("#path", Input).value.strip()
        production = self.query_one("#production", Input).value.strip()
        if not path_text:
            self.query_one("#path", Input).focus()
            self.notify("Choose a script file first.", severity="warning", markup=False)
            return
        if not production:
            self.query_one("#production", Input).focus()
            self.notify("Name the production the script belongs to.", severity="warning", markup=False)
            return
        self.dismiss(ImportRequest(Path(path_text).expanduser(), production))

    def action_cancel(self) -> None:
        self.dismiss(None)
