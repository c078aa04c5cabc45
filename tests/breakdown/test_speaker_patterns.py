"""Speaker attribution patterns that need more than the lead-in's own words.

A medium noun bridging to the sentence before, transcript labels without
quote marks, remarks quoted inside someone's words, pronouns after the
quotation, newspapers as speakers, media of plain remarks, headlines, and
Russian case forms of one person.
"""

from __future__ import annotations

from scriptdesk.domain.breakdown.transcript_lines import find_transcript_lines
from scriptdesk.domain.enums import Medium
from tests.breakdown.test_attribution import attributed, narration


def _rows(text: str) -> list[tuple[str, str | None, Medium]]:
    quotations, names = attributed(narration(text))
    return [(q.text, names.get(q.speaker, q.speaker) if q.speaker else None, q.medium) for q in quotations]


def test_medium_noun_bridges_to_the_writer_named_before() -> None:
    rows = _rows(
        "Oskar Lund was posted to the signal station in 1911. He kept a small diary in a tin box.\n\n"
        "Oskar Lund kept a diary of the winter. He wrote in it by the lamp. The entry for "
        "the longest night reads: \"Snow to the window. Lamp trimmed twice. Nobody came.\"\n\n"
        "Berit Holm's letter of 2 June ends: \"Bring the boots, and do not forget the salt.\""
    )
    assert rows[0][1:] == ("Oskar Lund", Medium.DIARY)
    assert rows[1][1:] == ("Berit Holm", Medium.LETTER)


def test_transcript_labels_without_marks_are_quotations() -> None:
    text = (
        "The clerk's minutes record the exchange:\n\n"
        "ROWE: The pier will not stand another winter.\n"
        "Mrs Vance: Then close it before it falls.\n\n"
        "Rowe. I will put it to the board.\n\n"
        "Vance. The board has had it for a year."
    )
    rows = _rows(text)
    assert [row[0] for row in rows] == [
        "The pier will not stand another winter.", "Then close it before it falls.",
        "I will put it to the board.", "The board has had it for a year.",
    ]
    assert [row[1] for row in rows] == ["Rowe", "Vance", "Rowe", "Vance"]
    assert {row[2] for row in rows} == {Medium.TRANSCRIPT}


def test_a_single_sentence_opening_with_a_name_is_no_transcript() -> None:
    document = narration("Rowe. That was all the sign on the door said.\n\nThe harbour was quiet that year.")
    assert not any(line.in_run for line in find_transcript_lines(document, set()))
    assert _rows("Rowe. That was all the sign on the door said.\n\nThe harbour was quiet.") == []


def test_label_before_quote_marks_names_the_speaker() -> None:
    rows = _rows("The night clerk took it down.\n\nDANBY: \"Nobody leaves until the tide turns.\"")
    assert rows[0][1] == "Danby"


def test_remark_quoted_in_an_interview_goes_to_the_family_member() -> None:
    rows = _rows(
        "The ferryman Peder Aas worked the crossing for thirty years.\n\n"
        "His daughter, Sigrid Aas, remembers: \"Father always said, 'The river keeps no promises.' "
        "He said it every spring.\""
    )
    assert rows[1][1] == "Peder Aas"


def test_pronoun_after_the_quotation_is_the_paragraph_subject_not_the_object() -> None:
    rows = _rows(
        "Tobias Crane came down to the slip with Webb's chart under his arm. "
        "\"We sail at dawn,\" he told Webb, and walked off."
    )
    assert rows[0][1] == "Tobias Crane"
    assert rows[0][2] == Medium.CONVERSATION


def test_newspaper_is_the_speaker_even_after_a_person() -> None:
    rows = _rows(
        "Mayor Irwin Platt opened the new bridge in May.\n\n"
        "The Lowfield Courier disliked the bridge. An editorial in the Courier the next week was "
        "blunt: \"The town has bought a very expensive way of crossing a very small river.\""
    )
    assert rows[0][1:] == ("Lowfield Courier", Medium.NEWSPAPER)


def test_remarks_are_conversation_unless_said_at_a_meeting() -> None:
    rows = _rows(
        "Agnes Moll met the surveyor on the road. \"You are a month late,\" she told him.\n\n"
        "At the parish meeting in March, Agnes Moll said: \"We will not wait another month.\""
    )
    assert rows[0][2] == Medium.CONVERSATION
    assert rows[1][2] == Medium.SPEECH


def test_headline_is_a_title_not_a_quotation() -> None:
    rows = _rows("The Courier ran the story under the headline \"Bridge to Nowhere?\" the next day.")
    assert rows == []


def test_russian_case_forms_and_diminutives_join_one_person() -> None:
    quotations, names = attributed(narration(
        "Учительница Клавдия Петровна Зуева приехала в Ольховку в 1928 году. "
        "Письма Зуевой сохранились. Клаве было тогда двадцать лет.\n\n"
        "Инспектор приехал к Клавдии Петровне в апреле. «Школу закроем», — сказал он.\n\n"
        "Клава ответила коротко: «Не закроете»."
    ))
    people = list(names.values())
    assert people.count("Клавдия Петровна Зуева") == 1
    assert names.get(quotations[1].speaker) == "Клавдия Петровна Зуева"
