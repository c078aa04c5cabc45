"""Saving an engine breakdown as one script revision, with bulk inserts.

The caller owns the transaction: either every row of a breakdown is written,
or (on any error) none is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session

from scriptdesk.db.bulk import bulk_insert
from scriptdesk.db.models import (
    Block,
    FootageNeed,
    HistoricalDate,
    Mention,
    Person,
    Quotation,
    RightsItem,
    Scene,
    ScriptRevision,
    Shot,
    rights_item_footage,
    rights_item_quotation,
)
from scriptdesk.domain.enums import BlockKind, EOClass, Origin, ReviewState
from scriptdesk.domain.model import Breakdown, ScriptDocument, Span

_ENGINE = Origin.ENGINE.value
_SUGGESTED = ReviewState.SUGGESTED.value
# Narration and A/V lines are factual until a person classes them otherwise;
# headings, notes and the other blocks carry no errors-and-omissions class.
_FACTUAL_KINDS = frozenset({BlockKind.NARRATION, BlockKind.AV_ROW})


@dataclass(frozen=True, slots=True)
class StoredBreakdown:
    """Row ids of what was saved, in the breakdown's own order."""

    block_ids: list[int]
    scene_ids: list[int]
    person_ids: list[int]
    quotation_ids: list[int]
    footage_ids: list[int]
    rights_ids: list[int]
    shot_ids: list[int]
    date_count: int


def _suggested(confidence: float | None) -> dict[str, object]:
    """The provenance of everything the engine finds: a suggestion awaiting review."""
    return {"origin": _ENGINE, "confidence": confidence, "review_state": _SUGGESTED}


def _located(span: Span | None, block_ids: list[int]) -> dict[str, object]:
    if span is None:
        return {"block_id": None, "span_start": None, "span_end": None}
    return {"block_id": block_ids[span.block], "span_start": span.start, "span_end": span.end}


def _whole_span(document: ScriptDocument, first: Span, last: Span | None) -> Span:
    """A quotation running over several blocks as one span relative to its first block."""
    if last is None or last.block == first.block:
        return first
    end = document.blocks[last.block].start + last.end - document.blocks[first.block].start
    return Span(first.block, first.start, end)


