"""``scriptdesk import`` and ``scriptdesk show``: a script in, its breakdown out."""

from __future__ import annotations

import argparse
from pathlib import Path

from scriptdesk.cli import add_common_options, print_json
from scriptdesk.domain.enums import ScriptFormat
from scriptdesk.domain.errors import InvalidValueError
from scriptdesk.domain.safe_text import printable

ELEMENT_KINDS = ("scenes", "quotations", "people", "dates", "footage", "rights", "shots")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``import`` and ``show`` commands."""
    parser = subparsers.add_parser(
        "import",
        help="import a script and break it down",
        description="Import a documentary script (prose/Markdown, Fountain, .fdx, .docx) "
        "and store its breakdown. Importing the same file again changes nothing.",
    )
    parser.add_argument("file", type=Path, help="the script file")
    parser.add_argument("--production", help="production title (default: the script's title)")
    parser.add_argument(
        "--format",
        choices=[fmt.value for fmt in ScriptFormat],
        help="file format (default: from the extension and content)",
    )
    parser.add_argument("--label", help="revision label (default: Revision N)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_common_options(parser)
    parser.set_defaults(handler=run_import)

    show = subparsers.add_parser(
        "show",
        help="list the breakdown of a production per scene",
        description="List scenes, quotations, people, dates, footage needs, rights items and "
        "shots. With --json every element carries its kind, text, scene, fields and its "
        "character span in the decoded source text.",
    )
    show.add_argument(
        "kinds", nargs="*", metavar="KIND",
        help=f"what to list (default all): {', '.join(ELEMENT_KINDS)}",
    )
    show.add_argument("--production", help="production title (default: the only one)")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    add_common_options(show)
    show.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    """Import one file and print what was found."""
    from scriptdesk.services.importing import import_script
    from scriptdesk.services.workspace import open_workspace

    fmt = ScriptFormat(args.format) if args.format else None
    with open_workspace(args.db) as workspace:
        summary = import_script(
            workspace, args.file, production=args.production, script_format=fmt, label=args.label
        )
    if args.json:
        from dataclasses import asdict

        print_json(asdict(summary))
        return 0
    minutes, seconds = divmod(round(summary.estimated_seconds), 60)
    state = "already imported, nothing changed" if summary.already_imported else "imported"
    print(f"{printable(args.file)}: {state}")
    print(f"  production   {printable(summary.production)}")
    print(f"  revision     {printable(summary.revision_label)} ({summary.format}, {summary.encoding})")
    for label, value in (
        ("scenes", summary.scenes),
        ("quotations", summary.quotations),
        ("people", summary.people),
        ("dates", summary.dates),
        ("footage needs", summary.footage_needs),
        ("rights items", summary.rights_items),
        ("shots", summary.shots),
    ):
        print(f"  {label:<12} {value}")
    print(f"  runtime      {minutes}:{seconds:02d} estimated")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Print a production's breakdown, per scene or as JSON."""
    from scriptdesk.services.inspection import breakdown_elements
    from scriptdesk.services.workspace import open_workspace

    unknown = sorted(set(args.kinds) - set(ELEMENT_KINDS))
    if unknown:
        raise InvalidValueError(
            f"{printable(unknown[0])} is not something show lists; choose from {', '.join(ELEMENT_KINDS)}"
        )
    kinds = tuple(args.kinds) or ELEMENT_KINDS
    with open_workspace(args.db) as workspace:
        listing = breakdown_elements(workspace, production=args.production, kinds=kinds)
    if args.json:
        print_json(listing)
        return 0
    print(f"{printable(listing['production'])} — {printable(listing['revision'])}")
    for element in listing["elements"]:
        scene = element.get("scene") or "-"
        fields = ", ".join(
            f"{key}={printable(value, 60)}"
            for key, value in element["fields"].items()
            if value not in (None, "", [], 0)
        )
        text = printable(element["text"], 90)
        print(f"  [{scene:>4}] {element['kind']:<10} {text}" + (f"  ({fields})" if fields else ""))
    return 0
