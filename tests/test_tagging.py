"""Tagging selected script text, correcting quotation spans, and notes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from scriptdesk.db.models import AuditEntry, Block, FootageNeed, Note, Quotation, RightsItem
from scriptdesk.domain.errors import ConflictError, InvalidValueError, NotFoundError
from scriptdesk.services.editing import undo_last_edit, update_record
from scriptdesk.services.tagging import add_note, correct_quotation_span, notes_of, tag_selection, trimmed_span
from tests.tui.builders import build_production


def block_of(workspace, quotation_id: int) -> Block:
    with workspace.session() as session:
        quotation = session.get(Quotation, quotation_id)
        block = session.get(Block, quotation.block_id)
        session.expunge_all()
        return block


def test_trimming_leaves_out_blank_space_and_quotation_marks() -> None:
    text = 'She wrote: “Hold the light.” Then'
    start = text.index("“") - 1
    end = text.index("”") + 1
    assert text[slice(*trimmed_span(text, start, end))] == "“Hold the light.”"
    assert text[slice(*trimmed_span(text, start, end, quote_marks=True))] == "Hold the light."


def test_tag_a_quotation_by_a_person(workspace) -> None:
    built = build_production(workspace)
    block = block_of(workspace, built.quotation_ids["lamp"])
    phrase = "“The lamp has not failed once this winter"
    start = block.text.index(phrase)
    tagged = tag_selection(workspace, block.id, start - 1, start + len(phrase), "quotation",
                           {"speaker_name": "Ada Brenner", "medium": "letter"}, actor="test-researcher")
    assert tagged.text == "The lamp has not failed once this winter"
    with workspace.session() as session:
        quotation = session.get(Quotation, tagged.id)
        assert (quotation.origin, quotation.review_state, quotation.verification_state) == ("person", "accepted", "unverified")
        assert (quotation.block_id, quotation.scene_id, quotation.production_id) == (block.id, block.scene_id, built.production_id)
        assert block.text[quotation.span_start:quotation.span_end] == quotation.text
        assert quotation.speaker_name == "Ada Brenner"
        entry = session.scalar(select(AuditEntry).where(AuditEntry.table_name == "quotation",
                                                        AuditEntry.record_id == tagged.id))
        assert entry.action == "insert" and entry.actor == "test-researcher"


def test_tag_footage_and_rights(workspace) -> None:
    built = build_production(workspace)
    block = block_of(workspace, built.quotation_ids["lamp"])
    start = block.text.index("the tower under ice")
    footage = tag_selection(workspace, block.id, start, start + len("the tower under ice"), "footage", {"kind": "photo"})
    rights = tag_selection(workspace, block.id, start, start + 9, "rights", {"holder": "Cape Archive"})
    with workspace.session() as session:
        need = session.get(FootageNeed, footage.id)
        item = session.get(RightsItem, rights.id)
        assert (need.kind, need.description, need.origin, need.scene_id) == ("photo", "the tower under ice", "person", block.scene_id)
        assert (item.kind, item.subject, item.holder, item.review_state) == ("text_quotation", "the tower", "Cape Archive", "accepted")


def test_tagging_refuses_what_is_not_in_the_script(workspace) -> None:
    built = build_production(workspace)
    block = block_of(workspace, built.quotation_ids["lamp"])
    with pytest.raises(InvalidValueError, match="at least one character"):
        tag_selection(workspace, block.id, 5, 5, "quotation")
    with pytest.raises(InvalidValueError, match="past the end"):
        tag_selection(workspace, block.id, 0, 10**6, "quotation")
    with pytest.raises(InvalidValueError, match="not something to tag"):
        tag_selection(workspace, block.id, 0, 5, "person")
    with pytest.raises(InvalidValueError, match="medium"):
        tag_selection(workspace, block.id, 0, 5, "quotation", {"medium": "telepathy"})
    with pytest.raises(NotFoundError):
        tag_selection(workspace, 999_999, 0, 5, "quotation")
    with workspace.session() as session:
        assert session.scalar(select(Quotation).where(Quotation.origin == "person")) is None


def test_correct_a_span_refreshes_the_text_and_can_be_undone(workspace) -> None:
    built = build_production(workspace)
    quotation_id = built.quotation_ids["lamp"]
    block = block_of(workspace, quotation_id)
    with workspace.session() as session:
        version = session.get(Quotation, quotation_id).version
    start = block.text.index("The lamp")
    end = block.text.index(", though")
    correct_quotation_span(workspace, quotation_id, start, end, version, actor="test-researcher")
    with workspace.session() as session:
        quotation = session.get(Quotation, quotation_id)
        assert quotation.text == "The lamp has not failed once this winter"
        assert (quotation.span_start, quotation.span_end) == (start, end)
        new_version = quotation.version
    with pytest.raises(ConflictError):
        correct_quotation_span(workspace, quotation_id, start, end + 3, version)
    undone = undo_last_edit(workspace, "test-researcher")
    assert undone is not None
    with workspace.session() as session:
        quotation = session.get(Quotation, quotation_id)
        assert quotation.text == "The lamp has not failed once this winter, though the glass froze twice."
        assert quotation.version == new_version + 1


def test_a_span_may_run_into_the_next_paragraph_but_not_past_the_script(workspace) -> None:
    built = build_production(workspace)
    quotation_id = built.quotation_ids["lamp"]
    block = block_of(workspace, quotation_id)
    with workspace.session() as session:
        version = session.get(Quotation, quotation_id).version
    start = block.text.index("The newsreel")
    correct_quotation_span(workspace, quotation_id, start, len(block.text) + 7, version)
    with workspace.session() as session:
        assert session.get(Quotation, quotation_id).text == "The newsreel of the relief ship shows the tower under ice.\n\nStorm"
    with pytest.raises(InvalidValueError, match="past the end"):
        correct_quotation_span(workspace, quotation_id, 0, 10**6, version + 1)


def test_span_edits_through_update_record_keep_text_in_step(workspace) -> None:
    built = build_production(workspace)
    quotation_id = built.quotation_ids["ship"]
    with workspace.session() as session:
        quotation = session.get(Quotation, quotation_id)
        version, start = quotation.version, quotation.span_start
    update_record(workspace, "quotation", quotation_id, {"span_start": start + 3}, version)
    with workspace.session() as session:
        assert session.get(Quotation, quotation_id).text == "ship was lost while she kept the light."
    with pytest.raises(InvalidValueError, match="not both"):
        update_record(workspace, "quotation", quotation_id, {"span_start": start, "text": "x"}, version + 1)


def test_notes_are_kept_whole_with_author_and_audited(workspace) -> None:
    built = build_production(workspace)
    long_text = "Check the Gazette of 14 March. " * 50 + "[bold]not markup[/]"
    note_id = add_note(workspace, "quotation", built.quotation_ids["ship"], long_text, author="test-researcher")
    add_note(workspace, "shot", built.shot_ids[0], "Use the wider frame.")
    notes = notes_of(workspace, "quotation", built.quotation_ids["ship"])
    assert [(author, text) for author, _when, text in notes] == [("test-researcher", long_text.strip())]
    with workspace.session() as session:
        note = session.get(Note, note_id)
        assert note.production_id == built.production_id
        assert session.scalar(select(AuditEntry).where(AuditEntry.table_name == "note",
                                                       AuditEntry.record_id == note_id)).action == "insert"
        shot_note = session.scalar(select(Note).where(Note.record_table == "shot"))
        assert shot_note.author == "test-researcher" and shot_note.production_id == built.production_id
    with pytest.raises(InvalidValueError, match="needs some text"):
        add_note(workspace, "quotation", built.quotation_ids["ship"], "   ")
    with pytest.raises(NotFoundError):
        add_note(workspace, "quotation", 999_999, "lost")
