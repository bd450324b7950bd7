from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import slugify

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


# A status shows as a badge whose colour and icon both tell it, so colour is never the only cue (#11,
# "failed and ready badges look the same"). Keys are TextChoices values; any other value gets a dot.
STATUS_ICONS = {
    "ready": "✓",
    "done": "✓",
    "published": "✓",
    "failed": "✕",
    "rejected": "✕",
    "running": "↻",
    "pending": "…",
    "draft": "✎",
}


def status_badge_html(value: Any, label: Any) -> SafeString:
    """The badge for one status value, with its (translated) label beside the icon."""
    key = str(value or "")
    return format_html(
        '<span class="badge status status-{}"><span class="status-icon" aria-hidden="true">{}</span> {}</span>',
        slugify(key) or "none",
        STATUS_ICONS.get(key, "•"),
        label,
    )


@register.simple_tag
def status_badge(obj: Any, field: str = "status") -> SafeString:
    """``{% status_badge object %}``: the object's status as a badge (value for the colour, display for the words)."""
    return status_badge_html(getattr(obj, field), getattr(obj, f"get_{field}_display")())


@register.filter
def tr(obj: Any, name: str) -> Any:
    """A record's text field in the reader's language (``core.translations``), for any translated model."""
    return obj.translated(name) if hasattr(obj, "translated") else getattr(obj, name, "")
