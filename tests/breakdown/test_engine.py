"""The whole engine on the seed screenplay and on a small original script."""

from __future__ import annotations

import pytest

from scriptdesk.domain.breakdown import break_down
from scriptdesk.domain.enums import BlockKind, RightsKind
from scriptdesk.domain.importers.prose import parse_prose
from scriptdesk.domain.model import Breakdown, Span

ORIGINAL = """# The Salt Road

## Summary

*A short film about the carters of Vellmark.*

## Screenplay

On May 4, 1911, Jonas Berg called the carters of Vellmark to the Grand Nordic Hotel. Berg recalls: "We were
forty men and one lamp." The festive parade of the guilds passed below the windows.

In 1923 the harbour was rebuilt. The Vellmark Courier wrote: "A new quay for a new age." Two years later,
Berg was exiled to Tromsø.
"""


def spans_of(result: Breakdown) -> list[tuple[str, Span, str | None]]:
    found: list[tuple[str, Span, str | None]] = []
    found += [("quotation", q.span, q.text) for q in result.quotations]
    found += [("date", d.span, d.text) for d in result.dates]
    found += [("footage", f.span, None) for f in result.footage_needs]
    found += [("person", m, None) for p in result.people for m in p.mentions]
    found += [("rights", r.span, None) for r in result.rights_items if r.span is not None]
    found += [("shot", s.span, None) for s in result.shots if s.span is not None]
    return found


def assert_spans_slice_the_text(result: Breakdown) -> None:
    document = result.document
    for quotation in result.quotations:
        if quotation.end_span is not None:  # runs over paragraphs: check it in the whole text
            first, last = document.blocks[quotation.span.block], document.blocks[quotation.end_span.block]
            absolute = document.text[first.start + quotation.span.start : last.start + quotation.end_span.end]
            assert absolute == quotation.text
    for kind, span, text in spans_of(result):
        if kind == "quotation" and any(q.span == span and q.end_span for q in result.quotations):
            continue
        block = document.blocks[span.block]
        assert 0 <= span.start <= span.end <= len(block.text), (kind, span)
        if text is not None:
            assert block.text[span.start : span.end] == text, (kind, span)
            absolute = document.text[block.start + span.start : block.start + span.end]
            assert absolute == text


_SEED_CACHE: dict[str, Breakdown] = {}


def _break_down_seed(path) -> Breakdown:
    return break_down(parse_prose(path.read_text(encoding="utf-8"), source_name="seed.txt"), clearance_year=2026)


@pytest.fixture
def seed_breakdown(seed_path) -> Breakdown:
    """The seed screenplay's breakdown, computed once for the module's tests."""
    path = seed_path("000")
    if str(path) not in _SEED_CACHE:
        _SEED_CACHE[str(path)] = _break_down_seed(path)
    return _SEED_CACHE[str(path)]


def test_seed_summary_is_in_no_scene(seed_breakdown: Breakdown) -> None:
    document = seed_breakdown.document
    summary = [i for i, b in enumerate(document.blocks) if b.kind is BlockKind.SUMMARY]
    assert len(summary) >= 5
    assert set(summary) <= set(seed_breakdown.summary_blocks)
    assert all(seed_breakdown.scene_of_block(i) is None for i in summary)
    assert seed_breakdown.scenes[0].first_block > max(summary)


def test_seed_page_break_paragraph_is_joined(seed_breakdown: Breakdown) -> None:
    joined = [b for b in seed_breakdown.document.blocks if "decision on armed\n\ninsurrection" in b.text]
    assert len(joined) == 1 and joined[0].kind is BlockKind.NARRATION


def test_seed_scenes_are_sensible(seed_breakdown: Breakdown) -> None:
    scenes = seed_breakdown.scenes
    assert 8 <= len(scenes) <= 40
    assert all(s.word_count <= 900 and s.title for s in scenes)
    assert sum(1 for s in scenes if s.word_count >= 120) >= len(scenes) - 2
    for before, after in zip(scenes, scenes[1:]):
        assert after.first_block == before.last_block + 1
    assert scenes[-1].last_block == len(seed_breakdown.document.blocks) - 1
    assert "1927" in scenes[0].title


def test_seed_findings(seed_breakdown: Breakdown) -> None:
    result = seed_breakdown
    texts = {d.text for d in result.dates}
    assert {"November 16, 1927", "the spring of 1935", "1932–1933", "the mid-1920s"} <= texts
    assert not {"5.7", "5,000", "100"} & texts
    assert any(f.description.startswith("Film clip: October") for f in result.footage_needs)
    kinds = {r.kind for r in result.rights_items}
    assert {RightsKind.SCRIPT, RightsKind.TEXT_QUOTATION, RightsKind.PHOTO, RightsKind.FOOTAGE} <= kinds
    assert sum(s.duration_seconds for s in result.shots) == pytest.approx(
        sum(s.estimated_seconds for s in result.scenes), abs=0.5)


def test_seed_every_span_slices_the_right_text(seed_breakdown: Breakdown) -> None:
    assert_spans_slice_the_text(seed_breakdown)


def test_seed_breakdown_is_deterministic(seed_breakdown: Breakdown, seed_path) -> None:
    assert _break_down_seed(seed_path("000")) == seed_breakdown


def test_original_script_end_to_end() -> None:
    result = break_down(parse_prose(ORIGINAL), words_per_minute=120, clearance_year=2026)
    assert_spans_slice_the_text(result)
    assert len(result.scenes) == 1
    assert result.summary_blocks == [0, 1, 2]
    assert {"May 4, 1911", "1923", "Two years later"} <= {d.text for d in result.dates}
    later = next(d for d in result.dates if d.text == "Two years later")
    assert later.earliest is not None and later.earliest.year == 1925
    assert any("Grand Nordic Hotel" in f.description for f in result.footage_needs)
    assert result.scenes[0].estimated_seconds == pytest.approx(result.scenes[0].word_count / 2)
    assert [s.number for s in result.shots] == [str(i) for i in range(1, len(result.shots) + 1)]


def test_pace_must_be_positive() -> None:
    with pytest.raises(ValueError):
        break_down(parse_prose(ORIGINAL), words_per_minute=0)
