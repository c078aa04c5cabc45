"""A small, fully populated production for the export tests, built with ORM objects.

The invented film "Winter Ferry" (about a 1931 ferry crossing on a northern
lake) has two scenes with narration, a quotation, an interview, shots,
footage needs with archives and costs, rights items, sources and citations.
Hostile strings from the issue are placed in a quotation and a rights item.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine

from scriptdesk.db.engine import session_scope
from scriptdesk.db.models import (
    Block,
    Citation,
    FootageNeed,
    Production,
    Quotation,
    RightsItem,
    Scene,
    Script,
    ScriptRevision,
    Shot,
    Source,
    rights_item_quotation,
)

#: Every markup trick the issue lists; must print literally.
INJECTION = (
    'Then he said: < & &amp; <font size=200>BIG</font> <font color="white">hidden</font> '
    '<img src="/etc/passwd"/> <a href="http://example.invalid/x">link</a> <b>unclosed'
)
CYRILLIC = "«Ледокол прошёл» — сказал капитан Ёжиков, café naïve “quoted” – dash"
PRODUCTION = "Winter Ferry"
REVISION_DATE = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.timezone.utc)


def build_production(engine: Engine, *, long_quote_paragraphs: int = 0, title: str = PRODUCTION) -> None:
    """Insert the Winter Ferry production; optionally a quotation of many paragraphs."""
    with session_scope(engine) as session:
        film = Production(title=title, target_runtime_seconds=3000)
        script = Script(production=film, title="Crossing the Ice")
        revision = ScriptRevision(
            script=script, label="Draft 3", source_filename="winter_ferry.md", format="prose",
            sha256="0" * 64, imported_at=REVISION_DATE, source_text="",
        )  # fmt: skip
        session.add_all([film, script, revision])
        session.flush()
        scenes = [
            Scene(revision_id=revision.id, ordinal=1, number="1", title="The harbour at dawn",
                  time_context="January 1931", word_count=120, estimated_seconds=95),
            Scene(revision_id=revision.id, ordinal=2, number="2", title="Ice on the lake",
                  time_context="February 1931", word_count=200, estimated_seconds=150),
            Scene(revision_id=revision.id, ordinal=3, number="3", title="Spring",
                  time_context="1931", word_count=40, estimated_seconds=20),
        ]  # fmt: skip
        session.add_all(scenes)
        session.flush()
        texts = [
            (scenes[0], "narration", "The ferry Nordlys left the harbour at six, as it had for thirty winters.", None, None),
            (scenes[0], "quotation", INJECTION, "Captain Ahlgren", None),
            (scenes[1], "narration", "By February the ice was thick enough to walk on. " + CYRILLIC, None, None),
            (scenes[1], "dialogue", "We broke the ice with the bow, every morning.", "Elsa Ahlgren", None),
            (scenes[1], "av_row", "The engine room log survives in the county archive.", None, "Close-up of the log book"),
            (scenes[2], "narration", "In April the lake opened again.", None, None),
        ]  # fmt: skip
        blocks = []
        for ordinal, (scene, kind, text, speaker, video) in enumerate(texts):
            block = Block(revision_id=revision.id, scene_id=scene.id, ordinal=ordinal, kind=kind, text=text,
                          speaker=speaker, video_text=video, source_start=0, source_end=len(text))  # fmt: skip
            blocks.append(block)
        # Narration is factual; the closing line is the author's own; the A/V row is not yet classed.
        for block, eo_class in zip(blocks, ["factual", None, "factual", None, None, "author_created"]):
            block.eo_class = eo_class
        session.add_all(blocks)
        session.flush()
        long_text = "\n\n".join(
            f"Paragraph {n}: the diary goes on about the cold, the coal and the crossing." for n in range(long_quote_paragraphs)
        )
        quotes = [
            Quotation(production_id=film.id, revision_id=revision.id, scene_id=scenes[0].id, block_id=blocks[1].id,
                      ordinal=1, text=INJECTION, speaker_name="Captain Ahlgren", medium="diary",
                      work_title="Ship's diary", verification_state="verified", verified_by="test-researcher",
                      verified_at=dt.datetime(2027, 2, 20, tzinfo=dt.timezone.utc), eo_class="factual"),
            Quotation(production_id=film.id, revision_id=revision.id, scene_id=scenes[1].id, block_id=blocks[2].id,
                      ordinal=2, text=CYRILLIC, speaker_name="Капитан Ёжиков", medium="memoir",
                      verification_state="discrepancy", eo_class="fictionalised", notes="Second edition differs."),
            Quotation(production_id=film.id, revision_id=revision.id, scene_id=scenes[1].id, block_id=blocks[3].id,
                      ordinal=3, text=long_text or "We broke the ice with the bow, every morning.",
                      speaker_name="Elsa Ahlgren", medium="conversation", verification_state="unverified"),
        ]  # fmt: skip
        session.add_all(quotes)
        source = Source(kind="diary", author="Ahlgren, Nils", title="Ship's diary of the Nordlys 1930–1932",
                        publisher="Lake Museum", year=1988, archive_reference="County Archive, Fonds 12, file 4")  # fmt: skip
        memoir = Source(kind="book", author="Ёжиков, П.", title="Ледокол", year=1959)
        session.add_all([source, memoir])
        session.flush()
        session.add_all(
            [
                Citation(quotation_id=quotes[0].id, source_id=source.id, locator="p. 112", match_class="exact",
                         review_state="accepted", confirmed_by="test-researcher"),
                Citation(quotation_id=quotes[1].id, source_id=memoir.id, locator="с. 45", match_class="altered",
                         review_state="suggested", note="«прошёл» vs «прошел»"),
            ]
        )  # fmt: skip
        needs = [
            FootageNeed(production_id=film.id, scene_id=scenes[0].id, block_id=blocks[0].id, kind="film_clip",
                        description="Ferry leaving harbour, 1930s", archive="Nordic Film Archive", clip_id="NFA-0042",
                        timecode_in="00:01:10:00", timecode_out="00:01:22:00", duration_seconds=12.0,
                        cost=Decimal("600.00"), currency="EUR", status="screener_ordered", screener_ordered=True),
            FootageNeed(production_id=film.id, scene_id=scenes[1].id, kind="photo",
                        description="Men cutting ice, photograph", archive="Lake Museum", duration_seconds=5.0,
                        per_second_rate=Decimal("20.00"), currency="EUR", status="found"),
        ]  # fmt: skip
        session.add_all(needs)
        session.flush()
        session.add_all(
            [
                Shot(scene_id=scenes[0].id, ordinal=1, number="1", description="Harbour at dawn, ferry departs",
                     shot_type="archival", footage_need_id=needs[0].id, duration_seconds=12.0, block_id=blocks[0].id),
                Shot(scene_id=scenes[0].id, ordinal=2, number="2", description="Captain's diary page",
                     shot_type="graphic", duration_seconds=8.0, block_id=blocks[1].id),
                Shot(scene_id=scenes[1].id, ordinal=3, number="3", description="Elsa Ahlgren at her kitchen table",
                     shot_type="interview", duration_seconds=30.0),
            ]
        )  # fmt: skip
        rights = [
            RightsItem(production_id=film.id, kind="text_quotation", subject="Quotation from the ship's diary",
                       holder="Lake Museum", status="cleared", territory="World", media="All media",
                       term_start=dt.date(2027, 1, 1), term_end=dt.date(2037, 1, 1), fee=Decimal("250.00"),
                       currency="EUR"),
            RightsItem(production_id=film.id, kind="footage", subject="=HYPERLINK(\"http://example.invalid\")",
                       holder=INJECTION, status="requested", fee=Decimal("1000.50"), currency="EUR"),
        ]  # fmt: skip
        session.add_all(rights)
        session.flush()
        session.execute(
            rights_item_quotation.insert().values(rights_item_id=rights[0].id, quotation_id=quotes[0].id)
        )
