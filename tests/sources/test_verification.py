"""Matching and sign-off on a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from scriptdesk.db.engine import session_scope
from scriptdesk.db.models import Citation, Note, Production, Quotation, SourcePassage
from scriptdesk.domain.enums import MatchClass, ReviewState, VerificationState
from scriptdesk.domain.errors import InputFileError, InvalidValueError, NotFoundError
from scriptdesk.services.sources import SourceFields, add_source, list_sources, search_sources
from scriptdesk.services.verification import (
    auto_verify,
    confirm_citation,
    list_quotations,
    mark_discrepancy,
    recheck_quotation,
    reject_citation,
    show_quotation,
    verify_quotation,
)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_scripts"
SOURCES = SAMPLES / "sources"
KEY = json.loads((SAMPLES / "verification" / "answer_key.json").read_text(encoding="utf-8"))


@pytest.fixture
def library(engine: Engine) -> dict[str, int]:
    """The four sample sources and the answer key's quotations in one production."""
    ids = {name: add_source(engine, SOURCES / name).source_id for name in KEY["sources"]}
    with session_scope(engine) as session:
        production = Production(title="The Winter of the Cofferdam")
        session.add(production)
        session.flush()
        for ordinal, item in enumerate(KEY["quotations"]):
            session.add(Quotation(production_id=production.id, ordinal=ordinal, text=item["text"],
                                  speaker_name=item["speaker"]))
    return ids


def test_answer_key_classes_locators_and_attribution(engine: Engine, library: dict[str, int]) -> None:
    verdicts = auto_verify(engine, "The Winter of the Cofferdam")
    names = {v: k for k, v in library.items()}
    for item, verdict in zip(KEY["quotations"], verdicts, strict=True):
        assert verdict.match_class == item["expected_class"], item["text"]
        assert verdict.attribution_mismatch == item["attribution_mismatch"], item["text"]
        if item["source"]:
            assert names[verdict.source_id] == item["source"]
            assert verdict.locator == item["locator"]
    altered = next(v for v in verdicts if v.text.startswith("I propose to stop the pour for two months"))
    assert {"kind": "changed", "source": "six weeks", "script": "two months"} in altered.differences
    # nothing was marked verified
    assert {row.state for row in list_quotations(engine)} == {VerificationState.UNVERIFIED.value}


def test_character_range_points_into_the_source_text(engine: Engine, library: dict[str, int]) -> None:
    verdict = auto_verify(engine)[0]
    from scriptdesk.db.models import SourceDocument

    with session_scope(engine) as session:
        text = session.scalar(select(SourceDocument.text).where(SourceDocument.source_id == verdict.source_id))
    assert text[verdict.start : verdict.end] == "We lose six weeks now or we lose the whole season later"


def test_sign_off_rule_and_researchers_work_survives_reruns(engine: Engine, library: dict[str, int], monkeypatch) -> None:
    auto_verify(engine)
    exact_id = 1
    state = verify_quotation(engine, exact_id, by="Vera Researcher")
    assert state == VerificationState.VERIFIED_SINGLE_SOURCE.value
    detail = show_quotation(engine, exact_id)
    confirmed = [c for c in detail.citations if c.review_state == ReviewState.ACCEPTED.value]
    assert confirmed and confirmed[0].confirmed_by == "Vera Researcher"
    # a second, independent source makes it verified
    state = verify_quotation(engine, exact_id, by="Vera Researcher", source="Letters", locator="para 3")
    assert state == VerificationState.VERIFIED.value
    monkeypatch.setenv("SCRIPTDESK_REQUIRED_SOURCES", "4")
    assert verify_quotation(engine, exact_id, by="Vera", source="Herald") == VerificationState.VERIFIED_SINGLE_SOURCE.value

    # reject a suggestion with a note; note a discrepancy; re-run everything
    second = show_quotation(engine, 2).citations[0]
    reject_citation(engine, second.citation_id, by="Vera", note="wrong meeting")
    mark_discrepancy(engine, 8, "the council minutes say six weeks", by="Vera")
    before = {c.citation_id for c in show_quotation(engine, exact_id).citations if c.review_state != "suggested"}
    auto_verify(engine)
    auto_verify(engine)
    after = show_quotation(engine, exact_id)
    assert before <= {c.citation_id for c in after.citations}
    assert after.row.state == VerificationState.VERIFIED_SINGLE_SOURCE.value
    again = show_quotation(engine, 2).citations
    assert [c.review_state for c in again] == [ReviewState.REJECTED.value]  # not offered again
    assert "wrong meeting" in again[0].note
    discrepancy = show_quotation(engine, 8)
    assert discrepancy.row.state == VerificationState.DISCREPANCY.value
    assert "six weeks" in discrepancy.notes
    with session_scope(engine) as session:
        assert session.scalar(select(Note.text).where(Note.record_id == 8)) == "the council minutes say six weeks"
    assert [r.quotation_id for r in list_quotations(engine, state="discrepancy")] == [8]


