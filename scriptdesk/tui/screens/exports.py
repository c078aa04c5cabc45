"""Exports: pick a report and its scope, write it, see where the file went.

The report writers (and reportlab) are loaded only when a report is written,
in a worker, so the workspace starts without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from scriptdesk.config import default_export_dir
from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.tui.formatting import internal_error, literal
from scriptdesk.tui.screens.base import ProductionScreen
from scriptdesk.tui.services_bridge import service_available, service_function
from scriptdesk.tui.widgets.key_bar import KeyBar

FORMATS = ("pdf", "csv", "xlsx")


def report_choices() -> list[tuple[str, str]]:
    """(name, description) of every report the exporting service offers."""
    available = service_function("exporting", "available_reports")
    if available is None:
        return []
    reports: Any = available()
    if isinstance(reports, dict):
        return [(str(name), str(getattr(info, "description", info))) for name, info in reports.items()]
    choices = []
    for report in reports:
        if isinstance(report, str):
            choices.append((report, report.replace("_", " ")))
        elif isinstance(report, tuple):
            choices.append((str(report[0]), str(report[1]) if len(report) > 1 else str(report[0])))
        else:
            name = getattr(report, "name", str(report))
            choices.append((name, getattr(report, "description", "") or getattr(report, "title", name)))
    return choices


class ExportsScreen(ProductionScreen):
    """Reports of the open production."""

    NAME = "exports"
    TITLE = "Exports"
    BINDINGS = [Binding("w", "export", "Write report", id="export")]
    """Write the chosen report (Enter on a report does the same)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="exports"):
            yield OptionList(id="reports")
            with Vertical(id="export-options"):
                yield Static(Text("Scenes (empty for all, e.g. 3-7 or 2,4-6)", style="bold"))
                yield Input(placeholder="all scenes", id="export-scenes")
                yield Static(Text("Format", style="bold"))
                with RadioSet(id="format"):
                    for index, name in enumerate(FORMATS):
                        yield RadioButton(name.upper(), value=index == 0, id=f"format-{name}")
                yield Static(Text("Folder", style="bold"))
                yield Input(value=str(default_export_dir()), id="folder")
                yield Static("", id="export-result", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        options = self.query_one("#reports", OptionList)
        choices = report_choices()
        for name, description in choices:
            options.add_option(Option(Text.assemble((name.replace("_", " "), "bold"), "\n", (description, "dim")), id=name))
        if not choices:
            self.query_one("#export-result", Static).update(
                Text("No report writers are available in this version of ScriptDesk.", style="yellow")
            )
        options.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return service_available("exporting", "export_report")
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        options = self.query_one("#reports", OptionList)
        if options.highlighted is None or not service_available("exporting", "export_report"):
            self.report("Choose a report first.", severity="warning")
            return
        report = options.get_option_at_index(options.highlighted).id or ""
        pressed = self.query_one("#format", RadioSet).pressed_button
        fmt = (pressed.id or "format-pdf").removeprefix("format-") if pressed else "pdf"
        scenes = self.query_one("#export-scenes", Input).value.strip() or None
        folder = Path(self.query_one("#folder", Input).value.strip() or default_export_dir()).expanduser()
        self.query_one("#export-result", Static).update(Text(f"Writing {report}…", style="dim"))
        self._export_worker(report, scenes, fmt, folder)

    @work(thread=True, exclusive=True, group="export")
    def _export_worker(self, report: str, scenes: str | None, fmt: str, folder: Path) -> None:
        export_report = service_function("exporting", "export_report")
        try:
            path = export_report(
                self.workspace, report, production=self.desk.production_title, scenes=scenes, fmt=fmt, output_dir=folder
            )
        except ScriptDeskError as error:
            self.app.call_from_thread(self._export_done, None, str(error))
            return
        except OSError as error:
            self.app.call_from_thread(self._export_done, None, f"{folder}: {error.strerror or error}")
            return
        except Exception as error:  # the last line of defence: a sentence, never a traceback
            self.app.call_from_thread(self._export_done, None, internal_error(error))
            return
        self.app.call_from_thread(self._export_done, path, None)

    def _export_done(self, path: Path | None, error: str | None) -> None:
        result = self.query_one("#export-result", Static)
        if error is not None:
            result.update(literal(error, style="red"))
            self.report(error)
            return
        result.update(Text.assemble(("Written: ", "bold green"), literal(str(path))))
        self.notify(f"Written: {path}", markup=False, timeout=6)
