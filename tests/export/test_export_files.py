"""CSV and XLSX columns, safe file names, atomic writes, the service and the command."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import zipfile
from pathlib import Path

import pytest

from scriptdesk.cli import main
from scriptdesk.domain.errors import ExportError, InvalidValueError, NotFoundError
from scriptdesk.export import REPORTS, write_report
from scriptdesk.export.columns import CLEARANCE_COLUMNS, FOOTAGE_COLUMNS, SHOT_LIST_COLUMNS
from scriptdesk.export.filenames import path_inside, report_filename, sanitise_stem
from scriptdesk.export.report_data import ReportHeader, ShootingScriptData
from scriptdesk.services.exporting import available_reports, export_report, parse_scene_selection

from .builders import build_production


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_logs_have_the_pdf_columns(populated, tmp_path: Path) -> None:
    footage = _rows(export_report(populated, "footage-log", fmt="csv", output_dir=tmp_path))
    assert footage[0] == [column.header for column in FOOTAGE_COLUMNS]
    first = dict(zip(footage[0], footage[1], strict=True))
    assert first["Clip ID"] == "NFA-0042" and first["Cost"] == "600.00" and first["Currency"] == "EUR"
    assert first["Screener ordered"] == "yes" and first["Master ordered"] == "no"
    second = dict(zip(footage[0], footage[2], strict=True))
    assert second["Cost"] == "100.00"  # 5 s at 20.00 per second

    clearance = _rows(export_report(populated, "clearance-log", fmt="csv", output_dir=tmp_path))
    assert clearance[0] == [column.header for column in CLEARANCE_COLUMNS]
    cleared = dict(zip(clearance[0], clearance[1], strict=True))
    assert cleared["Expiry"] == "2037-01-01" and cleared["Fee"] == "250.00"
    hostile = dict(zip(clearance[0], clearance[2], strict=True))
    assert hostile["Subject"] == "'=HYPERLINK(\"http://example.invalid\")"  # never a live formula

    shots = _rows(export_report(populated, "shot-list", fmt="csv", output_dir=tmp_path))
    assert shots[0] == [column.header for column in SHOT_LIST_COLUMNS]
    assert [row[1] for row in shots[1:]] == ["1", "2", "3"]
    # The footage need names its kind, and its description where the shot's does not say it.
    assert shots[1][4] == "Film clip: Ferry leaving harbour, 1930s" and shots[1][6] == "12"


def test_xlsx_has_typed_cells_and_is_deterministic(populated, tmp_path: Path) -> None:
    first = export_report(populated, "clearance-log", fmt="xlsx", output_dir=tmp_path / "a")
    second = export_report(populated, "clearance-log", fmt="xlsx", output_dir=tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet  # the hostile subject is a string, not a formula
    assert '=HYPERLINK("http://example.invalid")' in strings
    assert all(column.header in strings for column in CLEARANCE_COLUMNS)
    assert re.search(r'<c r="L2"[^>]*><v>250</v>', sheet)  # the fee is a number
    serial = (dt.date(2037, 1, 1) - dt.date(1899, 12, 30)).days
    assert re.search(rf'<c r="K2"[^>]*><v>{serial}</v>', sheet)  # the expiry is a date serial


def test_pdf_only_reports_refuse_csv(populated, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(InvalidValueError, match="quote-sheet report exports as pdf, not csv"):
        export_report(populated, "quote-sheet", fmt="csv", output_dir=out)
    assert not out.exists()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Winter Ferry", "Winter-Ferry"),
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("a\\b\x00c\x1b[31m", "a-bc-31m"),
        ("Ледокол «Север»", "Ледокол-Север"),
        ("...", "report"),
        ("CON", "report-CON"),
        ("x" * 500, "x" * 120),
    ],
)
def test_file_names_are_sanitised(title: str, expected: str) -> None:
    assert sanitise_stem(title) == expected


def test_report_files_always_land_inside_the_output_folder(tmp_path: Path) -> None:
    name = report_filename("../../evil/..", "shooting-script", "../v1", "pdf")
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert path_inside(tmp_path, name).parent == tmp_path.resolve()
    for bad in ("../x.pdf", "/tmp/x.pdf", "sub/x.pdf", ".."):
        with pytest.raises(ExportError):
            path_inside(tmp_path, bad)


def test_hostile_production_title_is_written_inside_the_folder(engine, tmp_path: Path) -> None:
    build_production(engine, title="../../Escape/<Film>")
    path = export_report(engine, "footage-log", output_dir=tmp_path / "out")
    assert path.parent == (tmp_path / "out").resolve()
    assert path.name == "Escape-Film_footage-log_Draft-3.pdf"


def test_a_failing_writer_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    header = ReportHeader("Film", "Script", "1", dt.date(2027, 1, 1))
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous report")
    broken = ShootingScriptData(header, scenes=("not a scene",))  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        write_report("shooting-script", broken, target)
    assert os.listdir(tmp_path) == ["report.pdf"]
    assert target.read_bytes() == b"the previous report"


def test_an_unwritable_folder_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    header = ReportHeader("Film", "Script", "1", dt.date(2027, 1, 1))
    with pytest.raises(ExportError, match="cannot write a report there"):
        write_report("shooting-script", ShootingScriptData(header, ()), blocker / "r.pdf")


def test_scene_selection_parsing() -> None:
    selection = parse_scene_selection("2,4-6, 12A")
    assert selection is not None
    assert [n for n in ("1", "2", "3", "4", "5", "6", "7", "12", "12A", "12a") if selection.includes(n)] == [
        "2", "4", "5", "6", "12A", "12a",
    ]  # fmt: skip
    assert parse_scene_selection(None) is None
    for bad in ("7-3", "3-", "; rm -rf", ","):
        with pytest.raises(InvalidValueError):
            parse_scene_selection(bad)


def test_missing_production_and_scenes_are_not_found(populated, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no production called 'Other'"):
        export_report(populated, "shot-list", production="Other", output_dir=tmp_path)
    with pytest.raises(NotFoundError, match="has no scene 40-42"):
        export_report(populated, "shot-list", scenes="40-42", output_dir=tmp_path)
    with pytest.raises(InvalidValueError, match="unknown report"):
        export_report(populated, "storyboard", output_dir=tmp_path)


def test_available_reports_lists_every_report() -> None:
    names = [spec.name for spec in available_reports()]
    assert names == list(REPORTS) and len(names) == 6
    assert {spec.name for spec in available_reports() if "csv" in spec.formats} == {
        "shot-list", "clearance-log", "footage-log",
    }  # fmt: skip


def test_export_command_prints_the_written_path(database_target, tmp_path: Path, capsys) -> None:
    if not database_target.is_sqlite:
        pytest.skip("the command test needs a file database")
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(str(database_target.sqlite_path)) as workspace:
        build_production(workspace.engine)
    out = tmp_path / "exports"
    code = main(["export", "shot-list", "--db", str(database_target.sqlite_path), "--scenes", "1",
                 "--format", "csv", "-o", str(out)])  # fmt: skip
    assert code == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed == out.resolve() / "Winter-Ferry_shot-list_Draft-3.csv"
    assert [row[1] for row in _rows(printed)[1:]] == ["1", "2"]

    code = main(["export", "quote-sheet", "--db", str(database_target.sqlite_path), "--format", "csv", "-o", str(out)])
    assert code == InvalidValueError.exit_code
    assert "exports as pdf, not csv" in capsys.readouterr().err
