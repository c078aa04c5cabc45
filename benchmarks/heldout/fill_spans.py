"""Build the held-out answer keys from their hand-written specs.

``python -m benchmarks.heldout.fill_spans`` reads every
``benchmarks/heldout/key_specs/<script>.json``, imports the script it names
(decoding exactly as ScriptDesk does), finds each quotation, non-quotation,
date and scene heading in the decoded text and writes
``benchmarks/heldout/answer_keys/<script>.json`` in the scorer's format with
``start`` and ``end`` filled in.

A spec item names its ``text``; when that text occurs more than once, it also
names a ``context``: a longer string that occurs exactly once in the script
and contains the text (the first occurrence inside it is meant), or sets
``every`` to mean every occurrence right after an opening quotation mark (a
ship's name in quotes throughout, say). Anything not
found, or found more than once without a context, stops the build with a
message, so a key can never silently point at the wrong words.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HELDOUT_DIR = Path(__file__).resolve().parent
SPECS_DIR = HELDOUT_DIR / "key_specs"
KEYS_DIR = HELDOUT_DIR / "answer_keys"
SPANNED = ("quotations", "not_quotations", "dates")
OPENING_MARKS = "\"“„«‘‹'"


class SpecError(ValueError):
    """A spec item that does not point at exactly one place in its script."""


def locate(text: str, item: dict) -> tuple[int, int]:
    """The unique span of ``item["text"]`` in ``text`` (through its context)."""
    wanted = item["text"]
    context = item.get("context")
    if context is None:
        count = text.count(wanted)
        if count != 1:
            raise SpecError(f"{wanted!r} occurs {count} times; give a context")
        start = text.index(wanted)
    else:
        count = text.count(context)
        if count != 1:
            raise SpecError(f"context {context!r} occurs {count} times")
        if wanted not in context:
            raise SpecError(f"context {context!r} does not contain {wanted!r}")
        start = text.index(context) + context.index(wanted)
    return start, start + len(wanted)


def every_quoted(text: str, wanted: str) -> list[tuple[int, int]]:
    """Every span of ``wanted`` standing right after an opening quotation mark."""
    spans, start = [], text.find(wanted)
    while start != -1:
        if start > 0 and text[start - 1] in OPENING_MARKS:
            spans.append((start, start + len(wanted)))
        start = text.find(wanted, start + 1)
    if not spans:
        raise SpecError(f"{wanted!r} never occurs in quotation marks")
    return spans


def scene_start(document: object, title: str) -> int:
    """Start of the one heading block whose text contains ``title``."""
    starts = [block.start for block in document.blocks if title in block.text and block.kind.value == "heading"]
    if len(starts) != 1:
        raise SpecError(f"scene title {title!r} matches {len(starts)} heading blocks")
    return starts[0]


def build_key(spec: dict, document: object) -> dict:
    """The answer key for one spec: spans filled, contexts dropped."""
    key = {name: value for name, value in spec.items() if name not in (*SPANNED, "scenes")}
    text = document.text
    for category in SPANNED:
        if spec.get(category) is None:
            key[category] = spec.get(category)
            continue
        items = []
        for item in spec[category]:
            spans = every_quoted(text, item["text"]) if item.get("every") else [locate(text, item)]
            for start, end in spans:
                filled = {"text": item["text"], "start": start, "end": end}
                filled.update(
                    {name: value for name, value in item.items() if name not in ("text", "context", "every")}
                )
                items.append(filled)
        key[category] = sorted(items, key=lambda entry: (entry["start"], -entry["end"]))
    for person in spec.get("people", []):
        for variant in [person["name"], *person["variants"]]:
            # The full name may be the key's choice; every variant must be the script's.
            if variant != person["name"] and variant not in text:
                raise SpecError(f"people variant {variant!r} does not occur in the script")
    if spec.get("scenes") is not None:
        key["scenes"] = [
            {"title": scene["title"], "start": scene_start(document, scene.get("heading", scene["title"]))}
            for scene in spec["scenes"]
        ]
    else:
        key["scenes"] = None
    order = ["script", "notes", "quotations", "not_quotations", "people", "dates", "scenes",
             "footage_needs", "rights_items"]
    return {name: key[name] for name in order if name in key}


def main() -> int:
    from scriptdesk.domain.importers import load_script

    failures = 0
    for spec_path in sorted(SPECS_DIR.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        script = HELDOUT_DIR / spec["script"]
        document = load_script(script)
        try:
            key = build_key(spec, document)
        except SpecError as problem:
            print(f"{spec_path.name}: {problem}", file=sys.stderr)
            failures += 1
            continue
        KEYS_DIR.mkdir(exist_ok=True)
        target = KEYS_DIR / f"{script.name}.json"
        target.write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        counts = ", ".join(f"{name} {len(key[name])}" for name in key if isinstance(key[name], list))
        print(f"{target.relative_to(HELDOUT_DIR.parent.parent)}: {counts}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
