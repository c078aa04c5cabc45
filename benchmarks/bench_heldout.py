"""Breakdown quality on held-out scripts the engine was never tuned on.

The scripts in ``benchmarks/heldout/`` (English and Russian narration prose, a
Fountain documentary, a Windows-1251 plain-text script) have hand-made answer
keys in ``benchmarks/heldout/answer_keys/``, built from the specs in
``key_specs/`` by ``python -m benchmarks.heldout.fill_spans``. Nobody tunes
rules on them: they measure whether the engine's rules generalise.

``python -m benchmarks heldout`` prints precision and recall per category, per
script and overall, with :mod:`benchmarks.score_breakdown`.
``python -m benchmarks.bench_heldout --details`` also lists every error by
type (missed quotations, wrong spans, titles taken for quotations, wrong
speakers and media, duplicate and merged people, name variants not
linked, missed dates, wrong
precisions, extra scenes), so a
failure can be traced to the rule that should have caught it.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from benchmarks.score_breakdown import (
    CATEGORIES,
    Score,
    Tally,
    _absolute,
    _key_people_index,
    _same_speaker,
    normalise,
    print_scores,
    run_engine,
    score_breakdown,
)

HELDOUT_DIR = Path(__file__).resolve().parent / "heldout"
HELDOUT_KEYS = HELDOUT_DIR / "answer_keys"


def heldout_scripts() -> list[Path]:
    """Every held-out script that has an answer key."""
    scripts = []
    for key_file in sorted(HELDOUT_KEYS.glob("*.json")):
        script = HELDOUT_DIR / key_file.name.removesuffix(".json")
        if script.exists():
            scripts.append(script)
    return scripts


def load_key(script: Path) -> dict:
    return json.loads((HELDOUT_KEYS / f"{script.name}.json").read_text(encoding="utf-8"))


def score_heldout(scripts: Iterable[Path]) -> tuple[dict[str, Score], dict[str, tuple[object, dict]]]:
    """Scores per script plus "overall", and each script's breakdown and key."""
    results: dict[str, Score] = {}
    runs: dict[str, tuple[object, dict]] = {}
    overall: Score = {name: Tally() for name in CATEGORIES}
    for script in scripts:
        key = load_key(script)
        breakdown = run_engine(script)
        score = score_breakdown(breakdown, key)
        results[script.name] = score
        runs[script.name] = (breakdown, key)
        for name in CATEGORIES:
            overall[name].add(score[name])
    results["overall"] = overall
    return results, runs


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _found_quotations(breakdown: object) -> dict[tuple[int, int], object]:
    document = breakdown.document
    found = {}
    for quotation in breakdown.quotations:
        end_span = quotation.end_span or quotation.span
        start = _absolute(document, quotation.span)
        found[(start, document.blocks[end_span.block].start + end_span.end)] = quotation
    return found


def quotation_errors(breakdown: object, key: dict) -> list[tuple[str, str]]:
    """(error type, description) for every quotation and speaker error."""
    text = breakdown.document.text
    found = _found_quotations(breakdown)
    expected_spans = {(q["start"], q["end"]) for q in key["quotations"]}
    not_quotations = {(n["start"], n["end"]): n["category"] for n in key.get("not_quotations") or []}
    people_by_key = {person.key: person for person in breakdown.people}
    person_of_variant = _key_people_index(key["people"])
    errors = []
    for expected in key["quotations"]:
        span = (expected["start"], expected["end"])
        quotation = found.get(span)
        if quotation is None:
            overlapping = [s for s in found if s[0] < span[1] and span[0] < s[1] and s not in expected_spans]
            if overlapping:
                got = overlapping[0]
                errors.append(("wrong span", f"key {_short(expected['text'])!r} -> found {_short(text[got[0]:got[1]])!r}"))
            else:
                errors.append(("missed quotation", f"{_short(expected['text'])!r} ({expected['medium']})"))
            continue
        if quotation.medium.value != expected.get("medium", "unknown"):
            errors.append((
                "wrong medium",
                f"{_short(expected['text'], 50)!r}: key {expected.get('medium')}, found {quotation.medium.value}",
            ))
        wanted = expected.get("speaker")
        if wanted is not None and not _same_speaker(quotation.speaker, wanted, people_by_key, key, person_of_variant):
            got = people_by_key.get(quotation.speaker)
            name = got.display_name if got is not None else quotation.speaker
            errors.append(("wrong speaker", f"{_short(expected['text'], 50)!r}: key {wanted!r}, found {name!r}"))
    for span in found:
        if span in expected_spans:
            continue
        overlaps_key = any(s[0] < span[1] and span[0] < s[1] for s in expected_spans)
        if span in not_quotations:
            errors.append(("not a quotation", f"{not_quotations[span]} {_short(text[span[0]:span[1]])!r} taken as a quotation"))
        elif not overlaps_key:
            errors.append(("spurious quotation", repr(_short(text[span[0]:span[1]]))))
    return errors


