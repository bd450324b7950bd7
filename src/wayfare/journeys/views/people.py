"""Pages of the journey design studio: people (issue #13 section 1): merging scenarios into one map and
comparing two culture profiles."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission, is_consumer

from ..forms_people import CultureCompareForm, ScenarioMergeForm
from ..models import CULTURE_SCALES, CultureProfile, JourneyMap, Scenario
from ..services.people import scenarios_merge


def _backstage(request: HttpRequest, model: Any, action: str) -> None:
    if is_consumer(request.user):
        raise Http404  # design material: a consumer's people learn nothing
    if not has_permission(request.user, model, action):
        raise PermissionDenied


def culture_scales(profile: CultureProfile) -> list[dict[str, Any]]:
    """The eight scales of one profile with their poles, as the chart and the table show them."""
    return [
        {"key": key, "label": str(label), "low": str(low), "high": str(high), "value": getattr(profile, key)}
        for key, label, low, high in CULTURE_SCALES
    ]


@login_required
def scenario_merge(request: HttpRequest) -> HttpResponse:
    """Pick several scenarios and merge them into one new high-level journey map."""
    _backstage(request, Scenario, "change")
    if not has_permission(request.user, JourneyMap, "add"):
        raise PermissionDenied
    form = ScenarioMergeForm(request.POST or None, user=request.user, initial=request.GET or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                journey_map = scenarios_merge(
                    scenarios=sorted(form.cleaned_data["scenarios"], key=lambda s: (s.position, s.pk)),
                    name=form.cleaned_data["name"],
                    relationship=form.cleaned_data["relationship"],
                    actor=request.user,
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errs in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errs)
                else:
                    form.add_error(None, exc.messages)
            else:
                messages.success(request, _("The scenarios are merged into a new journey map."))
                return redirect("journeys:journeymap_detail", pk=journey_map.pk)
        status = 400
    return render(request, "journeys/people/scenario_merge.html", {"form": form}, status=status)


@login_required
def culture_compare(request: HttpRequest) -> HttpResponse:
    """Two culture profiles on one chart, each scale a line from pole to pole, and as a table."""
    _backstage(request, CultureProfile, "view")
    form = CultureCompareForm(request.GET or None, user=request.user)
    rows: list[dict[str, Any]] = []
    groups: list[str] = []
    if request.GET and form.is_valid():
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        groups = [str(a), str(b)]
        rows = [
            {**sa, "a": sa["value"], "b": sb["value"]}
            for sa, sb in zip(culture_scales(a), culture_scales(b), strict=True)
        ]
    status = 400 if request.GET and not form.is_valid() else 200
    return render(
        request,
        "journeys/people/culture_compare.html",
        {"form": form, "rows": rows, "groups": groups, "chart": {"groups": groups, "rows": rows}},
        status=status,
    )


urlpatterns: list[URLPattern] = [
    path("scenarios/merge/", scenario_merge, name="scenario_merge"),
    path("culture-profiles/compare/", culture_compare, name="culture_compare"),
]
