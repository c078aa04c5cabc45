"""Breakdown engine throughput and linearity.

Prints the engine's rate in MB/s on the seed screenplay (prose parse plus the
full breakdown, median over runs), and the time of a script many times the
seed's size against the 1x time: a linear engine stays near the size factor
(goal: 100x the text in at most 110x the time). Where screenplain is installed
its Fountain parser is timed on a Fountain sample as a peer figure.
"""

from __future__ import annotations

import io
from pathlib import Path

from benchmarks.timing import median_seconds, report
from scriptdesk.domain.breakdown import break_down
from scriptdesk.domain.importers.prose import parse_prose

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO / "sample_scripts"


def _script_text() -> tuple[str, str]:
    """The seed screenplay, or the project's own prose samples where it is absent."""
    seeds = sorted(SEEDS.glob("000*")) if SEEDS.is_dir() else []
    if seeds:
        return seeds[0].name, seeds[0].read_text(encoding="utf-8")
    samples = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".md", ".txt")) if SAMPLES.is_dir() else []
    if not samples:
        raise SystemExit("no seed and no prose sample scripts to measure")
    return "samples", "\n\n".join(p.read_text(encoding="utf-8") for p in samples)


def _engine(text: str) -> None:
    break_down(parse_prose(text), clearance_year=2026)


def _peer() -> None:
    try:
        from screenplain.parsers import fountain  # type: ignore[import-not-found]
    except ImportError:
        print("   screenplain not installed: no peer figure", flush=True)
        return
    fountains = sorted(SAMPLES.glob("*.fountain")) if SAMPLES.is_dir() else []
    if not fountains:
        print("   no Fountain sample for the peer figure", flush=True)
        return
    text = fountains[0].read_text(encoding="utf-8")
    seconds = median_seconds(lambda: fountain.parse(io.StringIO(text)), repeat=9)
    report(f"peer: screenplain Fountain parse ({fountains[0].name})", len(text.encode()) / seconds / 1e6, "MB/s")


def main(quick: bool) -> None:
    name, text = _script_text()
    size = len(text.encode("utf-8"))
    _engine(text)  # warm up: module imports and regex compilation are start-up, not throughput
    one = median_seconds(lambda: _engine(text), repeat=3 if quick else 7)
    report(f"engine 1x ({name}, {size / 1024:.0f} KB)", one * 1000, "ms")
    report("engine throughput", size / one / 1e6, "MB/s")
    factor = 10 if quick else 100
    big = "\n\n".join([text] * factor)
    many = median_seconds(lambda: _engine(big), repeat=1 if quick else 3)
    report(f"engine {factor}x ({len(big.encode()) / 1e6:.1f} MB)", many, "s")
    report(f"time ratio {factor}x / 1x", many / one, "x", f"goal <= {factor * 1.1:.0f}x")
    _peer()
