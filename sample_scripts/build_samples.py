"""Regenerate the Final Draft and Word sample scripts: ``python sample_scripts/build_samples.py``.

Writes ``skarvholm_keepers.fdx`` (a Final Draft screenplay) and
``mill_street_cinema.docx`` (a two-column VIDEO | AUDIO script) next to this
file. The output is byte-for-byte reproducible, so the committed files only
change when the text below does. The answer keys in ``answer_keys/`` refer to
character offsets in the imported text: keep the wording stable.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent

# (paragraph type, text) in script order.
SKARVHOLM: list[tuple[str, str]] = [
    ("Scene Heading", "EXT. SKARVHOLM LIGHTHOUSE - DAY"),
    ("Action", "Archive photograph: the tower on its bare rock, 1899, a rowing boat drawn up on the slipway."),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "Skarvholm is a rock eleven miles out in the Northern Sound. From 1898 to 1923 its light was kept by one family, the Aldous family, and almost everything we know of them comes from the letters they sent ashore."),
    ("Action", "Portrait photograph: Thomas Aldous, principal keeper, with a full beard and a pilot's cap, about 1900."),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "Thomas Aldous arrived in October 1898 with his wife Clara and two small sons. His first letter to the Lighthouse Board, dated 2nd November 1898, is a list of complaints."),
    ("Character", "THOMAS ALDOUS (V.O.)"),
    ("Parenthetical", "(reading his letter to the Board)"),
    ("Dialogue", "\u201cThe oil store leaks, the landing is broken, and the cistern holds rain for nine days at most. I do not ask for comfort. I ask for a landing that will not drown the relief boat.\u201d"),
    ("Scene Heading", "INT. KEEPERS' COTTAGE - NIGHT"),
    ("Action", "Reconstruction: a paraffin lamp on a kitchen table, a pen, a sheet of lined paper."),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "Clara Aldous wrote every week to her sister Agnes Pryor in Harlow Bay. Agnes kept the letters in a biscuit tin; her granddaughter gave them to the county archive in 1987."),
    ("Character", "CLARA ALDOUS (V.O.)"),
    ("Parenthetical", "(letter to Agnes, winter 1901)"),
    ("Dialogue", "\u201cTom says a keeper\u2019s wife must love the sea. I do not love it, Aggie. I have made an arrangement with it: it keeps to its side of the wall and I keep to mine.\u201d"),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "The arrangement failed on the night of 17 January 1903. The storm that the Coastal Herald later called \u201cthe Great Gale\u201d took the boathouse and half of the landing stage."),
    ("Action", "Archive: front page of the Coastal Herald, 22 January 1903. Headline: LIGHT KEPT THROUGH THE GALE."),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "The Herald\u2019s reporter never reached the rock. His account, printed five days later, quotes the keeper\u2019s logbook."),
    ("Character", "THOMAS ALDOUS (V.O.)"),
    ("Parenthetical", "(from the logbook)"),
    ("Dialogue", "\u201c2 a.m. Sea over the gallery. Lamp lit and turning. All hands well, boathouse gone.\u201d"),
    ("Transition", "CUT TO:"),
    ("Scene Heading", "INT. COUNTY ARCHIVE, HARLOW BAY - DAY"),
    ("Shot", "CLOSE ON a bundle of letters tied with tape."),
    ("Character", "DR. RUTH OKAFOR (SYNC)"),
    ("Parenthetical", "(interview)"),
    ("Dialogue", "What strikes you is how little Thomas writes about danger. Clara writes about it all the time. He wrote to the Board; she wrote to her sister. Those are two very different audiences."),
    ("General", "SUPER: Dr. Ruth Okafor, county archivist"),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "In the summer of 1915 the elder son, William Aldous, enlisted. His mother\u2019s letters from those years are short. One, from August 1916, is a single line."),
    ("Character", "CLARA ALDOUS (V.O.)"),
    ("Dialogue", "\u201cNo news of Will. The light goes round all the same.\u201d"),
    ("Scene Heading", "EXT. SKARVHOLM - DUSK"),
    ("Action", "Present day: the automated light turns over an empty rock."),
    ("Character", "NARRATOR (V.O.)"),
    ("Dialogue", "Will came home in 1919. Four years later the Board withdrew the keepers. His younger brother, Henry Aldous, described the last relief in his memoir The Rock and the Lamp, published in 1952."),
    ("Character", "HENRY ALDOUS (V.O.)"),
    ("Parenthetical", "(reading from his memoir)"),
    ("Dialogue", "\u201cFather locked the door and gave the key to the boatman. Mother did not look back. She told me afterwards, \u2018I looked back every day for twenty-five years. That is enough.\u2019\u201d"),
    ("Transition", "FADE OUT."),
]

# (video, audio) rows; a row with audio None is a full-width heading row.
MILL_STREET: list[tuple[str, str | None]] = [
    ("SCENE 1. MILL STREET, PRESENT DAY", None),
    ("Exterior of the former Regent Picture House, now a carpet warehouse. Slow tilt up to the faded lettering.",
     "NARRATOR: On Mill Street in Brackley there is a carpet warehouse with a curious roof line. From 1919 until 1931 it was the Regent Picture House, and for most of those years it was run by a widow named Edith Carrow."),
    ("Archive photo: Edith Carrow in the box office, about 1922.",
     "NARRATOR: Mrs. Carrow kept a ledger of every programme she showed. On its first page, dated 6 September 1919, she wrote a rule for herself: \u201cNothing I would not show my own mother, and nothing that would send her to sleep.\u201d"),
    ("SCENE 2. THE SILENT YEARS",
     "NARRATOR: The Regent showed comedies, serials and newsreels, with a pianist in the pit. The pianist was Leonard Finch, a former church organist, and his son Arthur later wrote about those evenings."),
    ("Archive photo: the pit piano; a programme card for the week of 14 March 1923.",
     "ARTHUR FINCH (memoir, read by actor): \u201cFather never saw the films properly. He watched the screen in the corner of his eye and the audience in the other. He said the audience told him what to play.\u201d"),
    ("Film clip: The Kid (1921), the window-breaking scene.",
     "NARRATOR: Edith Carrow\u2019s ledger gives The Kid a run of three weeks in 1921, the longest in the cinema\u2019s history. Beside the entry she noted: \u201cQueue to the chapel. Mended the seats twice.\u201d"),
    ("Newspaper: the Brackley Advertiser, 2 May 1924, review column.",
     "NARRATOR: The local paper was less impressed by the pictures than by the building. The Brackley Advertiser wrote in May 1924 that the Regent was \u201cwarm, clean and, for once, not smelling of the river.\u201d"),
    ("SCENE 3. THE TALKIES",
     "NARRATOR: In the autumn of 1929 the talking pictures reached Brackley. Sound equipment cost more than the building had. Mrs. Carrow borrowed the money from her brother-in-law, Samuel Carrow, a grain merchant."),
    ("Letter, handwritten, Samuel Carrow to Edith Carrow, 11 October 1929.",
     "SAMUEL CARROW (letter, read by actor): \u201cDear Edie, I enclose the cheque. I do not understand the talkies and I do not expect to. Pay me back when the town has learned to sit still and listen.\u201d"),
    ("Film clip: The Jazz Singer (1927), opening titles.",
     "NARRATOR: The first talking picture at the Regent was The Jazz Singer, two years after its premiere in New York. Arthur Finch\u2019s father, the pianist, lost his job that week."),
    ("Interview: Margaret Hume, local historian, in the warehouse.",
     "MARGARET HUME (sync): The ledger for November 1929 has one line in a different hand. It says, \u201cL. Finch, final week, paid in full and a bit over.\u201d I think that bit over was Edith\u2019s way of saying sorry."),
    ("SCENE 4. CLOSING",
     "NARRATOR: The Regent closed on 28 February 1931. A larger cinema had opened by the station, with seats for nine hundred and an organ that rose out of the floor."),
    ("Archive photo: the Regent boarded up, 1932. Slow dissolve to the warehouse today.",
     "NARRATOR: Edith Carrow died in 1948. Her ledger survives in the town museum, and its last entry, in the spring of 1931, reads simply: \u201cLights out. Thank you, Brackley.\u201d"),
]

FIXED_TIME = (2025, 1, 1, 0, 0, 0)


def fdx_bytes() -> bytes:
    """The Skarvholm screenplay as Final Draft XML."""
    root = ElementTree.Element("FinalDraft", DocumentType="Script", Template="No", Version="5")
    content = ElementTree.SubElement(root, "Content")
    for kind, text in SKARVHOLM:
        paragraph = ElementTree.SubElement(content, "Paragraph", Type=kind)
        ElementTree.SubElement(paragraph, "Text").text = text
    title_page = ElementTree.SubElement(ElementTree.SubElement(root, "TitlePage"), "Content")
    for text in ("The Keepers of Skarvholm", "A documentary by Nils Arden", "Draft of 2 February 2025"):
        paragraph = ElementTree.SubElement(title_page, "Paragraph", Type="Action", Alignment="Center")
        ElementTree.SubElement(paragraph, "Text").text = text
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n' + body + "\n").encode("utf-8")


def docx_bytes() -> bytes:
    """The Mill Street cinema script as a two-column VIDEO | AUDIO table."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT

    document = docx.Document()
    document.core_properties.title = "The Regent on Mill Street"
    document.core_properties.author = "Priya Lawson"
    document.add_heading("The Regent on Mill Street", level=1)
    document.add_paragraph("A documentary in four scenes. Two-column script, draft of 10 February 2025.")
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0].cells
    header[0].text, header[1].text = "VIDEO", "AUDIO"
    for video, audio in MILL_STREET:
        cells = table.add_row().cells
        if audio is None:
            merged = cells[0].merge(cells[1])
            merged.text = video
        else:
            cells[0].text, cells[1].text = video, audio
    document.add_paragraph("END OF SCRIPT")
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_timestamps(buffer.getvalue())


def _with_fixed_timestamps(data: bytes) -> bytes:
    """Rewrite a ZIP so every member has the same timestamp (reproducible output)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member))
    return output.getvalue()


def main() -> None:
    (HERE / "skarvholm_keepers.fdx").write_bytes(fdx_bytes())
    (HERE / "mill_street_cinema.docx").write_bytes(docx_bytes())
    print("wrote skarvholm_keepers.fdx and mill_street_cinema.docx")


if __name__ == "__main__":
    main()
