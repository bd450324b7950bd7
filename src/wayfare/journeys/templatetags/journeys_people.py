"""Template tags of the people part: the persona card's aspirations and research, read through
``restrict()``, and a culture profile's scales (the generic detail view has no context hook)."""

from __future__ import annotations

from typing import Any

from django import template

from wayfare.core.access import restrict

from ..models import PersonaAspiration, PersonaResearch

register = template.Library()


@register.simple_tag(takes_context=True)
def persona_aspirations(context: Any, persona: Any) -> list[Any]:
    user = context["request"].user
    rows = restrict(PersonaAspiration.objects.filter(persona=persona), user, "view")
    order = {"functional": 0, "social": 1, "emotional": 2}
    return sorted(rows, key=lambda a: (order.get(a.kind, 9), a.pk))


@register.simple_tag(takes_context=True)
def persona_research(context: Any, persona: Any) -> list[Any]:
    user = context["request"].user
    return list(restrict(PersonaResearch.objects.filter(persona=persona), user, "view"))


@register.simple_tag
def culture_chart(profile: Any) -> dict[str, Any]:
    from ..views.people import culture_scales

    rows = [{**s, "a": s["value"]} for s in culture_scales(profile)]
    return {"groups": [str(profile)], "rows": rows}
