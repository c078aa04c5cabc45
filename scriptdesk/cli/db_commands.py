"""``scriptdesk db upgrade``, ``scriptdesk db info`` and ``scriptdesk list``.

Services are imported inside the handlers: building the parser (``--help``)
must not load the database layer.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from scriptdesk.cli import add_common_options, print_json
from scriptdesk.domain.safe_text import printable


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``db`` and ``list`` command groups."""
    db = subparsers.add_parser("db", help="create, upgrade and describe the database")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    upgrade = db_commands.add_parser(
        "upgrade",
        help="create the database or bring it to the current schema (backing it up first)",
        description="Create the database, or upgrade an older one after writing a "
        "timestamped backup beside it (SQLite).",
    )
    add_common_options(upgrade)
    upgrade.set_defaults(handler=upgrade_database)

    info = db_commands.add_parser(
        "info", help="where the database is, its schema revision and what it holds"
    )
    add_common_options(info)
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=show_info)

    listing = subparsers.add_parser("list", help="list productions, scripts or scenes")
    listing.add_argument("what", choices=("productions", "scripts", "scenes"))
    listing.add_argument("--production", metavar="TITLE", help="only this production")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_common_options(listing)
    listing.set_defaults(handler=show_list)


def upgrade_database(args: argparse.Namespace) -> int:
    """Create or upgrade the database and say what changed."""
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db, upgrade=True) as workspace:
        schema = workspace.schema
        location = workspace.target.describe()
    if schema.found_revision is None:
        print(f"created {location} at schema revision {schema.revision}")
    elif schema.upgraded:
        print(f"upgraded {location} from schema revision {schema.found_revision} to {schema.revision}")
    else:
        print(f"{location} is already at schema revision {schema.revision}")
    if schema.backup is not None:
        print(f"backup of the previous version: {schema.backup}")
    return 0


def show_info(args: argparse.Namespace) -> int:
    """Print where the database is, its schema revision and its row counts."""
    from scriptdesk.services.workspace import describe_database, open_workspace

    with open_workspace(args.db, upgrade=False) as workspace:
        info = describe_database(workspace)
    if args.json:
        print_json(asdict(info))
        return 0
    state = "current" if info.revision == info.head else "run scriptdesk db upgrade"
    print(f"location:  {printable(info.location)}")
    print(f"backend:   {info.backend}")
    print(f"schema:    {info.revision} (newest known: {info.head}; {state})")
    for table, count in info.counts.items():
        print(f"  {table.replace('_', ' '):<16} {count:>9,}")
    return 0


_COLUMNS: dict[str, tuple[str, ...]] = {
    "productions": ("id", "title", "scripts", "quotations", "words_per_minute"),
    "scripts": ("id", "production", "title", "revisions", "latest_revision"),
    "scenes": ("id", "production", "revision", "number", "title", "time_context", "estimated_seconds"),
}


def show_list(args: argparse.Namespace) -> int:
    """Print productions, scripts or scenes as a table or JSON."""
    from scriptdesk.services.listing import list_productions, list_scenes, list_scripts
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        if args.what == "productions":
            rows: list[Any] = list_productions(workspace)
        elif args.what == "scripts":
            rows = list_scripts(workspace, args.production)
        else:
            rows = list_scenes(workspace, args.production)
    records = [asdict(row) for row in rows]
    if args.json:
        print_json(records)
        return 0
    if not records:
        print(f"no {args.what} yet")
        return 0
    _print_table(_COLUMNS[args.what], records)
    return 0


def _print_table(columns: tuple[str, ...], records: list[dict[str, Any]]) -> None:
    cells = [[printable("" if r[c] is None else r[c], limit=60) for c in columns] for r in records]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.replace("_", " ").ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