def people_errors(breakdown: object, key: dict) -> list[tuple[str, str]]:
    """Duplicate records, merged people, people missed and records matching nobody."""
    person_of_variant = _key_people_index(key["people"])
    records: dict[int, list[object]] = {}
    errors = []
    for person in breakdown.people:
        names = [person.display_name, *person.variants]
        matched = {person_of_variant.get(normalise(name)) for name in names} - {None}
        if not matched:
            errors.append(("person not in key", f"{person.display_name!r} {sorted(set(person.variants))}"))
        if len(matched) > 1:
            merged = sorted(key["people"][number]["name"] for number in matched)
            errors.append(("merged people", f"{person.display_name!r} stands for {merged}"))
        for number in matched:
            records.setdefault(number, []).append(person)
    for number, expected in enumerate(key["people"]):
        found = records.get(number, [])
        if not found:
            errors.append(("missed person", repr(expected["name"])))
            continue
        if len(found) > 1:
            errors.append(("duplicate person", f"{expected['name']!r} found as {[p.display_name for p in found]}"))
        # Variants are not scored, but a missing one is a mention the script's
        # people list will not link (and a speaker the engine cannot resolve).
        known = {normalise(name) for person in found for name in [person.display_name, *person.variants]}
        missing = sorted({v for v in expected["variants"] if normalise(v) not in known})
        if missing:
            errors.append(("missed name variant", f"{expected['name']!r}: {missing}"))
    return errors


def date_errors(breakdown: object, key: dict) -> list[tuple[str, str]]:
    """Missed dates, wrong precisions and dates the key does not have."""
    document = breakdown.document
    found = []
    for date in breakdown.dates:
        start = _absolute(document, date.span)
        found.append((start, start + date.span.end - date.span.start, date))
    used: set[int] = set()
    errors = []
    for expected in key.get("dates") or []:
        for number, (start, end, date) in enumerate(found):
            if number in used or end <= expected["start"] or start >= expected["end"]:
                continue
            used.add(number)
            if date.precision.value != expected["precision"]:
                errors.append((
                    "wrong date precision",
                    f"{expected['text']!r}: key {expected['precision']}, found {date.precision.value}",
                ))
            break
        else:
            errors.append(("missed date", f"{expected['text']!r} ({expected['precision']})"))
    if key.get("dates") is not None:
        for number, (start, end, date) in enumerate(found):
            if number not in used:
                errors.append(("date not in key", f"{document.text[start:end]!r} ({date.precision.value})"))
    return errors


def scene_errors(breakdown: object, key: dict) -> list[tuple[str, str]]:
    """Scenes the key does not have and key scenes not found (one block of tolerance)."""
    if key.get("scenes") is None:
        return []
    document = breakdown.document
    starts = [block.start for block in document.blocks]
    wanted = {bisect_right(starts, scene["start"]) - 1: scene["title"] for scene in key["scenes"]}
    errors = []
    for scene in breakdown.scenes:
        if not any(abs(scene.first_block - block) <= 1 for block in wanted):
            block = document.blocks[scene.first_block]
            errors.append(("scene not in key", f"{scene.title!r} starting at {_short(block.text, 50)!r}"))
    for block, title in wanted.items():
        if not any(abs(scene.first_block - block) <= 1 for scene in breakdown.scenes):
            errors.append(("missed scene", repr(title)))
    return errors


def print_details(runs: dict[str, tuple[object, dict]]) -> None:
    """Every error, grouped by type, each with its script."""
    by_type: dict[str, list[str]] = {}
    for name, (breakdown, key) in runs.items():
        for kind, description in (
            quotation_errors(breakdown, key) + people_errors(breakdown, key) + date_errors(breakdown, key)
            + scene_errors(breakdown, key)
        ):
            by_type.setdefault(kind, []).append(f"[{name}] {description}")
    for kind, lines in sorted(by_type.items(), key=lambda item: -len(item[1])):
        print(f"   {kind} ({len(lines)})")
        for line in lines:
            print(f"     {line}")


def main(quick: bool, details: bool = False) -> None:
    results, runs = score_heldout(heldout_scripts())
    print_scores(results)
    if details:
        print_details(runs)


def cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_heldout", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", action="store_true", help="list every error by type")
    args = parser.parse_args(argv)
    main(quick=False, details=args.details)
    return 0


if __name__ == "__main__":
    sys.exit(cli())
