"""Importing a script end to end, and how light the command's start-up is.

Figures (never a failure):

* the seed screenplay imported into a fresh SQLite database through
  :func:`scriptdesk.services.importing.import_script`, median over runs, split
  into parse, breakdown and database write (goal: well under a second);
* a script 100 times the seed's size, and its time against the 1x import
  (goal: at most 110x, i.e. linear);
* process start-up of ``scriptdesk --help`` and ``scriptdesk db info`` against
  ``python -c pass`` (median of 5), and which heavy libraries each imports
  (``--help`` should import none of them).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import report
from scriptdesk.services.importing import import_script
from scriptdesk.services.workspace import open_workspace

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO / "sample_scripts"

#: Libraries a command should load only when it does the work that needs them.
HEAVY_MODULES = (
    "textual", "reportlab", "rapidfuzz", "sqlalchemy", "sqlalchemy.dialects.postgresql",
    "alembic", "docx", "pypdf", "charset_normalizer", "dateutil", "scriptdesk.domain.breakdown",
)

_MODULES_AFTER = """
import sys
sys.argv = ["scriptdesk", *{argv!r}]
from scriptdesk.cli import main
try:
    main()
except SystemExit:
    pass
print("MODULES" + __import__("json").dumps(sorted(sys.modules)))
"""


def _script_text() -> tuple[str, str]:
    """The seed screenplay, or the project's own prose samples where it is absent."""
    seeds = sorted(SEEDS.glob("000*")) if SEEDS.is_dir() else []
    if seeds:
        return seeds[0].name, seeds[0].read_text(encoding="utf-8")
    samples = sorted(SAMPLES.glob("*.md")) if SAMPLES.is_dir() else []
    if not samples:
        raise SystemExit("no seed and no prose sample scripts to measure")
    return "samples", "\n\n".join(p.read_text(encoding="utf-8") for p in samples)


def _timed_import(folder: Path, script: Path, run: int) -> dict[str, float]:
    """One import into a fresh database; seconds per stage and in total."""
    marks: list[tuple[str, float]] = []
    with open_workspace(str(folder / f"import-{run}.sqlite3")) as workspace:
        started, cpu_started = time.perf_counter(), time.process_time()
        import_script(
            workspace, script, production="Benchmark",
            progress=lambda stage, _fraction: marks.append((stage, time.perf_counter())),
        )
        total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    stages: dict[str, float] = {"total": total, "cpu": cpu}
    for (stage, at), (_next, until) in zip(marks, marks[1:]):
        stages[stage] = stages.get(stage, 0.0) + until - at
    return stages


def _median_import(folder: Path, script: Path, repeat: int) -> dict[str, float]:
    runs = [_timed_import(folder, script, run) for run in range(repeat)]
    return {key: statistics.median(run.get(key, 0.0) for run in runs) for key in runs[0]}


def _process_seconds(command: list[str], repeat: int = 5) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of running ``command``."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = os.times()
        cpus.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return statistics.median(walls), statistics.median(cpus)


def _heavy_modules_loaded(argv: list[str]) -> list[str]:
    """Which of :data:`HEAVY_MODULES` ``scriptdesk ARGV`` imports."""
    result = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER.format(argv=argv)],
        check=True, capture_output=True, text=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("MODULES"))
    loaded = set(json.loads(line.removeprefix("MODULES")))
    return [name for name in HEAVY_MODULES if name in loaded]


def _imports(folder: Path, name: str, text: str, quick: bool) -> None:
    script = folder / "seed.md"
    script.write_text(text, encoding="utf-8")
    _timed_import(folder, script, -1)  # warm up: module imports and regex compilation are start-up
    one = _median_import(folder, script, 3 if quick else 7)
    report(f"import 1x ({name}, {len(text.encode()) / 1024:.0f} KB)", one["total"] * 1000, "ms",
           f"{one['cpu'] * 1000:.0f} ms CPU")
    for stage, label in (("parsing", "read and parse"), ("breaking down", "breakdown"), ("saving", "database write")):
        report(f"  {label}", one.get(stage, 0.0) * 1000, "ms")
    big = folder / "seed-100x.md"
    big.write_text("\n\n".join([text] * 100), encoding="utf-8")
    hundred = _timed_import(folder, big, 100)
    report("import 100x", hundred["total"], "s", f"{hundred['cpu']:.1f} s CPU")
    for stage, label in (("parsing", "read and parse"), ("breaking down", "breakdown"), ("saving", "database write")):
        report(f"  {label}", hundred.get(stage, 0.0), "s")
    report("100x / 1x", hundred["total"] / one["total"], "x",
           f"goal <= 110; CPU time {hundred['cpu'] / one['cpu']:.0f}x")


def _start_up(folder: Path) -> None:
    database = str(folder / "info.sqlite3")
    with open_workspace(database):
        pass
    baseline, baseline_cpu = _process_seconds([sys.executable, "-c", "pass"])
    report("python -c pass", baseline * 1000, "ms", f"{baseline_cpu * 1000:.0f} ms CPU")
    for argv in (["--help"], ["db", "info", "--db", database]):
        seconds, cpu = _process_seconds([sys.executable, "-m", "scriptdesk", *argv])
        label = "scriptdesk " + " ".join(argv[:2] if argv[0] == "db" else argv[:1])
        report(label, seconds * 1000, "ms",
               f"{seconds / baseline:.1f}x python -c pass; {cpu * 1000:.0f} ms CPU")
        heavy = _heavy_modules_loaded(argv)
        print(f"     heavy modules loaded: {', '.join(heavy) or 'none'}", flush=True)


def main(quick: bool) -> None:
    name, text = _script_text()
    with tempfile.TemporaryDirectory(prefix="scriptdesk-bench-import-") as tmp:
        folder = Path(tmp)
        _imports(folder, name, text, quick)
        _start_up(folder)
