"""Storage: creating a database, bulk inserts against sqlite3.executemany, indexed reads.

Goals (figures only, never a failure): bulk inserts through ``scriptdesk.db.bulk``
at >= 0.4x the rows per second of the standard library's ``executemany`` into
the same schema in the same run; interactive indexed reads < 1 ms each.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks.timing import median_seconds, report
from scriptdesk.db.bulk import bulk_insert
from scriptdesk.db.models import Block, Production, Quotation, Scene, Script, ScriptRevision
from scriptdesk.services.workspace import Workspace, open_workspace

BLOCK_COLUMNS = ("revision_id", "scene_id", "ordinal", "kind", "text", "source_start", "source_end")
QUOTATION_COLUMNS = (
    "production_id", "revision_id", "scene_id", "ordinal", "text", "medium", "verification_state",
    "eo_class", "notes", "origin", "review_state", "version", "span_start", "span_end",
)
SCENES = 40  # a feature documentary's scene count


def _new_workspace(folder: Path, name: str) -> Workspace:
    return open_workspace(str(folder / f"{name}.sqlite3"))


def _skeleton(workspace: Workspace) -> tuple[int, int, list[int]]:
    """A production, script, revision and scenes: the ids the rows point at."""
    with workspace.unit_of_work(actor="bench", actor_kind="engine") as uow:
        production = Production(title="Benchmark")
        revision = ScriptRevision(
            script=Script(production=production, title="Bench"),
            label="v1", source_filename="bench.md", format="prose", sha256="0",
        )
        revision.scenes = [Scene(ordinal=i, number=str(i + 1)) for i in range(SCENES)]
        uow.session.add(revision)
    return production.id, revision.id, [scene.id for scene in revision.scenes]


def _rows(production_id: int, revision_id: int, scene_ids: list[int], blocks: int, quotations: int):
    block_rows = [
        {
            "revision_id": revision_id, "scene_id": scene_ids[i % len(scene_ids)], "ordinal": i,
            "kind": "narration", "text": f"Block {i}: the night train left the border station late.",
            "source_start": i * 60, "source_end": i * 60 + 55,
        }
        for i in range(blocks)
    ]
    quotation_rows = [
        {
            "production_id": production_id, "revision_id": revision_id,
            "scene_id": scene_ids[i % len(scene_ids)], "ordinal": i,
            "text": f"Quotation {i}: we will not give up the station.", "medium": "speech",
            "verification_state": "unverified", "eo_class": "factual", "notes": "",
            "origin": "engine", "review_state": "suggested", "version": 1,
            "span_start": 4, "span_end": 40,
        }
        for i in range(quotations)
    ]
    return block_rows, quotation_rows


def _insert_ours(workspace: Workspace, block_rows: list[dict], quotation_rows: list[dict]) -> None:
    with workspace.unit_of_work(actor="bench", actor_kind="engine") as uow:
        bulk_insert(uow.session, Block, block_rows)
        bulk_insert(uow.session, Quotation, quotation_rows)


def _insert_stdlib(path: Path, block_rows: list[dict], quotation_rows: list[dict]) -> None:
    block_tuples = [tuple(row[c] for c in BLOCK_COLUMNS) for row in block_rows]
    quotation_tuples = [tuple(row[c] for c in QUOTATION_COLUMNS) for row in quotation_rows]
    connection = sqlite3.connect(path)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
        connection.execute(f"PRAGMA {pragma}")
    started = time.perf_counter()
    with connection:
        connection.executemany(
            f"INSERT INTO block ({', '.join(BLOCK_COLUMNS)}) VALUES ({', '.join('?' * len(BLOCK_COLUMNS))})",
            block_tuples,
        )
        connection.executemany(
            f"INSERT INTO quotation ({', '.join(QUOTATION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(QUOTATION_COLUMNS))})",
            quotation_tuples,
        )
    _insert_stdlib.elapsed = time.perf_counter() - started  # type: ignore[attr-defined]
    connection.close()


def _bulk_comparison(folder: Path, blocks: int, quotations: int, repeat: int) -> None:
    ours: list[float] = []
    stdlib: list[float] = []
    for attempt in range(repeat):
        with _new_workspace(folder, f"ours{attempt}") as workspace:
            block_rows, quotation_rows = _rows(*_skeleton(workspace), blocks, quotations)
            started = time.perf_counter()
            _insert_ours(workspace, block_rows, quotation_rows)
            ours.append(time.perf_counter() - started)
        with _new_workspace(folder, f"stdlib{attempt}") as workspace:
            block_rows, quotation_rows = _rows(*_skeleton(workspace), blocks, quotations)
        # The tuples for executemany are built outside the timed part, as our dicts are.
        _insert_stdlib(folder / f"stdlib{attempt}.sqlite3", block_rows, quotation_rows)
        stdlib.append(_insert_stdlib.elapsed)  # type: ignore[attr-defined]
    rows = blocks + quotations
    ours_rate = rows / statistics.median(ours)
    stdlib_rate = rows / statistics.median(stdlib)
    report(f"bulk insert {blocks:,} blocks + {quotations:,} quotations", ours_rate, "rows/s")
    report("sqlite3.executemany, same schema and rows", stdlib_rate, "rows/s")
    report("ratio bulk / executemany", ours_rate / stdlib_rate, "x", "goal >= 0.4x")
    _with_ids(folder, blocks, quotations, stdlib_rate)
    _add_all_reference(folder, stdlib_rate)


def _with_ids(folder: Path, blocks: int, quotations: int, stdlib_rate: float) -> None:
    """The import path: the same bulk inserts asking for every new id, in order."""
    with _new_workspace(folder, "with_ids") as workspace:
        block_rows, quotation_rows = _rows(*_skeleton(workspace), blocks, quotations)
        started = time.perf_counter()
        with workspace.unit_of_work(actor="bench", actor_kind="engine") as uow:
            bulk_insert(uow.session, Block, block_rows, return_ids=True)
            bulk_insert(uow.session, Quotation, quotation_rows, return_ids=True)
        rate = (blocks + quotations) / (time.perf_counter() - started)
    report("bulk insert returning the new ids", rate, "rows/s", f"{rate / stdlib_rate:.2f}x executemany")


def _add_all_reference(folder: Path, stdlib_rate: float) -> None:
    sample = 10_000
    with _new_workspace(folder, "add_all") as workspace:
        block_rows, _ = _rows(*_skeleton(workspace), sample, 0)
        started = time.perf_counter()
        with workspace.unit_of_work(actor="bench") as uow:
            uow.session.add_all([Block(**row) for row in block_rows])
        rate = sample / (time.perf_counter() - started)
    report(f"row-by-row Session.add_all, {sample:,} blocks", rate, "rows/s", f"{rate / stdlib_rate:.2f}x executemany; reference")


def _reads(folder: Path, blocks: int, quotations: int, reads: int) -> None:
    with _new_workspace(folder, "reads") as workspace:
        production_id, revision_id, scene_ids = _skeleton(workspace)
        block_rows, quotation_rows = _rows(production_id, revision_id, scene_ids, blocks, quotations)
        with workspace.unit_of_work(actor="bench", actor_kind="engine") as uow:
            bulk_insert(uow.session, Block, block_rows)
            quotation_ids = bulk_insert(uow.session, Quotation, quotation_rows, return_ids=True) or []
        picks = random.Random(7).choices(quotation_ids, k=reads)
        page_picks = random.Random(8).choices(range(blocks - 50), k=reads)
        with workspace.session() as session:
            def by_id() -> Any:
                for quotation_id in picks:
                    session.execute(select(Quotation).where(Quotation.id == quotation_id)).scalar_one()

            def scenes_of_revision() -> Any:
                for _ in range(reads // 10):
                    session.execute(
                        select(Scene).where(Scene.revision_id == revision_id).order_by(Scene.ordinal)
                    ).scalars().all()

            def page_of_script() -> Any:
                for start in page_picks:
                    session.execute(
                        select(Block)
                        .where(Block.revision_id == revision_id, Block.ordinal >= start)
                        .order_by(Block.ordinal)
                        .limit(50)
                    ).scalars().all()

            report("quotation by id", median_seconds(by_id, repeat=3) / reads * 1000, "ms/read", "goal < 1 ms")
            report(
                f"the {SCENES} scenes of a revision, in order",
                median_seconds(scenes_of_revision, repeat=3) / (reads // 10) * 1000, "ms/read", "goal < 1 ms",
            )
            report(
                "a page of 50 blocks of the script, in order",
                median_seconds(page_of_script, repeat=3) / reads * 1000, "ms/read", "goal < 1 ms",
            )


def main(quick: bool) -> None:
    blocks, quotations = (20_000, 4_000) if quick else (100_000, 20_000)
    with tempfile.TemporaryDirectory(prefix="scriptdesk-bench-") as name:
        folder = Path(name)
        counter = iter(range(1000))

        def create() -> None:
            with _new_workspace(folder, f"empty{next(counter)}"):
                pass

        report("create + upgrade an empty database", median_seconds(create, repeat=3 if quick else 7) * 1000, "ms")
        _bulk_comparison(folder, blocks, quotations, repeat=1 if quick else 3)
        _reads(folder, blocks, quotations, reads=200 if quick else 1000)
