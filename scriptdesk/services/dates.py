"""Natural dates for the footage and rights logs.

Producers type deadlines and licence terms the way they say them: "next
friday", "2027-03-01", "in 6 months", "tomorrow", "end of march", "1 March
2027". :func:`parse_natural_date` turns them into a :class:`datetime.date`
relative to today (python-dateutil's parser and relativedelta do the
calendar work); anything ambiguous such as "03/04/2027" or unparseable is
refused with one sentence. :func:`format_date` shows dates unambiguously
("1 Mar 2027") whatever the user's locale.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from scriptdesk.domain.errors import InvalidValueError

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
_MONTHS = {
    name: index
    for index, full in enumerate(
        (
            "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december",
        ),
        start=1,
    )
    for name in (full, full[:3], full[:4])
}
_WEEKDAYS = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH,
    "friday": FR, "saturday": SA, "sunday": SU,
}
_WEEKDAYS.update({name[:3]: value for name, value in list(_WEEKDAYS.items())})
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}

_RELATIVE = re.compile(
    r"^(?:in\s+(?P<n1>\d+|[a-z]+)\s+(?P<u1>day|week|month|year)s?(?:\s+time)?"
    r"|(?P<n2>\d+|[a-z]+)\s+(?P<u2>day|week|month|year)s?\s+(?P<dir>from now|ago))$"
)
_WEEKDAY_PHRASE = re.compile(r"^(?P<which>next|this|last|on)?\s*(?P<day>[a-z]+)$")
_END_OF = re.compile(r"^end\s+of\s+(?:the\s+)?(?P<what>[a-z]+)(?:\s+(?P<year>\d{4}))?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALL_NUMERIC = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def current_date() -> dt.date:
    """Today's date: the one place "today" comes from (tests pin it)."""
    return dt.date.today()


def format_date(value: dt.date | None) -> str:
    """An unambiguous display form such as ``1 Mar 2027`` (empty for no date)."""
    if value is None:
        return ""
    return f"{value.day} {MONTH_ABBREVIATIONS[value.month - 1]} {value.year}"


def expiry_state(value: dt.date | None, today: dt.date | None = None, *, warn_days: int = 60) -> str:
    """``overdue``, ``expiring`` (within ``warn_days``) or ``ok`` for a deadline or term end."""
    if value is None:
        return "ok"
    today = today or current_date()
    if value < today:
        return "overdue"
    if value <= today + dt.timedelta(days=warn_days):
        return "expiring"
    return "ok"


def parse_natural_date(text: str, today: dt.date | None = None) -> dt.date:
    """The date a person means by ``text``, counted from ``today``.

    Raises :class:`InvalidValueError` with one sentence when the text is
    empty, ambiguous (day and month could be swapped, or no day given) or not
    a date at all.
    """
    today = today or current_date()
    phrase = " ".join(text.strip().lower().replace(",", " ").split())
    if not phrase:
        raise InvalidValueError("No date was given; type e.g. 2027-03-01, next friday or in 6 months.")
    for reader in (_read_keyword, _read_relative, _read_weekday, _read_end_of, _read_iso):
        found = reader(phrase, today)
        if found is not None:
            return found
    return _read_calendar_date(text.strip(), phrase, today)


def _read_keyword(phrase: str, today: dt.date) -> dt.date | None:
    offsets = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}
    if phrase in offsets:
        return today + dt.timedelta(days=offsets[phrase])
    return None


