"""Pages of journey analytics that are not registers: the overview, an event log's explorer (process map,
variants, durations, activities, conformance: drawn in the browser from the JSON API) and the import
status fragment the log's page polls."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import restrict

from .models import DesignedJourney, EventLog

# Words the explorer's script shows; translated here so the page needs no JavaScript catalogue.
EXPLORER_LABELS = {
    "events": _("Events"),
    "cases": _("Cases"),
    "variants": _("Variants"),
    "medianDuration": _("Median case duration"),
    "meanTime": _("Mean time"),
    "medianTime": _("Median time"),
    "start": _("Start"),
    "startsHere": _("Cases that start here"),
    "endsHere": _("Cases that end here"),
    "end": _("End"),
    "days": _("days"),
    "d": _("d"),
    "h": _("h"),
    "min": _("min"),
    "s": _("s"),
    "filterVariant": _("Only this variant"),
    "noData": _("No case matches these filters."),
    "pathsShown": _("%(shown)s of %(total)s paths shown."),
    "variantsShown": _("The %(shown)s most frequent of %(total)s variants."),
    "durationStats": _("Shortest %(min)s, median %(median)s, mean %(mean)s, longest %(max)s."),
    "conforming": _("Conforming cases"),
    "withDeviation": _("Cases with a deviation"),
    "skipped": _("Skipped stage"),
    "unexpected": _("Unexpected activity"),
    "repeated": _("Repeated"),
    "out_of_order": _("Out of order"),
    "dwellMedian": _("Median dwell time per stage (hours)"),
    "dwellMean": _("Mean dwell time per stage (hours)"),
    "error": _("The analysis failed:"),
    "useAsPath": _("Use as designed path"),
    "caseTitle": _("Case %(case)s"),
    "clickThrough": _("Click to keep only the cases through this activity."),
    "openCase": _("Show the events of case %(case)s"),
    "pathName": _("Designed path from variant %(n)s"),
}


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
    journeys = restrict(DesignedJourney.objects.filter(event_log=event_log), request.user, "view")
    config = {
        "api": reverse("api:analytics-eventlog-detail", args=[event_log.pk]),
        "labels": {key: str(label) for key, label in EXPLORER_LABELS.items()},
        "variantLimit": 20,
        "eventLog": event_log.pk,
        "fromVariant": reverse("api:analytics-designedjourney-from-variant"),
        "canDesign": request.user.has_perm("analytics.add_designedjourney"),
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
    return render(request, "analytics/import_status.html", {"object": _event_log(request, pk)})
