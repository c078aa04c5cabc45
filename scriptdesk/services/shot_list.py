"""Editing a scene's shot list: add, move, split, renumber and delete shots.

Shots are ordered within their scene by ``ordinal``; the film's order is the
scenes' order, then the shots'. Shot numbers are strings as editors write
them: "12", and inserts between 12 and 13 become "12A", "12B"... (I and O
are skipped, as on a slate, so they are never read as 1 and 0).
Renumbering gives 1..N in film order and clears the letters. Every change is
made in a unit of work, so it is audited and undoable, and changes to one
shot the user picked are checked against the version they saw.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from scriptdesk.db.models import FootageNeed, Scene, Script, ScriptRevision, Shot
from scriptdesk.db.unit_of_work import HasSessions, UnitOfWork
from scriptdesk.domain.enums import ShotType
from scriptdesk.domain.errors import ConflictError, InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import clean_text

#: Letters of inserted shots, in order; I and O look like 1 and 0 on a slate.
SHOT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
#: Longest shot number the database keeps.
NUMBER_LIMIT = 12

_NUMBER = re.compile(r"^(?P<prefix>[A-Z]*)(?P<base>\d+)(?P<suffix>[A-Z]*)$")


# -- shot numbers (pure) ----------------------------------------------------------


def split_number(number: str) -> tuple[str, int, str] | None:
    """("", 12, "A") for "12A", ("A", 1, "") for "A1"; None for numbers of another shape."""
    found = _NUMBER.match(number.strip().upper())
    if found is None:
        return None
    return found["prefix"], int(found["base"]), found["suffix"]


def _letters(index: int) -> str:
    """A, B, ... Z (without I and O), then AA, AB, ..."""
    count = len(SHOT_LETTERS)
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, count)
        text = SHOT_LETTERS[rest] + text
    return text


def lettered_number(stem: str, taken: set[str], *, before: bool = False) -> str:
    """The first free "<stem>A", "<stem>B"... (or "A<stem>"... with ``before``)."""
    taken_upper = {number.upper() for number in taken}
    for index in range(10_000):
        letters = _letters(index)
        candidate = f"{letters}{stem}" if before else f"{stem}{letters}"
        if candidate.upper() not in taken_upper:
            if len(candidate) > NUMBER_LIMIT:
                break
            return candidate
    raise InvalidValueError(f"There is no free shot number left after {stem}; renumber the shots first.")


def number_after(previous: str | None, has_later: bool, taken: set[str], first_later: str | None = None) -> str:
    """The number of a shot inserted after ``previous`` (None: at the very start).

    At the end of the film the next whole number follows; between two shots
    the previous number gets the next free letter ("12" -> "12A", "12A" -> "12B").
    """
    if previous is None:
        if not has_later:
            return "1"
        later = split_number(first_later or "")
        return lettered_number(str(later[1]) if later else "1", taken, before=True)
    parts = split_number(previous)
    if parts is None:
        return lettered_number(previous.strip()[: NUMBER_LIMIT - 1], taken)
    prefix, base, _suffix = parts
    if not has_later and not prefix:
        following = str(base + 1)
        if following not in taken:
            return following
    return lettered_number(f"{prefix}{base}", taken)


# -- reading --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SceneShotTotal:
    """A scene's shots against the time its narration takes."""

    scene_id: int
    shots: int
    shot_seconds: float
    narration_seconds: float

    @property
    def difference(self) -> float:
        """Positive when the shots run longer than the narration."""
        return self.shot_seconds - self.narration_seconds


def scene_shot_total(workspace: HasSessions, scene_id: int) -> SceneShotTotal:
    """The scene's shot count and total duration against its narration time."""
    with workspace.session_factory() as session:
        scene = _scene(session, scene_id)
        shots = _scene_shots(session, scene_id)
        return SceneShotTotal(
            scene_id, len(shots), sum(shot.duration_seconds or 0.0 for shot in shots), scene.estimated_seconds or 0.0
        )


def _scene(session: Session, scene_id: int) -> Scene:
    scene = session.get(Scene, scene_id)
    if scene is None:
        raise NotFoundError(f"Scene {scene_id} no longer exists.")
    return scene


def _scene_shots(session: Session, scene_id: int) -> list[Shot]:
    return list(session.scalars(select(Shot).where(Shot.scene_id == scene_id).order_by(Shot.ordinal, Shot.id)))


def _film_shots(session: Session, revision_id: int) -> list[Shot]:
    """Every shot of a revision in film order."""
    return list(
        session.scalars(
            select(Shot)
            .join(Scene, Scene.id == Shot.scene_id)
            .where(Scene.revision_id == revision_id)
            .order_by(Scene.ordinal, Scene.id, Shot.ordinal, Shot.id)
        )
    )


