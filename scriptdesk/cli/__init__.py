"""The ``scriptdesk`` command: argument parsing and error reporting only.

Each command group lives in its own module with a ``register(subparsers)``
function; handlers call a service and return an exit code. A
:class:`~scriptdesk.domain.errors.ScriptDeskError` becomes one plain sentence
on stderr and its documented exit code; ``--debug`` shows the traceback.

Exit codes: 0 success, 1 general error, 2 bad arguments or value, 3 unreadable
or refused input file, 4 database problem, 5 record not found, 6 edit
conflict, 7 export failed, 70 internal error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from scriptdesk import __version__
from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.domain.safe_text import printable

#: Modules defining command groups, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "scriptdesk.cli.db_commands",
    "scriptdesk.cli.import_commands",
    "scriptdesk.cli.source_commands",
    "scriptdesk.cli.quote_commands",
    "scriptdesk.cli.export_commands",
    "scriptdesk.cli.tui_commands",
)

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every available command group."""
    parser = argparse.ArgumentParser(
        prog="scriptdesk",
        description="Plan documentary films: scenes, quotations, footage, rights, reports.",
        epilog="With no command, opens the terminal workspace.",
    )
    parser.add_argument("--version", action="version", version=f"scriptdesk {__version__}")
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue  # a command group not built yet
        module.register(subparsers)
    return parser


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every command accepts (before or after the command name)."""
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="SQLite file or SQLAlchemy URL (default: $SCRIPTDESK_DATABASE_URL, "
        "else the embedded database in the user data folder)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the full traceback of an error",
    )


def print_json(data: object) -> None:
    """Print ``--json`` output: UTF-8 text as is, two-space indent, dates and ids as strings."""
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scriptdesk`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = getattr(args, "debug", False)
    if not hasattr(args, "db"):
        args.db = None
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from scriptdesk.cli.tui_commands import run_workspace

        handler = run_workspace
    try:
        return handler(args)
    except ScriptDeskError as error:
        if debug:
            raise
        print(f"scriptdesk: {printable(error, limit=1000)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("scriptdesk: interrupted; nothing half-written was kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the last line of defence: one sentence, not a traceback
        if debug:
            raise
        print(
            f"scriptdesk: internal error ({type(error).__name__}: {printable(error)}); "
            "run again with --debug for details",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run() -> None:
    """Console-script wrapper that exits with :func:`main`'s code."""
    sys.exit(main())
