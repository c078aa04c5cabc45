"""Build svir_herald_1930.pdf: a sample PDF source with a text layer, three pages.

Run ``python sample_scripts/sources/make_herald_pdf.py`` from the repository
top; the output is deterministic (reportlab invariant mode).
"""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

PAGES = [
    [
        "THE SVIR CONSTRUCTION HERALD",
        "No. 7. 20 January 1930",
        "The cofferdam on the left bank will be finished on time. This was decided by the "
        "Construction Council at its meeting of 14 January, after a long and frank discussion.",
        "Engineer A. P. Bessonova told our correspondent: \"The frost is not an enemy if you "
        "know its calendar. We counted the warm days, and there are enough of them.\"",
    ],
    [
        "Comrade Orlov, the head of the construction, added that the settlement will receive "
        "firewood and felt boots from Lodeynoye Pole before the end of the month.",
        "\"Every brigade that finishes its section ahead of the plan will be named in this "
        "newspaper,\" said Comrade Orlov. \"The country must know its builders by name.\"",
    ],
    [
        "Brigade leader Lapin reports that the sorting of the Podporozhye timber is going on "
        "at night and that the formwork of the third section will be ready in February.",
        "Editorial note. The Herald regrets that in the previous issue the name of the "
        "carpenter Semyonov was printed as Semenov.",
    ],
]


def build(target: Path) -> Path:
    """Write the sample PDF to ``target``."""
    rl_config.invariant = 1
    styles = getSampleStyleSheet()
    story = []
    for number, page in enumerate(PAGES):
        for paragraph in page:
            story.append(Paragraph(paragraph.replace("&", "&amp;"), styles["BodyText"]))
            story.append(Spacer(1, 8))
        if number < len(PAGES) - 1:
            story.append(PageBreak())
    SimpleDocTemplate(str(target), pagesize=A5, title="The Svir Construction Herald, No. 7").build(story)
    return target


if __name__ == "__main__":
    print(build(Path(__file__).with_name("svir_herald_1930.pdf")))
