"""Template tags that show records as the reader may know them (``core.related``)."""

from __future__ import annotations

from typing import Any

from django import template

from ..access import is_consumer as _is_consumer
from ..related import Seen

register = template.Library()


@register.simple_tag(takes_context=True)
def shown(context: Any, obj: Any) -> Any:
    """A record's name as this reader may read it (a row's declared parts, each restricted)."""
    return Seen.of(context.get("request")).label(obj)


@register.simple_tag(takes_context=True)
def who(context: Any, account: Any) -> Any:
    """Who did something: the user name to staff, the provider's name to consumers."""
    return Seen.of(context.get("request")).account(account) or "—"


@register.filter
def is_consumer(user: Any) -> bool:
    """Whether the reader is a consumer's person (who never sees login accounts or staff names)."""
    return _is_consumer(user)
