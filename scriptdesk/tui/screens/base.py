"""What every screen of an open production shares: its production, edits and refresh.

Edits run in a thread worker through ``scriptdesk.services.editing`` with
the optimistic version check; a conflict opens the conflict dialog showing
both values, and any ScriptDeskError becomes a notification in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.screen import Screen

from scriptdesk.config import current_user
from scriptdesk.domain.errors import ConflictError, ScriptDeskError
from scriptdesk.tui.formatting import internal_error
from scriptdesk.tui.services_bridge import service_available, service_function

if TYPE_CHECKING:
    from scriptdesk.tui.app import ScriptDeskApp

#: A service call making one version-checked change: (workspace, expected_version, actor).
Writer = Callable[[Any, "int | None", str], Any]


class WorkspaceScreen(Screen[None]):
    """A screen that reads through the services and can be refreshed."""

    #: Short name used by the navigation keys and the command palette.
    NAME = ""

    @property
    def desk(self) -> ScriptDeskApp:
        return self.app  # type: ignore[return-value]

    @property
    def workspace(self) -> object:
        return self.desk.workspace

    def refresh_data(self) -> None:
        """Reload what the screen shows (after an edit, an undo, an import)."""

    def report(self, error: ScriptDeskError | str, *, severity: str = "error") -> None:
        """One plain sentence to the user, never markup."""
        self.notify(str(error), severity=severity, markup=False, timeout=8)  # type: ignore[arg-type]

    # -- edits --------------------------------------------------------------

    def edit_record(
        self,
        table: str,
        record_id: int,
        changes: dict[str, Any],
        expected_version: int | None,
        *,
        done: str = "Saved.",
        writer: Writer | None = None,
    ) -> None:
        """Change fields of a record with the version check; reloads when done.

        ``writer(workspace, expected_version, actor)`` replaces the plain
        field update when a service owns the change (a rename, a span).
        """
        if writer is None and not service_available("editing", "update_record"):
            self.report("Editing is not available in this version of ScriptDesk.", severity="warning")
            return
        self._edit_worker(table, record_id, changes, expected_version, done, writer)

    @work(thread=True, group="edits")
    def _edit_worker(
        self, table: str, record_id: int, changes: dict[str, Any], expected_version: int | None, done: str,
        writer: Writer | None,
    ) -> None:
        self._apply_edit(table, record_id, changes, expected_version, done, writer)

    def _apply_edit(
        self, table: str, record_id: int, changes: dict[str, Any], expected_version: int | None, done: str,
        writer: Writer | None = None,
    ) -> None:
        """Runs in a worker thread: one update through the editing service."""
        try:
            if writer is not None:
                writer(self.workspace, expected_version, current_user())
            else:
                update_record = service_function("editing", "update_record")
                update_record(self.workspace, table, record_id, changes, expected_version, current_user())
        except ConflictError as conflict:
            self.app.call_from_thread(self._show_conflict, conflict, table, record_id, changes, writer)
            return
        except ScriptDeskError as error:
            self.app.call_from_thread(self.report, error)
            return
        except Exception as error:  # the last line of defence: a sentence, never a traceback
            self.app.call_from_thread(self.report, internal_error(error))
            return
        self.app.call_from_thread(self._after_edit, done)

    def _after_edit(self, done: str) -> None:
        self.refresh_data()
        self.notify(done, markup=False, timeout=3)

    def _show_conflict(
        self, conflict: ConflictError, table: str, record_id: int, changes: dict[str, Any], writer: Writer | None = None
    ) -> None:
        from scriptdesk.tui.dialogs.conflict import USE_MINE, ConflictDialog

        def decided(choice: str | None) -> None:
            if choice == USE_MINE:
                # Write over theirs only because the user saw both and asked for it.
                self._overwrite_worker(table, record_id, changes, writer)
            else:
                self.refresh_data()
                self.notify("Kept the saved value.", markup=False, timeout=3)

        self.app.push_screen(
            ConflictDialog(conflict.record, conflict.field, conflict.theirs, conflict.yours), decided
        )

    @work(thread=True, group="edits")
    def _overwrite_worker(self, table: str, record_id: int, changes: dict[str, Any], writer: Writer | None) -> None:
        from scriptdesk.services.queries import record_snapshot

        try:
            snapshot = record_snapshot(self.workspace, table, record_id)
        except ScriptDeskError as error:
            self.app.call_from_thread(self.report, error)
            return
        self._apply_edit(table, record_id, changes, snapshot.version, "Saved yours.", writer)

    # -- other services -------------------------------------------------------

    def call_service(
        self,
        module: str,
        function: str,
        *args: Any,
        done: Callable[[Any], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Run a service function in a worker; errors become notifications."""
        if not service_available(module, function):
            self.report(f"{function.replace('_', ' ').capitalize()} is not available in this version of ScriptDesk.", severity="warning")
            return
        self._service_worker(module, function, args, kwargs, done)

    @work(thread=True, group="services")
    def _service_worker(
        self, module: str, function: str, args: tuple[Any, ...], kwargs: dict[str, Any], done: Callable[[Any], None] | None
    ) -> None:
        try:
            result = service_function(module, function)(self.workspace, *args, **kwargs)
        except ScriptDeskError as error:
            self.app.call_from_thread(self.report, error)
            return
        except Exception as error:  # the last line of defence: a sentence, never a traceback
            self.app.call_from_thread(self.report, internal_error(error))
            return
        self.app.call_from_thread(self._service_done, result, done)

    def _service_done(self, result: Any, done: Callable[[Any], None] | None) -> None:
        self.refresh_data()
        if done is not None:
            done(result)


class ProductionScreen(WorkspaceScreen):
    """A view of the open production; Escape goes back to the productions list."""

    BINDINGS = [Binding("escape", "app.close_production", "Productions", id="productions")]
    """Escape returns to the list of productions."""

    @property
    def production_id(self) -> int:
        return self.desk.production_id or 0

    def on_screen_resume(self) -> None:
        self.sub_title = f"{self.desk.production_title} · researcher: {current_user()}"
        self.refresh_data()
