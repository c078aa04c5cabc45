"""``scriptdesk quote list|verify|discrepancy|show`` and ``scriptdesk verify --auto``."""

from __future__ import annotations

import argparse
import json

from scriptdesk.cli import add_common_options
from scriptdesk.domain.enums import VerificationState
from scriptdesk.domain.errors import InvalidValueError
from scriptdesk.domain.safe_text import printable


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``quote`` command group and ``verify``."""
    group = subparsers.add_parser("quote", help="list, verify and annotate quotations")
    commands = group.add_subparsers(dest="quote_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="list quotations and their verification state")
    listing.add_argument("--state", choices=[state.value for state in VerificationState])
    listing.add_argument("--production", help="production title or number (default: all)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    add_common_options(listing)
    listing.set_defaults(handler=run_list)

    verify = commands.add_parser(
        "verify",
        help="sign off a quotation against its source",
        description="Confirm the quotation's best suggested citation, or cite --source by hand. "
        "With fewer confirmed independent sources than the rule asks (default 2, "
        "SCRIPTDESK_REQUIRED_SOURCES), the quotation is 'verified_single_source'.",
    )
    verify.add_argument("id", type=int, help="quotation number")
    verify.add_argument("--by", required=True, help="the researcher's name")
    verify.add_argument("--source", help="source number or title (default: the best suggestion)")
    verify.add_argument("--locator", help='page or line in the source, e.g. "p. 112" or "L. 12"')
    add_common_options(verify)
    verify.set_defaults(handler=run_verify)

    discrepancy = commands.add_parser("discrepancy", help="record that a quotation disagrees with its source")
    discrepancy.add_argument("id", type=int, help="quotation number")
    discrepancy.add_argument("--note", required=True, help="what differs")
    discrepancy.add_argument("--by", help="the researcher's name (default: the current user)")
    add_common_options(discrepancy)
    discrepancy.set_defaults(handler=run_discrepancy)

    show = commands.add_parser("show", help="a quotation with its citations and notes")
    show.add_argument("id", type=int, help="quotation number")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    add_common_options(show)
    show.set_defaults(handler=run_show)

    auto = subparsers.add_parser(
        "verify",
        help="find the source of every quotation automatically",
        description="Match every quotation against the source library and record the best "
        "passage as a citation suggestion (class exact, normalised, altered or not_found). "
        "Nothing is marked verified; confirmed and rejected citations are never touched.",
    )
    auto.add_argument("--auto", action="store_true", required=True, help="run automatic matching")
    auto.add_argument("--production", help="production title or number (default: all)")
    auto.add_argument("--json", action="store_true", help="print every result as JSON")
    add_common_options(auto)
    auto.set_defaults(handler=run_auto)


def run_auto(args: argparse.Namespace) -> int:
    """Match all quotations and print one line (or JSON record) each."""
    from scriptdesk.services.auto_verification import auto_verify
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        verdicts = auto_verify(workspace, args.production)
    if args.json:
        print(json.dumps([verdict.as_json() for verdict in verdicts], ensure_ascii=False, indent=2))
        return 0
    counts: dict[str, int] = {}
    for verdict in verdicts:
        counts[verdict.match_class] = counts.get(verdict.match_class, 0) + 1
        where = f"{printable(verdict.source_title or '', 40)}, {verdict.locator}" if verdict.source_id else "no source"
        flag = "  ATTRIBUTION MISMATCH" if verdict.attribution_mismatch else ""
        print(f"{verdict.quotation_id:>5}  {verdict.match_class:<10} {verdict.score:4.2f}  {where}{flag}")
        print(f"       {printable(verdict.text, 100)}")
        for change in verdict.differences[:6]:
            print(f"         {change['kind']}: {printable(change['source'] or '-', 40)} -> {printable(change['script'] or '-', 40)}")
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    print(f"{len(verdicts)} quotations matched ({summary or 'none'}); nothing was marked verified.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Quotations, optionally only those in one state."""
    from scriptdesk.services.verification_listing import list_quotations
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        rows = list_quotations(workspace, args.state, args.production)
    if args.json:
        print(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        suggestion = f"  [{row.best_class} {row.locator or ''}]" if row.best_class else ""
        who = f"{printable(row.speaker, 30)}: " if row.speaker else ""
        print(f"{row.quotation_id:>5}  {row.state:<22} {who}{printable(row.text, 80)}{suggestion}")
    print(f"{len(rows)} quotation(s)")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """Sign off one quotation."""
    from scriptdesk.services.verification import verify_quotation
    from scriptdesk.services.workspace import open_workspace

    if not args.by.strip():
        raise InvalidValueError("--by needs the researcher's name")
    with open_workspace(args.db) as workspace:
        state = verify_quotation(workspace, args.id, args.by, source=args.source, locator=args.locator)
    print(f"quotation {args.id}: {state} (by {printable(args.by)})")
    return 0


def run_discrepancy(args: argparse.Namespace) -> int:
    """Record a discrepancy with a note."""
    from scriptdesk.services.verification import mark_discrepancy
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        state = mark_discrepancy(workspace, args.id, args.note, by=args.by)
    print(f"quotation {args.id}: {state}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """A quotation, its notes and every citation."""
    from dataclasses import asdict

    from scriptdesk.services.verification_listing import show_quotation
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(args.db) as workspace:
        detail = show_quotation(workspace, args.id)
    if args.json:
        print(json.dumps(asdict(detail), ensure_ascii=False, indent=2, default=str))
        return 0
    row = detail.row
    print(f"quotation {row.quotation_id} ({printable(row.production)}): {row.state}")
    if row.speaker:
        print(f"  speaker   {printable(row.speaker)}")
    print(f"  text      {printable(row.text, 2000)}")
    if row.verified_by:
        print(f"  verified  by {printable(row.verified_by)}")
    for citation in detail.citations:
        mark = " (attribution mismatch)" if citation.attribution_mismatch else ""
        print(f"  citation {citation.citation_id}: {citation.review_state}, {citation.method}, "
              f"{citation.match_class or '-'} in {printable(citation.source or 'no source', 60)} "
              f"{citation.locator or ''}{mark}")
        if citation.matched_passage:
            print(f"      {printable(citation.matched_passage, 300)}")
        if citation.note:
            print(f"      note: {printable(citation.note, 300)}")
    if detail.notes:
        print(f"  notes     {printable(detail.notes, 2000)}")
    return 0
