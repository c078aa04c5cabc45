"""Attribution: speaker, medium, work title, recipient and date of quotations."""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.attribution import attribute_quotations
from scriptdesk.domain.breakdown.people import find_people
from scriptdesk.domain.breakdown.quotations import find_quotations
from scriptdesk.domain.enums import BlockKind, Medium, ScriptFormat
from scriptdesk.domain.model import QuotationDraft, ScriptBlock, ScriptDocument


def narration(text: str) -> ScriptDocument:
    blocks = [
        ScriptBlock(BlockKind.NARRATION, match.group(), match.start(), match.end())
        for match in re.finditer(r"\S(?:.|\n(?!\n))*", text)
    ]
    return ScriptDocument(text=text, format=ScriptFormat.PROSE, blocks=blocks)


def attributed(document: ScriptDocument) -> tuple[list[QuotationDraft], dict[str, str]]:
    people = find_people(document, set())
    quotations = find_quotations(document, set()).quotations
    attribute_quotations(document, quotations, people)
    names = {person.key: person.display_name for person in people}
    return quotations, names


def speakers(text: str) -> list[str | None]:
    quotations, names = attributed(narration(text))
    return [names.get(q.speaker, q.speaker) if q.speaker else None for q in quotations]


def test_lead_in_names_the_speaker_and_medium() -> None:
    text = (
        "The engineer Pavel Orlov kept notes. Orlov writes in his diary: \"The furnace is cold.\"\n\n"
        "Anastas Mikoyan arrived. Mikoyan recalls: \"I went to see him in his office.\""
    )
    quotations, names = attributed(narration(text))
    assert [names[q.speaker] for q in quotations] == ["Pavel Orlov", "Anastas Mikoyan"]
    assert [q.medium for q in quotations] == [Medium.DIARY, Medium.MEMOIR]


def test_letter_recipient_and_date() -> None:
    text = "Grigory Zinoviev and Maxim Gorky knew each other. On January 28, 1935, Zinoviev wrote to Gorky: \"Think of me for a moment.\""
    [quotation], names = attributed(narration(text))
    assert names[quotation.speaker] == "Grigory Zinoviev"
    assert quotation.recipient == "Maxim Gorky"
    assert quotation.medium == Medium.LETTER
    assert quotation.date_text == "On January 28, 1935"


def test_tag_after_the_quotation() -> None:
    text = 'The worker Ivan Fedotov stayed. "He asked my name," Fedotov said. "Nobody else did."'
    assert speakers(text) == ["Ivan Fedotov", "Ivan Fedotov"]


def test_pronoun_goes_to_the_last_subject_not_the_object() -> None:
    text = (
        "Lenin wrote about Stalin and about Trotsky. He praised Trotsky highly: "
        "\"The most capable man in the present committee.\""
    )
    assert speakers(text) == ["Lenin"]


def test_newspaper_as_speaker_with_its_title() -> None:
    text = 'On April 6, 1917, the newspaper Pravda reported: "The comrades have joined the board."'
    [quotation], _ = attributed(narration(text))
    assert quotation.speaker == "Pravda"
    assert quotation.medium == Medium.NEWSPAPER
    assert quotation.work_title == "Pravda"


def test_work_title_from_the_lead_in() -> None:
    text = "Semyon Gusev retired. Gusev recalls in his memoirs *Forty Years of Fire*: \"He came with a plan on the first morning.\""
    [quotation], names = attributed(narration(text))
    assert names[quotation.speaker] == "Semyon Gusev"
    assert quotation.work_title == "Forty Years of Fire"
    assert quotation.medium == Medium.MEMOIR


def test_russian_attribution_and_dative_recipient() -> None:
    text = (
        "Григорий Ефимович Тарасов приехал. На собрании Тарасов заявил: «Ледоход не враг». "
        "Лыкову он сказал: «Посчитайте сами»."
    )
    quotations, names = attributed(narration(text))
    assert [names[q.speaker] for q in quotations] == ["Григорий Ефимович Тарасов"] * 2
    assert quotations[0].medium == Medium.SPEECH


def test_a_named_voice_over_is_a_reading_and_quotes_inside_it_are_nested() -> None:
    text = 'Read aloud: "The harbour froze today."'
    document = ScriptDocument(
        text=text, format=ScriptFormat.FOUNTAIN,
        blocks=[ScriptBlock(BlockKind.DIALOGUE, text, 0, len(text), speaker="MARGARET HALL (V.O.)")],
    )
    [reading, inner], names = attributed(document)
    assert reading.text == text and inner.nested_in == 0
    assert names[reading.speaker] == "Margaret Hall"


def test_unattributed_quotation_has_no_speaker() -> None:
    assert speakers('The petition specified: "Give back our deposits."') == [None]
