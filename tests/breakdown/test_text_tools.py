"""Shared text helpers: stem anchors, windowed matching and the per-breakdown reading."""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.text_tools import ScriptReading, StemAnchor, finditer_near, plain, sentence_at
from scriptdesk.domain.importers.prose import parse_prose

TEXT = (
    "# The Harbour\n\n"
    "The Parade passed the Grand Hotel. Nobody paraded again. An anti-parade rally followed!\n\n"
    "In 1911 the ship left. Its report was filed: “All gone.” Then silence."
)


def test_stem_anchor_finds_word_starts_only_case_blind() -> None:
    anchor = StemAnchor("parade hotel")
    text = "The Parade passed the Grand Hotel; nobody paraded, and the hotelier shrugged. Unparaded."
    words = [text[start:end] for start, end in anchor.spans(text)]
    assert words == ["Parade", "Hotel", "paraded", "hotelier"]


def test_stem_anchor_falls_back_when_lower_case_changes_length() -> None:
    anchor = StemAnchor("parade")
    text = "İstanbul Parade"  # "İ".lower() is two characters long
    assert [text[s:e] for s, e in anchor.spans(text)] == ["Parade"]


def test_windowed_matches_equal_a_full_scan_around_anchors() -> None:
    pattern = re.compile(r"(?:[A-Z]\w+\s+){0,2}(?i:parade\w*|rally)")
    text = TEXT.split("\n\n")[1]
    near = [m.group(0) for m in finditer_near(pattern, StemAnchor("parade rally"), text, 40, 10)]
    assert near == [m.group(0) for m in pattern.finditer(text)]


def test_reading_shares_anchors_words_and_sentences_per_block() -> None:
    document = parse_prose(TEXT)
    reading = ScriptReading(document)
    anchor = StemAnchor("parade rally report")
    for index, block in enumerate(document.blocks):
        assert reading.anchor_spans(index, anchor) == anchor.spans(block.text)
        assert reading.word_count(index) == len(re.findall(r"\w+(?:[-'’]\w+)*", block.text))
        for offset in range(len(block.text)):
            assert reading.sentence_at(index, offset) == sentence_at(block.text, offset)
    year = re.compile(r"[12][0-9]{3}")
    assert reading.anchor_spans(2, year) == [(3, 7)]


def test_plain_drops_markup_and_runs_of_space() -> None:
    assert plain("## **Bold**  and _this_\n\nline ") == "Bold and this line"
    assert plain("  no   markup\there ") == "no markup here"