def test_confirm_and_refusals(engine: Engine, library: dict[str, int]) -> None:
    verdicts = auto_verify(engine)
    absent = next(v for v in verdicts if v.match_class == MatchClass.NOT_FOUND.value)
    with pytest.raises(InvalidValueError, match="no suggested source"):
        verify_quotation(engine, absent.quotation_id, by="Vera")
    with pytest.raises(InvalidValueError, match="found no source"):
        confirm_citation(engine, absent.citation_id, by="Vera")
    with pytest.raises(NotFoundError):
        verify_quotation(engine, 9999, by="Vera")
    with pytest.raises(InvalidValueError, match="discrepancy is"):
        mark_discrepancy(engine, 1, "   ", by="Vera")
    assert confirm_citation(engine, verdicts[1].citation_id, by="Vera") == VerificationState.VERIFIED_SINGLE_SOURCE.value


def test_recheck_after_an_edit(engine: Engine, library: dict[str, int]) -> None:
    auto_verify(engine)
    with session_scope(engine) as session:
        quotation = session.get(Quotation, 1)
        quotation.text = "We lose six weeks now or we lose the whole year later."
    verdict = recheck_quotation(engine, 1)
    assert verdict.match_class == MatchClass.ALTERED.value
    with session_scope(engine) as session:
        suggestions = session.scalars(select(Citation).where(Citation.quotation_id == 1)).all()
    assert [c.match_class for c in suggestions] == [MatchClass.ALTERED.value]


def test_library_listing_search_and_all_or_nothing(engine: Engine, library: dict[str, int], tmp_path: Path) -> None:
    rows = list_sources(engine)
    transcript = next(r for r in rows if r.kind == "transcript")
    assert transcript.reference.startswith("TsGANTD. F. 212. Op. 3. D. 47. L. 5-38")
    results = search_sources(engine, "felt boots Lodeynoye")
    assert results and any("Lodeynoye" in r.text for r in results)
    with pytest.raises(InputFileError, match="already in the library"):
        add_source(engine, SOURCES / "kraft_letters.md")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    with session_scope(engine) as session:
        passages = len(session.scalars(select(SourcePassage.id)).all())
    with pytest.raises(InputFileError):
        add_source(engine, broken, SourceFields(title="Broken"))
    assert len(list_sources(engine)) == len(rows)
    with session_scope(engine) as session:
        assert len(session.scalars(select(SourcePassage.id)).all()) == passages


def test_seed_transcript_stored_with_speakers_and_reference(engine: Engine, seed_path) -> None:
    added = add_source(engine, seed_path("004"), SourceFields(title="Politburo, 18 March 1926"))
    assert added.kind == "transcript" and "Stalin" in added.speakers
    assert added.archive_reference == "RGASPI. F. 17. Op. 163. D. 681. L. 1-96"
    with session_scope(engine) as session:
        production = Production(title="Seed")
        session.add(production)
        session.flush()
        session.add(Quotation(production_id=production.id, text="Only one letter has survived, the rest, unfortunately, destroyed.",
                              speaker_name="Joseph Stalin"))
        session.add(Quotation(production_id=production.id, text="So that the party does not turn into a discussion club.",
                              speaker_name="Kamenev"))
    first, second = auto_verify(engine, "Seed")
    assert (first.match_class, first.attribution_mismatch) == ("exact", False)
    assert (second.match_class, second.attribution_mismatch, second.passage_speaker) == ("exact", True, "Stalin")
