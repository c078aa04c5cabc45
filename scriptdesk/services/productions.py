"""Creating and renaming productions.

:func:`create_production` starts a film with its target runtime and
narration speed; :func:`rename_production` changes its title with the
optimistic version check. Titles are unique, compared without regard to
case, so that ``scriptdesk open`` and the productions list find one film.
Both changes go through a unit of work and land in the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scriptdesk.db.models import Production
from scriptdesk.db.unit_of_work import HasSessions, UnitOfWork
from scriptdesk.domain.errors import InvalidValueError
from scriptdesk.domain.safe_text import clean_text

#: Narration speed when none is given (words a narrator reads per minute).
DEFAULT_WORDS_PER_MINUTE = 140
#: Speeds outside this range are typing mistakes, not narrators.
WORDS_PER_MINUTE_RANGE = (60, 300)
#: Longest title the database keeps.
TITLE_LIMIT = 300

_CLOCK = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>\d{1,3}):(?P<s>\d{2})$")
_UNITS = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b")


@dataclass(frozen=True, slots=True)
class CreatedProduction:
    """The production just created."""

    id: int
    title: str
    version: int


def parse_runtime(value: str | int | float | None) -> int | None:
    """Seconds from "52 min", "1h 30m", "90:00", "1:30:00" or a number of minutes.

    A bare number is minutes, since that is how producers state a target
    ("a 52"). Empty means no target. Anything else is an InvalidValueError.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidValueError(f"{value!r} is not a runtime")
    if isinstance(value, (int, float)):
        seconds = round(float(value) * 60)
    else:
        text = value.strip().lower()
        if not text:
            return None
        seconds = _runtime_seconds(text)
    if seconds <= 0 or seconds > 24 * 3600:
        raise InvalidValueError(f"{clean_text(str(value))[:40]!r} is not a runtime between a second and a day")
    return seconds


def _runtime_seconds(text: str) -> int:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return round(float(text) * 60)
    clock = _CLOCK.match(text)
    if clock:
        return int(clock["h"] or 0) * 3600 + int(clock["m"]) * 60 + int(clock["s"])
    parts = list(_UNITS.finditer(text))
    leftover = _UNITS.sub("", text).replace(",", "").replace("and", "").strip()
    if not parts or leftover:
        raise InvalidValueError(
            f"{clean_text(text)[:40]!r} is not a runtime; write it as 52 min, 1h 30m or 1:30:00"
        )
    seconds = 0.0
    for part in parts:
        unit = part["unit"][0]
        seconds += float(part["n"]) * {"h": 3600, "m": 60, "s": 1}[unit]
    return round(seconds)


def _clean_title(title: str) -> str:
    cleaned = " ".join(clean_text(title or "").split())
    if not cleaned:
        raise InvalidValueError("A production needs a title.")
    if len(cleaned) > TITLE_LIMIT:
        raise InvalidValueError(f"A production title can have at most {TITLE_LIMIT} characters.")
    return cleaned


def _words_per_minute(value: int | str | None) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_WORDS_PER_MINUTE
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InvalidValueError(f"{clean_text(str(value))[:20]!r} is not a number of words per minute") from None
    low, high = WORDS_PER_MINUTE_RANGE
    if not low <= number <= high:
        raise InvalidValueError(f"A narration speed of {number} words per minute is outside {low}–{high}.")
    return number


def _refuse_taken(session: Session, title: str, except_id: int | None = None) -> None:
    statement = select(Production.id).where(func.lower(Production.title) == title.lower())
    if except_id is not None:
        statement = statement.where(Production.id != except_id)
    if session.scalar(statement) is not None:
        raise InvalidValueError(f"There is already a production called “{title}”.")


def create_production(
    workspace: HasSessions,
    title: str,
    target_runtime: str | int | float | None = None,
    words_per_minute: int | str | None = None,
    *,
    actor: str | None = None,
) -> CreatedProduction:
    """A new production; InvalidValueError when the title is empty or taken.

    ``target_runtime`` is seconds-free text ("52 min", "1:30:00") or a number
    of minutes; ``words_per_minute`` defaults to 140.
    """
    cleaned = _clean_title(title)
    seconds = parse_runtime(target_runtime)
    speed = _words_per_minute(words_per_minute)
    try:
        with UnitOfWork(workspace, actor=actor) as uow:
            _refuse_taken(uow.session, cleaned)
            production = Production(title=cleaned, target_runtime_seconds=seconds, words_per_minute=speed)
            uow.session.add(production)
            uow.session.flush()
            created = CreatedProduction(production.id, production.title, production.version)
    except IntegrityError:
        # A colleague created the same title between our check and our insert.
        raise InvalidValueError(f"There is already a production called “{cleaned}”.") from None
    return created


def rename_production(
    workspace: HasSessions,
    production_id: int,
    title: str,
    expected_version: int,
    actor: str | None = None,
) -> int:
    """Give a production a new title if nobody changed it since; its new version.

    Raises ConflictError (with both titles) when it was changed in the
    meantime, InvalidValueError when the title is empty or taken.
    """
    from scriptdesk.services.editing import update_record

    cleaned = _clean_title(title)
    try:
        with UnitOfWork(workspace, actor=actor) as uow:
            _refuse_taken(uow.session, cleaned, except_id=production_id)
            return update_record(uow, Production, production_id, {"title": cleaned}, expected_version)
    except IntegrityError:
        raise InvalidValueError(f"There is already a production called “{cleaned}”.") from None


__all__ = [
    "CreatedProduction",
    "DEFAULT_WORDS_PER_MINUTE",
    "create_production",
    "parse_runtime",
    "rename_production",
]
