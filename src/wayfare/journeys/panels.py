"""The journey design studio's panel on the relationship page (``relationships.panels``): the
relationship's journey maps the reader may see (a consumer's people: the published ones), and for staff
the Johari window of the relationship, pane by pane."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from wayfare.core.access import has_permission, is_consumer, restrict
from wayfare.relationships.panels import relationship_panel

from .models import JohariEntry, JohariPane, JourneyMap


def journeys_panel_context(request: Any, relationship: Any) -> dict[str, Any] | None:
    user = request.user
    if not has_permission(user, JourneyMap, "view"):
        return None
    maps = (
        restrict(JourneyMap.objects.filter(relationship=relationship), user, "view")
        .annotate(stage_count=Count("stages"))
        .order_by("name")
    )
    johari: list[dict[str, Any]] | None = None
    consumer = is_consumer(user)
    if not consumer and has_permission(user, JohariEntry, "view"):
        counts = dict(
            restrict(JohariEntry.objects.filter(relationship=relationship, done=False), user, "view")
            .values_list("pane")
            .annotate(n=Count("pk"))
        )
        johari = [{"pane": pane, "count": counts.get(pane.value, 0)} for pane in JohariPane]
    return {
        "relationship": relationship,
        "journey_maps": list(maps),
        "johari": johari,
        "consumer_view": consumer,
        "may_add_map": has_permission(user, JourneyMap, "add"),
    }


relationship_panel("journeys", "journeys/panels/relationship.html", order=60, context=journeys_panel_context)
