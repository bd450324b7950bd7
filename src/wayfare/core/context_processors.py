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
