"""The held-out answer keys still point at the words they name.

The held-out scripts in benchmarks/heldout/ are decoded by the importers; a
change in decoding or an edit to a script would silently shift every span of
its key, so each key is checked against the decoded text, and the key
builder is checked to refuse an ambiguous item.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.bench_heldout import HELDOUT_KEYS, heldout_scripts
from benchmarks.heldout.fill_spans import SpecError, build_key, locate
from scriptdesk.domain.importers import load_script

KEYED = heldout_scripts()


def test_every_held_out_script_has_a_key() -> None:
    assert len(KEYED) == 4
    assert {path.suffix for path in KEYED} == {".md", ".fountain", ".txt"}


@pytest.mark.parametrize("script", KEYED, ids=lambda path: path.name)
def test_key_spans_slice_to_their_text(script) -> None:
    key = json.loads((HELDOUT_KEYS / f"{script.name}.json").read_text(encoding="utf-8"))
    document = load_script(script)
    for category in ("quotations", "not_quotations", "dates"):
        for item in key[category]:
            assert document.text[item["start"]:item["end"]] == item["text"], (category, item["text"])
    heading_starts = {block.start for block in document.blocks if block.kind.value == "heading"}
    assert all(scene["start"] in heading_starts for scene in key["scenes"])


@pytest.mark.parametrize("script", KEYED, ids=lambda path: path.name)
def test_key_is_what_its_spec_builds(script) -> None:
    spec_path = HELDOUT_KEYS.parent / "key_specs" / f"{script.name}.json"
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    stored = json.loads((HELDOUT_KEYS / f"{script.name}.json").read_text(encoding="utf-8"))
    assert build_key(spec, load_script(script)) == stored


def test_windows_1251_script_decodes_to_russian() -> None:
    script = next(path for path in KEYED if path.suffix == ".txt")
    assert script.read_bytes().decode("cp1251").replace("\r\n", "\n").strip() == load_script(script).text.strip()


def test_locate_refuses_ambiguous_and_wrong_context() -> None:
    text = "In 1927 and again in 1927."
    with pytest.raises(SpecError):
        locate(text, {"text": "1927"})
    with pytest.raises(SpecError):
        locate(text, {"text": "1931", "context": "again in 1927"})
    assert locate(text, {"text": "1927", "context": "again in 1927"}) == (21, 25)
