"""Who a login account is in the domain: the hook through which core learns of people without importing
an app (issue #11: core imports no app).

The app that keeps people (``parties``) registers its resolver in its ``AppConfig.ready()``::

    from wayfare.core.identity import register_person_resolver
    register_person_resolver(person_for_user)

Core code (the access rule, the home page, tests) then calls :func:`person_for_user`. The resolver returns
the person record linked to the account, or ``None``; the record must have ``organisation_id``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_resolver: Callable[[Any], Any] | None = None


def register_person_resolver(resolver: Callable[[Any], Any]) -> None:
    global _resolver
    _resolver = resolver


def person_for_user(user: Any) -> Any:
    """The person linked to ``user`` (``None`` when there is none, or no app keeps people)."""
    if _resolver is None or not getattr(user, "pk", None):
        return None
    return _resolver(user)
