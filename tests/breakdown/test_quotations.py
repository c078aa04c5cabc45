"""Quotations: pairing every quote style, paragraphs, nesting, and named things."""

from __future__ import annotations

import re

import pytest

from scriptdesk.domain.breakdown.quotations import find_quotations
from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.model import ScriptBlock, ScriptDocument


def narration(text: str) -> ScriptDocument:
    """One NARRATION block per blank-line paragraph."""
    blocks = [
        ScriptBlock(BlockKind.NARRATION, match.group(), match.start(), match.end())
        for match in re.finditer(r"\S(?:.|\n(?!\n))*", text)
    ]
    return ScriptDocument(text=text, format=ScriptFormat.PROSE, blocks=blocks)


def quoted_texts(text: str) -> list[str]:
    return [quotation.text for quotation in find_quotations(narration(text), set()).quotations]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("‹", "›"), ("'", "'")],
)
def test_every_quote_style_gives_the_words_without_marks(opening: str, closing: str) -> None:
    text = f"The foreman wrote: {opening}We poured the last bell at dawn.{closing} Then he slept."
    assert quoted_texts(text) == ["We poured the last bell at dawn."]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Marta’s editor said: ‘We don’t print the workers’ complaints, and that’s final.’"
    assert quoted_texts(text) == ["We don’t print the workers’ complaints, and that’s final."]


def test_spans_slice_the_block_text_exactly() -> None:
    document = narration('Intro.\n\nHe said: "One [illegible] word … and then another."')
    quotation = find_quotations(document, set()).quotations[0]
    block = document.blocks[quotation.span.block]
    assert block.text[quotation.span.start : quotation.span.end] == quotation.text
    assert quotation.text == "One [illegible] word … and then another."
    assert quotation.span.block == 1


def test_quotation_over_paragraphs_with_a_mark_on_each_paragraph() -> None:
    text = "Somov recalls:\n\n«The first winter was hard.\n\n«The second was worse.\n\n«The third we forgot.»\n\nThe end."
    document = narration(text)
    [quotation] = find_quotations(document, set()).quotations
    assert quotation.span.block == 1
    assert quotation.end_span is not None and quotation.end_span.block == 3
    start = document.blocks[1].start + quotation.span.start
    end = document.blocks[3].start + quotation.end_span.end
    assert document.text[start:end] == quotation.text
    assert quotation.text.startswith("The first winter") and quotation.text.endswith("we forgot.")


def test_quotation_over_paragraphs_with_one_mark_at_each_end() -> None:
    text = 'She writes: "I went out.\n\n\'No bread,\' I said.\n\nHe laughed." Next day it rained.'
    scan = find_quotations(narration(text), set())
    outer = scan.quotations[0]
    assert outer.text.endswith("He laughed.")
    assert outer.end_span is not None and outer.end_span.block == 2
    inner = scan.quotations[1]
    assert inner.text == "No bread,"
    assert inner.nested_in == 0


def test_unclosed_quote_does_not_swallow_the_next_paragraphs() -> None:
    text = 'He shouted: "Stop the line\n\nThe next day the director said: "We start again at six."'
    texts = quoted_texts(text)
    assert "We start again at six." in texts
    assert all("director" not in quoted for quoted in texts)


def test_nested_remark_inside_a_recollection() -> None:
    text = "Serge recalls: “He told me: ‘They are throwing me out of the Kremlin.’ Then he left.”"
    scan = find_quotations(narration(text), set())
    outer, inner = scan.quotations
    assert inner.text == "They are throwing me out of the Kremlin."
    assert inner.nested_in == 0
    assert outer.nested_in is None


def test_russian_lapki_nested_in_yolochki() -> None:
    text = "Лыков пишет в дневнике: «Паромщик говорит: „Мост тут бросили“. Посмотрим…»"
    scan = find_quotations(narration(text), set())
    assert [q.text for q in scan.quotations] == [
        "Паромщик говорит: „Мост тут бросили“. Посмотрим…",
        "Мост тут бросили",
    ]
    assert scan.quotations[1].nested_in == 0


@pytest.mark.parametrize(
    ("text", "phrase", "category"),
    [
        ('This is from the last document, entitled "The Platform of the Bolshevik-Leninists".',
         "The Platform of the Bolshevik-Leninists", "work_title"),
        ('After his arrest she moved to the "House on the Embankment".', "House on the Embankment", "building"),
        ('Radek, known as the "golden pen of the party", was packing.', "golden pen of the party", "nickname"),
        ('Its rooms became flats for "responsible workers." Nobody objected.', "responsible workers.", "scare_quote"),
        ("The premiere of the film *October* took place in 1927.", "October", "work_title"),
        ("Газета «Уральский рабочий» вышла утром.", "Уральский рабочий", "work_title"),
        ("Он жил в «Доме специалистов» на берегу.", "Доме специалистов", "building"),
    ],
)
def test_titles_buildings_nicknames_and_scare_quotes_are_not_quotations(
    text: str, phrase: str, category: str
) -> None:
    scan = find_quotations(narration(text), set())
    assert scan.quotations == []
    assert [(thing.text, thing.category) for thing in scan.named_things] == [(phrase, category)]


def test_short_attributed_phrase_is_a_quotation() -> None:
    text = "In Pravda the novel was denounced as “old rubbish.” Nobody defended it."
    assert quoted_texts(text) == ["old rubbish."]


def test_skipped_blocks_are_ignored() -> None:
    document = narration('Summary: "A quoted line in the summary."\n\nHe said: "The real one."')
    scan = find_quotations(document, {0})
    assert [q.text for q in scan.quotations] == ["The real one."]


def test_confidence_is_set_per_quotation() -> None:
    scan = find_quotations(narration('He wrote: "A long sentence of several words here."'), set())
    assert 0.0 < scan.quotations[0].confidence <= 1.0
