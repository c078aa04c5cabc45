"""Date expressions: forms, precision, bounds, relative resolution, non-dates."""

from __future__ import annotations

import datetime as dt

import pytest

from scriptdesk.domain.breakdown.dates import find_dates
from scriptdesk.domain.enums import DatePrecision as P
from scriptdesk.domain.importers.prose import parse_prose


def dates_in(text: str):
    return find_dates(parse_prose(text), set())


def only(text: str):
    found = dates_in(text)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expression", "precision", "earliest", "latest"),
    [
        ("On November 16, 1927, the ferry sank.", "November 16, 1927", P.DAY, "1927-11-16", "1927-11-16"),
        ("It opened on 3 March 1953 at noon.", "3 March 1953", P.DAY, "1953-03-03", "1953-03-03"),
        ("Письмо пришло 16 ноября 1927 года.", "16 ноября 1927 года", P.DAY, "1927-11-16", "1927-11-16"),
        ("The order is dated 1941-06-22.", "1941-06-22", P.DAY, "1941-06-22", "1941-06-22"),
        ("In August 1927 the mill closed.", "August 1927", P.MONTH, "1927-08-01", "1927-08-31"),
        ("В феврале 1917 года всё изменилось.", "феврале 1917 года", P.MONTH, "1917-02-01", "1917-02-28"),
        ("It froze in the spring of 1935 again.", "the spring of 1935", P.SEASON, "1935-03-01", "1935-05-31"),
        ("Весной 1935 года его арестовали.", "Весной 1935 года", P.SEASON, "1935-03-01", "1935-05-31"),
        ("By the mid-1920s the town had grown.", "the mid-1920s", P.DECADE, "1924-01-01", "1926-12-31"),
        ("Music of the 1930s filled the halls.", "the 1930s", P.DECADE, "1930-01-01", "1939-12-31"),
        ("Это было в 20-е годы.", "20-е годы", P.DECADE, "1920-01-01", "1929-12-31"),
        ("The famine of 1932–1933 emptied it.", "1932–1933", P.RANGE, "1932-01-01", "1933-12-31"),
        ("He lived abroad from 1908 to 1917 quietly.", "from 1908 to 1917", P.RANGE, "1908-01-01", "1917-12-31"),
        ("Он жил там с 1908 по 1917 год.", "с 1908 по 1917 год", P.RANGE, "1908-01-01", "1917-12-31"),
        ("The harbour was built in 1911.", "1911", P.YEAR, "1911-01-01", "1911-12-31"),
        ("In the 19th century it was a village.", "the 19th century", P.RANGE, "1801-01-01", "1900-12-31"),
    ],
)
def test_date_forms(sentence, expression, precision, earliest, latest) -> None:
    date = only(sentence)
    assert date.text == expression
    assert date.precision is precision
    assert date.earliest == dt.date.fromisoformat(earliest)
    assert date.latest == dt.date.fromisoformat(latest)


@pytest.mark.parametrize(
    "sentence",
    [
        "Each family had 5.7 square meters of space.",
        "The strike fund held 5,000 marks.",
        "Prices rose by 100 percent.",
        "He spent ten years in the camps.",
        "The crowd numbered 1500 workers.",
        "See page 1927 of the record.",
    ],
)
def test_counts_and_measures_are_not_dates(sentence: str) -> None:
    assert dates_in(sentence) == []


def test_spans_index_the_block_text() -> None:
    document = parse_prose("The ship left Riga on May 4, 1919, and returned in 1920.")
    for date in find_dates(document, set()):
        block = document.blocks[date.span.block]
        assert block.text[date.span.start : date.span.end] == date.text


def test_a_day_and_month_takes_the_year_of_the_nearest_date() -> None:
    found = dates_in("In 1927 the river flooded.\n\nOn November 7, the bridge was closed.")
    assert [d.text for d in found] == ["1927", "November 7"]
    assert found[1].precision is P.DAY and found[1].earliest == dt.date(1927, 11, 7)


def test_relative_expressions_resolve_against_a_clear_anchor() -> None:
    found = dates_in("On March 1, 1921, the port reopened. A week and a half later, the first ship came.")
    relative = found[1]
    assert relative.text == "A week and a half later"
    assert relative.precision is P.RELATIVE
    assert relative.earliest == dt.date(1921, 3, 11)


def test_the_previous_year_is_the_whole_year_before() -> None:
    found = dates_in("On November 16, 1927, he moved out. Back at the start of the previous year he had resigned.")
    assert found[1].text == "the previous year"
    assert (found[1].earliest, found[1].latest) == (dt.date(1926, 1, 1), dt.date(1926, 12, 31))


def test_relative_without_an_anchor_stays_unresolved() -> None:
    found = dates_in("Half a century later, the house got its name.")
    assert [(d.text, d.precision, d.earliest) for d in found] == [("Half a century later", P.RELATIVE, None)]


def test_days_after_a_bare_year_are_not_made_precise() -> None:
    found = dates_in("In 1927 he left. Two days later he wrote.")
    assert found[1].precision is P.RELATIVE and found[1].earliest is None


def test_russian_relative_expression() -> None:
    found = dates_in("Весной 1935 года его арестовали. Через два года его расстреляли.")
    assert found[1].text == "Через два года"
    assert found[1].earliest.year == 1937


def test_skipped_blocks_are_not_searched() -> None:
    document = parse_prose("In 1911 it began.\n\nIn 1912 it ended.")
    assert [d.text for d in find_dates(document, {0})] == ["1912"]


def test_a_day_of_the_month_needs_a_month_and_that_evening_is_no_date() -> None:
    document = parse_prose(
        "On July 15th, 1912, the union met. By the 17th not a ship had left.\n\n"
        "Vera remembers that evening."
    )
    dates = find_dates(document, set())
    texts = [d.text for d in dates]
    assert texts == ["July 15th, 1912", "17th"]
    assert dates[1].earliest.isoformat() == "1912-07-17"
    assert find_dates(parse_prose("In 1912 the union met. By the 3rd nobody spoke of it."), set())[-1].text == "1912"
