"""Report writers: PDF reports and CSV/XLSX tables from plain report data.

:data:`REPORTS` is the dispatch table from a report's command-line name to its
:class:`ReportSpec`; :func:`write_report` writes one report in one format.
Writers are imported on first use so that listing reports stays cheap (the
PDF library loads only when a PDF is written).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from scriptdesk.domain.errors import InvalidValueError

Writer = Callable[[Any, Path], Path]


@dataclass(frozen=True, slots=True)
class ReportSpec:
    """A report: its name, title, what it is for and the formats it exports to."""

    name: str
    title: str
    description: str
    pdf_writer: str  # "module:function" under scriptdesk.export
    formats: tuple[str, ...] = ("pdf",)

    def writer(self, fmt: str) -> Writer:
        """The function writing this report in ``fmt``."""
        if fmt not in self.formats:
            raise InvalidValueError(
                f"the {self.name} report exports as {', '.join(self.formats)}, not {fmt}"
            )
        target = {"pdf": self.pdf_writer, "csv": "csv_export:write_csv", "xlsx": "csv_export:write_xlsx"}[fmt]
        module_name, function = target.split(":")
        return getattr(import_module(f"scriptdesk.export.{module_name}"), function)


_TABULAR = ("pdf", "csv", "xlsx")

#: Every report ScriptDesk writes, by its command-line name.
REPORTS: dict[str, ReportSpec] = {
    spec.name: spec
    for spec in (
        ReportSpec(
            "shooting-script", "Shooting script",
            "Two-column VIDEO | AUDIO script with scene runtimes, for the edit.",
            "shooting_script:write_shooting_script",
        ),
        ReportSpec(
            "shot-list", "Shot list",
            "Every shot per scene with footage, archive, duration and status.",
            "shot_list:write_shot_list", _TABULAR,
        ),
        ReportSpec(
            "quote-sheet", "Quote-source sheet",
            "Every quotation with its citations and verification, for the lawyer.",
            "quote_sheet:write_quote_sheet",
        ),
        ReportSpec(
            "annotated-script", "Annotated script",
            "Errors-and-omissions script: lines keyed to E&O class and sources.",
            "annotated_script:write_annotated_script",
        ),
        ReportSpec(
            "clearance-log", "Clearance log",
            "Every rights item with holder, status, term, fee and totals.",
            "logs:write_clearance_log", _TABULAR,
        ),
        ReportSpec(
            "footage-log", "Archival footage log",
            "Every footage need with archive, clip, timecodes, cost and orders.",
            "logs:write_footage_log", _TABULAR,
        ),
    )
}  # fmt: skip


def report_spec(name: str) -> ReportSpec:
    """The spec of a report by name; an unknown name is a one-sentence error."""
    try:
        return REPORTS[name]
    except KeyError:
        raise InvalidValueError(
            f"unknown report {name!r}; choose one of {', '.join(REPORTS)}"
        ) from None


def write_report(name: str, data: Any, path: Path, fmt: str = "pdf") -> Path:
    """Write report ``name`` from its data to ``path`` in ``fmt`` (pdf, csv or xlsx)."""
    return report_spec(name).writer(fmt)(data, path)


__all__ = ["REPORTS", "ReportSpec", "report_spec", "write_report"]