def _checked_shot(session: Session, shot_id: int, expected_version: int | None, yours: str) -> Shot:
    """The shot, refusing with both values when someone changed it since it was read."""
    shot = session.get(Shot, shot_id, populate_existing=True)
    if shot is None:
        raise NotFoundError(f"Shot {shot_id} no longer exists.")
    if expected_version is not None and shot.version != expected_version:
        theirs = f"{shot.number} ({shot.shot_type}, {shot.duration_seconds:g} s): {shot.description}"[:200]
        raise ConflictError(f"shot {shot.number}", None, theirs, yours)
    return shot


def _first_ordinal(shots: list[Shot], default: int = 0) -> int:
    return min((shot.ordinal for shot in shots if shot.ordinal is not None), default=default)


def _resequence(shots: list[Shot], base: int) -> None:
    """Ordinals ``base``.. in the given order (only changed ones are written)."""
    for position, shot in enumerate(shots):
        if shot.ordinal != base + position:
            shot.ordinal = base + position


def _duration(value: float | int | str | None) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0.0
    try:
        seconds = float(str(value).strip().rstrip("s").strip())
    except ValueError:
        raise InvalidValueError(f"{clean_text(str(value))[:20]!r} is not a duration in seconds") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise InvalidValueError(f"A shot cannot last {clean_text(str(value))[:20]} seconds.")
    return seconds


def _shot_type(value: str) -> str:
    text = (value or "").strip().lower().replace(" ", "_").replace("-", "_")
    if text not in {member.value for member in ShotType}:
        allowed = ", ".join(member.value for member in ShotType)
        raise InvalidValueError(f"{clean_text(value)[:30]!r} is not a shot type (one of: {allowed}).")
    return text


def _production_of_scene(session: Session, scene: Scene) -> int:
    production_id = session.scalar(
        select(Script.production_id)
        .join(ScriptRevision, ScriptRevision.script_id == Script.id)
        .where(ScriptRevision.id == scene.revision_id)
    )
    if production_id is None:
        raise NotFoundError(f"Scene {scene.number} belongs to no production.")
    return production_id


def _check_footage(session: Session, scene: Scene, footage_need_id: int | None) -> int | None:
    if footage_need_id is None:
        return None
    need = session.get(FootageNeed, footage_need_id)
    if need is None or need.production_id != _production_of_scene(session, scene):
        raise InvalidValueError(f"There is no footage need {footage_need_id} in this production.")
    return need.id


# -- changing -------------------------------------------------------------------------


def add_shot(
    workspace: HasSessions,
    scene_id: int,
    *,
    after: int | None = None,
    shot_type: str = ShotType.ARCHIVAL.value,
    description: str = "",
    duration: float | int | str | None = 0.0,
    footage_need_id: int | None = None,
    actor: str | None = None,
) -> int:
    """A new shot in the scene, after the shot ``after`` (default: at the scene's end); its id.

    Its number follows the shot before it in the film: the next whole number
    at the end of the film, else that number with the next free letter.
    """
    kind = _shot_type(shot_type)
    seconds = _duration(duration)
    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        scene = _scene(session, scene_id)
        need_id = _check_footage(session, scene, footage_need_id)
        film = _film_shots(session, scene.revision_id)
        in_scene = [shot for shot in film if shot.scene_id == scene_id]
        if after is not None:
            anchor = next((shot for shot in in_scene if shot.id == after), None)
            if anchor is None:
                raise NotFoundError(f"Shot {after} is not in scene {scene.number}.")
            position = in_scene.index(anchor) + 1
            previous: Shot | None = anchor
        else:
            position = len(in_scene)
            previous = in_scene[-1] if in_scene else _last_before_scene(session, film, scene)
        index = film.index(previous) if previous is not None else -1
        later = film[index + 1 :]
        taken = {shot.number for shot in film}
        number = number_after(
            previous.number if previous else None, bool(later), taken, later[0].number if later else None
        )
        base = _first_ordinal(in_scene, previous.ordinal + 1 if previous is not None else 0)
        shot = Shot(
            scene_id=scene_id, ordinal=base, number=number, description=clean_text(description or ""),
            shot_type=kind, footage_need_id=need_id, duration_seconds=seconds, origin="person",
            review_state="accepted",
        )
        session.add(shot)
        in_scene.insert(position, shot)
        _resequence(in_scene, base)
        session.flush()
        return shot.id


def _last_before_scene(session: Session, film: list[Shot], scene: Scene) -> Shot | None:
    """The last shot of the scenes before ``scene`` (for a scene without shots)."""
    earlier = set(
        session.scalars(
            select(Scene.id).where(
                Scene.revision_id == scene.revision_id,
                (Scene.ordinal < scene.ordinal) | ((Scene.ordinal == scene.ordinal) & (Scene.id < scene.id)),
            )
        )
    )
    before = [shot for shot in film if shot.scene_id in earlier]
    return before[-1] if before else None


