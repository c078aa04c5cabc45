"""Loading what each report prints from the database, as plain report data.

One loader per report turns the production's latest revision (optionally a
selection of its scenes) into the frozen dataclasses of
:mod:`scriptdesk.export.report_data`; the writers never see a session.
Quotations are numbered Q1, Q2 ... over the whole revision, so a number means
the same quotation in every report, whichever scenes are exported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from scriptdesk.db.models import (
    Block,
    Citation,
    FootageNeed,
    Note,
    Production,
    Quotation,
    RightsItem,
    Scene,
    ScriptRevision,
    Shot,
    Source,
    rights_item_footage,
    rights_item_quotation,
)
from scriptdesk.domain.enums import BlockKind, FootageStatus, MatchClass, Medium, ReviewState, VerificationState
from scriptdesk.export import report_data as rd
from scriptdesk.export.bibliography import short_record
from scriptdesk.export.formatting import format_seconds, label

_EXCERPT = 90
_NOT_VERIFIED = {
    VerificationState.UNVERIFIED: "unverified",
    VerificationState.IN_PROGRESS: "verification in progress",
    VerificationState.CANNOT_VERIFY: "cannot be verified",
    VerificationState.VERIFIED_SINGLE_SOURCE: "single source",
    VerificationState.DISCREPANCY: "discrepancy with the source",
}


@dataclass
class ReportContext:
    """The production, revision and scenes one export covers, with a session to read more."""

    session: Session
    production: Production
    revision: ScriptRevision
    scenes: tuple[Scene, ...]
    filtered: bool = False
    _quotations: list[Quotation] | None = field(default=None, repr=False)

    @property
    def scene_ids(self) -> set[int]:
        return {scene.id for scene in self.scenes}

    @property
    def scene_numbers(self) -> dict[int, str]:
        return {scene.id: scene.number for scene in self.revision.scenes}

    def header(self) -> rd.ReportHeader:
        script = self.revision.script
        return rd.ReportHeader(
            production=self.production.title,
            script_title=script.title,
            revision_label=self.revision.label,
            revision_date=self.revision.imported_at.date(),
        )

    def all_quotations(self) -> list[Quotation]:
        """Every quotation of the revision in script order (numbering order)."""
        if self._quotations is None:
            order = {scene.id: scene.ordinal for scene in self.revision.scenes}
            rows = self.session.scalars(
                select(Quotation).where(
                    Quotation.production_id == self.production.id,
                    or_(Quotation.revision_id == self.revision.id, Quotation.revision_id.is_(None)),
                )
            ).all()
            self._quotations = sorted(
                rows, key=lambda q: (order.get(q.scene_id, 1 << 30), q.ordinal, q.id)
            )
        return self._quotations

    def quotation_numbers(self) -> dict[int, str]:
        return {q.id: f"Q{index}" for index, q in enumerate(self.all_quotations(), start=1)}

    def quotations(self) -> list[Quotation]:
        """The quotations of the chosen scenes (all of them without a selection)."""
        if not self.filtered:
            return self.all_quotations()
        chosen = self.scene_ids
        return [q for q in self.all_quotations() if q.scene_id in chosen]

    def blocks(self) -> list[Block]:
        return list(
            self.session.scalars(
                select(Block)
                .where(Block.revision_id == self.revision.id, Block.scene_id.in_(self.scene_ids))
                .order_by(Block.ordinal)
            )
        )


class SourceKeys:
    """Numbers sources in order of first citation, for notes and the bibliography."""

    def __init__(self) -> None:
        self.records: dict[int, rd.SourceRecord] = {}

    def record(self, source: Source) -> rd.SourceRecord:
        if source.id not in self.records:
            self.records[source.id] = rd.SourceRecord(
                key=len(self.records) + 1,
                title=source.title,
                kind=source.kind,
                author=source.author,
                publisher=source.publisher,
                year=source.year,
                edition=source.edition,
                translator=source.translator,
                archive_reference=source.archive_reference,
                published_in=source.published_in,
                url=source.url,
            )
        return self.records[source.id]


def _citations(session: Session, quotation_ids: list[int]) -> dict[int, list[tuple[Citation, Source | None]]]:
    """Citations not rejected, by quotation, confirmed ones first."""
    found: dict[int, list[tuple[Citation, Source | None]]] = defaultdict(list)
    if not quotation_ids:
        return found
    rows = session.execute(
        select(Citation, Source)
        .outerjoin(Source, Citation.source_id == Source.id)
        .where(Citation.quotation_id.in_(quotation_ids), Citation.review_state != ReviewState.REJECTED.value)
        .order_by(Citation.quotation_id, Citation.id)
    ).all()
    for citation, source in rows:
        found[citation.quotation_id].append((citation, source))
    for pairs in found.values():
        pairs.sort(key=lambda pair: pair[0].review_state != ReviewState.ACCEPTED.value)
    return found


def _notes(session: Session, production_id: int, table: str, ids: list[int]) -> dict[int, list[Note]]:
    found: dict[int, list[Note]] = defaultdict(list)
    if not ids:
        return found
    rows = session.scalars(
        select(Note)
        .where(Note.production_id == production_id, Note.record_table == table, Note.record_id.in_(ids))
        .order_by(Note.id)
    )
    for note in rows:
        found[note.record_id].append(note)
    return found


def _note_lines(own: str | None, notes: list[Note]) -> list[str]:
    """A record's own notes field, then its attached notes not already written there."""
    lines = [own] if own else []
    for note in notes:
        if note.text and note.text not in (own or ""):
            lines.append(f"{note.text} ({note.author})")
    return lines


