"""The layering contract in pyproject.toml holds (import-linter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if command is None:
        pytest.skip("import-linter is not installed (pip install scriptdesk[test])")
    result = subprocess.run(
        [command, "--config", str(REPO_ROOT / "pyproject.toml")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_domain_imports_without_storage_or_ui() -> None:
    """Importing the domain alone must not pull in SQLAlchemy, Textual or reportlab."""
    probe = (
        "import sys, pkgutil, importlib, scriptdesk.domain as d;"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(d.__path__, 'scriptdesk.domain.')];"
        "print(sorted({'sqlalchemy', 'textual', 'reportlab'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
