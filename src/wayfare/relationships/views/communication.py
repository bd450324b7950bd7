"""Pages of the communication part that the declarations cannot give (issue #12 section 4): acknowledging
an alert, and the contact form's live check against the other side's calendar."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _

from wayfare.core.access import has_permission, restrict

from ..calendar import their_time, timing_warnings
from ..models import Alert, Contact, ServiceRelationship
from ..services.communication import alert_acknowledge


@login_required
def alert_acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: acknowledge the alert, back to where the button was (the relationship page or the alert)."""
    if not has_permission(request.user, Alert, "change"):
        raise PermissionDenied
    alert = get_object_or_404(restrict(Alert.objects.all(), request.user, "change"), pk=pk)
    if request.method != "POST":
        return redirect(alert.get_absolute_url())
    alert_acknowledge(alert=alert, actor=request.user)
    messages.success(request, _("Alert acknowledged: %(alert)s.") % {"alert": alert})
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/") and not back.startswith("//") else alert.get_absolute_url())


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _time(value: str) -> datetime.time | None:
    try:
        return datetime.time.fromisoformat(value)
    except ValueError:
        return None


@login_required
def contact_timing(request: HttpRequest) -> HttpResponse:
    """The warnings for a contact on the given date and time (htmx fragment of the contact form)."""
    if not has_permission(request.user, Contact, "view"):
        raise PermissionDenied
    relationships = ServiceRelationship.objects.restrict(request.user, "view")
    relationship = relationships.filter(pk=request.GET.get("relationship") or 0).first()
    day = _date(request.GET.get("occurred_on", ""))
    time = _time(request.GET.get("time", ""))
    context = {
        "warnings": timing_warnings(relationship, day, time),
        "local": their_time(relationship, day, time) if relationship and day else None,
        "zone": relationship.counterpart_time_zone if relationship else "",
    }
    return render(request, "relationships/contact_timing.html", context)


urlpatterns: list[URLPattern] = [
    path("alerts/<int:pk>/acknowledge/", alert_acknowledge_view, name="alert_acknowledge"),
    path("contacts/timing/", contact_timing, name="contact_timing"),
]