def save_breakdown(
    session: Session, revision: ScriptRevision, production_id: int, breakdown: Breakdown
) -> StoredBreakdown:
    """Insert every element of ``breakdown`` under ``revision`` (already flushed)."""
    document = breakdown.document
    scene_ids = bulk_insert(
        session,
        Scene,
        [
            {
                "revision_id": revision.id,
                "ordinal": ordinal,
                "number": scene.number,
                "title": scene.title[:300],
                "time_context": scene.time_context[:200],
                "word_count": scene.word_count,
                "estimated_seconds": scene.estimated_seconds,
                **_suggested(None),
            }
            for ordinal, scene in enumerate(breakdown.scenes)
        ],
        return_ids=True,
    )
    scene_of_block = _scenes_of_blocks(breakdown, scene_ids)
    block_ids = bulk_insert(
        session,
        Block,
        [
            {
                "revision_id": revision.id,
                # summaries stand outside the scenes they sit among
                "scene_id": None if block.kind is BlockKind.SUMMARY else scene_of_block.get(ordinal),
                "ordinal": ordinal,
                "kind": block.kind.value,
                "text": block.text,
                "video_text": block.video,
                "speaker": block.speaker,
                "source_start": block.start,
                "source_end": block.end,
                "eo_class": EOClass.FACTUAL.value if block.kind in _FACTUAL_KINDS else None,
            }
            for ordinal, block in enumerate(document.blocks)
        ],
        return_ids=True,
    )

    def scene_id_of(span: Span | None) -> int | None:
        return None if span is None else scene_of_block.get(span.block)

    person_ids = bulk_insert(
        session,
        Person,
        [
            {
                "production_id": production_id,
                "display_name": person.display_name[:300],
                "name_variants": list(person.variants),
                "birth_year": person.birth_year,
                "death_year": person.death_year,
                **_suggested(person.confidence),
                **_located(person.mentions[0] if person.mentions else None, block_ids),
            }
            for person in breakdown.people
        ],
        return_ids=True,
    )
    person_by_key = {person.key: person_ids[i] for i, person in enumerate(breakdown.people)}
    name_by_key = {person.key: person.display_name for person in breakdown.people}
    mention_rows = [
        {
            "person_id": person_ids[i],
            **_suggested(person.confidence),
            **_located(span, block_ids),
        }
        for i, person in enumerate(breakdown.people)
        for span in person.mentions
    ]
    bulk_insert(session, Mention, mention_rows)

    quotation_ids = bulk_insert(
        session,
        Quotation,
        [
            {
                "production_id": production_id,
                "revision_id": revision.id,
                "scene_id": scene_id_of(quote.span),
                "ordinal": ordinal + 1,
                "text": quote.text,
                "speaker_id": person_by_key.get(quote.speaker or ""),
                "speaker_name": name_by_key.get(quote.speaker or "", quote.speaker),
                "medium": quote.medium.value,
                "work_title": quote.work_title,
                "recipient": quote.recipient,
                "date_text": quote.date_text,
                "eo_class": quote.eo_class.value,
                **_suggested(quote.confidence),
                **_located(_whole_span(document, quote.span, quote.end_span), block_ids),
            }
            for ordinal, quote in enumerate(breakdown.quotations)
        ],
        return_ids=True,
    )
    nested = [
        {"row_id": quotation_ids[i], "outer_id": quotation_ids[quote.nested_in]}
        for i, quote in enumerate(breakdown.quotations)
        if quote.nested_in is not None
    ]
    if nested:
        table = Quotation.__table__
        session.connection().execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(nested_in_id=bindparam("outer_id")),
            nested,
        )

    date_rows = [
        {
            "revision_id": revision.id,
            "text": found.text[:200],
            "precision": found.precision.value,
            "earliest": found.earliest,
            "latest": found.latest,
            **_suggested(found.confidence),
            **_located(found.span, block_ids),
        }
        for found in breakdown.dates
    ]
    bulk_insert(session, HistoricalDate, date_rows)

    footage_ids = bulk_insert(
        session,
        FootageNeed,
        [
            {
                "production_id": production_id,
                "scene_id": scene_id_of(need.span),
                "kind": need.kind.value,
                "description": need.description,
                "search_terms": list(need.search_terms),
                "era": need.era[:100],
                **_suggested(need.confidence),
                **_located(need.span, block_ids),
            }
            for need in breakdown.footage_needs
        ],
        return_ids=True,
    )
    rights_ids = bulk_insert(
        session,
        RightsItem,
        [
            {
                "production_id": production_id,
                "kind": item.kind.value,
                "subject": item.subject,
                "author": item.author,
                "work_title": item.work_title,
                "author_death_year": item.author_death_year,
                "holder": item.holder,
                "public_domain_reasoning": item.public_domain_reasoning,
                **_suggested(item.confidence),
                **_located(item.span, block_ids),
            }
            for item in breakdown.rights_items
        ],
        return_ids=True,
    )
    _link_rights(session, breakdown, rights_ids, quotation_ids, footage_ids)

    shot_ids = bulk_insert(
        session,
        Shot,
        [
            {
                "scene_id": scene_ids[shot.scene_index],
                "ordinal": ordinal,
                "number": shot.number,
                "description": shot.description,
                "shot_type": shot.shot_type.value,
                "footage_need_id": (
                    None if shot.footage_index is None else footage_ids[shot.footage_index]
                ),
                "duration_seconds": shot.duration_seconds,
                "audio": shot.audio,
                **_suggested(None),
                **_located(shot.span, block_ids),
            }
            for ordinal, shot in enumerate(breakdown.shots)
        ],
        return_ids=True,
    )
    return StoredBreakdown(
        block_ids, scene_ids, person_ids, quotation_ids, footage_ids, rights_ids, shot_ids,
        len(date_rows),
    )


def _scenes_of_blocks(breakdown: Breakdown, scene_ids: list[int]) -> dict[int, int]:
    """The scene id of every block index a scene covers, found in one pass.

    (``Breakdown.scene_of_block`` scans every scene on each call, which grows
    with the square of the script's length when asked for every element.)
    """
    scene_of_block: dict[int, int] = {}
    for scene_index, scene in enumerate(breakdown.scenes):
        for index in range(scene.first_block, scene.last_block + 1):
            scene_of_block.setdefault(index, scene_ids[scene_index])
    return scene_of_block


def _link_rights(
    session: Session,
    breakdown: Breakdown,
    rights_ids: list[int],
    quotation_ids: list[int],
    footage_ids: list[int],
) -> None:
    quote_links = [
        {"rights_item_id": rights_ids[i], "quotation_id": quotation_ids[q]}
        for i, item in enumerate(breakdown.rights_items)
        for q in sorted(set(item.quotation_indexes))
    ]
    footage_links = [
        {"rights_item_id": rights_ids[i], "footage_need_id": footage_ids[f]}
        for i, item in enumerate(breakdown.rights_items)
        for f in sorted(set(item.footage_indexes))
    ]
    bulk_insert(session, rights_item_quotation, quote_links)
    bulk_insert(session, rights_item_footage, footage_links)
