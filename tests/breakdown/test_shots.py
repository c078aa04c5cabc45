"""The draft shot list: shots in script order sharing each scene's runtime."""

from __future__ import annotations

import pytest

from scriptdesk.domain.breakdown.shots import draft_shot_list
from scriptdesk.domain.enums import BlockKind, FootageKind, ScriptFormat, ShotType
from scriptdesk.domain.importers.prose import parse_prose
from scriptdesk.domain.model import FootageNeedDraft, SceneDraft, ScriptBlock, ScriptDocument, Span

TEXT = (
    "The quay was full of carters at dawn and the barges waited empty in the harbour.\n\n"
    "A telegram from the owners arrived at noon and was read aloud to the crowd.\n\n"
    "We walked the same quay last winter; nothing of the sheds is left today."
)


def scene(first: int, last: int, words: int, number: str = "1") -> SceneDraft:
    return SceneDraft(number=number, title=f"Scene {number}", first_block=first, last_block=last,
                      word_count=words, estimated_seconds=round(words * 60 / 140, 1))


def test_needs_become_shots_that_share_the_scene_runtime() -> None:
    document = parse_prose(TEXT)
    needs = [
        FootageNeedDraft(span=Span(0, 4, 8), kind=FootageKind.LOCATION, description="Quay views"),
        FootageNeedDraft(span=Span(1, 2, 10), kind=FootageKind.DOCUMENT, description="Telegram"),
    ]
    scenes = [scene(0, 1, 31)]
    shots = draft_shot_list(document, scenes, needs)
    assert [(s.number, s.shot_type, s.footage_index) for s in shots] == [
        ("1", ShotType.ARCHIVAL, 0), ("2", ShotType.GRAPHIC, 1)]
    assert sum(s.duration_seconds for s in shots) == pytest.approx(scenes[0].estimated_seconds)
    # The first shot plays under the first paragraph, the second under the telegram paragraph.
    assert shots[0].audio.startswith("The quay was full")
    assert shots[1].audio.startswith("telegram from the owners")
    assert shots[0].duration_seconds > shots[1].duration_seconds * 0.9


def test_numbering_runs_across_the_film_and_empty_scenes_get_one_shot() -> None:
    document = parse_prose(TEXT)
    needs = [FootageNeedDraft(span=Span(0, 4, 8), kind=FootageKind.PHOTO, description="Carters")]
    shots = draft_shot_list(document, [scene(0, 1, 31), scene(2, 2, 14, "2")], needs)
    assert [s.number for s in shots] == ["1", "2"]
    last = shots[-1]
    # First-person narration: the presenter speaks to camera.
    assert last.scene_index == 1 and last.shot_type is ShotType.HOST_ON_CAMERA
    assert last.duration_seconds == pytest.approx(6.0)


def test_scene_without_needs_or_presenter_is_b_roll() -> None:
    document = parse_prose("The barges rot in the mud of the old harbour.")
    shots = draft_shot_list(document, [scene(0, 0, 10)], [])
    assert [(s.shot_type, s.description) for s in shots] == [(ShotType.B_ROLL, "B-roll: Scene 1")]


def test_av_rows_plan_their_own_shots() -> None:
    rows = [("Archive: barges at the quay", "The barges waited."), ("Host on camera at the quay", "We came back.")]
    blocks, text = [], ""
    for video, audio in rows:
        blocks.append(ScriptBlock(BlockKind.AV_ROW, audio, len(text), len(text) + len(audio), video=video))
        text += audio + "\n\n"
    document = ScriptDocument(text=text, format=ScriptFormat.DOCX, blocks=blocks)
    shots = draft_shot_list(document, [scene(0, 1, 6)], [], words_per_minute=60)
    assert [(s.description, s.shot_type, s.duration_seconds) for s in shots] == [
        ("Archive: barges at the quay", ShotType.ARCHIVAL, 3.0),
        ("Host on camera at the quay", ShotType.HOST_ON_CAMERA, 3.0),
    ]
