"""The observed journeys on a map (issue #13 section 3): per stage, what the map's event log shows, as
JSON for the editor and the blueprint (``journeys:map_observed``; contract in ``reference``). Staff only:
a consumer's people get 404, as for any backstage row."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path

from wayfare.core.access import is_consumer, restrict
from wayfare.core.exceptions import DomainError

from ..models import JourneyMap
from ..reference import journey_map_observed


@login_required
def map_observed(request: HttpRequest, pk: int) -> JsonResponse:
    if is_consumer(request.user):
        raise Http404
    journey_map = get_object_or_404(
        restrict(JourneyMap.objects.select_related("event_log"), request.user, "view"), pk=pk
    )
    try:
        answer = journey_map_observed(journey_map, request.user, request.GET)
    except DomainError as exc:
        return JsonResponse({"error": {"code": exc.code, "message": str(exc)}}, status=400)
    return JsonResponse(answer)


urlpatterns: list[URLPattern] = [
    path("maps/<int:pk>/observed/", map_observed, name="map_observed"),
]