def _speaker_line(quotation: Quotation | None, fallback: str | None) -> str:
    """``Mikoyan, memoir`` from what is known of a quotation's speaker and medium."""
    speaker = (quotation.speaker_name if quotation else None) or fallback or ""
    medium = quotation.medium if quotation and quotation.medium != Medium.UNKNOWN.value else ""
    return ", ".join(part for part in (speaker, medium) if part)


# ---------------------------------------------------------------- shooting script


def load_shooting_script(context: ReportContext) -> rd.ShootingScriptData:
    """Scenes as aligned VIDEO | AUDIO rows: one row per script block, shots beside it."""
    session = context.session
    blocks = context.blocks()
    shots = session.scalars(
        select(Shot).where(Shot.scene_id.in_(context.scene_ids)).order_by(Shot.scene_id, Shot.ordinal)
    ).all()
    needs = {
        need.id: need
        for need in session.scalars(
            select(FootageNeed).where(
                FootageNeed.production_id == context.production.id,
                FootageNeed.scene_id.in_(context.scene_ids),
            )
        )
    }
    quotes_by_block: dict[int, list[Quotation]] = defaultdict(list)
    for quotation in context.quotations():
        if quotation.block_id is not None:
            quotes_by_block[quotation.block_id].append(quotation)
    numbers = context.quotation_numbers()
    block_ids = {block.id for block in blocks}
    shots_by_block: dict[int | None, list[Shot]] = defaultdict(list)
    unplaced: dict[int, list[Shot]] = defaultdict(list)
    for shot in shots:
        if shot.block_id in block_ids:
            shots_by_block[shot.block_id].append(shot)
        else:
            unplaced[shot.scene_id].append(shot)
    used_needs = {shot.footage_need_id for shot in shots}
    needs_by_block: dict[int, list[FootageNeed]] = defaultdict(list)
    for need in needs.values():
        if need.id not in used_needs and need.block_id in block_ids:
            needs_by_block[need.block_id].append(need)
    blocks_by_scene: dict[int, list[Block]] = defaultdict(list)
    for block in blocks:
        blocks_by_scene[block.scene_id].append(block)

    scenes = []
    for scene in context.scenes:
        rows: list[rd.AVRow] = []
        if unplaced[scene.id]:
            rows.append(rd.AVRow(video=tuple(_shot_cue(s, needs) for s in unplaced[scene.id])))
        for block in blocks_by_scene[scene.id]:
            row = _block_row(block, quotes_by_block[block.id], numbers, needs)
            video = tuple(_shot_cue(s, needs) for s in shots_by_block[block.id])
            video += tuple(_need_cue(n) for n in sorted(needs_by_block[block.id], key=lambda n: n.id))
            if row is None and not video:
                continue
            base = row or rd.AVRow()
            rows.append(rd.AVRow(video=video + base.video, audio=base.audio))
        scenes.append(
            rd.ShootingScene(
                number=scene.number,
                title=scene.title,
                estimated_seconds=scene.estimated_seconds,
                time_context=scene.time_context,
                rows=tuple(rows),
            )
        )
    target = context.production.target_runtime_seconds
    return rd.ShootingScriptData(context.header(), tuple(scenes), float(target) if target else None)


