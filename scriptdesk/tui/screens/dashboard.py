"""The producer's dashboard of one production."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Header, Static

from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.services.dashboard import Dashboard, production_dashboard
from scriptdesk.tui.formatting import amount, date_text, duration, literal, state_text, timestamp
from scriptdesk.tui.screens.base import ProductionScreen
from scriptdesk.tui.widgets.key_bar import KeyBar


def _counts(title: str, counts: dict[str, int], order: list[str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=None, expand=True, show_header=False)
    table.add_column()
    table.add_column(justify="right")
    for state in order + sorted(set(counts) - set(order)):
        if counts.get(state):
            table.add_row(state_text(state), Text(f"{counts[state]:,}"))
    if not counts:
        table.add_row(Text("none yet", style="dim"), Text(""))
    return table


def runtime_panel(board: Dashboard) -> Group:
    """Estimated runtime (narration and shots) against the target."""
    lines = [Text("Runtime", style="bold")]
    target = board.target_seconds
    line = Text()
    line.append(f"{duration(board.estimated_seconds)}", style="bold")
    line.append(" narration")
    if target:
        over = board.estimated_seconds - target
        line.append(f" / {duration(target)} target  ")
        if abs(over) < 1:
            line.append("on target", style="green")
        else:
            line.append(f"{'+' if over > 0 else '−'}{duration(abs(over))}", style="bold red" if over > 0 else "green")
    lines.append(line)
    lines.append(Text(f"{duration(board.shot_seconds)} in shot lists · {board.scene_count} scenes"))
    if board.revision_label:
        lines.append(Text.assemble(("Revision ", "dim"), literal(board.revision_label, limit=40),
                                   (f" · {timestamp(board.revision_imported_at)}", "dim")))
    if target:
        width = 30
        filled = min(width, int(width * board.estimated_seconds / target)) if target else 0
        lines.append(Text("█" * filled + "░" * (width - filled), style="red" if board.estimated_seconds > target else "green"))
    return Group(*lines)


def footage_panel(board: Dashboard) -> Table:
    """Footage needs by status with seconds and estimated archive cost."""
    table = Table(title="Footage", title_justify="left", title_style="bold", box=None, expand=True)
    table.add_column("Status")
    table.add_column("#", justify="right")
    table.add_column("Secs", justify="right")
    table.add_column("Cost", justify="right")
    for figure in board.footage:
        table.add_row(state_text(figure.status), str(figure.count), f"{figure.seconds:,.0f}", amount(figure.cost))
    table.add_row(Text("archive cost", style="bold"), "", "", Text(amount(board.archive_cost), style="bold"))
    return table


def rights_panel(board: Dashboard) -> Group:
    """Rights by status, nearest expiries and uncleared items in the cut."""
    parts: list[object] = [_counts("Rights", board.rights_by_status, ["to_check", "requested", "negotiating", "denied", "cleared"])]
    if board.expiries:
        parts.append(Text("Nearest licence expiries", style="bold"))
        for expiry in board.expiries:
            parts.append(Text.assemble(date_text(expiry.term_end), "  ", literal(expiry.subject, limit=50)))
    if board.uncleared_in_cut:
        parts.append(Text("Uncleared but used in the cut", style="bold red"))
        for use in board.uncleared_in_cut:
            parts.append(Text.assemble(state_text(use.status), f"  {use.used_by}  ", literal(use.subject, limit=50)))
    elif board.rights_by_status:
        parts.append(Text("Nothing uncleared is used in the cut.", style="green"))
    return Group(*parts)  # type: ignore[arg-type]


def changes_panel(board: Dashboard) -> Group:
    """People's edits since the last revision was imported."""
    head = Text(f"Changes since the last revision: {board.change_count}", style="bold")
    lines: list[Text] = [head]
    for change in board.changes:
        line = Text()
        line.append(f"{timestamp(change.at)} ", style="dim")
        line.append(literal(change.actor, limit=20, style="cyan"))
        line.append(f" {change.table.replace('_', ' ')} {change.record_id or ''} {change.field or ''}: ")
        line.append(literal(change.old, limit=30, style="dim"))
        line.append(" → ")
        line.append(literal(change.new, limit=30))
        lines.append(line)
    return Group(*lines)


class DashboardScreen(ProductionScreen):
    """Runtime, quotations, footage, rights and recent changes at a glance."""

    NAME = "dashboard"
    TITLE = "Dashboard"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            with Grid(id="dashboard-grid"):
                yield Static(id="runtime", classes="panel")
                yield Static(id="quotations", classes="panel")
                yield Static(id="footage", classes="panel")
                yield Static(id="rights", classes="panel")
            yield Static(id="changes", classes="panel")
            yield Static(
                Text("1 dashboard · 2 breakdown · 3 verification · 4 footage · 5 rights · 6 exports · / search · ? keys", style="dim"),
                id="nav-hint",
            )
        yield KeyBar()

    def refresh_data(self) -> None:
        if self.workspace is None:
            return
        try:
            board = production_dashboard(self.workspace, self.production_id)
        except ScriptDeskError as error:
            self.report(error)
            return
        self.query_one("#runtime", Static).update(runtime_panel(board))
        self.query_one("#quotations", Static).update(
            _counts("Quotations", board.quotations_by_state,
                    ["unverified", "in_progress", "discrepancy", "cannot_verify", "verified_single_source", "verified"])
        )
        self.query_one("#footage", Static).update(footage_panel(board))
        self.query_one("#rights", Static).update(rights_panel(board))
        self.query_one("#changes", Static).update(changes_panel(board))

