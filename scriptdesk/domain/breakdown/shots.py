"""The draft shot list: footage needs in script order become proposed shots.

Each shot plays under the narration from the point its need is mentioned to
the next shot's point (the first shot starts with the scene), and its
duration is that narration's share of the scene's runtime at the production's
pace, so the shots of a scene add up to the scene. Documents and maps become
graphics, where the script calls for a host on camera the host gets a shot,
and a scene with nothing to show gets one host or b-roll shot. A/V scripts
already plan their pictures: each row's video column becomes its shot.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from scriptdesk.domain.breakdown.scenes import SPOKEN_KINDS
from scriptdesk.domain.breakdown.text_tools import WORD, ScriptReading, plain, shorten
from scriptdesk.domain.enums import FootageKind, ShotType
from scriptdesk.domain.model import FootageNeedDraft, SceneDraft, ScriptDocument, ShotDraft, Span

_AUDIO_LIMIT = 400
_MIN_WEIGHT = 3  # words: a need mentioned in passing still gets a readable shot
_SHOT_TYPES = {
    FootageKind.DOCUMENT: ShotType.GRAPHIC,
    FootageKind.MAP_GRAPHIC: ShotType.GRAPHIC,
    FootageKind.REENACTMENT: ShotType.REENACTMENT,
}
_HOST_CUE = re.compile(
    r"\b(?:host|presenter|narrator|anchor)\b[^.\n]{0,30}?\b(?:on camera|in (?:frame|vision|shot)|to camera)\b"
    r"|\bpiece to camera\b|\[(?:host|presenter|on camera)[^\]]*\]|в кадре|ведущ\w+\s+(?:в кадре|говорит)",
    re.IGNORECASE,
)
# Every _HOST_CUE match contains one of these: blocks without them are not searched.
_HOST_WORDS = ("host", "presenter", "narrator", "anchor", "camera", "в кадре", "ведущ")
_HOST_SPEAKER = re.compile(r"^(?:host|presenter|anchor|ведущ\w*)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Ww]e|[Oo]ur|us|[Ll]et us|[Ll]et's)\b|\b(?:[Яя]|[Мм]ы|[Нн]аш\w*|[Мм]о[йяеи]\w*)\b")
_VIDEO_TYPES = (
    (re.compile(r"\b(?:host|presenter|on camera|ведущ)", re.I), ShotType.HOST_ON_CAMERA),
    (re.compile(r"\b(?:interview|sync|синхрон|интервью)", re.I), ShotType.INTERVIEW),
    (re.compile(r"\b(?:graphic|map|caption|title|document|карта|графика|титр)", re.I), ShotType.GRAPHIC),
    (re.compile(r"\b(?:reconstruction|reenactment|re-enactment|реконструкц)", re.I), ShotType.REENACTMENT),
    (re.compile(r"\b(?:archive|archival|newsreel|chronicle|photo|хроник|архив|фото)", re.I), ShotType.ARCHIVAL),
)


@dataclass(slots=True)
class _Cue:
    """A point in the scene where a new picture starts."""

    block: int
    offset: int
    shot_type: ShotType
    description: str
    footage_index: int | None


def draft_shot_list(
    document: ScriptDocument,
    scenes: Sequence[SceneDraft],
    footage: Sequence[FootageNeedDraft],
    *,
    words_per_minute: int = 140,
    reading: ScriptReading | None = None,
) -> list[ShotDraft]:
    """Proposed shots of every scene, numbered 1, 2, 3... across the film."""
    reading = reading or ScriptReading(document)
    needs_by_block: dict[int, list[int]] = {}
    for index, need in enumerate(footage):
        needs_by_block.setdefault(need.span.block, []).append(index)
    word_starts = _WordIndex(reading)
    host_blocks = {i for i, b in enumerate(document.blocks) if _is_host_block(b.speaker, b.text, reading.lower(i))}
    shots: list[ShotDraft] = []
    for scene_index, scene in enumerate(scenes):
        blocks = list(range(scene.first_block, scene.last_block + 1))
        spoken = [i for i in blocks if document.blocks[i].kind in SPOKEN_KINDS]
        if any(document.blocks[i].video for i in spoken):
            scene_shots = _av_shots(document, scene_index, spoken, footage, needs_by_block, words_per_minute)
        else:
            cues = _cues(document, blocks, footage, needs_by_block, host_blocks)
            if not cues:
                cues = [_fallback_cue(document, scene, spoken or blocks, bool(host_blocks))]
            scene_shots = _apportion(document, scene_index, scene, blocks, cues, word_starts)
        for shot in scene_shots:
            shot.number = str(len(shots) + 1)
            shots.append(shot)
    return shots


class _WordIndex:
    """Word start offsets per block (found once by the reading), for counting words by bisection."""

    def __init__(self, reading: ScriptReading) -> None:
        self._reading = reading

    def between(self, block: int, start: int, end: int) -> int:
        offsets = self._reading.word_starts(block)
        return bisect.bisect_left(offsets, end) - bisect.bisect_left(offsets, start)


def _is_host_block(speaker: str | None, text: str, lower: str) -> bool:
    if speaker and _HOST_SPEAKER.match(speaker):
        return True
    return any(word in lower for word in _HOST_WORDS) and _HOST_CUE.search(text) is not None


def _cues(
    document: ScriptDocument,
    blocks: list[int],
    footage: Sequence[FootageNeedDraft],
    needs_by_block: dict[int, list[int]],
    host_blocks: set[int],
) -> list[_Cue]:
    cues: list[_Cue] = []
    for block_index in blocks:
        block = document.blocks[block_index]
        if block_index in host_blocks:
            if block.speaker and _HOST_SPEAKER.match(block.speaker):
                cues.append(_Cue(block_index, 0, ShotType.HOST_ON_CAMERA, "Host on camera", None))
            for match in _HOST_CUE.finditer(block.text):
                cues.append(_Cue(block_index, match.start(), ShotType.HOST_ON_CAMERA, "Host on camera", None))
        for need_index in needs_by_block.get(block_index, []):
            need = footage[need_index]
            shot_type = _SHOT_TYPES.get(need.kind, ShotType.ARCHIVAL)
            cues.append(_Cue(block_index, need.span.start, shot_type, need.description, need_index))
    cues.sort(key=lambda c: (c.block, c.offset))
    return cues


def _fallback_cue(document: ScriptDocument, scene: SceneDraft, blocks: list[int], host_in_script: bool) -> _Cue:
    """One shot for a scene with nothing logged: the host if there is one, else b-roll."""
    first = blocks[0] if blocks else scene.first_block
    spoken = " ".join(document.blocks[i].text for i in blocks)
    if host_in_script or _FIRST_PERSON.search(spoken):
        return _Cue(first, 0, ShotType.HOST_ON_CAMERA, "Host on camera", None)
    return _Cue(first, 0, ShotType.B_ROLL, f"B-roll: {scene.title or 'scene ' + scene.number}", None)


def _apportion(
    document: ScriptDocument,
    scene_index: int,
    scene: SceneDraft,
    blocks: list[int],
    cues: list[_Cue],
    words: _WordIndex,
) -> list[ShotDraft]:
    """Shots from cue to cue, with the scene's runtime shared by narration words."""
    if not blocks:
        return [ShotDraft(scene_index, "", cues[0].description, cues[0].shot_type, scene.estimated_seconds,
                          cues[0].footage_index)]
    position = {block: order for order, block in enumerate(blocks)}
    # The first shot starts with the scene, whatever its cue's position.
    starts = [(blocks[0], 0)] + [(c.block, c.offset) for c in cues[1:]]
    ends = starts[1:] + [(blocks[-1], len(document.blocks[blocks[-1]].text))]
    counts: list[int] = []
    audio: list[str] = []
    spans: list[Span] = []
    for (start_block, start_offset), (end_block, end_offset) in zip(starts, ends):
        count = 0
        pieces = []
        for block in blocks[position[start_block] : position[end_block] + 1]:
            text = document.blocks[block].text
            low = start_offset if block == start_block else 0
            high = end_offset if block == end_block else len(text)
            if document.blocks[block].kind not in SPOKEN_KINDS:
                continue
            count += words.between(block, low, high)
            if sum(len(p) for p in pieces) < _AUDIO_LIMIT:
                pieces.append(text[low:high])
        counts.append(count)
        # Markup and spacing never shrink narration fourfold, so what lies beyond
        # four times the limit cannot reach the shortened audio text.
        audio.append(shorten(plain(" ".join(pieces)[: 4 * _AUDIO_LIMIT]), _AUDIO_LIMIT))
        start_text = document.blocks[start_block].text
        span_end = end_offset if end_block == start_block else len(start_text)
        spans.append(Span(start_block, start_offset, max(span_end, start_offset)))
    weights = [max(count, _MIN_WEIGHT) for count in counts]
    total = sum(weights)
    durations = [round(scene.estimated_seconds * w / total, 1) for w in weights]
    if durations:
        durations[-1] = round(scene.estimated_seconds - sum(durations[:-1]), 1)
    return [
        ShotDraft(scene_index, "", cue.description, cue.shot_type, max(duration, 0.0), cue.footage_index, text, span)
        for cue, duration, text, span in zip(cues, durations, audio, spans)
    ]


