"""Rights items: quotations grouped by work, death years, hints, footage, music, script."""

from __future__ import annotations

from scriptdesk.domain.breakdown.reference_data import known_death_year
from scriptdesk.domain.breakdown.rights import GUIDANCE, find_rights_items, public_domain_hint
from scriptdesk.domain.enums import FootageKind, Medium, RightsKind
from scriptdesk.domain.importers.prose import parse_prose
from scriptdesk.domain.model import FootageNeedDraft, PersonDraft, QuotationDraft, Span

TEXT = (
    "**Screenplay for the film \"Salt and Iron\"** written by Ada Lindqvist, translated by Pavel Orlov\n\n"
    "Jonas Berg (1871–1936) wrote in his memoirs: \"We waited.\" Later he added: \"Nobody came.\"\n\n"
    "Berg wrote to his sister: \"Do not come north.\" The band played Grieg's Symphony in C minor "
    "and the choir sang the Internationale."
)


def setup():
    document = parse_prose(TEXT)
    one, two = document.blocks[1].text, document.blocks[2].text
    berg = PersonDraft(key="jonas-berg", display_name="Jonas Berg", variants=["Jonas Berg", "Berg"],
                       mentions=[Span(1, 0, 10), Span(2, 0, 4)])

    def quote(block: int, text: str, words: str, medium: Medium, work=None, nested=None) -> QuotationDraft:
        start = text.index(words)
        return QuotationDraft(span=Span(block, start, start + len(words)), text=words, speaker="jonas-berg",
                              medium=medium, work_title=work, nested_in=nested)

    quotations = [
        quote(1, one, "We waited.", Medium.MEMOIR, "Memoirs"),
        quote(1, one, "Nobody came.", Medium.MEMOIR, "Memoirs"),
        quote(2, two, "Do not come north.", Medium.LETTER),
    ]
    footage = [
        FootageNeedDraft(span=Span(1, 0, 10), kind=FootageKind.PHOTO, description="Portrait of Jonas Berg"),
        FootageNeedDraft(span=Span(2, 0, 4), kind=FootageKind.PHOTO, description="Portrait of Jonas Berg"),
        FootageNeedDraft(span=Span(2, 0, 4), kind=FootageKind.FILM_CLIP, description="Film clip: Salt (1926)",
                         era="1926"),
    ]
    return document, [berg], quotations, footage


def items_of(kind, items):
    return [i for i in items if i.kind is kind]


def test_quotations_are_grouped_by_author_and_work() -> None:
    document, people, quotations, footage = setup()
    items = find_rights_items(document, people, quotations, footage, clearance_year=2026)
    texts = items_of(RightsKind.TEXT_QUOTATION, items)
    assert [(i.author, i.work_title, i.quotation_indexes) for i in texts] == [
        ("Jonas Berg", "Memoirs", [0, 1]), ("Jonas Berg", None, [2])]


def test_death_year_from_life_dates_in_the_text() -> None:
    document, people, quotations, footage = setup()
    items = find_rights_items(document, people, quotations, footage, clearance_year=2026)
    memoir = items_of(RightsKind.TEXT_QUOTATION, items)[0]
    assert memoir.author_death_year == 1936
    assert "EU/UK: life + 70 years; author died 1936, so in the public domain." in memoir.public_domain_reasoning
    assert memoir.public_domain_reasoning.endswith(GUIDANCE)


def test_portraits_merge_across_mentions_and_clips_are_footage() -> None:
    document, people, quotations, footage = setup()
    items = find_rights_items(document, people, quotations, footage, clearance_year=2026)
    photos = items_of(RightsKind.PHOTO, items)
    assert len(photos) == 1 and photos[0].footage_indexes == [0, 1]
    clips = items_of(RightsKind.FOOTAGE, items)
    assert clips[0].footage_indexes == [2]
    assert "before 1931" in clips[0].public_domain_reasoning


def test_script_item_names_author_and_translation() -> None:
    document, people, quotations, footage = setup()
    script = find_rights_items(document, people, quotations, footage)[0]
    assert script.kind is RightsKind.SCRIPT
    assert script.subject == "Script: Salt and Iron"
    assert script.author == "Ada Lindqvist"
    assert "Pavel Orlov" in script.public_domain_reasoning


