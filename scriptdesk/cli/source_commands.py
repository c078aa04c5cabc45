"""``scriptdesk source add|list|search``: the source library from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from scriptdesk.cli import add_common_options
from scriptdesk.domain.enums import SourceKind
from scriptdesk.domain.safe_text import printable


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``source`` command group."""
    group = subparsers.add_parser("source", help="add, list and search source documents")
    commands = group.add_subparsers(dest="source_command", metavar="ACTION", required=True)

    add = commands.add_parser(
        "add",
        help="add a source document to the library",
        description="Read a source (plain text in any common encoding, Markdown, .docx, PDF "
        "with a text layer, HTML) into the library. Transcripts are recognised by their "
        "speaker labels; an archive reference and a published edition in the header fill "
        "the record unless given here. Nothing is stored if the file cannot be read.",
    )
    add.add_argument("file", type=Path, help="the source file")
    add.add_argument("--title")
    add.add_argument("--author")
    add.add_argument("--year")
    add.add_argument("--publisher")
    add.add_argument("--translator")
    add.add_argument("--archive-ref", dest="archive_ref", help='e.g. "RGASPI. F. 17. Op. 163. D. 681. L. 1-96"')
    add.add_argument("--url")
    add.add_argument("--edition")
    add.add_argument("--kind", choices=[kind.value for kind in SourceKind])
    add_common_options(add)
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", help="list the sources in the library")
    add_common_options(listing)
    listing.set_defaults(handler=run_list)

    search = commands.add_parser("search", help="full-text search over every source")
    search.add_argument("text", nargs="+", help="words to look for")
    search.add_argument("--limit", type=int, default=10, help="passages to show (default 10)")
    add_common_options(search)
    search.set_defaults(handler=run_search)


def run_add(args: argparse.Namespace) -> int:
    """Add one file to the library and say what was read."""
    from scriptdesk.services.sources import SourceFields, add_source
    from scriptdesk.services.workspace import open_workspace

    fields = SourceFields(
        title=args.title, author=args.author, year=args.year, publisher=args.publisher,
        translator=args.translator, archive_reference=args.archive_ref, url=args.url,
        kind=args.kind, edition=args.edition,
    )
    with open_workspace(args.db) as workspace:
        added = add_source(workspace, args.file, fields)
    print(f"{printable(args.file)}: added as source {added.source_id}")
    print(f"  title       {printable(added.title)}")
    print(f"  kind        {added.kind} ({added.format})")
    print(f"  passages    {added.passages}" + (f" on {added.pages} pages" if added.pages else ""))
    if added.speakers:
        print(f"  speakers    {printable(', '.join(added.speakers))}")
    if added.archive_reference:
        print(f"  archive     {printable(added.archive_reference)}")
    if added.published_in:
        print(f"  published   {printable(added.published_in)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """One line per source."""
    from scriptdesk.services.sources import list_sources
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        rows = list_sources(workspace)
    if not rows:
        print("The library has no sources yet; add one with: scriptdesk source add FILE")
        return 0
    for row in rows:
        who = f"{row.author}, " if row.author else ""
        year = f" ({row.year})" if row.year else ""
        print(f"{row.source_id:>4}  {row.kind:<12} {printable(who + row.title + year, 90)}  [{row.passages} passages]")
        if row.reference:
            print(f"      {printable(row.reference, 110)}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    """The best matching passages, with their source and locator."""
    from scriptdesk.services.sources import search_sources
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        results = search_sources(workspace, " ".join(args.text), limit=max(1, args.limit))
    if not results:
        print("No passage matches.")
        return 0
    for result in results:
        speaker = f" — {result.speaker}" if result.speaker else ""
        print(f"[{result.source_id}] {printable(result.source_title, 60)}, {result.locator}{printable(speaker)}")
        print(f"    {printable(result.text, 240)}")
    return 0
