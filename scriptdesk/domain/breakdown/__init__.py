"""The breakdown engine: one entry point from an imported script to a Breakdown.

:func:`break_down` is pure and deterministic: the same document (and the same
clearance year) always gives the same breakdown. It runs the finders in the
order each needs the last: people, quotations, attribution, dates, scenes,
footage needs, rights items and the draft shot list. Summary and title blocks
before the screenplay proper are skipped by every finder.
"""

from __future__ import annotations

from scriptdesk.domain.model import Breakdown, ScriptDocument

__all__ = ["break_down"]


def break_down(
    document: ScriptDocument,
    *,
    words_per_minute: int = 140,
    clearance_year: int | None = None,
) -> Breakdown:
    """Find scenes, quotations, people, dates, footage, rights and shots.

    ``words_per_minute`` is the production's narration pace; ``clearance_year``
    is the year the public-domain hints are reckoned for (default: this year).
    """
    # Imported here so that importing the package (as the importers and the
    # command line do) stays light until a breakdown is actually wanted.
    from scriptdesk.domain.breakdown.attribution import attribute_quotations
    from scriptdesk.domain.breakdown.dates import find_dates
    from scriptdesk.domain.breakdown.footage import find_footage_needs
    from scriptdesk.domain.breakdown.people import find_people
    from scriptdesk.domain.breakdown.quotations import find_quotations
    from scriptdesk.domain.breakdown.rights import find_rights_items
    from scriptdesk.domain.breakdown.scenes import find_scenes, front_matter_blocks
    from scriptdesk.domain.breakdown.shots import draft_shot_list
    from scriptdesk.domain.breakdown.text_tools import ScriptReading

    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    skip = front_matter_blocks(document)
    reading = ScriptReading(document)  # words, sentences and anchors found once, shared
    people = find_people(document, skip)
    scan = find_quotations(document, skip)
    quotations = scan.quotations
    attribute_quotations(document, quotations, people)
    dates = find_dates(document, skip, reading=reading)
    scenes = find_scenes(document, dates, people, skip, words_per_minute=words_per_minute, reading=reading)
    footage = find_footage_needs(document, scenes, people, quotations, scan.named_things, reading=reading)
    rights = find_rights_items(
        document, people, quotations, footage, named_things=scan.named_things, clearance_year=clearance_year,
        reading=reading,
    )
    shots = draft_shot_list(document, scenes, footage, words_per_minute=words_per_minute, reading=reading)
    return Breakdown(
        document=document,
        scenes=scenes,
        quotations=quotations,
        people=people,
        dates=dates,
        footage_needs=footage,
        rights_items=rights,
        shots=shots,
        summary_blocks=sorted(skip),
    )
