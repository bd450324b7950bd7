"""Template tags of the people part: a culture profile's scales."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def culture_chart(profile: Any) -> dict[str, Any]:
    from ..views.people import culture_scales

    rows = [{**s, "a": s["value"]} for s in culture_scales(profile)]
    return {"groups": [str(profile)], "rows": rows}
