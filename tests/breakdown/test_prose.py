"""The narration prose importer: blocks, summary, page-break joins, exact spans."""

from __future__ import annotations

import pytest

from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.errors import InputFileError
from scriptdesk.domain.importers.prose import is_section_break, parse_prose

SCRIPT = """**Screenplay for the film "The Salt Road"** written by Ada Lindqvist, translated by Pavel Orlov

### Synopsis

*The film follows the salt carters of the northern coast.*

*It ends with the closing of the last saltworks.*

## Screenplay

# Part One: The Coast

In the spring of 1911 the carters of Vellmark refused to load the barges. Their foreman, Jonas
Berg, wrote to the harbour master that the men would

not return until the tariff was restored.

The harbour master answered within a week.

---

> A quoted letter set as a block quote.

Berg kept a diary: "We waited on the quay all morning.

Nobody came."
"""


@pytest.fixture
def document():
    return parse_prose(SCRIPT, encoding="cp1252", source_name="salt_road.md")


def test_every_block_is_the_exact_slice_of_the_text(document) -> None:
    assert document.format is ScriptFormat.PROSE
    assert document.encoding == "cp1252"
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def test_headings_have_levels_and_the_title_line_is_a_heading(document) -> None:
    headings = [(b.level, b.text) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings[0][0] == 1 and headings[0][1].startswith("**Screenplay for the film")
    assert (3, "### Synopsis") in headings
    assert (2, "## Screenplay") in headings
    assert (1, "# Part One: The Coast") in headings


def test_title_and_credits_come_from_the_title_line(document) -> None:
    assert document.title == "The Salt Road"
    assert document.metadata["author"] == "Ada Lindqvist"
    assert document.metadata["translator"] == "Pavel Orlov"
    assert document.metadata["source_name"] == "salt_road.md"


def test_summary_section_ends_at_the_screenplay_heading(document) -> None:
    summary = [b.text for b in document.blocks if b.kind is BlockKind.SUMMARY]
    assert summary == [
        "*The film follows the salt carters of the northern coast.*",
        "*It ends with the closing of the last saltworks.*",
    ]
    assert all("carters of Vellmark" not in text for text in summary)


def test_a_paragraph_cut_by_a_page_break_is_joined_with_its_blank_line(document) -> None:
    joined = [b for b in document.blocks if "would\n\nnot return" in b.text]
    assert len(joined) == 1
    assert joined[0].text.startswith("In the spring of 1911")
    assert joined[0].text.endswith("tariff was restored.")


def test_a_finished_sentence_is_not_joined_to_the_next_paragraph(document) -> None:
    texts = [b.text for b in document.blocks]
    assert "The harbour master answered within a week." in texts


def test_a_quotation_running_on_after_a_full_stop_stays_two_paragraphs(document) -> None:
    texts = [b.text for b in document.blocks]
    assert "Nobody came.\"" in texts


def test_rules_are_section_breaks_and_block_quotes_are_quotations(document) -> None:
    breaks = [b for b in document.blocks if is_section_break(b)]
    assert [b.text for b in breaks] == ["---"]
    quoted = [b for b in document.blocks if b.kind is BlockKind.QUOTATION]
    assert quoted and quoted[0].text.startswith("> A quoted letter")


def test_russian_prose_with_a_page_break_is_joined() -> None:
    text = "# Часть первая\n\nВесной 1935 года он писал: «Мы ждём\n\nответа из Москвы».\n\nОтвета не было.\n"
    document = parse_prose(text)
    kinds = [b.kind for b in document.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.NARRATION, BlockKind.NARRATION]
    assert document.blocks[1].text == "Весной 1935 года он писал: «Мы ждём\n\nответа из Москвы»."


def test_windows_line_endings_and_control_characters_are_cleaned() -> None:
    document = parse_prose("First line of the film.\r\n\r\nSecond\x1b[31m paragraph.\x00\r\n")
    assert [b.text for b in document.blocks] == ["First line of the film.", "Second paragraph."]


def test_a_function_word_at_a_page_end_joins_even_before_a_capital() -> None:
    document = parse_prose("The decision was taken by the\n\nCentral Committee in secret.\n")
    assert len(document.blocks) == 1


def test_text_without_content_is_refused_in_one_sentence() -> None:
    with pytest.raises(InputFileError, match="empty.md: contains no script text"):
        parse_prose(" \n\n \n", source_name="empty.md")


def test_a_line_introducing_a_quotation_is_no_heading() -> None:
    document = parse_prose("Десятник Фёдор Сомов вспоминает:\n\n«Петрович приходил раньше нас.»\n\nSummary:\n\nPlain text.")
    kinds = [block.kind for block in document.blocks]
    assert kinds[0] is BlockKind.NARRATION
    assert kinds[2] is BlockKind.HEADING
