"""Editing shot lists: numbers with letters, order, splitting, renumbering, deleting."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from scriptdesk.db.models import AuditEntry, Scene, Shot
from scriptdesk.domain.errors import ConflictError, InvalidValueError
from scriptdesk.services.queries import shots_of_scene
from scriptdesk.services.shot_list import (
    add_shot,
    delete_shot,
    lettered_number,
    move_shot,
    number_after,
    renumber_all,
    renumber_scene_shots,
    scene_shot_total,
    split_number,
    split_shot,
)
from tests.tui.builders import build_production


def numbers(workspace, scene_id: int) -> list[str]:
    return [shot.number for shot in shots_of_scene(workspace, scene_id)]


def film_numbers(workspace, built) -> list[list[str]]:
    return [numbers(workspace, scene_id) for scene_id in built.scene_ids]


def test_shot_numbers() -> None:
    assert split_number("12A") == ("", 12, "A")
    assert split_number("A1") == ("A", 1, "")
    assert split_number("twelve") is None
    assert lettered_number("12", {"12", "12A"}) == "12B"
    # I and O are skipped: they read as 1 and 0 on a slate.
    assert lettered_number("3", {f"3{c}" for c in "ABCDEFGH"}) == "3J"
    assert number_after("12", True, {"12", "13"}) == "12A"
    assert number_after("12A", True, {"12", "12A", "13"}) == "12B"
    assert number_after("40", False, {"40"}) == "41"
    assert number_after(None, False, set()) == "1"
    assert number_after(None, True, {"1"}, "1") == "A1"


def test_add_after_a_shot_takes_a_letter_and_at_the_end_the_next_number(workspace) -> None:
    built = build_production(workspace)
    first_scene, _second, last_scene = built.scene_ids
    new_id = add_shot(workspace, first_scene, after=built.shot_ids[0], shot_type="interview",
                      description="Keeper's daughter", duration="7.5")
    assert numbers(workspace, first_scene) == ["1", "1A", "2"]
    added = next(s for s in shots_of_scene(workspace, first_scene) if s.id == new_id)
    assert (added.shot_type, added.duration_seconds, added.description) == ("interview", 7.5, "Keeper's daughter")
    add_shot(workspace, last_scene)
    assert numbers(workspace, last_scene) == ["4", "5"]
    # At the end of a scene with later shots: a letter, not a clash with the next scene.
    add_shot(workspace, first_scene)
    assert numbers(workspace, first_scene) == ["1", "1A", "2", "2A"]
    with workspace.session() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.table_name == "shot",
                                                       AuditEntry.action == "insert",
                                                       AuditEntry.record_id == new_id)) is not None


def test_add_refuses_bad_values(workspace) -> None:
    built = build_production(workspace)
    with pytest.raises(InvalidValueError, match="shot type"):
        add_shot(workspace, built.scene_ids[0], shot_type="drone")
    with pytest.raises(InvalidValueError, match="seconds"):
        add_shot(workspace, built.scene_ids[0], duration="-3")
    with pytest.raises(InvalidValueError, match="footage need"):
        add_shot(workspace, built.scene_ids[0], footage_need_id=999_999)
    assert numbers(workspace, built.scene_ids[0]) == ["1", "2"]


def test_split_halves_the_duration_and_letters_the_new_shot(workspace) -> None:
    built = build_production(workspace)
    scene = built.scene_ids[0]
    first = shots_of_scene(workspace, scene)[0]
    split_shot(workspace, first.id, expected_version=first.version)
    again = shots_of_scene(workspace, scene)[0]
    split_shot(workspace, again.id, expected_version=again.version)
    shots = shots_of_scene(workspace, scene)
    assert [s.number for s in shots] == ["1", "1B", "1A", "2"]
    assert [s.duration_seconds for s in shots[:3]] == [3.0, 3.0, 6.0]
    assert shots[1].footage_need_id == first.footage_need_id
    assert sum(s.duration_seconds for s in shots[:3]) == first.duration_seconds


def test_move_and_renumber(workspace) -> None:
    built = build_production(workspace)
    scene = built.scene_ids[0]
    shots = shots_of_scene(workspace, scene)
    assert move_shot(workspace, shots[1].id, step=-1, expected_version=shots[1].version) == 0
    assert numbers(workspace, scene) == ["2", "1"]
    moved = shots_of_scene(workspace, scene)[0]
    assert move_shot(workspace, moved.id, step=-1) == 0  # already first: stays
    assert move_shot(workspace, moved.id, position=5) == 1
    assert numbers(workspace, scene) == ["1", "2"]
    split_shot(workspace, built.shot_ids[0])
    assert film_numbers(workspace, built) == [["1", "1A", "2"], ["3"], ["4"]]
    # Renumbering the scene runs into scene 2's "3", so the later scenes follow.
    assert renumber_scene_shots(workspace, scene) == 4
    assert film_numbers(workspace, built) == [["1", "2", "3"], ["4"], ["5"]]
    add_shot(workspace, built.scene_ids[1], after=shots_of_scene(workspace, built.scene_ids[1])[0].id)
    assert film_numbers(workspace, built) == [["1", "2", "3"], ["4", "4A"], ["5"]]
    with workspace.session() as session:
        revision_id = session.get(Scene, scene).revision_id
    assert renumber_all(workspace, revision_id) == 2
    assert film_numbers(workspace, built) == [["1", "2", "3"], ["4", "5"], ["6"]]


def test_renumbering_a_scene_leaves_later_scenes_alone_when_there_is_room(workspace) -> None:
    built = build_production(workspace)
    last = shots_of_scene(workspace, built.scene_ids[2])[0]
    with workspace.unit_of_work() as uow:
        uow.session.get(Shot, last.id).number = "10"
    split_shot(workspace, built.shot_ids[2])
    assert renumber_scene_shots(workspace, built.scene_ids[1]) == 1
    assert film_numbers(workspace, built) == [["1", "2"], ["3", "4"], ["10"]]


def test_delete_is_version_checked_and_audited(workspace) -> None:
    built = build_production(workspace)
    scene = built.scene_ids[0]
    shot = shots_of_scene(workspace, scene)[1]
    with workspace.unit_of_work(actor="colleague") as uow:
        uow.session.get(Shot, shot.id).description = "Changed by a colleague"
    with pytest.raises(ConflictError) as conflict:
        delete_shot(workspace, shot.id, expected_version=shot.version)
    assert "Changed by a colleague" in conflict.value.theirs
    assert numbers(workspace, scene) == ["1", "2"]
    fresh = shots_of_scene(workspace, scene)[1]
    assert delete_shot(workspace, fresh.id, expected_version=fresh.version) == "2"
    assert numbers(workspace, scene) == ["1"]
    with workspace.session() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.table_name == "shot",
                                                        AuditEntry.action == "delete"))
        assert entry is not None and "Changed by a colleague" in entry.old_value


def test_scene_total_against_narration(workspace) -> None:
    built = build_production(workspace)
    total = scene_shot_total(workspace, built.scene_ids[0])
    assert (total.shots, total.shot_seconds, total.narration_seconds) == (2, 18.0, 25.0)
    assert total.difference == -7.0
