"""The relationship page's parts: ``{% relationship_glance object as glance %}`` (type guidance, health,
step history, what the reader may do) and ``{% relationship_panels object as panels %}`` (every panel the
parts declared, ``relationships.panels``, that this reader may see)."""

from __future__ import annotations

from typing import Any

from django import template

from ..panels import panels_for
from ..views.relationship import glance_context

register = template.Library()


@register.simple_tag(takes_context=True)
def relationship_glance(context: Any, relationship: Any) -> dict[str, Any]:
    return glance_context(context["request"], relationship)


@register.simple_tag(takes_context=True)
def relationship_panels(context: Any, relationship: Any) -> list[dict[str, Any]]:
    request = context["request"]
    shown = []
    for panel, extra in panels_for(request, relationship):
        shown.append({"panel": panel, "context": {**extra, "object": relationship}})
    return shown


@register.simple_tag(takes_context=True)
def render_panel(context: Any, entry: dict[str, Any]) -> str:
    """One declared panel rendered with its own context (the page's context stays outside)."""
    from django.template.loader import render_to_string

    return render_to_string(entry["panel"].template, entry["context"], request=context["request"])


@register.simple_tag
def why_engage() -> dict[str, Any]:
    """The rows of the "why engage" guide (``relationships.guide``, 003 Table 4.1 in our words)."""
    from ..guide import WHY_ENGAGE, WHY_OTHERS, WHY_SUMMARY

    return {"rows": WHY_ENGAGE, "others": WHY_OTHERS, "summary": WHY_SUMMARY}