#: How a footage need's status reads under a shot in the VIDEO column.
_FOOTAGE_STATUS_CUES = {
    FootageStatus.NEEDED.value: "Footage needed",
    FootageStatus.SEARCHING.value: "Footage being searched for",
    FootageStatus.FOUND.value: "Footage found",
}


def _need_detail(need: FootageNeed) -> str:
    status = _FOOTAGE_STATUS_CUES.get(need.status, label(need.status))
    parts = [f"Archive: {need.archive}" if need.archive else "", need.clip_id or "", status]
    return " · ".join(part for part in parts if part)


def _same_words(first: str | None, second: str | None) -> bool:
    return " ".join((first or "").split()).casefold() == " ".join((second or "").split()).casefold()


def footage_text(need: FootageNeed, shot: Shot) -> str:
    """What the shot needs: the footage kind, and the need's description unless the shot says it."""
    kind = label(need.kind)
    if not need.description or _same_words(need.description, shot.description):
        return kind
    return f"{kind}: {need.description}" if kind else need.description


def _shot_cue(shot: Shot, needs: dict[int, FootageNeed]) -> rd.VideoCue:
    need = needs.get(shot.footage_need_id) if shot.footage_need_id else None
    duration = f" · {format_seconds(shot.duration_seconds)} s" if shot.duration_seconds else ""
    detail = ""
    if need is not None:
        own = "" if _same_words(need.description, shot.description) else need.description
        detail = " · ".join(part for part in (own, _need_detail(need)) if part)
    kind = "archive" if shot.shot_type == "archival" else "graphic" if shot.shot_type == "graphic" else "shot"
    return rd.VideoCue(
        kind=kind,
        text=shot.description,
        label=f"SHOT {shot.number} · {label(shot.shot_type).upper()}{duration}",
        detail=detail,
    )


def _need_cue(need: FootageNeed) -> rd.VideoCue:
    return rd.VideoCue(
        kind="archive",
        text=need.description,
        label=f"ARCHIVE · {label(need.kind).upper()}",
        detail=_need_detail(need),
    )


def _block_row(
    block: Block, quotations: list[Quotation], numbers: dict[int, str], needs: dict[int, FootageNeed]
) -> rd.AVRow | None:
    """The cues of one script block, or None for blocks the script does not print."""
    kind = block.kind
    if kind == BlockKind.NARRATION:
        audio = [rd.AudioCue("narration", block.text)]
        for quotation in quotations:
            who = _speaker_line(quotation, None)
            audio.append(rd.AudioCue("note", f"Quotes {numbers.get(quotation.id, '')}" + (f" — {who}" if who else "")))
        return rd.AVRow(audio=tuple(audio))
    if kind == BlockKind.QUOTATION:
        quotation = quotations[0] if quotations else None
        who = _speaker_line(quotation, block.speaker)
        video = ()
        speaker = (quotation.speaker_name if quotation else None) or block.speaker
        if speaker:
            video = (rd.VideoCue("lower_third", speaker, "LOWER THIRD"),)
        label_text = f"QUOTE — {who}:" if who else "QUOTE:"
        return rd.AVRow(video=video, audio=(rd.AudioCue("quotation", block.text, label_text),))
    if kind == BlockKind.DIALOGUE:
        speaker = block.speaker or ""
        video = (rd.VideoCue("lower_third", speaker, "LOWER THIRD"),) if speaker else ()
        label_text = f"{speaker.upper()} (SYNC):" if speaker else "SYNC:"
        return rd.AVRow(video=video, audio=(rd.AudioCue("sync", block.text, label_text),))
    if kind == BlockKind.AV_ROW:
        video = (rd.VideoCue("direction", block.video_text),) if block.video_text else ()
        audio = (rd.AudioCue("narration", block.text),) if block.text.strip() else ()
        return rd.AVRow(video=video, audio=audio)
    if kind == BlockKind.TRANSITION:
        return rd.AVRow(video=(rd.VideoCue("transition", block.text),))
    if kind == BlockKind.NOTE:
        return rd.AVRow(audio=(rd.AudioCue("note", block.text, "NOTE"),))
    return None  # headings (the scene heading says it) and the synopsis


