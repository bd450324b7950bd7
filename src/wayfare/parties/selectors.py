"""Read queries of the parties app."""

from __future__ import annotations

from typing import Any

from .models import Person


def person_for_user(user: Any) -> Person | None:
    """The person record linked to a login account. Used by the access rule itself, so it cannot go
    through ``restrict()``: it only ever returns the caller's own person."""
    if not getattr(user, "pk", None):
        return None
    return Person.objects.select_related("organisation").filter(user_id=user.pk).first()
