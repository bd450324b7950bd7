"""Pages of the journey design studio: design (issue #13 sections 2 and 4).

The service blueprint draws from the map document (``selectors.journey_map_document``), so a consumer's
people see only the published frontstage of a map of their relationship: no backstage or support lane.
Time per stage is the designed ``duration_minutes``; the observed median dwell is not fetched here
(the analytics part's ``journeys:map_observed`` is shown by the editor)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import is_consumer, restrict

from ..models import JourneyMap, Lane
from ..selectors import journey_map_document


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def blueprint_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The lanes of the blueprint, top to bottom, each with one cell per stage; ``line`` marks the row
    that is the line of visibility. Backstage lanes only when the document carries the backstage."""
    stages = document["stages"]

    def cells(lane: str, extra: str | None = None) -> list[dict[str, Any]]:
        return [
            {
                "texts": _lines(stage.get(extra, "")) if extra else [],
                "touchpoints": [t for t in stage["touchpoints"] if t["lane"] == lane],
            }
            for stage in stages
        ]

    rows: list[dict[str, Any]] = [
        {
            "key": "customer",
            "label": _("Customer actions"),
            "cells": cells(Lane.CUSTOMER, "customer_actions"),
        },
        {"key": "frontstage", "label": _("Frontstage"), "cells": cells(Lane.FRONTSTAGE)},
    ]
    if document.get("backstage"):
        rows += [
            {"key": "line", "label": _("Line of visibility"), "line": True},
            {"key": "backstage", "label": _("Backstage"), "cells": cells(Lane.BACKSTAGE)},
            {
                "key": "support",
                "label": _("Support processes"),
                "cells": cells(Lane.SUPPORT, "support_processes"),
            },
        ]
    return rows


@login_required
def map_blueprint(request: HttpRequest, pk: int) -> HttpResponse:
    journey_map = get_object_or_404(restrict(JourneyMap.objects.all(), request.user, "view"), pk=pk)
    document = journey_map_document(journey_map, request.user)
    if document is None:
        raise Http404
    return render(
        request,
        "journeys/design/blueprint.html",
        {
            "journey_map": journey_map,
            "document": document,
            "rows": blueprint_rows(document),
            "consumer_view": is_consumer(request.user),
        },
    )


urlpatterns: list[URLPattern] = [
    path("maps/<int:pk>/blueprint/", map_blueprint, name="map_blueprint"),
]
