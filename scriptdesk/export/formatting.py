"""How values print in every report: dates, runtimes, money and vocabulary labels.

Formats are unambiguous across countries ("1 Mar 2027", never 01/03/27) and
identical in PDF, CSV and XLSX output.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

#: What an empty cell prints in a PDF (CSV cells stay empty).
EMPTY = "—"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Labels of vocabulary values whose plain title-casing would read badly.
_LABELS = {
    "verified_single_source": "Verified (single source)",
    "in_progress": "In progress",
    "cannot_verify": "Cannot verify",
    "fictionalised": "Fictionalised but based on fact",
    "author_created": "Author-created",
    "host_on_camera": "Host on camera",
    "b_roll": "B-roll",
    "to_check": "To check",
    "public_domain": "Public domain",
    "fair_use": "Fair use",
    "screener_ordered": "Screener ordered",
    "master_ordered": "Master ordered",
    "film_clip": "Film clip",
    "map_graphic": "Map / graphic",
    "archive_file": "Archive file",
    "text_quotation": "Text quotation",
    "not_found": "Not found",
}


def label(value: str | None) -> str:
    """A vocabulary value ("verified_single_source") as people read it."""
    if not value:
        return ""
    return _LABELS.get(value, value.replace("_", " ").capitalize())


def revision_name(revision_label: str) -> str:
    """``Revision Draft 3``; a label that already says "Revision 1" is not repeated."""
    text = " ".join(revision_label.split())
    if text.lower().startswith(("revision", "rev.", "rev ")):
        return text
    return f"Revision {text}" if text else "Revision"


def format_date(value: dt.date | dt.datetime | None) -> str:
    """``1 Mar 2027``; a datetime prints its date (in its own time zone)."""
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_runtime(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss`` from an hour on), rounded to the second."""
    if seconds is None:
        return ""
    total = int(round(max(seconds, 0.0)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_money(amount: Decimal | None, currency: str = "") -> str:
    """``1,250.00 USD``; empty when no amount is known."""
    if amount is None:
        return ""
    text = f"{Decimal(amount):,.2f}"
    return f"{text} {currency}".strip()


def format_seconds(seconds: float | None) -> str:
    """A duration in seconds as the logs print it (``12.5``), empty when unknown."""
    if seconds is None:
        return ""
    return f"{seconds:.1f}".removesuffix(".0")


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"
