"""Footage needs per scene: portraits, places, events, films, papers, objects, maps."""

from __future__ import annotations

from scriptdesk.domain.breakdown.dates import find_dates
from scriptdesk.domain.breakdown.footage import find_footage_needs
from scriptdesk.domain.breakdown.scenes import find_scenes
from scriptdesk.domain.enums import FootageKind, Medium
from scriptdesk.domain.importers.prose import parse_prose
from scriptdesk.domain.model import PersonDraft, QuotationDraft, Span

TEXT = (
    "# The Strike\n\n"
    "In the spring of 1911 Jonas Berg called the carters to the Grand Nordic Hotel on Harbour Square. "
    "Berg spoke for an hour. The festive parade of the guilds passed below the windows. "
    "The Vellmark Courier reported the meeting the next day, and the newspaper Morgenpost printed a photograph.\n\n"
    "Berg was exiled to Tromsø. In 1926 the director Ilse Varga made the film *Salt and Iron* about him; "
    "the premiere was held in Oslo. Berg's death mask is kept in the town museum. "
    "He wrote to his sister: \"Do not come north.\" Berg again spoke of Oslo and of the Grand Nordic Hotel."
)


def breakdown_parts(quotations=()):
    document = parse_prose(TEXT)
    block = document.blocks[1].text
    berg = PersonDraft(
        key="jonas-berg", display_name="Jonas Berg", variants=["Jonas Berg", "Berg"],
        mentions=[Span(1, block.index("Jonas Berg"), block.index("Jonas Berg") + 10),
                  Span(1, block.index("Berg spoke"), block.index("Berg spoke") + 4)],
    )
    scenes = find_scenes(document, find_dates(document, set()), [berg], set())
    needs = find_footage_needs(document, scenes, [berg], list(quotations), [])
    return document, scenes, needs


def described(needs, kind):
    return [n.description for n in needs if n.kind is kind]


def test_every_span_slices_the_words_it_was_found_in() -> None:
    document, _, needs = breakdown_parts()
    for need in needs:
        text = document.blocks[need.span.block].text[need.span.start : need.span.end]
        assert text and text.strip() == text


def test_portrait_of_the_person_the_scene_is_about() -> None:
    _, _, needs = breakdown_parts()
    portraits = [n for n in needs if n.kind is FootageKind.PHOTO]
    assert [p.description for p in portraits] == ["Portrait of Jonas Berg"]
    assert "Jonas Berg" in portraits[0].search_terms


def test_places_and_buildings_once_per_scene() -> None:
    _, _, needs = breakdown_parts()
    places = described(needs, FootageKind.LOCATION)
    assert places.count("Grand Nordic Hotel: exterior and period views") == 1
    assert "Harbour Square: exterior and period views" in places
    assert "Oslo: period views of the place" in places


def test_events_films_papers_objects_and_maps() -> None:
    _, _, needs = breakdown_parts()
    assert "Newsreel: festive parade" in described(needs, FootageKind.NEWSREEL)
    assert "Film clip: Salt and Iron (1926)" in described(needs, FootageKind.FILM_CLIP)
    assert "Newspaper: Morgenpost" in described(needs, FootageKind.DOCUMENT)
    assert any(d.startswith("Object: ") and "death mask" in d for d in described(needs, FootageKind.OBJECT))
    assert "Map: exiled to Tromsø" in described(needs, FootageKind.MAP_GRAPHIC)


def test_era_comes_from_the_scene_or_the_work() -> None:
    _, _, needs = breakdown_parts()
    film = next(n for n in needs if n.kind is FootageKind.FILM_CLIP)
    portrait = next(n for n in needs if n.kind is FootageKind.PHOTO)
    assert film.era == "1926"
    assert portrait.era == "1911–1926"


def test_a_quoted_letter_becomes_a_document_to_show() -> None:
    document = parse_prose(TEXT)
    block = document.blocks[2].text
    start = block.index("Do not come north.")
    letter = QuotationDraft(span=Span(2, start, start + 18), text="Do not come north.", speaker="jonas-berg",
                            medium=Medium.LETTER, recipient="his sister")
    _, _, needs = breakdown_parts([letter])
    assert "Letter by Jonas Berg to his sister" in described(needs, FootageKind.DOCUMENT)


def test_needs_are_in_script_order() -> None:
    _, _, needs = breakdown_parts()
    positions = [(n.span.block, n.span.start) for n in needs]
    assert positions == sorted(positions)


