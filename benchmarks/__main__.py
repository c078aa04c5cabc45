"""Run the benchmarks: ``python -m benchmarks [--quick] [NAME ...]``.

Every module ``benchmarks/bench_<name>.py`` defines ``main(quick: bool) -> None``
that prints its figures (medians over repeated runs, and ratios against a
baseline measured in the same run). A benchmark never fails on time.
"""

from __future__ import annotations

import argparse
import pkgutil
import sys
import time
from importlib import import_module
from pathlib import Path


def available() -> list[str]:
    """Names of the benchmark modules, without the ``bench_`` prefix."""
    folder = Path(__file__).parent
    return sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(folder)])
        if info.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"which to run (default all): {', '.join(available())}")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller inputs")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for name in names:
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        import_module(f"benchmarks.bench_{name}").main(quick=args.quick)
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
