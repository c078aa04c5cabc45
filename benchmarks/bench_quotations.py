"""Quotations, attribution and people: time per size, to check they scale linearly.

Prints the time of finding people, finding quotations and attributing them on
the project's prose samples joined together (1x), and on the same text ten
times over (10x), with the ratio: a linear finder stays near 10 (goal: at
most 11). The name helpers' cache hit rates show how much of the people
finder's work is repeated look-ups.
"""

from __future__ import annotations

import gc
from pathlib import Path

from benchmarks.timing import median_seconds, report
from scriptdesk.domain.breakdown import names
from scriptdesk.domain.breakdown.attribution import attribute_quotations
from scriptdesk.domain.breakdown.people import find_people
from scriptdesk.domain.breakdown.quotations import find_quotations
from scriptdesk.domain.importers.prose import parse_prose

SAMPLES = Path(__file__).resolve().parent.parent / "sample_scripts"


def _sample_text() -> str:
    """Every prose sample script, joined."""
    parts = [
        path.read_text(encoding="utf-8")
        for path in sorted(SAMPLES.glob("*"))
        if path.suffix in (".md", ".txt") and path.is_file()
    ]
    return "\n\n".join(parts)


def _steps(text: str) -> dict[str, object]:
    document = parse_prose(text)
    return {
        "people": lambda: find_people(document, set()),
        "quotations": lambda: find_quotations(document, set()),
        "attribution": lambda: attribute_quotations(
            document, find_quotations(document, set()).quotations, find_people(document, set())
        ),
    }


def main(quick: bool) -> None:
    text = _sample_text()
    if not text:
        print("   no prose samples found")
        return
    repeat = 3 if quick else 5
    small, large = _steps(text), _steps("\n\n".join([text] * 10))
    for name in small:
        small[name](), large[name]()  # warm the caches and regexes first
        # A collection before each run keeps one run's garbage out of the next one's time.
        once = median_seconds(small[name], repeat=repeat * 3, setup=gc.collect)
        tenfold = median_seconds(large[name], repeat=repeat, setup=gc.collect)
        report(f"{name}: 1x ({len(text) // 1000} KB)", once * 1000, "ms")
        report(f"{name}: 10x", tenfold * 1000, "ms", f"ratio {tenfold / once:.1f}, goal <= 11")
    for helper in (names.given_name, names.strip_possessive, names.is_patronymic):
        info = helper.cache_info()
        calls = info.hits + info.misses
        if calls:
            report(f"cache hits: {helper.__name__}", 100 * info.hits / calls, "%", f"{calls:,} calls")
