"""Quote verification on a held-out set the matcher was never tuned on.

``benchmarks/heldout_verification/`` holds three sources (a board-meeting
transcript with an archive reference, footnote markers and editorial
brackets; a diary with page markers; a bulletin in Markdown), the script
``flax_union_script.md`` and ``answer_key.json`` (45 quotations: verbatim,
normalised, altered, misattributed and absent), built by
``python -m benchmarks.heldout_verification.build_key``.

``python -m benchmarks heldout_verification`` prints precision and recall per
class, the locator and attribution figures, and every miss, with
:mod:`benchmarks.score_verification`.
"""

from __future__ import annotations

from pathlib import Path

HELDOUT_KEY = Path(__file__).resolve().parent / "heldout_verification" / "answer_key.json"


def main(quick: bool) -> None:
    from benchmarks.score_verification import print_scores, score

    print_scores(score(HELDOUT_KEY))
