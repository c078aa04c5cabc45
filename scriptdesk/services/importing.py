"""Importing a script: read the file, break it down, store it as one revision.

The whole import is one transaction: a file that cannot be read, a breakdown
that fails or a database error leaves nothing behind. Importing the same file
(same SHA-256) into the same production again changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from scriptdesk.db.breakdown_store import save_breakdown
from scriptdesk.db.models import (
    FootageNeed,
    HistoricalDate,
    Person,
    Production,
    Quotation,
    RightsItem,
    Scene,
    Script,
    ScriptRevision,
    Shot,
)
from scriptdesk.domain.enums import Origin, ScriptFormat
from scriptdesk.domain.errors import InputFileError
from scriptdesk.services.workspace import Workspace

#: Called with a stage name and the fraction done (0.0 to 1.0).
ProgressCallback = Callable[[str, float], None]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import produced (or found already imported)."""

    production: str
    script: str
    revision_id: int
    revision_label: str
    format: str
    encoding: str
    already_imported: bool
    scenes: int
    quotations: int
    people: int
    dates: int
    footage_needs: int
    rights_items: int
    shots: int
    estimated_seconds: float


def _no_progress(_stage: str, _fraction: float) -> None:
    return None


def read_script_file(path: Path) -> bytes:
    """The bytes of a script file, or one plain sentence saying why not."""
    from scriptdesk.domain.importers.limits import DEFAULT_LIMITS, check_file_size

    try:
        if path.is_dir():
            raise InputFileError(path, "is a folder, not a script file")
        check_file_size(path.stat().st_size, str(path), DEFAULT_LIMITS)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except PermissionError:
        raise InputFileError(path, "permission denied") from None
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None


def import_script(
    workspace: Workspace,
    path: Path,
    *,
    production: str | None = None,
    script_format: ScriptFormat | None = None,
    label: str | None = None,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import ``path`` into ``production`` (default: the script's title or file name)."""
    from scriptdesk.domain.breakdown import break_down
    from scriptdesk.domain.importers import read_script_bytes

    report = progress or _no_progress
    path = Path(path)
    report("reading", 0.0)
    data = read_script_file(path)
    digest = hashlib.sha256(data).hexdigest()
    report("parsing", 0.1)
    document = read_script_bytes(data, str(path), script_format)
    production_title = (production or document.title or path.stem).strip()[:300]
    script_title = (document.title or path.stem).strip()[:300] or path.name

    with workspace.unit_of_work(actor_kind=Origin.ENGINE) as uow:
        session = uow.session
        film = session.scalar(select(Production).where(Production.title == production_title))
        if film is None:
            film = Production(title=production_title)
            session.add(film)
            session.flush()
        existing = session.scalar(
            select(ScriptRevision)
            .join(Script)
            .where(Script.production_id == film.id, ScriptRevision.sha256 == digest)
        )
        if existing is not None:
            report("done", 1.0)
            return _summary(session, film, existing, already_imported=True)

        report("breaking down", 0.3)
        breakdown = break_down(document, words_per_minute=film.words_per_minute)
        report("saving", 0.6)
        script = session.scalar(
            select(Script).where(Script.production_id == film.id, Script.title == script_title)
        )
        if script is None:
            script = Script(production_id=film.id, title=script_title)
            session.add(script)
            session.flush()
        revision_count = session.scalar(
            select(func.count()).select_from(ScriptRevision).where(ScriptRevision.script_id == script.id)
        ) or 0
        revision = ScriptRevision(
            script_id=script.id,
            label=(label or f"Revision {revision_count + 1}")[:100],
            source_filename=path.name[:500],
            format=document.format.value,
            encoding=document.encoding,
            sha256=digest,
            source_text=document.text,
        )
        session.add(revision)
        session.flush()
        save_breakdown(session, revision, film.id, breakdown)
        session.flush()
        summary = _summary(session, film, revision, already_imported=False)
    report("done", 1.0)
    return summary


def _summary(session, film: Production, revision: ScriptRevision, *, already_imported: bool) -> ImportSummary:  # type: ignore[no-untyped-def]
    def count(model, *conditions) -> int:  # type: ignore[no-untyped-def]
        return session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0

    runtime = session.scalar(
        select(func.coalesce(func.sum(Scene.estimated_seconds), 0.0)).where(
            Scene.revision_id == revision.id
        )
    )
    scene_ids = select(Scene.id).where(Scene.revision_id == revision.id)
    return ImportSummary(
        production=film.title,
        script=revision.script.title,
        revision_id=revision.id,
        revision_label=revision.label,
        format=revision.format,
        encoding=revision.encoding,
        already_imported=already_imported,
        scenes=count(Scene, Scene.revision_id == revision.id),
        quotations=count(Quotation, Quotation.revision_id == revision.id),
        people=count(Person, Person.production_id == film.id),
        dates=count(HistoricalDate, HistoricalDate.revision_id == revision.id),
        footage_needs=count(FootageNeed, FootageNeed.scene_id.in_(scene_ids)),
        rights_items=count(RightsItem, RightsItem.production_id == film.id),
        shots=count(Shot, Shot.scene_id.in_(scene_ids)),
        estimated_seconds=float(runtime or 0.0),
    )
