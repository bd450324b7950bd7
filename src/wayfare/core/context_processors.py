from __future__ import annotations

from typing import Any

from .access import is_consumer
from .navigation import nav_entries, step_entries


def navigation(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_steps": [], "nav_entries": []}
    return {
        "nav_steps": step_entries(user),
        "nav_entries": nav_entries(user),
        "user_is_consumer": is_consumer(user),
    }


def reminders(request: Any) -> dict[str, Any]:
    """``reminder_count``: the logged-in user's open reminders, for the header's badge (cached, so most
    pages cost no query; computed only if the template shows it)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from functools import cache

    from .reminders import reminder_count

    # A callable: the template calls it (once, then remembered) only where it shows the count.
    return {"reminder_count": cache(lambda: reminder_count(user))}
