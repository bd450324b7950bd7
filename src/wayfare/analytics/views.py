"""Pages of journey analytics that are not registers: the overview, an event log's explorer (process map,
variants, durations, activities, conformance: drawn in the browser from the JSON API) and the import
status fragment the log's page polls."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from wayfare.core.access import restrict
from wayfare.journeys.reference import journey_maps_for_log

from .models import EventLog, EventLogStatus


def _event_log(request: HttpRequest, pk: int) -> EventLog:
    return get_object_or_404(restrict(EventLog.objects.all(), request.user, "view"), pk=pk)


@login_required
@permission_required("analytics.view_eventlog", raise_exception=True)
def home(request: HttpRequest) -> HttpResponse:
    logs = restrict(EventLog.objects.order_by("name"), request.user, "view")
    return render(request, "analytics/home.html", {"logs": logs, "current_step": "analytics"})


@login_required
@permission_required("analytics.view_eventlog", raise_exception=True)
def explorer(request: HttpRequest, pk: int) -> HttpResponse:
    event_log = _event_log(request, pk)
    journeys = journey_maps_for_log(event_log, request.user)
    config = {
        "api": reverse("api:analytics-eventlog-detail", args=[event_log.pk]),
        "variantLimit": 20,
        "eventLog": event_log.pk,
        "fromVariant": reverse("api:analytics-eventlog-from-variant", args=[event_log.pk]),
        "canDesign": request.user.has_perm("journeys.add_journeymap"),
        "csrfToken": get_token(request),
    }
    return render(
        request,
        "analytics/explorer.html",
        {
            "event_log": event_log,
            "journeys": journeys,
            "explorer_config": config,
            "current_step": "analytics",
            "attributes": event_log.attributes or [],
        },
    )


@login_required
@permission_required("analytics.view_eventlog", raise_exception=True)
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The import's status, polled while it runs. The poll that sees it end reloads the page, so the
    log's card (status, events, cases) shows the outcome too, not only this panel (#15)."""
    event_log = _event_log(request, pk)
    response = render(request, "analytics/import_status.html", {"object": event_log})
    if request.headers.get("HX-Request") and event_log.status in (
        EventLogStatus.READY,
        EventLogStatus.FAILED,
    ):
        response["HX-Refresh"] = "true"
    return response