# ---------------------------------------------------------------- shot list


def load_shot_list(context: ReportContext) -> rd.ShotListData:
    """Every shot of the chosen scenes with its footage need, in scene order."""
    session = context.session
    shots = session.scalars(
        select(Shot).where(Shot.scene_id.in_(context.scene_ids)).order_by(Shot.ordinal, Shot.id)
    ).all()
    need_ids = [shot.footage_need_id for shot in shots if shot.footage_need_id]
    needs = {
        need.id: need
        for need in session.scalars(select(FootageNeed).where(FootageNeed.id.in_(need_ids)))
    } if need_ids else {}  # fmt: skip
    by_scene: dict[int, list[Shot]] = defaultdict(list)
    for shot in shots:
        by_scene[shot.scene_id].append(shot)
    scenes = []
    for scene in context.scenes:
        rows = []
        for shot in by_scene[scene.id]:
            need = needs.get(shot.footage_need_id) if shot.footage_need_id else None
            rows.append(
                rd.ShotRow(
                    scene=scene.number,
                    number=shot.number,
                    shot_type=shot.shot_type,
                    description=shot.description,
                    footage=footage_text(need, shot) if need else "",
                    archive=(need.archive or "") if need else "",
                    duration_seconds=shot.duration_seconds or 0.0,
                    status=need.status if need else "",
                )
            )
        scenes.append(rd.ShotListScene(scene.number, scene.title, tuple(rows)))
    return rd.ShotListData(context.header(), tuple(scenes))


# ---------------------------------------------------------------- quote-source sheet


def _citation_entries(
    pairs: list[tuple[Citation, Source | None]], keys: SourceKeys
) -> tuple[rd.CitationEntry, ...]:
    return tuple(
        rd.CitationEntry(
            source=keys.record(source) if source is not None else None,
            locator=citation.locator or "",
            match_class=citation.match_class or "",
            review_state=citation.review_state,
            confirmed_by=citation.confirmed_by or "",
            note=citation.note,
            attribution_mismatch=citation.attribution_mismatch,
        )
        for citation, source in pairs
    )


def _discrepancies(quotation: Quotation, pairs: list[tuple[Citation, Source | None]]) -> tuple[str, ...]:
    found = []
    for citation, source in pairs:
        where = f" in {source.title}" if source is not None else ""
        if citation.match_class == MatchClass.ALTERED.value:
            found.append(f"The wording differs from the source{where}" + (f": {citation.note}" if citation.note else "."))
        if citation.attribution_mismatch:
            found.append(f"The source{where} gives these words to another speaker.")
    if quotation.verification_state == VerificationState.DISCREPANCY.value and not found:
        found.append("Marked as a discrepancy by the researcher (see notes).")
    return tuple(found)


