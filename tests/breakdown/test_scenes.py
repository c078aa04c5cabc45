"""Scene segmentation: format-given scenes, prose cut like an editor, front matter."""

from __future__ import annotations

from scriptdesk.domain.breakdown.dates import find_dates
from scriptdesk.domain.breakdown.scenes import MAX_WORDS, find_scenes, front_matter_blocks
from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.importers.prose import parse_prose
from scriptdesk.domain.model import PersonDraft, ScriptBlock, ScriptDocument, Span

FILLER = "The carters loaded the barges and counted the sacks along the quay. "  # 12 words


def paragraph(opening: str, sentences: int) -> str:
    return opening + " " + FILLER * sentences


def scenes_of(text: str, people=(), wpm: int = 140):
    document = parse_prose(text)
    skip = front_matter_blocks(document)
    return document, find_scenes(document, find_dates(document, skip), list(people), skip, words_per_minute=wpm)


def test_headings_and_section_breaks_always_start_scenes() -> None:
    text = "# The Quay\n\n" + paragraph("Work began early.", 2) + "\n\n---\n\n" + paragraph("Night fell.", 2)
    text += "\n\n# The Mill\n\n" + paragraph("The mill stood idle.", 2)
    document, scenes = scenes_of(text)
    assert len(scenes) == 3
    assert (scenes[0].title, scenes[2].title) == ("The Quay", "The Mill")
    assert document.blocks[scenes[1].first_block].text == "---"


def test_a_new_year_at_a_paragraph_start_cuts_a_long_enough_scene() -> None:
    text = "\n\n".join([
        paragraph("In 1911 the strike began.", 12),
        paragraph("In 1911 the owners answered.", 2),
        paragraph("In 1923 the harbour was rebuilt.", 12),
    ])
    _, scenes = scenes_of(text)
    assert [(s.first_block, s.last_block) for s in scenes] == [(0, 1), (2, 2)]
    assert scenes[0].time_context == "1911" and scenes[1].time_context == "1923"
    assert scenes[1].title == "In 1923 the harbour was rebuilt"


def test_a_short_scene_is_not_cut_at_every_date() -> None:
    text = "\n\n".join([paragraph("In 1911 the strike began.", 2), paragraph("In 1923 it was over.", 2)])
    _, scenes = scenes_of(text)
    assert len(scenes) == 1 and scenes[0].time_context == "1911–1923"


def test_long_undated_prose_is_cut_within_the_bounds() -> None:
    text = "\n\n".join(paragraph("Work went on.", 10) for _ in range(20))
    _, scenes = scenes_of(text)
    assert len(scenes) > 1
    assert all(s.word_count <= MAX_WORDS for s in scenes)
    assert scenes[0].first_block == 0 and scenes[-1].last_block == 19
    for before, after in zip(scenes, scenes[1:]):
        assert after.first_block == before.last_block + 1


def test_runtime_comes_from_the_words_at_the_pace() -> None:
    _, scenes = scenes_of(paragraph("Work went on.", 10), wpm=120)
    assert scenes[0].word_count == 123
    assert scenes[0].estimated_seconds == 61.5


def test_summary_and_title_are_in_no_scene() -> None:
    text = "**Film title**\n\n## Summary\n\n*A summary of the film.*\n\n## Screenplay\n\n" + paragraph("Go.", 1)
    document, scenes = scenes_of(text)
    skipped = front_matter_blocks(document)
    assert skipped == {0, 1, 2}
    assert scenes[0].first_block == 3 and scenes[0].title == "Screenplay"


def test_title_names_the_leading_date_and_person() -> None:
    text = "On May 4, 1919, Jonas Berg left the harbour for good. " + FILLER
    document = parse_prose(text)
    berg = PersonDraft(key="jonas-berg", display_name="Jonas Berg", variants=["Jonas Berg"],
                       mentions=[Span(0, 16, 26)])
    scenes = find_scenes(document, find_dates(document, set()), [berg], set())
    assert scenes[0].title == "May 4, 1919 – Jonas Berg"


def test_format_scene_headings_are_used_as_given() -> None:
    parts = ["INT. MILL - DAY", "The wheel turns.", "EXT. QUAY - NIGHT", "Lamps are lit."]
    blocks, text, offset = [], "", 0
    for index, part in enumerate(parts):
        heading = index % 2 == 0
        blocks.append(ScriptBlock(BlockKind.HEADING if heading else BlockKind.NARRATION, part, offset,
                                  offset + len(part), scene_heading=heading))
        text += part + "\n\n"
        offset = len(text)
    document = ScriptDocument(text=text, format=ScriptFormat.FOUNTAIN, blocks=blocks)
    scenes = find_scenes(document, [], [], set())
    assert [(s.title, s.first_block, s.last_block) for s in scenes] == [
        ("INT. MILL - DAY", 0, 1), ("EXT. QUAY - NIGHT", 2, 3)]


def test_a_title_with_only_credits_under_it_is_front_matter() -> None:
    text = ("# The Salt Road\n\nDocumentary narration script, second draft.\n\n## 1. The well\n\n"
            + paragraph("In 1911 the well ran dry.", 2) + "\n\n## 2. The road\n\n" + paragraph("The road came later.", 2))
    document, scenes = scenes_of(text)
    assert front_matter_blocks(document) == {0, 1}
    assert [s.title for s in scenes] == ["1. The well", "2. The road"]


def test_a_title_over_a_dated_opening_paragraph_starts_the_film() -> None:
    text = "# The Salt Road\n\nIn 1911 the well ran dry.\n\n## 1. The well\n\n" + paragraph("The carts stopped.", 2)
    document, scenes = scenes_of(text)
    assert front_matter_blocks(document) == set()
    assert scenes[0].first_block == 0


def test_a_section_heading_goes_with_the_scene_after_it() -> None:
    blocks, text = [], ""
    for kind, line, heading in [
        (BlockKind.HEADING, "EXT. QUAY - DAY", True), (BlockKind.NARRATION, FILLER, False),
        (BlockKind.HEADING, "Part Two: The Strike", False), (BlockKind.NOTE, "Twelve days in July.", False),
        (BlockKind.HEADING, "INT. HALL - NIGHT", True), (BlockKind.NARRATION, FILLER, False),
    ]:
        if text:
            text += "\n\n"
        blocks.append(ScriptBlock(kind, line, len(text), len(text) + len(line), scene_heading=heading))
        text += line
    document = ScriptDocument(text=text, format=ScriptFormat.FOUNTAIN, blocks=blocks)
    scenes = find_scenes(document, [], [], set())
    assert [(s.first_block, s.last_block, s.title) for s in scenes] == [
        (0, 1, "EXT. QUAY - DAY"), (2, 5, "INT. HALL - NIGHT")]