def _count(word: str, original: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    raise InvalidValueError(f"“{original}” is not a date ScriptDesk understands: {word!r} is not a number.")


def _read_relative(phrase: str, today: dt.date) -> dt.date | None:
    match = _RELATIVE.match(phrase)
    if match is None:
        return None
    amount = _count(match["n1"] or match["n2"], phrase)
    unit = _UNITS[match["u1"] or match["u2"]]
    if match["dir"] == "ago":
        amount = -amount
    return today + relativedelta(**{unit: amount})


def _read_weekday(phrase: str, today: dt.date) -> dt.date | None:
    match = _WEEKDAY_PHRASE.match(phrase)
    if match is None or match["day"] not in _WEEKDAYS:
        return None
    weekday = _WEEKDAYS[match["day"]]
    which = match["which"] or "next"
    if which == "last":
        return today + relativedelta(days=-1, weekday=weekday(-1))
    if which == "this":
        return today + relativedelta(weekday=weekday(+1))
    # "next friday" and plain "friday": the first one after today.
    return today + relativedelta(days=+1, weekday=weekday(+1))


def _read_end_of(phrase: str, today: dt.date) -> dt.date | None:
    match = _END_OF.match(phrase)
    if match is None:
        return None
    what, year = match["what"], match["year"]
    if what in {"month", "year", "week"} and year is None:
        if what == "week":
            return today + relativedelta(weekday=SU(+1))
        if what == "month":
            return today + relativedelta(day=31)
        return dt.date(today.year, 12, 31)
    if what == "year" and year is not None:
        return dt.date(int(year), 12, 31)
    if what not in _MONTHS:
        raise InvalidValueError(f"“{phrase}” is not a date ScriptDesk understands: {what!r} is not a month.")
    month = _MONTHS[what]
    chosen_year = int(year) if year else today.year
    end = dt.date(chosen_year, month, 1) + relativedelta(day=31)
    if year is None and end < today:
        end = dt.date(chosen_year + 1, month, 1) + relativedelta(day=31)
    return end


def _read_iso(phrase: str, today: dt.date) -> dt.date | None:
    if not _ISO.match(phrase):
        return None
    try:
        return dt.date.fromisoformat(phrase)
    except ValueError:
        raise InvalidValueError(f"“{phrase}” is not a valid calendar date.") from None


def _read_calendar_date(original: str, phrase: str, today: dt.date) -> dt.date:
    if _ALL_NUMERIC.match(phrase):
        parts = [int(part) for part in re.split(r"[./-]", phrase)]
        if len(str(parts[0])) < 4 and parts[0] <= 12 and parts[1] <= 12 and parts[0] != parts[1]:
            raise InvalidValueError(
                f"“{original}” is ambiguous (day and month could be either way round); "
                "type it as 2027-03-01 or 1 March 2027."
            )
    # Parse twice with different defaults: whatever changes was not typed.
    first_default = dt.datetime(2000, 1, 1)
    second_default = dt.datetime(2004, 12, 28)  # both leap years, so 29 Feb parses
    try:
        first = date_parser.parse(original, default=first_default, dayfirst=True)
        second = date_parser.parse(original, default=second_default, dayfirst=True)
    except (ValueError, OverflowError):
        raise InvalidValueError(
            f"“{original}” is not a date ScriptDesk understands; "
            "type e.g. 2027-03-01, next friday, in 6 months or end of march."
        ) from None
    if first.month != second.month:
        raise InvalidValueError(f"“{original}” names no month; type e.g. 1 March 2027.")
    if first.day != second.day:
        raise InvalidValueError(
            f"“{original}” names no day; type e.g. 1 {MONTH_ABBREVIATIONS[first.month - 1]} "
            f"or end of {_full_month(first.month)}."
        )
    if first.year == second.year:
        return first.date()
    # No year typed: the next time that day comes round.
    candidate = dt.date(today.year, first.month, first.day) if _valid(today.year, first) else None
    if candidate is None or candidate < today:
        year = today.year + 1
        while not _valid(year, first):
            year += 1
        candidate = dt.date(year, first.month, first.day)
    return candidate


def _full_month(month: int) -> str:
    return max((name for name, index in _MONTHS.items() if index == month), key=len)


def _valid(year: int, value: dt.datetime) -> bool:
    try:
        dt.date(year, value.month, value.day)
    except ValueError:
        return False
    return True
