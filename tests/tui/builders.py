"""A small invented production stored directly with ORM objects, for the workspace tests.

"The Lighthouse Keepers" is an invented documentary: three scenes, quotations
in every verification state (one containing markup-like text that must be
shown literally), people, dates, footage needs with archive rates, rights
items with licence terms, and shots.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from scriptdesk.db.models import (
    Block,
    Citation,
    FootageNeed,
    HistoricalDate,
    Mention,
    Person,
    Production,
    Quotation,
    RightsItem,
    Scene,
    Script,
    ScriptRevision,
    Shot,
    Source,
    rights_item_footage,
)

MARKUP_QUOTE = "Signal [/] then [bold]hold[/bold] and [@click=app.quit]x[/] — «ждите» at dawn"

SCENES = [
    (
        "1",
        "The northern light",
        [
            ("heading", "The northern light", None),
            (
                "narration",
                "In March 1931 the keeper Ada Brenner wrote to her sister: \u201cThe lamp has not failed "
                "once this winter, though the glass froze twice.\u201d The newsreel of the relief ship "
                "shows the tower under ice.",
                None,
            ),
        ],
    ),
    (
        "2",
        "Storm logs",
        [
            ("heading", "Storm logs", None),
            (
                "narration",
                f"Her log for 12 November 1931 reads: \u201c{MARKUP_QUOTE}\u201d. Years later her son Tomas "
                "remembered: \u201cWe counted the seconds between flashes like prayers.\u201d",
                None,
            ),
        ],
    ),
    (
        "3",
        "Рассвет на мысе",
        [
            ("heading", "Рассвет на мысе", None),
            (
                "narration",
                "The harbour master told the Gazette: \u201cNo ship was lost while she kept the light.\u201d "
                "Смотритель записал: «Маяк горит».",
                None,
            ),
        ],
    ),
]


@dataclass
class BuiltProduction:
    """Ids of what the builder stored."""

    production_id: int
    title: str
    scene_ids: list[int] = field(default_factory=list)
    quotation_ids: dict[str, int] = field(default_factory=dict)
    footage_ids: list[int] = field(default_factory=list)
    rights_ids: dict[str, int] = field(default_factory=dict)
    shot_ids: list[int] = field(default_factory=list)


def _span(text: str, quoted: str) -> tuple[int, int]:
    start = text.index(quoted)
    return start, start + len(quoted)


def build_production(workspace: object, *, title: str = "The Lighthouse Keepers", today: dt.date | None = None) -> BuiltProduction:
    """Store the invented production; returns its ids."""
    today = today or dt.date.today()
    with workspace.unit_of_work(actor="fixture", actor_kind="engine") as uow:  # type: ignore[attr-defined]
        session = uow.session
        production = Production(title=title, target_runtime_seconds=90)
        session.add(production)
        session.flush()
        script = Script(production_id=production.id, title=title)
        session.add(script)
        session.flush()
        # The revision's text holds every block, as an import stores it.
        source_text = "\n\n".join(text for _n, _t, scene_blocks in SCENES for _k, text, _s in scene_blocks)
        revision = ScriptRevision(
            script_id=script.id, label="Draft 2", source_filename="keepers.md", format="prose",
            sha256="0" * 64, imported_at=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc),
            source_text=source_text,
        )
        session.add(revision)
        session.flush()
        built = BuiltProduction(production.id, title)
        blocks: dict[str, Block] = {}
        ordinal = 0
        position = 0
        for scene_ordinal, (number, scene_title, scene_blocks) in enumerate(SCENES):
            scene = Scene(
                revision_id=revision.id, ordinal=scene_ordinal, number=number, title=scene_title,
                time_context="1931", word_count=60, estimated_seconds=25.0 + 5 * scene_ordinal,
            )
            session.add(scene)
            session.flush()
            built.scene_ids.append(scene.id)
            for kind, text, speaker in scene_blocks:
                block = Block(
                    revision_id=revision.id, scene_id=scene.id, ordinal=ordinal, kind=kind, text=text,
                    speaker=speaker, source_start=position, source_end=position + len(text),
                )
                position += len(text) + 2
                ordinal += 1
                session.add(block)
                session.flush()
                blocks[f"{number}:{kind}"] = block

        def quotation(key: str, block_key: str, quoted: str, speaker: str | None, state: str, review: str,
                      medium: str = "letter", **extra: object) -> Quotation:
            block = blocks[block_key]
            start, end = _span(block.text, quoted)
            record = Quotation(
                production_id=production.id, revision_id=revision.id, scene_id=block.scene_id,
                block_id=block.id, span_start=start, span_end=end, text=quoted, speaker_name=speaker,
                medium=medium, verification_state=state, review_state=review, confidence=0.9, **extra,
            )
            session.add(record)
            session.flush()
            built.quotation_ids[key] = record.id
            return record

        lamp = quotation("lamp", "1:narration", "The lamp has not failed once this winter, though the glass froze twice.",
                  "Ada Brenner", "unverified", "suggested", recipient="her sister", date_text="March 1931")
        quotation("markup", "2:narration", MARKUP_QUOTE, "Ada Brenner", "unverified", "suggested", medium="diary")
        counted = quotation("prayers", "2:narration", "We counted the seconds between flashes like prayers.",
                            "Tomas Brenner", "verified", "accepted", medium="memoir",
                            verified_by="earlier-researcher",
                            verified_at=dt.datetime(2026, 2, 1, 10, 0, tzinfo=dt.timezone.utc))
        quotation("ship", "3:narration", "No ship was lost while she kept the light.", "harbour master",
                  "discrepancy", "accepted", medium="newspaper", notes="Gazette prints 'no vessel'.")
        quotation("mayak", "3:narration", "Маяк горит", None, "unverified", "suggested", medium="document")

        source = Source(title="Memories of the Cape", author="Tomas Brenner", year=1968, kind="book")
        session.add(source)
        session.flush()
        session.add(Citation(quotation_id=counted.id, source_id=source.id, locator="p. 41",
                             matched_passage="We counted the seconds between flashes like prayers, my sister and I.",
                             match_class="exact", score=100.0, review_state="accepted"))
        letters = Source(title="Letters from the Cape", author="Ada Brenner", year=1975, kind="letter")
        session.add(letters)
        session.flush()
        session.add(Citation(quotation_id=lamp.id, source_id=letters.id, locator="letter 14",
                             matched_passage="The lamp has not failed once this winter, though the glass froze twice.",
                             match_class="exact", score=100.0, method="automatic", review_state="suggested"))

        ada = Person(production_id=production.id, display_name="Ada Brenner", name_variants=["Ada Brenner", "Brenner"])
        session.add(ada)
        session.flush()
        block = blocks["1:narration"]
        start, end = _span(block.text, "Ada Brenner")
        session.add(Mention(person_id=ada.id, block_id=block.id, span_start=start, span_end=end))
        start, end = _span(block.text, "March 1931")
        session.add(HistoricalDate(revision_id=revision.id, block_id=block.id, span_start=start, span_end=end,
                                   text="March 1931", precision="month",
                                   earliest=dt.date(1931, 3, 1), latest=dt.date(1931, 3, 31)))

        footage_specs = [
            ("1:narration", "newsreel of the relief ship", "newsreel", "needed", None, 12.0, Decimal("40.00"), None),
            ("1:narration", "the tower under ice", "photo", "found", "Cape Archive", 6.0, None, Decimal("150.00")),
            ("2:narration", "Her log for 12 November 1931", "document", "received", "Brenner family", 8.0, Decimal("0"), None),
        ]
        for block_key, phrase, kind, status, archive, seconds, rate, cost in footage_specs:
            block = blocks[block_key]
            start, end = _span(block.text, phrase)
            need = FootageNeed(
                production_id=production.id, scene_id=block.scene_id, block_id=block.id, span_start=start,
                span_end=end, kind=kind, description=phrase, status=status, archive=archive,
                duration_seconds=seconds, per_second_rate=rate, cost=cost, review_state="suggested",
            )
            session.add(need)
            session.flush()
            built.footage_ids.append(need.id)

        rights_specs = [
            ("newsreel", "footage", "Relief ship newsreel, 1931", "Northern Newsreel Co.", "negotiating", today - dt.timedelta(days=20)),
            ("letters", "text_quotation", "Letters of Ada Brenner", "Brenner estate", "cleared", today + dt.timedelta(days=30)),
            ("memoir", "text_quotation", "Memories of the Cape (1968)", "Harbour Press", "to_check", dt.date(2099, 12, 31)),
        ]
        for key, kind, subject, holder, status, term_end in rights_specs:
            item = RightsItem(production_id=production.id, kind=kind, subject=subject, holder=holder,
                              status=status, term_end=term_end, fee=Decimal("500.00"))
            session.add(item)
            session.flush()
            built.rights_ids[key] = item.id
        session.execute(rights_item_footage.insert().values(
            rights_item_id=built.rights_ids["newsreel"], footage_need_id=built.footage_ids[0]))

        for ordinal_, (scene_index, number, shot_type, seconds, footage_index) in enumerate(
            [(0, "1", "archival", 12.0, 0), (0, "2", "archival", 6.0, 1), (1, "3", "graphic", 8.0, 2), (2, "4", "host_on_camera", 20.0, None)]
        ):
            shot = Shot(scene_id=built.scene_ids[scene_index], ordinal=ordinal_, number=number, shot_type=shot_type,
                        duration_seconds=seconds, description=f"Shot {number}",
                        footage_need_id=built.footage_ids[footage_index] if footage_index is not None else None)
            session.add(shot)
            session.flush()
            built.shot_ids.append(shot.id)
    return built


def build_many_quotations(workspace: object, production_id: int, count: int) -> None:
    """Add ``count`` plain quotations (for paging tests)."""
    with workspace.unit_of_work(actor="fixture", actor_kind="engine") as uow:  # type: ignore[attr-defined]
        uow.session.add_all(
            Quotation(production_id=production_id, text=f"Filler quotation number {index}", speaker_name="Filler",
                      verification_state="unverified")
            for index in range(count)
        )
