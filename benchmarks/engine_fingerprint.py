"""Fingerprint of the engine's output, to prove a speed-up changes no result.

``python -m benchmarks.engine_fingerprint --save FILE`` reads every sample
script, every held-out script, the verification samples and the seeds (where
present), runs the importer and the full breakdown on each, and writes every
element found (kind, spans, text and all fields) as JSON. ``--compare FILE``
does the same and prints the first differences against a saved fingerprint;
it exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import json
import sys
from pathlib import Path
from typing import Any

from scriptdesk.domain.breakdown import break_down
from scriptdesk.domain.importers import load_script
from scriptdesk.domain.model import ScriptDocument

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_scripts"
HELDOUT = REPO / "benchmarks" / "heldout"
SEEDS = REPO.parent / "shared" / "seeds"
SCRIPT_SUFFIXES = (".md", ".txt", ".fountain", ".fdx", ".docx")
CLEARANCE_YEAR = 2026  # fixed so that the fingerprint does not age


def script_paths() -> list[Path]:
    """Every script the fingerprint covers, in a stable order."""
    paths: list[Path] = []
    for folder in (SAMPLES, HELDOUT, SAMPLES / "verification"):
        if folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.suffix in SCRIPT_SUFFIXES)
    if SEEDS.is_dir():
        paths += sorted(p for p in SEEDS.iterdir() if p.name.startswith(("000_", "004_")))
    return paths


def _plain(value: Any) -> Any:
    """A JSON-ready copy of a domain value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, float):
        return round(value, 9)
    return value


def _breakdown_of(document: ScriptDocument) -> dict[str, Any]:
    found = break_down(document, clearance_year=CLEARANCE_YEAR)
    plain = _plain(found)
    plain["document"] = {
        "format": plain["document"]["format"],
        "title": plain["document"]["title"],
        "encoding": plain["document"]["encoding"],
        "metadata": plain["document"]["metadata"],
        "text_length": len(document.text),
        "blocks": plain["document"]["blocks"],
    }
    return plain


def fingerprint() -> dict[str, Any]:
    """Every script's parsed blocks and breakdown, keyed by its file name."""
    result: dict[str, Any] = {}
    for path in script_paths():
        document = load_script(path)
        result[str(path.relative_to(REPO.parent))] = _breakdown_of(document)
        if path.parent == SEEDS and path.name.startswith("000_"):
            # Three copies in one script: catches state carried between blocks or runs.
            text = path.read_text(encoding="utf-8")
            from scriptdesk.domain.importers.prose import parse_prose

            result[f"{path.name} x3"] = _breakdown_of(parse_prose("\n\n".join([text] * 3)))
    return result


def differences(before: Any, after: Any, where: str = "", limit: int = 20) -> list[str]:
    """Paths where two fingerprints differ, with both values (at most ``limit``)."""
    found: list[str] = []

    def walk(a: Any, b: Any, path: str) -> None:
        if len(found) >= limit:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in list(a) + [k for k in b if k not in a]:
                if key not in a or key not in b:
                    found.append(f"{path}/{key}: only in {'after' if key not in a else 'before'}")
                else:
                    walk(a[key], b[key], f"{path}/{key}")
            return
        if isinstance(a, list) and isinstance(b, list):
            for index, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{path}[{index}]")
            if len(a) != len(b):
                found.append(f"{path}: {len(a)} items before, {len(b)} after")
            return
        if a != b:
            found.append(f"{path}: before {a!r} / after {b!r}")

    walk(before, after, where)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engine_fingerprint", description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprint to this file")
    group.add_argument("--compare", type=Path, help="compare against a saved fingerprint")
    args = parser.parse_args(argv)
    current = fingerprint()
    if args.save:
        args.save.write_text(json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        count = sum(len(v[k]) for v in current.values() for k in v if isinstance(v[k], list))
        print(f"saved {len(current)} scripts, {count} elements to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    current = json.loads(json.dumps(current, ensure_ascii=False))
    found = differences(saved, current)
    if not found:
        print(f"identical: {len(current)} scripts")
        return 0
    print(f"DIFFERENT ({len(found)} shown):")
    for line in found:
        print("  " + line)
    return 1


if __name__ == "__main__":
    sys.exit(main())
