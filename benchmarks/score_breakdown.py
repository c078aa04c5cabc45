"""Score the breakdown engine against hand-made answer keys.

``python -m benchmarks.score_breakdown [SCRIPT ...]`` imports each sample
script, breaks it down and compares the result with its answer key
``sample_scripts/answer_keys/<file name>.json``; without arguments every
sample that has a key is scored. It prints precision and recall per
category, per sample and overall (micro-averaged):

- quotations: exact character span in the decoded text (start and end);
- speakers: share of matched quotations whose speaker the key names and the
  engine gets right (also medium accuracy, for information);
- people: a found person matches a key person when they share a variant that
  belongs to that key person alone (precision: found people matching one;
  recall: key people found); duplicates count key people found more than
  once, merges found people that stand for several key people;
- dates: overlapping spans, and the share of those with the right precision;
- scenes: a key scene start matches a found scene starting within one block
  (of its first block, or of its scene heading when a section heading opens it);
- footage needs and rights items: a found item matches a key item when one of
  the key item's terms appears in its description (or subject, author, work).

Answer key format (JSON): ``quotations`` [{text, start, end, speaker,
medium, nested, work_title?, recipient?, date_text?}], ``not_quotations``
[{text, start, end, category}], ``people`` [{name, variants}], ``dates``
[{text, start, end, precision}], ``scenes`` [{title, start}],
``footage_needs`` [{kind, description, terms}], ``rights_items`` [{kind,
subject, terms}]. Offsets index the decoded script text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_scripts"
KEYS_DIR = SAMPLES_DIR / "answer_keys"
CATEGORIES = ("quotations", "speakers", "people", "dates", "scenes", "footage_needs", "rights_items")


@dataclass
class Tally:
    """Counts for one category: found, expected, matched (and extra counters)."""

    found: int = 0
    expected: int = 0
    matched: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    # Found items that match some expected one, when that differs from the
    # expected items matched (two found people may both be one key person).
    found_matched: int | None = None

    @property
    def precision(self) -> float | None:
        matched = self.matched if self.found_matched is None else self.found_matched
        return matched / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.expected += other.expected
        self.matched += other.matched
        if other.found_matched is not None:
            self.found_matched = (self.found_matched or 0) + other.found_matched
        for name, value in other.extra.items():
            self.extra[name] = self.extra.get(name, 0) + value


Score = dict[str, Tally]


def normalise(name: str) -> str:
    """A name folded for comparison: case, possessive and spacing removed."""
    name = name.strip().casefold().replace("’", "'").replace("ё", "е")
    for ending in ("'s", "'"):
        if name.endswith(ending):
            name = name[: -len(ending)]
    return " ".join(name.split())


def score_breakdown(breakdown: object, key: dict) -> Score:
    """Compare one engine breakdown with one answer key."""
    document = breakdown.document
    score: Score = {name: Tally() for name in CATEGORIES}
    person_of_variant = _key_people_index(key["people"])
    # A key may leave a category out (None or absent): it is then not scored.
    _score_quotations(breakdown, key, person_of_variant, score)
    _score_people(breakdown, key, person_of_variant, score["people"])
    if key.get("dates") is not None:
        _score_dates(breakdown, key, score["dates"])
    if key.get("scenes") is not None:
        _score_scenes(breakdown, document, key, score["scenes"])
    if key.get("footage_needs") is not None:
        _score_terms(
            [(need.description + " " + " ".join(need.search_terms)) for need in breakdown.footage_needs],
            key["footage_needs"],
            score["footage_needs"],
        )
    if key.get("rights_items") is not None:
        _score_terms(
            [
                " ".join(filter(None, (item.subject, item.author, item.work_title, item.holder)))
                for item in breakdown.rights_items
            ],
            key["rights_items"],
            score["rights_items"],
        )
    return score


def _key_people_index(people: list[dict]) -> dict[str, int | None]:
    """Variant -> index of the one key person using it (None when shared)."""
    index: dict[str, int | None] = {}
    for number, person in enumerate(people):
        for variant in {normalise(v) for v in [person["name"], *person["variants"]]}:
            index[variant] = number if variant not in index else None
    return index


def _absolute(document: object, span: object) -> int:
    return document.blocks[span.block].start + span.start


def _score_quotations(breakdown: object, key: dict, person_of_variant: dict, score: Score) -> None:
    document = breakdown.document
    found: dict[tuple[int, int], object] = {}
    for quotation in breakdown.quotations:
        end_span = quotation.end_span or quotation.span
        start = _absolute(document, quotation.span)
        end = document.blocks[end_span.block].start + end_span.end
        found[(start, end)] = quotation
    tally, speakers = score["quotations"], score["speakers"]
    tally.found, tally.expected = len(found), len(key["quotations"])
    people_by_key = {person.key: person for person in breakdown.people}
    media = 0
    for expected in key["quotations"]:
        quotation = found.get((expected["start"], expected["end"]))
        if quotation is None:
            continue
        tally.matched += 1
        if quotation.medium.value == expected.get("medium", "unknown"):
            media += 1
        if expected.get("speaker") is None:
            continue
        speakers.expected += 1
        speakers.found += 1
        if _same_speaker(quotation.speaker, expected["speaker"], people_by_key, key, person_of_variant):
            speakers.matched += 1
    tally.extra["medium_right"] = media


def _same_speaker(found: str | None, expected: str, people_by_key: dict, key: dict,
                  person_of_variant: dict) -> bool:
    if found is None:
        return False
    person = people_by_key.get(found)
    names = {normalise(found)} if person is None else {
        normalise(name) for name in [person.display_name, *person.variants]
    }
    wanted = person_of_variant.get(normalise(expected))
    if wanted is None:
        return normalise(expected) in names
    return any(person_of_variant.get(name) == wanted for name in names)


def _score_people(breakdown: object, key: dict, person_of_variant: dict, tally: Tally) -> None:
    tally.found, tally.expected = len(breakdown.people), len(key["people"])
    hits: dict[int, int] = {}
    merges = 0
    tally.found_matched = 0
    for person in breakdown.people:
        matched = {
            person_of_variant.get(normalise(name))
            for name in [person.display_name, *person.variants]
        } - {None}
        if matched:
            tally.found_matched += 1  # precision side: a real key person
        if len(matched) > 1:
            merges += 1
        for number in matched:
            hits[number] = hits.get(number, 0) + 1
    # Recall counts key people found at least once; extra finds are duplicates.
    tally.matched = len(hits)
    tally.extra["duplicates"] = sum(count - 1 for count in hits.values())
    tally.extra["merges"] = merges
    tally.extra["key_people_found"] = len(hits)


def _score_dates(breakdown: object, key: dict, tally: Tally) -> None:
    document = breakdown.document
    found = []
    for date in breakdown.dates:
        start = _absolute(document, date.span)
        found.append((start, start + (date.span.end - date.span.start), date))
    tally.found, tally.expected = len(found), len(key["dates"])
    used: set[int] = set()
    right_precision = 0
    for expected in key["dates"]:
        for number, (start, end, date) in enumerate(found):
            if number in used or end <= expected["start"] or start >= expected["end"]:
                continue
            used.add(number)
            tally.matched += 1
            if date.precision.value == expected["precision"]:
                right_precision += 1
            break
    tally.extra["precision_right"] = right_precision


def _score_scenes(breakdown: object, document: object, key: dict, tally: Tally) -> None:
    starts = [block.start for block in document.blocks]
    from bisect import bisect_right

    def block_at(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    # A scene opened by a section heading ("Part Two") starts, for the key,
    # at its own scene heading: either block counts as its start.
    found = [
        (scene.first_block, next((i for i in range(scene.first_block, scene.last_block + 1)
                                  if document.blocks[i].scene_heading), scene.first_block))
        for scene in breakdown.scenes
    ]
    tally.found, tally.expected = len(found), len(key["scenes"])
    used: set[int] = set()
    for expected in key["scenes"]:
        wanted = block_at(expected["start"])
        for number, (first, heading) in enumerate(found):
            if number not in used and min(abs(first - wanted), abs(heading - wanted)) <= 1:
                used.add(number)
                tally.matched += 1
                break


def _score_terms(found_texts: list[str], expected: list[dict], tally: Tally) -> None:
    tally.found, tally.expected = len(found_texts), len(expected)
    folded = [text.casefold() for text in found_texts]
    used: set[int] = set()
    for item in expected:
        terms = [term.casefold() for term in item.get("terms", [])]
        for number, text in enumerate(folded):
            if number not in used and any(term in text for term in terms):
                used.add(number)
                tally.matched += 1
                break


def run_engine(path: Path) -> object:
    """Import and break down one script with the engine."""
    from scriptdesk.domain.breakdown import break_down
    from scriptdesk.domain.importers import load_script

    return break_down(load_script(path))


def key_path(script: Path) -> Path:
    return KEYS_DIR / f"{script.name}.json"


def scripts_with_keys() -> list[Path]:
    """Every sample script that has an answer key."""
    return sorted(
        SAMPLES_DIR / path.name.removesuffix(".json")
        for path in KEYS_DIR.glob("*.json")
        if (SAMPLES_DIR / path.name.removesuffix(".json")).exists()
    )


def score_files(scripts: Iterable[Path]) -> dict[str, Score]:
    """Scores per script name, plus "overall"."""
    results: dict[str, Score] = {}
    overall: Score = {name: Tally() for name in CATEGORIES}
    for script in scripts:
        key = json.loads(key_path(script).read_text(encoding="utf-8"))
        score = score_breakdown(run_engine(script), key)
        results[script.name] = score
        for name in CATEGORIES:
            overall[name].add(score[name])
    results["overall"] = overall
    return results


def _figure(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_scores(results: dict[str, Score]) -> None:
    """Print a table per sample: category, precision, recall, counts, notes."""
    for name, score in results.items():
        print(f"   {name}")
        for category, tally in score.items():
            if category == "speakers":
                notes = f"accuracy {_figure(tally.recall).strip()} over {tally.expected} attributed"
                print(f"     {category:<14} {'':>15} {notes}")
                continue
            notes = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in tally.extra.items())
            print(
                f"     {category:<14} P {_figure(tally.precision)}  R {_figure(tally.recall)}"
                f"  (found {tally.found}, key {tally.expected}, matched {tally.matched})"
                + (f"  {notes}" if notes else "")
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.score_breakdown", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scripts", nargs="*", type=Path, help="sample scripts (default: all with keys)")
    args = parser.parse_args(argv)
    scripts = args.scripts or scripts_with_keys()
    missing = [script for script in scripts if not key_path(script).exists()]
    if missing:
        print(f"no answer key for: {', '.join(str(path) for path in missing)}", file=sys.stderr)
        return 2
    print_scores(score_files(scripts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
