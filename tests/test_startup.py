"""Start-up stays light: building the command-line parser loads no heavy library."""

from __future__ import annotations

import json
import subprocess
import sys

#: What ``scriptdesk --help`` must not import: the TUI, PDF, matching, document
#: readers and the breakdown engine load only for the commands that use them.
HEAVY_MODULES = (
    "textual",
    "reportlab",
    "rapidfuzz",
    "docx",
    "pypdf",
    "alembic",
    "sqlalchemy",
    "scriptdesk.domain.breakdown",
    "scriptdesk.services",
)

_PROBE = (
    "import json, sys, scriptdesk.cli; scriptdesk.cli.build_parser(); "
    "print(json.dumps(sorted(sys.modules)))"
)


def test_building_the_parser_imports_no_heavy_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True, timeout=120
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "scriptdesk.cli.db_commands" in loaded  # the probe did build the full parser
    heavy = sorted(
        name for name in loaded if any(name == h or name.startswith(f"{h}.") for h in HEAVY_MODULES)
    )
    assert heavy == []


_INFO_PROBE = (
    "import json, sys; from scriptdesk.cli import main; "
    "code = main(['db', 'info', '--json', '--db', sys.argv[1]]); "
    "print(json.dumps([code, sorted(sys.modules)]))"
)


def test_opening_a_current_database_does_not_load_the_migration_tool(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from scriptdesk.services.workspace import open_workspace

    database = tmp_path / "current.sqlite3"
    with open_workspace(str(database)):
        pass  # created and upgraded here, so the probe finds it current
    result = subprocess.run(
        [sys.executable, "-c", _INFO_PROBE, str(database)],
        check=True, capture_output=True, text=True, timeout=120,
    )
    code, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert code == 0 and "scriptdesk.services.workspace" in loaded
    assert not [name for name in loaded if name.split(".")[0] in ("alembic", "textual", "reportlab", "mako")]
    assert "sqlalchemy.dialects.postgresql" not in loaded
