"""Natural dates for the logs, and the read models behind the workspace."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from scriptdesk.domain.errors import InvalidValueError
from scriptdesk.services.dashboard import production_dashboard
from scriptdesk.services.dates import expiry_state, format_date, parse_natural_date
from scriptdesk.services.queries import (
    ListQuery,
    footage_page,
    neighbour_quotation,
    quotation_page,
    rights_page,
    scene_text,
    search_production,
)
from scriptdesk.services.workspace import SchemaStatus, Workspace
from tests.tui.builders import MARKUP_QUOTE, build_many_quotations, build_production

TODAY = dt.date(2026, 5, 13)  # a Wednesday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("next friday", dt.date(2026, 5, 15)),
        ("Friday", dt.date(2026, 5, 15)),
        ("2027-03-01", dt.date(2027, 3, 1)),
        ("in 6 months", dt.date(2026, 11, 13)),
        ("in two weeks", dt.date(2026, 5, 27)),
        ("tomorrow", dt.date(2026, 5, 14)),
        ("end of march", dt.date(2027, 3, 31)),
        ("end of May", dt.date(2026, 5, 31)),
        ("1 March 2027", dt.date(2027, 3, 1)),
        ("March 1, 2027", dt.date(2027, 3, 1)),
        ("29 feb", dt.date(2028, 2, 29)),
    ],
)
def test_natural_dates(typed: str, expected: dt.date) -> None:
    assert parse_natural_date(typed, TODAY) == expected


@pytest.mark.parametrize(("typed", "words"), [
    ("03/04/2027", "ambiguous"), ("march", "names no day"), ("banana", "not a date"),
    ("", "No date"), ("2027-02-30", "not a valid"), ("in many days", "not a number"),
])
def test_unclear_dates_are_refused_in_one_sentence(typed: str, words: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        parse_natural_date(typed, TODAY)
    assert words in str(raised.value) and "\n" not in str(raised.value)


def test_display_and_expiry() -> None:
    assert format_date(dt.date(2027, 3, 1)) == "1 Mar 2027"
    assert expiry_state(dt.date(2026, 5, 1), TODAY) == "overdue"
    assert expiry_state(dt.date(2026, 6, 1), TODAY) == "expiring"
    assert expiry_state(dt.date(2027, 6, 1), TODAY) == "ok"


@pytest.fixture
def stored(engine, database_target):  # type: ignore[no-untyped-def]
    workspace = Workspace(database_target, engine, SchemaStatus(None, None, "head"))
    return workspace, build_production(workspace, today=TODAY)


def test_pages_filter_and_sort(stored) -> None:  # type: ignore[no-untyped-def]
    workspace, built = stored
    build_many_quotations(workspace, built.production_id, 450)
    first = quotation_page(workspace, built.production_id, ListQuery(page_size=200))
    last = quotation_page(workspace, built.production_id, ListQuery(page=2, page_size=200))
    assert (first.total, first.page_count, len(first.rows), len(last.rows)) == (455, 3, 200, 55)
    unverified = quotation_page(workspace, built.production_id, ListQuery(status="unverified"))
    assert {row.state for row in unverified.rows} == {"unverified"} and unverified.total == 453
    # A filter with LIKE wildcards matches them literally.
    assert quotation_page(workspace, built.production_id, ListQuery(text="[/]")).rows[0].text == MARKUP_QUOTE
    assert quotation_page(workspace, built.production_id, ListQuery(text="100%")).total == 0
    by_cost = footage_page(workspace, built.production_id, ListQuery(sort="cost", descending=True))
    assert by_cost.rows[0].estimated_cost == Decimal("150.00")
    assert footage_page(workspace, built.production_id, ListQuery(sort="duration")).rows[0].duration_seconds == 6.0
    ending = rights_page(workspace, built.production_id, ListQuery(sort="term_end"))
    assert [row.term_end for row in ending.rows] == sorted(row.term_end for row in ending.rows)


def test_dashboard_figures(stored) -> None:  # type: ignore[no-untyped-def]
    workspace, built = stored
    board = production_dashboard(workspace, built.production_id, today=TODAY)
    assert board.estimated_seconds == 90.0 and board.target_seconds == 90
    assert board.quotations_by_state == {"unverified": 3, "verified": 1, "discrepancy": 1}
    # 12 s x 40.00/s for the newsreel, plus the flat 150.00 photo, plus a free document.
    assert board.archive_cost == Decimal("630.00")
    assert [e.term_end for e in board.expiries] == sorted(e.term_end for e in board.expiries)
    assert [(u.rights_id, u.used_by) for u in board.uncleared_in_cut] == [(built.rights_ids["newsreel"], "shot 1")]


def test_scene_text_spans_and_search(stored) -> None:  # type: ignore[no-untyped-def]
    workspace, built = stored
    scene = scene_text(workspace, built.scene_ids[1])
    quote = next(e for e in scene.elements if e.record_id == built.quotation_ids["markup"] and e.table == "quotation")
    assert scene.text[quote.start:quote.end] == MARKUP_QUOTE
    hits = search_production(workspace, built.production_id, "prayers")
    assert hits[0].kind == "quotation" and hits[0].record_id == built.quotation_ids["prayers"]
    assert neighbour_quotation(workspace, built.production_id, built.quotation_ids["lamp"]) == built.quotation_ids["markup"]
