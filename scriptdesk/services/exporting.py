"""Exporting reports: load a production, build the report data, write the file.

:func:`export_report` is what ``scriptdesk export`` and the TUI's export
screen call; :func:`available_reports` lists what can be exported. The data
each report needs is loaded by :mod:`scriptdesk.services.report_loading`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from scriptdesk.config import default_export_dir
from scriptdesk.db.engine import session_factory
from scriptdesk.domain.errors import InvalidValueError, NotFoundError
from scriptdesk.domain.safe_text import printable
from scriptdesk.export import REPORTS, ReportSpec, report_spec, write_report
from scriptdesk.export.filenames import path_inside, report_filename
from scriptdesk.services.inspection import find_production, latest_revision
from scriptdesk.services.report_loading import LOADERS, ReportContext

FORMATS = ("pdf", "csv", "xlsx")
_RANGE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(\d+)")


def available_reports() -> tuple[ReportSpec, ...]:
    """Every report with its name, title, description and formats, in menu order."""
    return tuple(REPORTS.values())


@dataclass(frozen=True, slots=True)
class SceneSelection:
    """Which scenes a report covers: numbers and ranges as typed (``3-7``, ``2,4-6``, ``12A``)."""

    spec: str
    numbers: frozenset[int]
    names: frozenset[str]

    def includes(self, scene_number: str) -> bool:
        if scene_number.strip().upper() in self.names:
            return True
        match = _LEADING_NUMBER.match(scene_number)
        return match is not None and int(match.group(1)) in self.numbers


def parse_scene_selection(spec: str | None) -> SceneSelection | None:
    """``"3-7"`` or ``"2,4-6"`` as a selection; ``None`` for every scene."""
    if spec is None or not spec.strip():
        return None
    numbers: set[int] = set()
    names: set[str] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if (match := _RANGE.match(part)) is not None:
            first, last = int(match.group(1)), int(match.group(2))
            if first > last or last - first > 100_000:
                raise InvalidValueError(f"scene range {printable(part)!r} runs backwards or is too long")
            numbers.update(range(first, last + 1))
        elif part.isdigit():
            numbers.add(int(part))
        elif re.fullmatch(r"[\w.]{1,20}", part):
            names.add(part.upper())
        else:
            raise InvalidValueError(
                f"{printable(spec)!r} is not a list of scenes; write e.g. 3-7 or 2,4-6"
            )
    if not numbers and not names:
        raise InvalidValueError(f"{printable(spec)!r} names no scenes; write e.g. 3-7 or 2,4-6")
    return SceneSelection(spec.strip(), frozenset(numbers), frozenset(names))


def export_report(
    workspace: object,
    report: str,
    *,
    production: str | None = None,
    scenes: str | None = None,
    fmt: str = "pdf",
    output_dir: Path | None = None,
) -> Path:
    """Write one report of a production's latest script revision; returns its path.

    ``workspace`` is an open :class:`~scriptdesk.services.workspace.Workspace`
    (or a bare SQLAlchemy engine). The file name comes from the production,
    report and revision, sanitised, and always lands inside ``output_dir``
    (default ``exports/``); the file is written completely or not at all.
    """
    fmt = (fmt or "pdf").lower()
    if fmt not in FORMATS:
        raise InvalidValueError(f"unknown format {printable(fmt)!r}; choose one of {', '.join(FORMATS)}")
    spec = report_spec(report)
    spec.writer(fmt)  # refuses a format the report has not before any work is done
    selection = parse_scene_selection(scenes)
    with _session(workspace) as session:
        film = find_production(session, production)
        revision = latest_revision(session, film)
        chosen = [
            scene
            for scene in revision.scenes
            if selection is None or selection.includes(scene.number)
        ]
        if selection is not None and not chosen:
            raise NotFoundError(
                f"revision {printable(revision.label)!r} of {printable(film.title)!r} "
                f"has no scene {selection.spec}"
            )
        context = ReportContext(session, film, revision, tuple(chosen), selection is not None)
        data = LOADERS[spec.name](context)
        file_name = report_filename(film.title, spec.name, revision.label, fmt)
    folder = Path(output_dir) if output_dir is not None else default_export_dir()
    return write_report(spec.name, data, path_inside(folder, file_name), fmt)


def _session(workspace: object) -> Session:
    """A read session of a workspace, or of a bare engine."""
    if isinstance(workspace, Engine):
        return session_factory(workspace)()
    opener = getattr(workspace, "session", None)
    if callable(opener):
        return opener()
    raise TypeError(f"cannot read reports from {type(workspace).__name__}")


__all__ = [
    "FORMATS",
    "SceneSelection",
    "available_reports",
    "export_report",
    "parse_scene_selection",
]