def load_quote_sheet(context: ReportContext) -> rd.QuoteSheetData:
    """Every quotation with citations and verification, counts by state, exceptions."""
    quotations = context.quotations()
    numbers = context.quotation_numbers()
    scene_numbers = context.scene_numbers
    ids = [q.id for q in quotations]
    citations = _citations(context.session, ids)
    notes = _notes(context.session, context.production.id, "quotation", ids)
    keys = SourceKeys()
    entries, exceptions = [], []
    for quotation in quotations:
        pairs = citations.get(quotation.id, [])
        number = numbers[quotation.id]
        scene = scene_numbers.get(quotation.scene_id, "") if quotation.scene_id else ""
        discrepancies = _discrepancies(quotation, pairs)
        quote_notes = _note_lines(quotation.notes, notes.get(quotation.id, []))
        entries.append(
            rd.QuoteEntry(
                number=number, scene=scene, text=quotation.text, speaker=quotation.speaker_name or "",
                medium=quotation.medium, work=quotation.work_title or "", date_text=quotation.date_text or "",
                state=quotation.verification_state, verified_by=quotation.verified_by or "",
                verified_at=quotation.verified_at, eo_class=quotation.eo_class,
                citations=_citation_entries(pairs, keys), discrepancies=discrepancies,
                notes=tuple(quote_notes),
            )  # fmt: skip
        )
        reasons = [_NOT_VERIFIED[state] for state in _NOT_VERIFIED if state.value == quotation.verification_state]
        if any(citation.attribution_mismatch for citation, _ in pairs):
            reasons.append("speaker differs in the source")
        if reasons:
            excerpt = " ".join(quotation.text.split())
            if len(excerpt) > _EXCERPT:
                excerpt = excerpt[: _EXCERPT - 1] + "…"
            exceptions.append(rd.QuoteException(number, scene, "; ".join(reasons), excerpt))
    counts = {state.value: 0 for state in VerificationState}
    for quotation in quotations:
        counts[quotation.verification_state] = counts.get(quotation.verification_state, 0) + 1
    return rd.QuoteSheetData(context.header(), tuple(entries), tuple(counts.items()), tuple(exceptions))


# ---------------------------------------------------------------- annotated script

_ANNOTATED_KINDS = {BlockKind.NARRATION, BlockKind.QUOTATION, BlockKind.DIALOGUE, BlockKind.AV_ROW}
_LINE_SUBJECTS = {BlockKind.DIALOGUE: "Sync", BlockKind.AV_ROW: "Narration", BlockKind.QUOTATION: "Quotation"}


def load_annotated_script(context: ReportContext) -> rd.AnnotatedScriptData:
    """Script lines in order, numbered notes with E&O class and sources, bibliography."""
    blocks = [block for block in context.blocks() if block.kind in _ANNOTATED_KINDS]
    quotations = context.quotations()
    numbers = context.quotation_numbers()
    citations = _citations(context.session, [q.id for q in quotations])
    block_notes = _notes(context.session, context.production.id, "block", [b.id for b in blocks])
    by_block: dict[int, list[Quotation]] = defaultdict(list)
    for quotation in quotations:
        if quotation.block_id is not None:
            by_block[quotation.block_id].append(quotation)
    scene_numbers = context.scene_numbers
    scene_titles = {scene.id: scene.title for scene in context.revision.scenes}
    keys = SourceKeys()
    lines, notes = [], []
    for block in blocks:
        note_numbers = []
        if block.kind != BlockKind.QUOTATION or not by_block.get(block.id):
            # The line itself: its own E&O class, whatever it quotes.
            number = len(notes) + 1
            subject = _LINE_SUBJECTS.get(block.kind, "Narration")
            remarks = tuple(_note_lines(None, block_notes.get(block.id, [])))
            notes.append(rd.AnnotationNote(number, subject, block.eo_class, (), "", remarks))
            note_numbers.append(number)
        for quotation in by_block.get(block.id, []):
            number = len(notes) + 1
            who = _speaker_line(quotation, None)
            subject = f"Quotation {numbers[quotation.id]}" + (f" — {who}" if who else "")
            references = tuple(
                rd.SourceReference(record.key, short_record(record), citation.locator or "")
                for citation, source in citations.get(quotation.id, [])
                if source is not None and (record := keys.record(source))
            )
            remarks = ([quotation.notes] if quotation.notes else []) + list(_discrepancies(quotation, citations.get(quotation.id, [])))
            notes.append(
                rd.AnnotationNote(number, subject, quotation.eo_class, references,
                                  quotation.verification_state, tuple(remarks))
            )  # fmt: skip
            note_numbers.append(number)
        speaker = block.speaker or ""
        eo_class = block.eo_class
        if block.kind == BlockKind.QUOTATION and by_block.get(block.id):
            speaker = _speaker_line(by_block[block.id][0], block.speaker)
            eo_class = by_block[block.id][0].eo_class
        lines.append(
            rd.AnnotatedLine(scene_numbers.get(block.scene_id, ""), block.kind, block.text, speaker,
                             tuple(note_numbers), eo_class, scene_titles.get(block.scene_id, ""))
        )  # fmt: skip
    bibliography = tuple(sorted(keys.records.values(), key=lambda record: record.key))
    return rd.AnnotatedScriptData(context.header(), tuple(lines), tuple(notes), bibliography)


