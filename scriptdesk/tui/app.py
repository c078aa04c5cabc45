"""The ScriptDesk workspace application: global keys, navigation, the open database.

The first screen appears before the database is opened (a worker opens it),
so start-up stays quick; heavy modules (the importer, the matcher, the PDF
writers) are imported only inside the workers that need them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from scriptdesk.config import current_user
from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.domain.safe_text import printable
from scriptdesk.tui.commands import ScreenActionsProvider
from scriptdesk.tui.screens.productions import ProductionsScreen
from scriptdesk.tui.services_bridge import service_available, service_function

#: Navigation keys between the views of an open production.
VIEWS = {
    "dashboard": "1",
    "breakdown": "2",
    "verification": "3",
    "footage": "4",
    "rights": "5",
    "exports": "6",
}


def _view_screen(name: str) -> Screen[None]:
    if name == "dashboard":
        from scriptdesk.tui.screens.dashboard import DashboardScreen

        return DashboardScreen()
    if name == "breakdown":
        from scriptdesk.tui.screens.breakdown import BreakdownScreen

        return BreakdownScreen()
    if name == "verification":
        from scriptdesk.tui.screens.verification import VerificationScreen

        return VerificationScreen()
    if name == "footage":
        from scriptdesk.tui.screens.footage_log import FootageLogScreen

        return FootageLogScreen()
    if name == "rights":
        from scriptdesk.tui.screens.rights_log import RightsLogScreen

        return RightsLogScreen()
    from scriptdesk.tui.screens.exports import ExportsScreen

    return ExportsScreen()


class ScriptDeskApp(App[int]):
    """Producers', researchers' and editors' daily workspace."""

    TITLE = "ScriptDesk"
    CSS_PATH = "styles.tcss"
    COMMANDS = App.COMMANDS | {ScreenActionsProvider}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Keys", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("1", "view('dashboard')", "Dashboard", show=False, id="view-dashboard"),
        Binding("2", "view('breakdown')", "Breakdown", show=False, id="view-breakdown"),
        Binding("3", "view('verification')", "Verification", show=False, id="view-verification"),
        Binding("4", "view('footage')", "Footage", show=False, id="view-footage"),
        Binding("5", "view('rights')", "Rights", show=False, id="view-rights"),
        Binding("6", "view('exports')", "Exports", show=False, id="view-exports"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]
    """Keys that work on every screen."""

    def __init__(
        self,
        db: str | None = None,
        *,
        production: str | None = None,
        workspace: object | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.initial_production = production
        self.workspace: Any = workspace
        self._owns_workspace = workspace is None
        self.production_id: int | None = None
        self.production_title: str = ""
        self._views: set[str] = set()
        self.researcher = current_user()
        self.sub_title = f"researcher: {self.researcher}"

    # -- start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        self.push_screen(ProductionsScreen())
        if self.workspace is None:
            # Open the database once the first screen is drawn: the worker's
            # imports (SQLAlchemy, Alembic) would otherwise delay that frame.
            self.call_after_refresh(self._open_workspace)
        else:
            self._workspace_ready()

    @work(thread=True, exclusive=True, group="open")
    def _open_workspace(self) -> None:
        open_workspace = service_function("workspace", "open_workspace")
        try:
            if open_workspace is None:
                raise ScriptDeskError("The database service is not available in this version of ScriptDesk.")
            workspace = open_workspace(self.db)
        except ScriptDeskError as error:
            self.call_from_thread(self._workspace_failed, str(error))
            return
        self.call_from_thread(self._workspace_opened, workspace)

    def _workspace_opened(self, workspace: object) -> None:
        self.workspace = workspace
        self._workspace_ready()

    def _workspace_failed(self, message: str) -> None:
        self.notify(message, severity="error", markup=False, timeout=30)
        self.screen.refresh_bindings()

    def _workspace_ready(self) -> None:
        # The first screen may still be composing: act once it has been drawn.
        self.call_after_refresh(self._show_workspace)

    def _show_workspace(self) -> None:
        screen = self.screen
        if isinstance(screen, ProductionsScreen):
            screen.refresh_data()
            screen.refresh_bindings()
        if self.initial_production:
            from scriptdesk.services.queries import find_production

            try:
                found = find_production(self.workspace, self.initial_production)
            except ScriptDeskError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.open_production(found.id, found.title)

    def on_unmount(self) -> None:
        if self._owns_workspace and self.workspace is not None:
            close = getattr(self.workspace, "close", None)
            if callable(close):
                close()
            elif hasattr(self.workspace, "__exit__"):
                self.workspace.__exit__(None, None, None)

    @property
    def database_description(self) -> str:
        target = getattr(self.workspace, "target", None)
        describe = getattr(target, "describe", None)
        return printable(describe() if callable(describe) else (self.db or "the database"), 200)

    # -- navigation --------------------------------------------------------------

    def open_production(self, production_id: int, title: str) -> None:
        """Show the dashboard of a production."""
        self.production_id = production_id
        self.production_title = title
        self.action_view("dashboard")
        self.call_after_refresh(self._prepare_lists, production_id)

    # A failure here is harmless (the list reports its own error when opened).
    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def _prepare_lists(self, production_id: int) -> None:
        """Compile the log queries while the dashboard is read (see prepare_lists)."""
        from scriptdesk.services.queries import prepare_lists

        prepare_lists(self.workspace, production_id)

    def action_view(self, name: str) -> None:
        if self.production_id is None:
            return
        from scriptdesk.tui.screens.base import ProductionScreen

        # Each view is built once per open production and kept (installed):
        # coming back to it only reloads its data, without composing again.
        key = f"view-{name}"
        if not self.is_screen_installed(key):
            self.install_screen(_view_screen(name), key)
            self._views.add(key)
        if self.screen is self.get_screen(key):
            return
        if isinstance(self.screen, ProductionScreen):
            self.switch_screen(key)
        else:
            self.push_screen(key)

    def action_close_production(self) -> None:
        from scriptdesk.tui.screens.base import ProductionScreen

        while isinstance(self.screen, ProductionScreen):
            self.pop_screen()
        # The views belong to the production just closed.
        for key in self._views:
            self.uninstall_screen(key)
        self._views.clear()
        self.production_id = None
        self.production_title = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"view", "search"}:
            return self.production_id is not None and self.workspace is not None
        if action == "undo":
            return self.workspace is not None and service_available("editing", "undo_last_edit")
        return True

    # -- global actions ------------------------------------------------------------

    def action_help(self) -> None:
        from scriptdesk.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        from scriptdesk.services.queries import search_production
        from scriptdesk.tui.dialogs.search import SearchDialog

        production_id = self.production_id
        if production_id is None:
            return
        self.push_screen(
            SearchDialog(lambda text: search_production(self.workspace, production_id, text)), self._go_to_hit
        )

    def _go_to_hit(self, hit: Any) -> None:
        if hit is None:
            return
        target = {"quotation": "verification", "footage_need": "footage", "rights_item": "rights", "scene": "breakdown"}
        self.action_view(target.get(hit.kind, "dashboard"))
        focus = getattr(self.screen, "focus_record", None)
        if callable(focus):
            self.call_after_refresh(focus, hit.kind, hit.record_id, hit.scene_id)

    def action_undo(self) -> None:
        self._undo_worker()

    @work(thread=True, exclusive=True, group="edits")
    def _undo_worker(self) -> None:
        undo = service_function("editing", "undo_last_edit")
        try:
            result = undo(self.workspace, self.researcher)
        except ScriptDeskError as error:
            self.call_from_thread(self.notify, str(error), severity="warning", markup=False)
            return
        except Exception as error:  # the last line of defence: a sentence, never a traceback
            from scriptdesk.tui.formatting import internal_error

            self.call_from_thread(self.notify, internal_error(error), severity="error", markup=False)
            return
        self.call_from_thread(self._undone, result)

    def _undone(self, result: object) -> None:
        refresh = getattr(self.screen, "refresh_data", None)
        if callable(refresh):
            refresh()
        if result is None:
            self.notify("Nothing of yours to undo.", markup=False, timeout=3)
            return
        changes = getattr(result, "changes", {})
        fields = ", ".join(
            f"{table.replace('_', ' ')} {record_id} {field}"
            for (table, record_id), values in changes.items()
            for field in values
        )
        message = f"Undid: {fields}." if fields else "Undid your last edit."
        self.notify(printable(message, 300), markup=False, timeout=4)
