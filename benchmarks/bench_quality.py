"""Breakdown quality: precision and recall per category against the answer keys.

Runs :mod:`benchmarks.score_breakdown` over every sample script that has an
answer key and prints its table (quick or not: scoring is already fast).
"""

from __future__ import annotations

from benchmarks.score_breakdown import print_scores, score_files, scripts_with_keys


def main(quick: bool) -> None:
    print_scores(score_files(scripts_with_keys()))
