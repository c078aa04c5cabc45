"""Turning data into literal, display-ready text (never markup)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rich.text import Text

from scriptdesk.domain.safe_text import clean_text, printable

#: Styles of the states a row can be in, shared by tables and the dashboard.
STATE_STYLES = {
    "unverified": "bold yellow",
    "in_progress": "cyan",
    "verified": "green",
    "verified_single_source": "green",
    "discrepancy": "bold red",
    "cannot_verify": "magenta",
    "suggested": "italic",
    "accepted": "green",
    "rejected": "dim strike",
    "overdue": "bold white on red",
    "expiring": "bold black on yellow",
    "needed": "bold yellow",
    "searching": "cyan",
    "found": "green",
    "received": "bold green",
    "dropped": "dim strike",
    "to_check": "bold yellow",
    "requested": "cyan",
    "negotiating": "cyan",
    "cleared": "green",
    "public_domain": "green",
    "fair_use": "green",
    "denied": "bold red",
}


def literal(value: object, *, limit: int | None = None, style: str = "") -> Text:
    """Data shown exactly as written: ``[bold]`` stays ``[bold]``."""
    if value is None:
        return Text("")
    if limit is None:
        return Text(clean_text(str(value)), style=style)
    return Text(printable(value, limit=limit), style=style)


def state_text(state: str | None) -> Text:
    """A state name in its colour, spelled for people (``in progress``)."""
    if not state:
        return Text("")
    return Text(state.replace("_", " "), style=STATE_STYLES.get(state, ""))


def duration(seconds: float | None) -> str:
    """Seconds as m:ss (or h:mm:ss)."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def amount(value: Decimal | float | None, currency: str = "") -> str:
    """Money with thousands separators."""
    if value is None:
        return ""
    text = f"{Decimal(value):,.2f}"
    return f"{text} {currency}".strip()


def date_text(value: dt.date | None, today: dt.date | None = None) -> Text:
    """A term end or deadline, unambiguous, standing out when expiring or overdue."""
    if value is None:
        return Text("")
    # Imported when a date is shown: python-dateutil is not needed to start.
    from scriptdesk.services.dates import expiry_state, format_date

    state = expiry_state(value, today)
    label = format_date(value)
    if state == "overdue":
        return Text(f"{label} overdue", style=STATE_STYLES["overdue"])
    if state == "expiring":
        return Text(f"{label} soon", style=STATE_STYLES["expiring"])
    return Text(label)


def timestamp(value: dt.datetime | None) -> str:
    """A moment as ``1 Mar 2027 14:05`` (local time)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        # SQLite hands back stored UTC moments without their zone.
        value = value.replace(tzinfo=dt.timezone.utc)
    from scriptdesk.services.dates import format_date

    value = value.astimezone()
    return f"{format_date(value.date())} {value:%H:%M}"


def internal_error(error: BaseException) -> str:
    """The one sentence shown for an unexpected failure below the interface."""
    return f"Internal error ({type(error).__name__}: {printable(error, 200)}); nothing was changed by this action."
