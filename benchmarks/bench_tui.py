"""Workspace responsiveness against a minimal Textual app started the same way.

* Cold start: a fresh Python process that starts the app headless and stops
  at its first interactive screen (composed, its pending messages handled,
  keys accepted), against the same point of a minimal app (Header, Static,
  Footer). Goal: within 2x. Also: until the productions are loaded from the
  database and the process is idle, against the minimal app being idle.
* Opening a 10,000-quotation verification queue and a 5,000-need footage
  log (headless, in-process, until the first page is on screen), against
  starting the minimal app the same way. Goal: within 1.5x.

Figures only; nothing fails on time.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import report

SIZE = (120, 36)

_MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("ScriptDesk")
        yield Footer()
"""

_COLD_MINIMAL = _MINIMAL + """
import asyncio, sys
async def main():
    async with Minimal().run_test(size=(120, 36)) as pilot:
        if sys.argv[1] == "screen":
            await pilot.pause(0)
        else:
            await pilot.pause()
        print(time.time(), flush=True)
import time
asyncio.run(main())
"""

_COLD_DESK = """
import asyncio, sys
from scriptdesk.tui.app import ScriptDeskApp
from scriptdesk.tui.screens.productions import ProductionsScreen
async def main():
    app = ScriptDeskApp(sys.argv[1])
    async with app.run_test(size=(120, 36)) as pilot:
        if sys.argv[2] == "screen":
            while not isinstance(app.screen, ProductionsScreen) or not app.screen.query("#productions"):
                await pilot.pause(0.005)
            await pilot.pause(0)
        else:
            while app.workspace is None or not isinstance(app.screen, ProductionsScreen) or not app.screen.productions:
                await pilot.pause(0.005)
            await pilot.pause()
        print(time.time(), flush=True)
import time
asyncio.run(main())
"""


def _process_seconds(code: str, *args: str) -> float:
    """From spawning a fresh interpreter to the moment it reports its screen ready.

    The child prints the wall-clock time when its screen is up; shutting
    down (and waiting for background workers) is not part of start-up.
    """
    started = time.time()
    finished = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return float(finished.stdout.strip().splitlines()[-1]) - started


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def build_database(path: Path, quotations: int, footage: int) -> None:
    """A production with many quotations and footage needs, written in bulk."""
    from scriptdesk.db.bulk import bulk_insert
    from scriptdesk.db.models import FootageNeed, Production, Quotation
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(str(path)) as workspace, workspace.unit_of_work(actor="bench", actor_kind="engine") as uow:
        production = Production(title="Benchmark Film", target_runtime_seconds=3600)
        uow.session.add(production)
        uow.session.flush()
        bulk_insert(uow.session, Quotation, [
            {"production_id": production.id, "text": f"Quotation {i}: “words [/] said” on day {i % 365}",
             "speaker_name": f"Speaker {i % 97}", "verification_state": "unverified" if i % 3 else "verified"}
            for i in range(quotations)
        ])
        bulk_insert(uow.session, FootageNeed, [
            {"production_id": production.id, "kind": "newsreel", "description": f"Newsreel of event {i}",
             "status": "needed", "duration_seconds": float(i % 40), "per_second_rate": 12}
            for i in range(footage)
        ])


async def _open_list(path: Path, key: str) -> tuple[float, float]:
    """Seconds to open a list from the dashboard, and to open it again later."""
    from scriptdesk.services.workspace import open_workspace
    from scriptdesk.tui.app import ScriptDeskApp

    with open_workspace(str(path)) as workspace:
        app = ScriptDeskApp(workspace=workspace, production="Benchmark Film")
        async with app.run_test(size=SIZE) as pilot:
            while app.production_id is None:
                await pilot.pause(0.005)
            await pilot.pause()
            timings = []
            for _ in range(2):
                started = time.perf_counter()
                await pilot.press(key)
                table = None
                while table is None or not table.row_count:
                    await pilot.pause(0.001)
                    table = app.screen.query("#log").first() if app.screen.query("#log") else None
                await pilot.pause()
                timings.append(time.perf_counter() - started)
                await pilot.press("1")
                await pilot.pause()
            return timings[0], timings[1]


async def _minimal_start() -> float:
    namespace: dict[str, object] = {}
    exec(_MINIMAL, namespace)  # noqa: S102 - our own constant source
    started = time.perf_counter()
    async with namespace["Minimal"]().run_test(size=SIZE) as pilot:  # type: ignore[operator]
        await pilot.pause()
    return time.perf_counter() - started


def main(quick: bool) -> None:
    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        cold_db = Path(folder) / "cold.sqlite3"
        build_database(cold_db, 10, 10)
        # Alternate the runs so that a busy moment of the machine hits both alike.
        minimal_first, first, minimal_idle, loaded = [], [], [], []
        for _ in range(repeat):
            minimal_first.append(_process_seconds(_COLD_MINIMAL, "screen"))
            first.append(_process_seconds(_COLD_DESK, str(cold_db), "screen"))
            minimal_idle.append(_process_seconds(_COLD_MINIMAL, "idle"))
            loaded.append(_process_seconds(_COLD_DESK, str(cold_db), "data"))
        minimal, first_s = _median(minimal_first), _median(first)
        idle, loaded_s = _median(minimal_idle), _median(loaded)
        report("cold start, minimal app first screen (process)", minimal * 1000, "ms")
        report("cold start, ScriptDesk first interactive screen", first_s * 1000, "ms")
        report("first-screen ratio (goal <= 2x)", first_s / minimal, "x")
        report("cold start, minimal app idle (process)", idle * 1000, "ms")
        report("cold start, ScriptDesk productions loaded, idle", loaded_s * 1000, "ms")
        report("loaded ratio", loaded_s / idle, "x")

        big_db = Path(folder) / "big.sqlite3"
        started = time.perf_counter()
        build_database(big_db, 10_000, 5_000)
        report("build 10,000 quotations + 5,000 footage needs", (time.perf_counter() - started) * 1000, "ms")
        minimal_start = _median([asyncio.run(_minimal_start()) for _ in range(repeat)])
        queues = [asyncio.run(_open_list(big_db, "3")) for _ in range(repeat)]
        footages = [asyncio.run(_open_list(big_db, "4")) for _ in range(repeat)]
        queue, queue_again = _median([q[0] for q in queues]), _median([q[1] for q in queues])
        footage, footage_again = _median([f[0] for f in footages]), _median([f[1] for f in footages])
        report("minimal app start (in process)", minimal_start * 1000, "ms")
        report("open 10,000-quotation queue", queue * 1000, "ms")
        report("open 5,000-need footage log", footage * 1000, "ms")
        report("queue ratio (goal <= 1.5x)", queue / minimal_start, "x")
        report("footage ratio (goal <= 1.5x)", footage / minimal_start, "x")
        report("reopen 10,000-quotation queue (screen kept)", queue_again * 1000, "ms")
        report("reopen 5,000-need footage log (screen kept)", footage_again * 1000, "ms")
        report("queue reopen ratio", queue_again / minimal_start, "x")
        report("footage reopen ratio", footage_again / minimal_start, "x")
