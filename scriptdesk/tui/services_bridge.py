"""Calling the services from the interface: availability, workers' errors, edits.

The workspace's screens never hold business rules: they call the services in
:mod:`scriptdesk.services`. Some services arrive later than the interface;
:func:`service_available` lets screens disable what does not exist yet
instead of failing when the key is pressed.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType


@cache
def service_module(name: str) -> ModuleType | None:
    """``scriptdesk.services.<name>``, or None when that service is not installed."""
    try:
        return import_module(f"scriptdesk.services.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"scriptdesk.services.{name}":
            raise
        return None


def service_available(name: str, function: str) -> bool:
    """Whether ``scriptdesk.services.<name>.<function>`` exists.

    Footer keys ask this on every refresh; a service not yet imported is only
    looked up on disk, so that start-up does not load SQLAlchemy or the
    breakdown engine.
    """
    qualified = f"scriptdesk.services.{name}"
    loaded = sys.modules.get(qualified)
    if loaded is None:
        return find_spec(qualified) is not None
    return hasattr(loaded, function)


def service_function(name: str, function: str):  # type: ignore[no-untyped-def]
    """The service function, or None."""
    module = service_module(name)
    return getattr(module, function, None) if module is not None else None
