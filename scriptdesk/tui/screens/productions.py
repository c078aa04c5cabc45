"""The productions list: open, create, rename, import a script with progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, ProgressBar, Static

from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.tui.formatting import duration, internal_error, literal
from scriptdesk.tui.screens.base import WorkspaceScreen
from scriptdesk.tui.services_bridge import service_available, service_function
from scriptdesk.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from scriptdesk.services.queries import ProductionSummary
    from scriptdesk.tui.dialogs.file_picker import ImportRequest


def import_message(result: object) -> str:
    """One sentence saying what an import produced."""
    production = getattr(result, "production", "the production")
    if getattr(result, "already_imported", False):
        return f"This file was already imported into {production}; nothing changed."
    counts = [
        f"{getattr(result, name, 0)} {label}"
        for name, label in (("scenes", "scenes"), ("quotations", "quotations"),
                            ("footage_needs", "footage needs"), ("rights_items", "rights items"))
    ]
    return f"Imported into {production}: {', '.join(counts)}."


class ProductionsScreen(WorkspaceScreen):
    """Every production in the database; the first screen of the workspace."""

    NAME = "productions"

    BINDINGS = [
        Binding("enter", "open_production", "Open", id="open"),
        Binding("i", "import_script", "Import script", id="import"),
        Binding("n", "new_production", "New production", id="new"),
        Binding("r", "rename_production", "Rename", id="rename"),
    ]
    """Productions keys."""

    def __init__(self) -> None:
        super().__init__()
        self.productions: list[ProductionSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Opening the database…", style="dim"), id="productions-status")
        table: DataTable[Text] = DataTable(id="productions", cursor_type="row", zebra_stripes=True)
        yield table
        yield ProgressBar(id="import-progress", show_eta=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#productions", DataTable)
        for key, label in (("title", "Production"), ("scripts", "Scripts"), ("revision", "Latest revision"),
                           ("scenes", "Scenes"), ("quotes", "Quotations"), ("unverified", "Unverified"),
                           ("target", "Target")):
            table.add_column(Text(label, style="bold"), key=key)
        self.query_one("#import-progress").display = False
        table.focus()

    def refresh_data(self) -> None:
        if self.desk.workspace is None:
            return
        # Imported here so the first screen appears before SQLAlchemy is loaded.
        from scriptdesk.services.queries import list_productions

        try:
            self.productions = list_productions(self.workspace)
        except ScriptDeskError as error:
            self.report(error)
            return
        table = self.query_one("#productions", DataTable)
        cursor = table.cursor_row
        table.clear()
        for p in self.productions:
            table.add_row(
                literal(p.title, limit=60, style="bold"), Text(str(p.scripts)), literal(p.latest_revision or "—"),
                Text(str(p.scenes)), Text(f"{p.quotations:,}"),
                Text(f"{p.unverified:,}", style="bold yellow" if p.unverified else ""),
                Text(duration(p.target_runtime_seconds) or "—"), key=str(p.id),
            )
        if self.productions:
            table.move_cursor(row=min(cursor, len(self.productions) - 1), animate=False)
        where = self.desk.database_description
        message = Text()
        message.append(f"{len(self.productions)} production(s) in ", style="dim")
        message.append(where, style="dim italic")
        if not self.productions:
            message.append("  ·  press i to import a script", style="bold")
        self.query_one("#productions-status", Static).update(message)

    def on_screen_resume(self) -> None:
        self.refresh_data()

    @property
    def selected(self) -> ProductionSummary | None:
        table = self.query_one("#productions", DataTable)
        if not self.productions or table.cursor_row >= len(self.productions):
            return None
        return self.productions[table.cursor_row]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_production":
            return self.selected is not None
        if action == "rename_production":
            return self.selected is not None and service_available("productions", "rename_production")
        if action == "import_script":
            return service_available("importing", "import_script")
        if action == "new_production":
            return service_available("productions", "create_production")
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_production()

    def action_open_production(self) -> None:
        chosen = self.selected
        if chosen is not None:
            self.desk.open_production(chosen.id, chosen.title)

    def action_new_production(self) -> None:
        from scriptdesk.tui.dialogs.production import NewProduction, NewProductionDialog

        def create(request: NewProduction | None) -> None:
            if request is not None:
                self.call_service("productions", "create_production", request.title, request.target_runtime,
                                  request.words_per_minute,
                                  done=lambda created: self.notify(f"Created {created.title}.", markup=False))

        self.app.push_screen(NewProductionDialog(), create)

    def action_rename_production(self) -> None:
        from scriptdesk.tui.dialogs.text_input import TextInputDialog

        chosen = self.selected
        if chosen is None:
            return

        def rename(title: str | None) -> None:
            if not title or not title.strip() or title.strip() == chosen.title:
                return
            rename_production = service_function("productions", "rename_production")
            self.edit_record(
                "production", chosen.id, {"title": title.strip()}, chosen.version, done="Renamed.",
                writer=lambda workspace, version, actor: rename_production(workspace, chosen.id, title, version, actor),
            )

        self.app.push_screen(TextInputDialog("Rename production", value=chosen.title), rename)

    # -- import ----------------------------------------------------------------

    def action_import_script(self) -> None:
        from scriptdesk.tui.dialogs.file_picker import ImportDialog

        chosen = self.selected
        self.app.push_screen(ImportDialog(production=chosen.title if chosen else ""), self._start_import)

    def _start_import(self, request: ImportRequest | None) -> None:
        if request is None:
            return
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=100, progress=0)
        bar.display = True
        self.notify(f"Importing {request.path.name}…", markup=False, timeout=3)
        self._import_worker(request)

    def _progress(self, *args: Any) -> None:
        """Progress callback from the importer: (fraction), (done, total) or (stage, fraction)."""
        numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
        if len(numbers) >= 2 and numbers[1]:
            fraction = numbers[0] / numbers[1]
        elif numbers:
            fraction = numbers[0] if numbers[0] <= 1 else numbers[0] / 100
        else:
            return
        self.app.call_from_thread(self.query_one("#import-progress", ProgressBar).update, progress=100 * min(1.0, fraction))

    @work(thread=True, exclusive=True, group="import")
    def _import_worker(self, request: ImportRequest) -> None:
        import_script = service_function("importing", "import_script")
        try:
            result = import_script(self.workspace, request.path, production=request.production, progress=self._progress)
        except ScriptDeskError as error:
            self.app.call_from_thread(self._import_finished, None, str(error))
            return
        except OSError as error:
            self.app.call_from_thread(self._import_finished, None, f"{request.path}: {error.strerror or error}")
            return
        except Exception as error:  # the last line of defence: a sentence, never a traceback
            self.app.call_from_thread(self._import_finished, None, internal_error(error))
            return
        self.app.call_from_thread(self._import_finished, result, None)

    def _import_finished(self, result: object, error: str | None) -> None:
        self.query_one("#import-progress", ProgressBar).display = False
        if error is not None:
            self.report(error)
            return
        self.notify(import_message(result), markup=False, timeout=6)
        self.refresh_data()
