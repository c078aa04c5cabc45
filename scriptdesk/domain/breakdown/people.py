"""Finding the people a script names: one record per person, every variant.

Provides :func:`find_people` and :func:`person_index`. The runs of
capitalised words found by :mod:`.name_runs` are resolved in two linear
passes by a :class:`.people_registry.PeopleRegistry`:

1. in script order, names with a given name and a surname make or find a
   person, and so do the character cues of a screenplay; "Kamenev's son
   Alexander" makes Alexander Kamenev, distinct from Kamenev himself;
2. in script order again, every bare surname, given name or patronymic joins
   the person it names, weighed against everyone named in full anywhere in
   the script (so a son introduced before his father does not take the
   family name), or makes a new person when the cues are strong enough.

Places, months, organisations and sentence openings are kept out by word
lists and by asking for a cue before a lone word becomes a person.
"""

from __future__ import annotations

from scriptdesk.domain.breakdown.name_runs import NameRun, collect_runs, name_parts
from scriptdesk.domain.breakdown.names import NameParts, strip_possessive, word_table
from scriptdesk.domain.breakdown.people_registry import PeopleRegistry, PersonRecord
from scriptdesk.domain.breakdown.transcript_lines import (
    find_transcript_lines,
    is_role_label,
    label_person,
)
from scriptdesk.domain.breakdown.voices import find_voices
from scriptdesk.domain.model import PersonDraft, ScriptDocument

# How far after "Kamenev's son" the son's name may come, in characters.
_KIN_REACH = 40


def find_people(document: ScriptDocument, skip_blocks: set[int]) -> list[PersonDraft]:
    """Every person named in the document's blocks except ``skip_blocks``."""
    runs, mid_sentence = collect_runs(document, skip_blocks)
    registry = PeopleRegistry(mid_sentence)
    cues = [
        (index, voice.person) for index, voice in find_voices(document, skip_blocks).items()
        if voice.person
    ]
    # A cue "JOHAN EKHOLM" vouches for "Johan" as a given name.
    vouched = {given for given in (_cue_given_name(name) for _, name in cues) if given}
    # A transcript's speaker labels ("TANSLEY:", "Сомов П. И.") name people too.
    cues.extend(
        (line.block, label_person(line.label))
        for line in find_transcript_lines(document, skip_blocks)
        if line.in_run and not is_role_label(line.label)
    )
    cues.sort(key=lambda cue: cue[0])
    parts_of = [name_parts(run, vouched) for run in runs]
    # Surnames introduced with a given name anywhere make their bare use a
    # person even before the introduction ("Eisenstein came often" ... later
    # "Sergei Eisenstein").
    for parts in parts_of:
        if parts is not None and parts.given and parts.surname:
            registry.introduced.add(registry.surname_key(parts.surname))
    resolved = _first_pass(runs, parts_of, registry, cues)
    for run, parts, done in zip(runs, parts_of, resolved, strict=True):
        if done is not None:
            registry.recent = done
        elif parts is not None and not _is_full(parts):
            registry.resolve_bare(run, parts)
    return registry.drafts()


def _first_pass(
    runs: list[NameRun], parts_of: list[NameParts | None], registry: PeopleRegistry,
    cues: list[tuple[int, str]],
) -> list[PersonRecord | None]:
    """Resolve full names, relatives and cues in script order; None for the rest."""
    resolved: list[PersonRecord | None] = []
    pending_kin: tuple[str, str] | None = None
    pending_end = (-1, -1)
    next_cue = 0
    for run, parts in zip(runs, parts_of, strict=True):
        while next_cue < len(cues) and cues[next_cue][0] <= run.block:
            registry.add_speaker_cue(cues[next_cue][1], cues[next_cue][0])
            next_cue += 1
        kin = pending_kin if pending_kin and (run.block, run.start) <= pending_end else None
        pending_kin = None
        person = None
        if parts is not None:
            relative = kin is not None and parts.given and not parts.surname and not (
                parts.patronymic and registry.find_existing(parts) is not None
            )
            if relative or _is_full(parts):
                person = registry.resolve_full(run, parts, kin if relative else None)
            if run.kin and parts.surname:
                pending_kin = (registry.surname_key(strip_possessive(parts.surname)), run.kin[1])
                pending_end = (run.block, run.end + _KIN_REACH)
        resolved.append(person)
    for block, name in cues[next_cue:]:
        registry.add_speaker_cue(name, block)
    return resolved


def _cue_given_name(name: str) -> str | None:
    """The first word of a cue's name after any title, when a surname follows."""
    titles = word_table("titles")
    words = name.split()
    while words and words[0].casefold().rstrip(".") in titles:
        words = words[1:]
    return words[0] if len(words) >= 2 else None


def _is_full(parts: NameParts) -> bool:
    return bool(parts.given and parts.surname)


def person_index(people: list[PersonDraft]) -> dict[str, PersonDraft]:
    """People by every lower-cased variant, possessive removed (first person wins)."""
    index: dict[str, PersonDraft] = {}
    for person in people:
        for variant in [person.display_name, *person.variants]:
            index.setdefault(strip_possessive(variant).casefold(), person)
    return index


__all__ = ["find_people", "person_index"]
