"""``scriptdesk export REPORT``: write a report of a production as PDF, CSV or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path

from scriptdesk.cli import add_common_options
from scriptdesk.export import REPORTS


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write a report (shooting script, shot list, quote sheet, logs...)",
        description="Write a report of a production's latest script revision and print its path.\n\n"
        + "\n".join(f"  {spec.name:<18} {spec.description}" for spec in REPORTS.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("report", choices=list(REPORTS), metavar="REPORT", help=", ".join(REPORTS))
    parser.add_argument("--production", "-p", metavar="TITLE", help="production title (default: the only one)")
    parser.add_argument("--scenes", metavar="LIST", help="scene numbers and ranges, e.g. 3-7 or 2,4-6")
    parser.add_argument(
        "--format", "-f", dest="fmt", choices=("pdf", "csv", "xlsx"), default="pdf",
        help="pdf (every report); csv or xlsx (shot-list, clearance-log, footage-log)",
    )  # fmt: skip
    parser.add_argument("--output", "-o", metavar="DIR", type=Path, help="output folder (default: ./exports)")
    add_common_options(parser)
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Export one report and print the path of the written file."""
    from scriptdesk.services.exporting import export_report
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        path = export_report(
            workspace,
            args.report,
            production=args.production,
            scenes=args.scenes,
            fmt=args.fmt,
            output_dir=args.output,
        )
    print(path)
    return 0
