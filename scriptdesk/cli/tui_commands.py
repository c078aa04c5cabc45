"""``scriptdesk`` with no command, and ``scriptdesk open PRODUCTION``: the terminal workspace."""

from __future__ import annotations

import argparse

from scriptdesk.cli import add_common_options


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``open PRODUCTION``."""
    parser = subparsers.add_parser(
        "open",
        help="open the terminal workspace on a production",
        description="Open the terminal workspace on the dashboard of PRODUCTION.",
    )
    parser.add_argument("production", metavar="PRODUCTION", help="production title (or id)")
    add_common_options(parser)
    parser.set_defaults(handler=run_workspace)


def run_workspace(args: argparse.Namespace) -> int:
    """Run the workspace until the user quits; its exit code."""
    from scriptdesk.tui.app import ScriptDeskApp

    app = ScriptDeskApp(getattr(args, "db", None), production=getattr(args, "production", None))
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)
