from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def join_if_list(value: Any) -> Any:
    """Show a list of related records as a comma-separated line."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


@register.filter
def role_label(group_name: str) -> Any:
    """A role group's name in the reader's language."""
    from ..roles import role_by_group

    role = role_by_group(str(group_name))
    return role.label if role else group_name
