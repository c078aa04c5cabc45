"""Creating and renaming productions."""

from __future__ import annotations

import pytest

from scriptdesk.domain.errors import ConflictError, InvalidValueError
from scriptdesk.services.listing import list_productions
from scriptdesk.services.productions import create_production, parse_runtime, rename_production


def test_runtimes_as_producers_write_them() -> None:
    assert parse_runtime("52 min") == 52 * 60
    assert parse_runtime("1h 30m") == 5400
    assert parse_runtime("1:30:00") == 5400
    assert parse_runtime("90:00") == 5400
    assert parse_runtime("52") == 52 * 60
    assert parse_runtime(52) == 52 * 60
    assert parse_runtime("") is None
    for bad in ("soon", "52 parsecs", "0", "-5"):
        with pytest.raises(InvalidValueError):
            parse_runtime(bad)


def test_create_and_rename(workspace) -> None:
    created = create_production(workspace, "  The   Lighthouse Keepers ", "52 min", 150)
    assert created.title == "The Lighthouse Keepers"
    [row] = list_productions(workspace)
    assert (row.title, row.target_runtime_seconds, row.words_per_minute) == ("The Lighthouse Keepers", 3120, 150)
    other = create_production(workspace, "Ferry Film")
    assert [p.words_per_minute for p in list_productions(workspace)] == [140, 150]
    with pytest.raises(InvalidValueError, match="already a production called"):
        create_production(workspace, "the lighthouse keepers")
    with pytest.raises(InvalidValueError, match="already a production called"):
        rename_production(workspace, other.id, "THE LIGHTHOUSE KEEPERS", other.version)
    version = rename_production(workspace, other.id, "The Ferry", other.version, actor="test-researcher")
    assert version == other.version + 1
    with pytest.raises(ConflictError) as conflict:
        rename_production(workspace, other.id, "Ferry Crossing", other.version)
    assert (conflict.value.theirs, conflict.value.yours) == ("The Ferry", "Ferry Crossing")
    assert sorted(p.title for p in list_productions(workspace)) == ["The Ferry", "The Lighthouse Keepers"]


def test_refuses_empty_titles_and_odd_speeds(workspace) -> None:
    with pytest.raises(InvalidValueError, match="needs a title"):
        create_production(workspace, "   ")
    with pytest.raises(InvalidValueError, match="words per minute"):
        create_production(workspace, "Fast Film", None, 2000)
    assert list_productions(workspace) == []