def test_events_before_cinema_are_pictures_not_newsreel() -> None:
    document = parse_prose("In 1881 the coronation of the king drew crowds to the capital.")
    scenes = find_scenes(document, find_dates(document, set()), [], set())
    needs = find_footage_needs(document, scenes, [], [], [])
    assert [n.kind for n in needs if "coronation" in n.description] == [FootageKind.ARTWORK]


def _person(key: str, name: str, block: str, index: int, *words: str) -> PersonDraft:
    mentions = []
    for word in words:
        start = block.index(word)
        mentions.append(Span(index, start, start + len(word)))
    return PersonDraft(key=key, display_name=name, variants=[name, name.split()[-1]], mentions=mentions)


def test_portraits_only_for_people_who_matter_in_the_scene() -> None:
    text = (
        "# The Congress\n\n"
        "The delegates Anna Holm, Per Lund, Eva Dahl and Nils Berg sat in the front row. "
        "Later that year Sven Ek's film was shown in the hall. "
        "The engineer Karl Wik arrived at dawn. Ola Strand said nothing. "
        "Strand wrote to his brother: \"We lost.\""
    )
    document = parse_prose(text)
    block = document.blocks[1].text
    people = [
        _person("holm", "Anna Holm", block, 1, "Anna Holm"),
        _person("lund", "Per Lund", block, 1, "Per Lund"),
        _person("dahl", "Eva Dahl", block, 1, "Eva Dahl"),
        _person("berg", "Nils Berg", block, 1, "Nils Berg"),
        _person("ek", "Sven Ek", block, 1, "Sven Ek"),
        _person("wik", "Karl Wik", block, 1, "Karl Wik"),
        _person("strand", "Ola Strand", block, 1, "Ola Strand"),
    ]
    start = block.index("We lost.")
    letter = QuotationDraft(span=Span(1, start, start + 8), text="We lost.", speaker="strand", medium=Medium.LETTER)
    scenes = find_scenes(document, find_dates(document, set()), people, set())
    needs = find_footage_needs(document, scenes, people, [letter], [])
    # Listed delegates and a passing possessive get none; the introduced engineer and the letter writer do.
    assert described(needs, FootageKind.PHOTO) == ["Portrait of Karl Wik", "Portrait of Ola Strand"]


def test_a_quoted_work_and_its_title_are_one_need_and_an_article_joins_its_paper() -> None:
    text = (
        "# Papers\n\n"
        "In 1931 Ada Moss wrote in her memoirs *The Long Shift*: \"We worked all night.\" "
        "The Vellmark newspaper Morgenpost printed her article. Moss wrote: \"The quay was silent.\" "
        "The Fifteenth Party Congress met in December; the Fifteenth Congress expelled them."
    )
    document = parse_prose(text)
    block = document.blocks[1].text
    moss = _person("moss", "Ada Moss", block, 1, "Ada Moss")
    memoir_start = block.index("We worked all night.")
    article_start = block.index("The quay was silent.")
    quotations = [
        QuotationDraft(span=Span(1, memoir_start, memoir_start + 20), text="We worked all night.", speaker="moss",
                       medium=Medium.MEMOIR, work_title="The Long Shift"),
        QuotationDraft(span=Span(1, article_start, article_start + 20), text="The quay was silent.", speaker="moss",
                       medium=Medium.NEWSPAPER),
    ]
    scenes = find_scenes(document, find_dates(document, set()), [moss], set())
    needs = find_footage_needs(document, scenes, [moss], quotations, [])
    documents = described(needs, FootageKind.DOCUMENT)
    assert documents == ["Memoirs “The Long Shift” by Ada Moss", "Newspaper: Morgenpost — article by Ada Moss"]
    assert described(needs, FootageKind.NEWSREEL) == ["Newsreel: Fifteenth Party Congress"]


def test_commonplace_objects_only_when_someone_owns_them() -> None:
    document = parse_prose("In 1930 a car waited outside. Lenin's car was kept in the garage.")
    scenes = find_scenes(document, find_dates(document, set()), [], set())
    needs = find_footage_needs(document, scenes, [], [], [])
    assert described(needs, FootageKind.OBJECT) == ["Object: Lenin's car"]


def test_a_sentence_opening_word_is_not_part_of_a_street_name() -> None:
    document = parse_prose("On Mill Street in 1919 stood a picture house. After camp he came home.")
    scenes = find_scenes(document, find_dates(document, set()), [], set())
    needs = find_footage_needs(document, scenes, [], [], [])
    places = described(needs, FootageKind.LOCATION)
    assert "Mill Street: exterior and period views" in places
    assert not any("camp" in place for place in places)