def _av_shots(
    document: ScriptDocument,
    scene_index: int,
    blocks: list[int],
    footage: Sequence[FootageNeedDraft],
    needs_by_block: dict[int, list[int]],
    words_per_minute: int,
) -> list[ShotDraft]:
    """A/V rows: the video column is the shot, the audio column its narration."""
    shots = []
    for block_index in blocks:
        block = document.blocks[block_index]
        video = plain(block.video or "")
        shot_type = next((t for pattern, t in _VIDEO_TYPES if pattern.search(video)), ShotType.ARCHIVAL)
        if not video:
            shot_type = ShotType.B_ROLL
        spoken = sum(1 for _ in WORD.finditer(block.text))
        # The row's picture cell is the block just before it: its need is the shot's.
        picture = needs_by_block.get(block_index - 1, []) if block.video and block_index > 0 else []
        needs = picture + needs_by_block.get(block_index, [])
        if picture and shot_type not in (ShotType.INTERVIEW, ShotType.HOST_ON_CAMERA):
            shot_type = _SHOT_TYPES.get(footage[picture[0]].kind, ShotType.ARCHIVAL)
        shots.append(
            ShotDraft(
                scene_index, "", shorten(video, 200) or "B-roll", shot_type,
                round(spoken * 60.0 / words_per_minute, 1), needs[0] if needs else None,
                shorten(plain(block.text), _AUDIO_LIMIT), Span(block_index, 0, len(block.text)),
            )
        )
    return shots
