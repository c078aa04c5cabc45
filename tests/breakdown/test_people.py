"""People: one record per person with every variant, and no false persons."""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.people import find_people
from scriptdesk.domain.enums import BlockKind, ScriptFormat
from scriptdesk.domain.model import PersonDraft, ScriptBlock, ScriptDocument


def narration(text: str) -> ScriptDocument:
    blocks = [
        ScriptBlock(BlockKind.NARRATION, match.group(), match.start(), match.end())
        for match in re.finditer(r"\S(?:.|\n(?!\n))*", text)
    ]
    return ScriptDocument(text=text, format=ScriptFormat.PROSE, blocks=blocks)


def people_of(text: str) -> dict[str, PersonDraft]:
    return {person.display_name: person for person in find_people(narration(text), set())}


def test_one_person_with_every_variant_and_mention() -> None:
    text = (
        "In 1926 Lev Borisovich Kamenev left the Kremlin. Kamenev recalls the move.\n\n"
        "Kamenev's books went first. Lev Borisovich kept only his notes."
    )
    people = people_of(text)
    assert list(people) == ["Lev Borisovich Kamenev"]
    person = people["Lev Borisovich Kamenev"]
    assert {"Lev Borisovich Kamenev", "Kamenev", "Kamenev's", "Lev Borisovich"} <= set(person.variants)
    assert len(person.mentions) == 4
    document = narration(text)
    for mention in person.mentions:
        mentioned = document.blocks[mention.block].text[mention.start : mention.end]
        assert mentioned.startswith(("Lev", "Kamenev"))


def test_relatives_sharing_a_surname_stay_apart() -> None:
    text = (
        "Sergei Diaghilev stayed in Paris. In August Sergei Diaghilev's brother, Valentin, "
        "was arrested. Lev Kamenev said nothing. Kamenev's son Alexander was born in 1901. "
        "Diaghilev wrote to him. Alexander later married an actress."
    )
    people = people_of(text)
    assert set(people) == {"Sergei Diaghilev", "Valentin Diaghilev", "Lev Kamenev", "Alexander Kamenev"}
    assert len(people["Sergei Diaghilev"].mentions) == 3
    assert len(people["Alexander Kamenev"].mentions) == 2


def test_places_months_organisations_and_sentence_openings_are_not_people() -> None:
    text = (
        "Moscow was cold in October. The Central Committee met at the Kremlin. Pravda reported "
        "the decision. Soviet newspapers followed. After that Trotsky said nothing. "
        "Stones were thrown. In Leningrad the Politburo waited."
    )
    assert set(people_of(text)) == {"Trotsky"}


def test_role_words_and_titles_introduce_unknown_names() -> None:
    text = "The correspondent Marta Lindqvist arrived. Comrade Rykov presided. A worker named Temkin wrote."
    assert set(people_of(text)) == {"Marta Lindqvist", "Rykov", "Temkin"}


def test_russian_case_endings_and_patronymics_fold_onto_one_person() -> None:
    text = (
        "Инженер Андрей Петрович Лыков приехал весной. Лыкову дали барак. "
        "С Лыковым приехал брат Николай Лыков. Андрея Петровича любили рабочие."
    )
    people = people_of(text)
    assert set(people) == {"Андрей Петрович Лыков", "Николай Лыков"}
    assert {"Лыкову", "Лыковым", "Андрея Петровича"} <= set(people["Андрей Петрович Лыков"].variants)


def test_a_woman_with_a_russian_surname_is_not_her_husband() -> None:
    text = "Лев Каменев уехал в Калугу. Ольга Каменева осталась в Москве. Каменеву писали друзья."
    people = people_of(text)
    assert set(people) == {"Лев Каменев", "Ольга Каменева"}


def test_keys_are_unique_and_stable() -> None:
    text = "Ivan Petrov met Pavel Petrov. Ivan Petrov left."
    first = [person.key for person in find_people(narration(text), set())]
    second = [person.key for person in find_people(narration(text), set())]
    assert first == second and len(set(first)) == len(first) == 2


def test_dialogue_cue_names_a_person() -> None:
    text = "Dear mother, the harbour froze today."
    document = ScriptDocument(
        text=text, format=ScriptFormat.FOUNTAIN,
        blocks=[ScriptBlock(BlockKind.DIALOGUE, text, 0, len(text), speaker="MARGARET HALL (V.O.)")],
    )
    assert [person.display_name for person in find_people(document, set())] == ["Margaret Hall"]


def test_a_bare_surname_is_the_first_bearer_named_in_full_not_a_son_introduced_as_such() -> None:
    text = (
        "In 1961 his son, Erik Lindqvist, published a memoir of the strike. Its hero, Karl Lindqvist, "
        "led the dockers.\n\nLindqvist spoke first at every meeting."
    )
    people = people_of(text)
    assert set(people) == {"Karl Lindqvist", "Erik Lindqvist"}
    assert "Lindqvist" in people["Karl Lindqvist"].variants
    assert "Lindqvist" not in people["Erik Lindqvist"].variants


def test_a_title_chooses_between_bearers_of_one_surname() -> None:
    text = "Samuel Carrow lent the money. Edith Carrow ran the cinema. Mrs. Carrow kept a ledger."
    people = people_of(text)
    assert "Carrow" in people["Edith Carrow"].variants
    assert "Carrow" not in people["Samuel Carrow"].variants


def test_familiar_forms_and_lone_given_names_join_the_one_person_so_named() -> None:
    text = (
        "Thomas Aldous kept the light. His sister-in-law wrote: Tom is out on the gallery again. "
        "Later Thomas writes about the storm. Андрей Лыков приехал. Андрюша устал."
    )
    people = people_of(text)
    assert set(people) == {"Thomas Aldous", "Андрей Лыков"}
    assert {"Tom", "Thomas"} <= set(people["Thomas Aldous"].variants)
    assert "Андрюша" in people["Андрей Лыков"].variants