def test_named_music_is_a_music_item() -> None:
    document, people, quotations, footage = setup()
    music = items_of(RightsKind.MUSIC, find_rights_items(document, people, quotations, footage))
    subjects = [m.subject for m in music]
    assert "Music: Grieg’s Symphony in C minor".replace("’", "'") in subjects
    assert "Music: the Internationale" in subjects


def test_nested_remarks_go_with_their_source() -> None:
    document, people, quotations, footage = setup()
    quotations[1].nested_in = 0
    quotations[1].work_title = None
    texts = items_of(RightsKind.TEXT_QUOTATION, find_rights_items(document, people, quotations, footage))
    assert texts[0].quotation_indexes == [0, 1]


def test_public_domain_hint_per_jurisdiction() -> None:
    recent = public_domain_hint(1980, 2026, medium=Medium.DIARY)
    assert "protected until the end of 2050" in recent
    assert "Great Patriotic War" in recent
    assert "unpublished" in recent
    old = public_domain_hint(1921, 2026, published=1921)
    assert "before 1943" in old and "rehabilitat" in old
    assert "US: published 1921, before 1931: in the public domain." in old
    unknown = public_domain_hint(None, 2026)
    assert "death year unknown" in unknown and unknown.endswith(GUIDANCE)


def test_known_death_years_need_a_matching_given_name() -> None:
    assert known_death_year("Lev Borisovich Kamenev", ["Kamenev"]) == 1936
    assert known_death_year("Alexander Kamenev", ["Alexander", "Alexander Kamenev"]) is None
    assert known_death_year("Stalin", ["Stalin"]) == 1953


def test_untitled_writings_of_an_author_are_one_item_and_spoken_words_join_it() -> None:
    document, people, _, footage = setup()
    one, two = document.blocks[1].text, document.blocks[2].text

    def at(block: int, text: str, words: str, medium: Medium, speaker: str | None = "jonas-berg") -> QuotationDraft:
        start = text.index(words)
        return QuotationDraft(span=Span(block, start, start + len(words)), text=words, speaker=speaker,
                              medium=medium)

    quotations = [
        at(1, one, "We waited.", Medium.DIARY),
        at(1, one, "Nobody came.", Medium.SPEECH),
        at(2, two, "Do not come north.", Medium.LETTER),
        at(2, two, "Internationale", Medium.SLOGAN, speaker=None),
    ]
    items = items_of(RightsKind.TEXT_QUOTATION, find_rights_items(document, people, quotations, footage,
                                                                 clearance_year=2026))
    assert [(i.subject, i.quotation_indexes) for i in items] == [
        ("Quotation: Jonas Berg — diary, letters", [0, 1, 2]),
        ("Quotations: spoken remarks (speeches, conversations, slogans)", [3]),
    ]
    assert items[1].public_domain_reasoning.endswith(GUIDANCE)


def test_portraits_needed_once_share_one_photo_item() -> None:
    document, people, quotations, _ = setup()
    footage = [
        FootageNeedDraft(span=Span(1, 0, 10), kind=FootageKind.PHOTO, description="Portrait of Jonas Berg"),
        FootageNeedDraft(span=Span(1, 0, 4), kind=FootageKind.PHOTO, description="Portrait of Ada Moss"),
        FootageNeedDraft(span=Span(2, 0, 4), kind=FootageKind.PHOTO, description="Portrait of Jonas Berg"),
        FootageNeedDraft(span=Span(2, 0, 4), kind=FootageKind.PHOTO, description="Portrait of Ole Dahl"),
    ]
    photos = items_of(RightsKind.PHOTO, find_rights_items(document, people, quotations, footage, clearance_year=2026))
    assert [(p.subject, p.footage_indexes) for p in photos] == [
        ("Photograph: portrait of Jonas Berg", [0, 2]),
        ("Photographs: portraits of Ada Moss, Ole Dahl", [1, 3]),
    ]


def test_the_cover_of_a_quoted_book_is_cleared_with_its_text() -> None:
    document, people, quotations, _ = setup()
    footage = [FootageNeedDraft(span=Span(1, 0, 10), kind=FootageKind.DOCUMENT,
                                description="Book or publication: Memoirs (cover, pages)")]
    items = find_rights_items(document, people, quotations, footage, clearance_year=2026)
    memoir = items_of(RightsKind.TEXT_QUOTATION, items)[0]
    assert memoir.footage_indexes == [0]
    assert not items_of(RightsKind.ARTWORK, items)