def move_shot(
    workspace: HasSessions,
    shot_id: int,
    *,
    step: int | None = None,
    position: int | None = None,
    expected_version: int | None = None,
    actor: str | None = None,
) -> int:
    """Move a shot ``step`` places (-1 up, +1 down) or to ``position`` (0-based) in its scene.

    Returns its new position. Numbers stay as they are (renumber afterwards
    for a clean 1..N); moving past either end of the scene stops there.
    """
    if (step is None) == (position is None):
        raise InvalidValueError("Say either how many places to move the shot or where to.")
    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        shot = _checked_shot(session, shot_id, expected_version, "moved")
        shots = _scene_shots(session, shot.scene_id)
        current = shots.index(shot)
        wanted = current + step if step is not None else position
        wanted = max(0, min(len(shots) - 1, wanted or 0))
        if wanted != current:
            base = _first_ordinal(shots)
            shots.insert(wanted, shots.pop(current))
            _resequence(shots, base)
        return wanted


def split_shot(
    workspace: HasSessions,
    shot_id: int,
    *,
    expected_version: int | None = None,
    actor: str | None = None,
) -> int:
    """Split a shot in two ("12" -> "12" and "12A"), halving its duration; the new shot's id."""
    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        shot = _checked_shot(session, shot_id, expected_version, "split")
        scene = _scene(session, shot.scene_id)
        taken = {other.number for other in _film_shots(session, scene.revision_id)}
        parts = split_number(shot.number)
        stem = f"{parts[0]}{parts[1]}" if parts else shot.number.strip()[: NUMBER_LIMIT - 1]
        number = lettered_number(stem, taken)
        half = (shot.duration_seconds or 0.0) / 2
        shot.duration_seconds = half
        second = Shot(
            scene_id=shot.scene_id, ordinal=shot.ordinal, number=number, description=shot.description,
            shot_type=shot.shot_type, footage_need_id=shot.footage_need_id, duration_seconds=half,
            audio=shot.audio, origin="person", review_state="accepted",
        )
        shots = _scene_shots(session, shot.scene_id)
        base = _first_ordinal(shots)
        session.add(second)
        shots.insert(shots.index(shot) + 1, second)
        _resequence(shots, base)
        session.flush()
        return second.id


def renumber_all(workspace: HasSessions, revision_id: int, *, actor: str | None = None) -> int:
    """Number every shot of a revision 1..N in film order, clearing letters; how many changed."""
    with UnitOfWork(workspace, actor=actor) as uow:
        return _renumber(_film_shots(uow.session, revision_id), 1)


def renumber_scene_shots(workspace: HasSessions, scene_id: int, *, actor: str | None = None) -> int:
    """Number a scene's shots on from the previous scene's last shot; how many changed.

    When that would run into the numbers of later scenes, those are
    renumbered as well, so no number is used twice.
    """
    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        scene = _scene(session, scene_id)
        film = _film_shots(session, scene.revision_id)
        first = next((index for index, shot in enumerate(film) if shot.scene_id == scene_id), None)
        if first is None:
            return 0
        start = 1
        if first > 0:
            parts = split_number(film[first - 1].number)
            start = (parts[1] + 1) if parts else first + 1
        last = max(index for index, shot in enumerate(film) if shot.scene_id == scene_id)
        end_number = start + (last - first)
        following = film[last + 1 :]
        upto = last + 1
        if following:
            parts = split_number(following[0].number)
            if parts is None or parts[0] or parts[1] <= end_number:
                upto = len(film)
        return _renumber(film[first:upto], start)


def _renumber(shots: list[Shot], start: int) -> int:
    changed = 0
    for offset, shot in enumerate(shots):
        wanted = str(start + offset)
        if shot.number != wanted:
            shot.number = wanted
            changed += 1
    return changed


def delete_shot(
    workspace: HasSessions,
    shot_id: int,
    *,
    expected_version: int | None = None,
    actor: str | None = None,
) -> str:
    """Delete a shot (logged with all its values in the audit log); its number."""
    with UnitOfWork(workspace, actor=actor) as uow:
        session = uow.session
        shot = _checked_shot(session, shot_id, expected_version, "deleted")
        number = shot.number
        shots = _scene_shots(session, shot.scene_id)
        base = _first_ordinal(shots)
        session.delete(shot)
        _resequence([other for other in shots if other.id != shot_id], base)
        return number


__all__ = [
    "SceneShotTotal",
    "add_shot",
    "delete_shot",
    "lettered_number",
    "move_shot",
    "number_after",
    "renumber_all",
    "renumber_scene_shots",
    "scene_shot_total",
    "split_number",
    "split_shot",
]
