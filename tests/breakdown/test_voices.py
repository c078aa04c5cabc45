"""Screenplay voices: readers' blocks are quotations, narrators and interviewees are not."""

from __future__ import annotations

from scriptdesk.domain.breakdown.attribution import attribute_quotations
from scriptdesk.domain.breakdown.people import find_people
from scriptdesk.domain.breakdown.quotations import find_quotations
from scriptdesk.domain.breakdown.voices import INTERVIEW, NARRATION, READING, find_voices
from scriptdesk.domain.enums import BlockKind, Medium, ScriptFormat
from scriptdesk.domain.importers.fountain import parse_fountain
from scriptdesk.domain.model import QuotationDraft, ScriptBlock, ScriptDocument

SCRIPT = """\
EXT. SALT FLATS - DAY

NARRATOR (V.O.)
In March 1921 the surveyor Oskar Wendt reached the salt flats. He kept a diary.

OSKAR WENDT (V.O.)
(reading from his diary)
No water for two days. The camels know more than the maps.

NARRATOR (V.O.)
His wife, Lotte Wendt, answered from Riga with a short letter to her husband.

LOTTE WENDT (V.O.) (CONT'D)
Come home before the autumn, or do not come at all.

HISTORIAN EDDA KRAUS (SYNC)
Wendt's diary is the only record we have. He wrote "salt" on every page.

VOICE OF THE GOVERNOR
(telegram, 2 April 1921)
Survey suspended. Return at once.
"""


def document() -> ScriptDocument:
    return parse_fountain(SCRIPT, source_name="salt.fountain")


def attributed(doc: ScriptDocument) -> tuple[list[QuotationDraft], dict[str, str]]:
    people = find_people(doc, set())
    quotations = find_quotations(doc, set()).quotations
    attribute_quotations(doc, quotations, people)
    return quotations, {person.key: person.display_name for person in people}


def test_voices_tell_narration_readings_and_interviews_apart() -> None:
    doc = document()
    voices = find_voices(doc, set())
    by_person = {voice.person: voice for voice in voices.values()}
    assert {voice.role for voice in voices.values() if voice.person is None} == {NARRATION}
    assert by_person["Oskar Wendt"].role == READING
    assert by_person["Oskar Wendt"].medium == Medium.DIARY
    assert by_person["Historian Edda Kraus"].role == INTERVIEW
    assert by_person["The Governor"].role == READING
    assert by_person["The Governor"].date_text == "2 April 1921"


def test_a_reading_without_marks_is_one_quotation_of_the_whole_block() -> None:
    doc = document()
    quotations, names = attributed(doc)
    texts = [quotation.text for quotation in quotations]
    assert texts == [
        "No water for two days. The camels know more than the maps.",
        "Come home before the autumn, or do not come at all.",
        "Survey suspended. Return at once.",
    ]
    assert "The Governor" not in names.values()  # a role voiced, not a person
    assert quotations[2].speaker == "The Governor" and quotations[2].medium == Medium.LETTER
    diary = quotations[0]
    block = doc.blocks[diary.span.block]
    assert block.kind == BlockKind.DIALOGUE
    assert block.text[diary.span.start : diary.span.end] == diary.text
    assert names[diary.speaker] == "Oskar Wendt" and diary.medium == Medium.DIARY
    letter = quotations[1]
    # No parenthetical: the medium comes from the narration leading into it.
    assert names[letter.speaker] == "Lotte Wendt" and letter.medium == Medium.LETTER


def test_interviewee_sync_is_no_quotation_but_narrator_quotes_are() -> None:
    quotations, _ = attributed(document())
    assert not any(quotation.text.startswith("Wendt's diary") for quotation in quotations)
    text = 'The order was blunt: "Leave the camels."'
    narrated = ScriptDocument(
        text=text, format=ScriptFormat.FOUNTAIN,
        blocks=[ScriptBlock(BlockKind.DIALOGUE, text, 0, len(text), speaker="NARRATOR")],
    )
    assert [q.text for q in find_quotations(narrated, set()).quotations] == ["Leave the camels."]


def test_a_lower_third_makes_a_cue_an_interviewee() -> None:
    script = (
        "INT. ARCHIVE - DAY\n\nMARIT SOLBERG\nThe letters were never meant to be read.\n\n"
        "SUPER: Marit Solberg, archivist\n"
    )
    doc = parse_fountain(script, source_name="archive.fountain")
    assert find_quotations(doc, set()).quotations == []


def test_reader_cues_name_the_person_voiced() -> None:
    script = (
        "INT. STUDY - NIGHT\n\nREADER (AS PROKOFIEV)\n(from his diary)\nRain. Worked on the third act.\n\n"
        "ACTOR READING MIKOYAN\nI went to see him at once.\n"
    )
    quotations, names = attributed(parse_fountain(script, source_name="study.fountain"))
    assert [(names.get(q.speaker, q.speaker), q.medium) for q in quotations] == [
        ("Prokofiev", Medium.DIARY),
        ("Mikoyan", Medium.UNKNOWN),
    ]


def test_an_av_row_reading_a_letter_is_a_quotation_without_its_label() -> None:
    audio = "SAMUEL BRAND (letter, read by actor): Dear Edie, the cheque is enclosed."
    doc = ScriptDocument(
        text=audio, format=ScriptFormat.DOCX,
        blocks=[ScriptBlock(BlockKind.AV_ROW, audio, 0, len(audio), speaker="SAMUEL BRAND",
                            video="Letter, handwritten.")],
    )
    [quotation], names = attributed(doc)
    assert quotation.text == "Dear Edie, the cheque is enclosed."
    assert names[quotation.speaker] == "Samuel Brand" and quotation.medium == Medium.LETTER


def test_a_remark_quoted_in_a_memoir_belongs_to_the_family_member_named() -> None:
    script = (
        "EXT. QUAY - DAY\n\nNARRATOR\nPeter Holm ran the ferry. His son, Jonas Holm, wrote the memoir Ice on the Sound.\n\n"
        "JONAS HOLM (V.O.)\n(reading from his memoir)\n"
        "Father never spoke at supper. Once he looked up and said, 'The ice is early.'\n"
    )
    quotations, names = attributed(parse_fountain(script, source_name="quay.fountain"))
    memoir, remark = quotations
    assert names[memoir.speaker] == "Jonas Holm" and memoir.medium == Medium.MEMOIR
    assert memoir.work_title == "Ice on the Sound"
    assert remark.nested_in == 0 and names[remark.speaker] == "Peter Holm"
    assert remark.medium == Medium.CONVERSATION