# ---------------------------------------------------------------- logs


def load_clearance_log(context: ReportContext) -> rd.ClearanceLogData:
    """Every rights item; with a scene selection, those covering its quotations or footage."""
    session = context.session
    query = select(RightsItem).where(RightsItem.production_id == context.production.id).order_by(RightsItem.id)
    items = list(session.scalars(query))
    if context.filtered:
        quote_ids = [q.id for q in context.quotations()]
        covering = set(session.scalars(select(rights_item_quotation.c.rights_item_id).where(
            rights_item_quotation.c.quotation_id.in_(quote_ids))))  # fmt: skip
        need_ids = select(FootageNeed.id).where(FootageNeed.scene_id.in_(context.scene_ids))
        covering |= set(session.scalars(select(rights_item_footage.c.rights_item_id).where(
            rights_item_footage.c.footage_need_id.in_(need_ids))))  # fmt: skip
        items = [item for item in items if item.id in covering]
    rows = tuple(
        rd.ClearanceRow(
            number=index, kind=item.kind, subject=item.subject, holder=item.holder or "",
            contact=item.contact or "", status=item.status, territory=item.territory or "",
            media=item.media or "", licence_type=item.licence_type or "", term_start=item.term_start,
            term_end=item.term_end, fee=item.fee, currency=item.currency or "USD",
            credit_line=item.credit_line or "", notes=item.notes or "",
        )  # fmt: skip
        for index, item in enumerate(items, start=1)
    )
    return rd.ClearanceLogData(context.header(), rows)


def footage_cost(need: FootageNeed) -> Decimal | None:
    """The agreed cost, else seconds times the archive's per-second rate, else unknown."""
    if need.cost is not None:
        return Decimal(need.cost)
    if need.per_second_rate is not None and need.duration_seconds is not None:
        return (Decimal(need.per_second_rate) * Decimal(str(need.duration_seconds))).quantize(Decimal("0.01"))
    return None


def load_footage_log(context: ReportContext) -> rd.FootageLogData:
    """Every footage need of the chosen scenes (and, without a selection, those in no scene)."""
    query = select(FootageNeed).where(FootageNeed.production_id == context.production.id)
    if context.filtered:
        query = query.where(FootageNeed.scene_id.in_(context.scene_ids))
    needs = list(context.session.scalars(query))
    order = {scene.id: scene.ordinal for scene in context.revision.scenes}
    needs.sort(key=lambda n: (order.get(n.scene_id, 1 << 30), n.id))
    scene_numbers = context.scene_numbers
    rows = tuple(
        rd.FootageRow(
            number=index, scene=scene_numbers.get(need.scene_id, "") if need.scene_id else "",
            kind=need.kind, description=need.description, archive=need.archive or "",
            clip_id=need.clip_id or "", timecode_in=need.timecode_in or "",
            timecode_out=need.timecode_out or "", duration_seconds=need.duration_seconds,
            cost=footage_cost(need), currency=need.currency or "USD", status=need.status,
            screener_ordered=need.screener_ordered, master_ordered=need.master_ordered,
            notes=need.notes or "",
        )  # fmt: skip
        for index, need in enumerate(needs, start=1)
    )
    return rd.FootageLogData(context.header(), rows)


#: The loader of each report, by its command-line name.
LOADERS: dict[str, Callable[[ReportContext], Any]] = {
    "shooting-script": load_shooting_script,
    "shot-list": load_shot_list,
    "quote-sheet": load_quote_sheet,
    "annotated-script": load_annotated_script,
    "clearance-log": load_clearance_log,
    "footage-log": load_footage_log,
}
