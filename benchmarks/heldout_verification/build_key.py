"""Write answer_key.json from the quotation list below.

``python -m benchmarks.heldout_verification.build_key``. Each quotation names
its source file and an ``anchor``: words of the source, copied from it, where
the quotation is. The locator is worked out here from the raw file with
plain string operations (independently of ScriptDesk's reader):

- the transcript: "line N", the line where the anchor's paragraph starts;
- the diary: "p. N", the last "[p. N]" marker before the anchor;
- the gazette: "para N", the anchor's paragraph counted among the non-empty
  blank-line-separated paragraphs (headings included).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
BOARD = "pskov_flax_board_1924.txt"
DIARY = "lindqvist_diary.txt"
GAZETTE = "northern_flax_gazette_1925.md"

# (text, speaker, expected class, source, anchor, attribution mismatch, how)
QUOTATIONS: list[tuple[str, str | None, str, str | None, str | None, bool, str]] = [
    ("A cooperative cannot live on three good weeks.", "Karl Tamm", "exact", BOARD,
     "A cooperative cannot live", False, "verbatim"),
    ("I say that a good roof over bad flax is still bad flax.", "Vera Lindqvist", "exact", BOARD,
     "a good roof over bad flax", False, "verbatim"),
    ("Out of those two roubles we kept the scutching points, the warehouses and the carts, and we still "
     "ended the year with a deficit.", "Ivan Yermolaev", "exact", BOARD, "Out of those two roubles", False,
     "verbatim; the source has a footnote marker before the stop"),
    ("The salaries of the board came to less than the cost of one warehouse roof, and I will show the "
     "accounts to anyone who asks. The question is not the board.", "Ivan Yermolaev", "exact", BOARD,
     "The salaries of the board came", False, "verbatim; the source has an [editorial insertion] inside"),
    ("A union without flax is a union of nobody.", "Ivan Yermolaev", "normalised", BOARD,
     "a union without flax", False, "capital letter where the source has none"),
    ("Then the board will set prices for flax that nobody has grown!", "Maria Sokolova", "normalised", BOARD,
     "Then the board will set prices", False, "exclamation mark for a full stop"),
    ("If you want flax, ask the people who spread it on the meadow in September ... with frozen hands.",
     "Maria Sokolova", "exact", BOARD, "If you want flax, ask the people", False, "ellipsis for omitted words"),
    ("The Riga buyers offered fifteen for three weeks in November, and then they offered nothing at all.",
     "Karl Tamm", "altered", BOARD, "The Riga buyers offered fourteen for three weeks", False,
     "fourteen changed to fifteen"),
    ("I propose that we accept the contract and spend the advance on roofs, not on anything else.",
     "Ivan Yermolaev", "altered", BOARD, "I propose that we accept the contract", False, "'first' dropped"),
    ("Most of the seed in the province is many years from any selection, and it gives short, weak fibre "
     "whatever we pay for it.", "Vera Lindqvist", "altered", BOARD, "Most of the seed in the province", False,
     "'eight or nine' changed to 'many'"),
    ("So we have three proposals: the contract, roofs, seed.", "Ivan Yermolaev", "exact", BOARD,
     "So we have three proposals", True, "verbatim, but Tamm said it"),
    ("No, but rain will rot it, and I have seen a whole village's harvest go black under an open shed.",
     "Maria Sokolova", "exact", BOARD, "No, but rain will rot it", True, "verbatim, but Yermolaev said it"),
    ("Send a person who knows how to talk \u2014 not a circular.", "Vera Lindqvist", "normalised", BOARD,
     "Send a person who knows how to talk", True, "dash for a comma, and Sokolova said it"),
    ("Let it be written down that I voted for this with a heavy heart", "Ivan Yermolaev", "exact", BOARD,
     "Let it be written down", False, "verbatim, part of a sentence"),
    ("If we refuse, we sell at the autumn market and take whatever the Riga buyers will offer us.",
     "Karl Tamm", "altered", BOARD, "If we refuse, we sell", False, "'will' and 'us' added"),
    ("The women will sow clean seed if it is given to them before the middle of May, not after",
     "Maria Sokolova", "exact", BOARD, "The women will sow clean seed", False, "verbatim"),
    ("half a victory in agriculture is a whole defeat postponed by one year", None, "exact", DIARY,
     "half a victory in agriculture", False, "verbatim"),
    ("She has the face of a village schoolteacher and the voice of a ferry captain.", "Vera Lindqvist",
     "exact", DIARY, "She has the face of a village", False, "verbatim"),
    ("The Trading Office changes its mind every Tuesday.", "Vera Lindqvist", "normalised", DIARY,
     "the Trading Office changes its mind", False, "capital letter where the source has none"),
    ("The whole valley smells of wet straw and river mud.", "Vera Lindqvist", "exact", DIARY,
     "The whole valley smells", False, "verbatim"),
    ("Then he said: \u201cNine roofs. We needed nineteen.\u201d", None, "normalised", DIARY,
     "Then he said: \"Nine roofs", False, "curly quotes for straight ones"),
    ("The stalks from Toropets seed stood a hand's breadth taller than the old seed on the next strip.",
     "Vera Lindqvist", "altered", DIARY, "The stalks from Toropets seed", False, "'stand' changed to 'stood'"),
    ("I went out behind the shed and wept like a schoolgirl", "Vera Lindqvist", "altered", DIARY,
     "I went out behind the shed", False, "'cried' changed to 'wept'"),
    ("I am teaching the girls to pull flax when the lower part of the stalk turns yellow", "Vera Lindqvist",
     "altered", DIARY, "I am teaching the girls", False, "'the' dropped, 'third' changed to 'part'"),
    ("Sokolova stood on a cart in front of the church and explained \u2026 that the seed was theirs pound "
     "for pound", "Vera Lindqvist", "exact", DIARY, "Sokolova stood on a cart", False, "ellipsis for omitted words"),
    ("I spoke about seed and was heard politely \u2014 which in this union means that nobody disagreed and "
     "nobody will remember.", "Vera Lindqvist", "normalised", DIARY, "I spoke about seed", False,
     "dash for a comma"),
    ("The other half is pulling at the right time, and that is a matter of trust, not of circulars.",
     "Vera Lindqvist", "exact", GAZETTE, "The other half is pulling", False, "verbatim"),
    ("A cooperative that cannot keep its flax dry has no right to ask the peasant to grow it.",
     "Ivan Yermolaev", "exact", GAZETTE, "A cooperative that cannot keep", False, "verbatim"),
    ("we do not ask for gratitude", "Maria Sokolova", "normalised", GAZETTE, "We do not ask for gratitude",
     False, "lower case"),
    ("Of the nineteen scutching points of the union, eleven still stand under the open sky.", None,
     "altered", GAZETTE, "Of the nineteen scutching points", False, "'ten' changed to 'eleven'"),
    ("The new seed came late to us, in the last week of May, and some of it was sown on land that was too "
     "dry.", "Pyotr Gusev", "exact", GAZETTE, "The new seed came late", False, "verbatim"),
    ("I ask the union to send the seed to Porkhov first next year, because we were last this year",
     "Pyotr Gusev", "altered", GAZETTE, "I ask the union to send", False, "'since' changed to 'because'"),
    ("It is said in the villages that flax is a woman's crop \u2014 and this is not a figure of speech.", None,
     "normalised", GAZETTE, "It is said in the villages", False, "dash for a comma"),
    ("the district delivered fibre of the first grade for the first time since the war", None, "exact",
     GAZETTE, "the district delivered fibre", False, "verbatim"),
    ("We will fulfil the flax plan of the province ahead of time and without excuses.", "Ivan Yermolaev",
     "not_found", None, None, False, "invented"),
    ("The Riga buyers are speculators and the union will not deal with them.", "Karl Tamm", "not_found",
     None, None, False, "invented, shares a few words"),
    ("Every woman who pulls flax deserves a seat on the board and a pair of new boots.", "Maria Sokolova",
     "not_found", None, None, False, "invented, shares several words"),
    ("Clean seed from Toropets doubled the harvest in a single year.", "Vera Lindqvist", "not_found", None,
     None, False, "invented, shares rare words"),
    ("The scutching points were all roofed by the autumn of 1924.", None, "not_found", None, None, False,
     "invented, contradicts a footnote"),
    ("I have never seen a harvest rot under a roof.", "Ivan Yermolaev", "not_found", None, None, False,
     "invented"),
    ("The agronomist came to Porkhov in the first half of May and explained everything to my wife.",
     "Pyotr Gusev", "not_found", None, None, False, "paraphrase mixing two passages"),
    ("Flax is the silver of the northern village.", None, "not_found", None, None, False, "invented"),
    ("The Trading Office paid eleven roubles and the board kept everything for itself.", "Gusev",
     "not_found", None, None, False, "invented, shares words with a speech"),
    ("We sowed in the snow and harvested in the rain, and still the fibre was first grade.", None,
     "not_found", None, None, False, "invented"),
    ("The meeting lasted until midnight and ended in a quarrel.", None, "not_found", None, None, False,
     "invented"),
]


def _paragraph_start(text: str, position: int) -> int:
    gap = text.rfind("\n\n", 0, position)
    return 0 if gap < 0 else gap + 2


def locator(source: str, anchor: str) -> str:
    """The locator of ``anchor`` in a source file, from the raw text."""
    text = (SOURCES / source).read_text(encoding="utf-8")
    position = text.find(anchor)
    if position < 0 or text.find(anchor, position + 1) >= 0:
        raise SystemExit(f"anchor {anchor!r} is not found exactly once in {source}")
    if source == BOARD:
        return f"line {text.count(chr(10), 0, _paragraph_start(text, position)) + 1}"
    if source == DIARY:
        markers = list(re.finditer(r"^\[p\. (\d+)\]$", text[:position], re.MULTILINE))
        return f"p. {markers[-1].group(1)}"
    start = _paragraph_start(text, position)
    return f"para {len([p for p in text[:start].split(chr(10) * 2) if p.strip()]) + 1}"


def main() -> None:
    items = []
    for number, (text, speaker, expected, source, anchor, mismatch, how) in enumerate(QUOTATIONS, start=1):
        items.append({
            "id": number, "text": text, "speaker": speaker, "medium": "unknown", "expected_class": expected,
            "source": source, "locator": locator(source, anchor) if source and anchor else None,
            "attribution_mismatch": mismatch, "how": how,
        })
    key = {
        "description": "Held-out quotations of flax_union_script.md and where the sources in sources/ hold "
                       "them. Never used to tune the matcher. Built by build_key.py.",
        "script": "flax_union_script.md",
        "sources": [BOARD, DIARY, GAZETTE],
        "quotations": items,
    }
    (HERE / "answer_key.json").write_text(json.dumps(key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for item in items:
        counts[item["expected_class"]] = counts.get(item["expected_class"], 0) + 1
    print(f"{len(items)} quotations: {counts}")


if __name__ == "__main__":
    main()
