"""Score automatic quote verification against a hand-made answer key.

``python -m benchmarks.score_verification [ANSWER_KEY.json]`` (default:
sample_scripts/verification/answer_key.json) adds the key's sources to a fresh
database, stores its quotations, runs ``verify --auto`` and prints precision
and recall of each class, of the locator and of attribution mismatches, next
to the targets of the quality goals.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_KEY = REPO / "sample_scripts" / "verification" / "answer_key.json"
CLASSES = ("exact", "normalised", "altered", "not_found")


@dataclass
class Scores:
    """Counts behind every figure the scorer prints."""

    total: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    found_at_locator: list[bool] = field(default_factory=list)  # expected exact/normalised
    altered_right: list[bool] = field(default_factory=list)
    absent_wrongly_matched: list[bool] = field(default_factory=list)
    attribution: Counter[tuple[bool, bool]] = field(default_factory=Counter)  # (expected, got)
    misses: list[str] = field(default_factory=list)

    def precision_recall(self, name: str) -> tuple[float, float]:
        """Precision and recall of one class."""
        true_positive = self.confusion[(name, name)]
        predicted = sum(n for (_, got), n in self.confusion.items() if got == name)
        expected = sum(n for (want, _), n in self.confusion.items() if want == name)
        return (true_positive / predicted if predicted else 1.0, true_positive / expected if expected else 1.0)


def _rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 1.0


def score(key_path: Path = DEFAULT_KEY) -> Scores:
    """Run automatic verification on the key's material and compare."""
    from scriptdesk.config import DatabaseTarget
    from scriptdesk.db.engine import create_database_engine, session_scope
    from scriptdesk.db.migrate import upgrade_to_head
    from scriptdesk.db.models import Production, Quotation
    from scriptdesk.services.sources import add_source
    from scriptdesk.services.auto_verification import auto_verify

    key = json.loads(key_path.read_text(encoding="utf-8"))
    # The key's own sources/ folder (held-out sets), else the sample sources beside its folder.
    sources_dir = key_path.parent / "sources"
    if not sources_dir.is_dir():
        sources_dir = key_path.parent.parent / "sources"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "score.sqlite3"
        target = DatabaseTarget(f"sqlite:///{path}", path)
        engine = create_database_engine(target)
        upgrade_to_head(engine, target)
        files: dict[int, str] = {}
        for name in key["sources"]:
            files[add_source(engine, sources_dir / name).source_id] = name
        with session_scope(engine) as session:
            production = Production(title="Answer key")
            session.add(production)
            session.flush()
            for ordinal, item in enumerate(key["quotations"]):
                session.add(Quotation(production_id=production.id, ordinal=ordinal, text=item["text"],
                                      speaker_name=item.get("speaker"), medium=item.get("medium", "unknown")))
        verdicts = auto_verify(engine)
        engine.dispose()
    scores = Scores()
    for item, verdict in zip(key["quotations"], verdicts, strict=True):
        want, got = item["expected_class"], verdict.match_class
        got_source = files.get(verdict.source_id) if verdict.source_id else None
        right_place = got_source == item.get("source") and verdict.locator == item.get("locator")
        scores.total += 1
        scores.confusion[(want, got)] += 1
        if want in ("exact", "normalised"):
            scores.found_at_locator.append(got in ("exact", "normalised") and right_place)
        elif want == "altered":
            scores.altered_right.append(got == "altered" and right_place)
        else:
            scores.absent_wrongly_matched.append(got != "not_found")
        scores.attribution[(bool(item.get("attribution_mismatch")), verdict.attribution_mismatch)] += 1
        if want != got or (want != "not_found" and not right_place):
            scores.misses.append(f"#{item['id']}: expected {want} at {item.get('source')} {item.get('locator')}, "
                                 f"got {got} at {got_source} {verdict.locator}")
    return scores


def print_scores(scores: Scores) -> None:
    """The figures, one per line, with the goals beside them."""
    print(f"   quotations scored: {scores.total}")
    for name in CLASSES:
        precision, recall = scores.precision_recall(name)
        print(f"   {name:<11} precision {precision:5.3f}   recall {recall:5.3f}")
    print(f"   exact/normalised found at the right locator   {_rate(scores.found_at_locator):5.3f}  (goal >= 0.98)")
    print(f"   altered classed altered with the right passage {_rate(scores.altered_right):5.3f}  (goal >= 0.90)")
    print(f"   absent quotations wrongly matched              {_rate(scores.absent_wrongly_matched):5.3f}  (goal <= 0.02)")
    tp = scores.attribution[(True, True)]
    flagged = tp + scores.attribution[(False, True)]
    expected = tp + scores.attribution[(True, False)]
    print(f"   attribution mismatch precision {tp / flagged if flagged else 1.0:5.3f}   "
          f"recall {tp / expected if expected else 1.0:5.3f}")
    for miss in scores.misses:
        print(f"   miss {miss}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print_scores(score(Path(args[0]) if args else DEFAULT_KEY))
    return 0


if __name__ == "__main__":
    sys.exit(main())
