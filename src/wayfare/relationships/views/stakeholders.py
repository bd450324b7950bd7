"""Pages of the stakeholders part that the declarations cannot give (issue #12 section 2): the
interactive stakeholder map of a relationship or of our own organisation, the re-assessment form (the
map's fallback without scripts) and the API action the map saves through.

The map is backstage: a consumer's people get 404 (even those who also hold staff roles), staff
without the stakeholder permission 403."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from wayfare.core.access import has_permission, is_consumer, restrict

from ..models import SCALE, ServiceRelationship, Stakeholder, StakeholderApproach
from ..services.stakeholders import (
    stakeholder_map_point,
    stakeholder_map_points,
    stakeholder_reassess,
    stakeholders_visible,
)

SCALE_CHOICES = [(n, str(n)) for n in range(SCALE[0], SCALE[1] + 1)]


class StakeholderReassessForm(forms.Form):
    influence = forms.TypedChoiceField(label=_("Influence"), choices=SCALE_CHOICES, coerce=int)
    interest = forms.TypedChoiceField(label=_("Interest"), choices=SCALE_CHOICES, coerce=int)
    assessed_on = forms.DateField(
        label=_("Assessed on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    note = forms.CharField(
        label=_("Why it changed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    revisit_by = forms.DateField(
        label=_("Revisit by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _may_see_map(request: HttpRequest) -> None:
    if is_consumer(request.user):
        raise Http404  # backstage: a consumer's people learn nothing, not even that a map exists
    if not has_permission(request.user, Stakeholder, "view"):
        raise PermissionDenied


def _map_page(request: HttpRequest, relationship: ServiceRelationship | None) -> HttpResponse:
    can_change = has_permission(request.user, Stakeholder, "change")
    points = stakeholder_map_points(user=request.user, relationship=relationship)
    add_url = reverse("relationships:stakeholder_add")
    if relationship is not None:
        add_url += f"?relationship={relationship.pk}"
    config = {
        "points": points,
        "canChange": can_change,
        "csrfToken": get_token(request),
        "approaches": {c.value: str(c.label) for c in StakeholderApproach},
        "scale": list(SCALE),
        "fileName": "stakeholder-map",
    }
    return render(
        request,
        "relationships/stakeholder_map.html",
        {
            "relationship": relationship,
            "points": points,
            "map_config": config,
            "form": StakeholderReassessForm(),
            "can_change": can_change,
            "can_add": has_permission(request.user, Stakeholder, "add"),
            "add_url": add_url,
            "current_step": "relationships",
        },
    )


@login_required
def stakeholder_map(request: HttpRequest, pk: int) -> HttpResponse:
    """The stakeholder map of one relationship."""
    _may_see_map(request)
    relationship = get_object_or_404(restrict(ServiceRelationship.objects.all(), request.user, "view"), pk=pk)
    return _map_page(request, relationship)


@login_required
def stakeholder_map_own(request: HttpRequest) -> HttpResponse:
    """Our own organisation's stakeholder map (stakeholders of no particular relationship)."""
    _may_see_map(request)
    return _map_page(request, None)


def _back(request: HttpRequest, stakeholder: Stakeholder) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    if stakeholder.relationship_id:
        return reverse("relationships:stakeholder_map", args=[stakeholder.relationship_id])
    return reverse("relationships:stakeholder_map_own")


@login_required
def stakeholder_reassess_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a stakeholder on the map by a form: a new dated position."""
    if is_consumer(request.user):
        raise Http404
    if not has_permission(request.user, Stakeholder, "change"):
        raise PermissionDenied
    stakeholder = get_object_or_404(restrict(Stakeholder.objects.all(), request.user, "change"), pk=pk)
    initial = {
        "influence": stakeholder.influence,
        "interest": stakeholder.interest,
        "revisit_by": stakeholder.revisit_by,
    }
    form = StakeholderReassessForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                stakeholder_reassess(stakeholder=stakeholder, actor=request.user, **form.cleaned_data)
            except DjangoValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                return redirect(_back(request, stakeholder))
        status = 400
    return render(
        request,
        "relationships/stakeholder_reassess.html",
        {
            "stakeholder": stakeholder,
            "form": form,
            "next": _back(request, stakeholder),
            "current_step": "relationships",
        },
        status=status,
    )


urlpatterns: list[URLPattern] = [
    path("relationships/stakeholder-map/", stakeholder_map_own, name="stakeholder_map_own"),
    path("relationships/<int:pk>/stakeholder-map/", stakeholder_map, name="stakeholder_map"),
    path("stakeholders/<int:pk>/reassess/", stakeholder_reassess_page, name="stakeholder_reassess"),
]


# -- API ------------------------------------------------------------------------------------------


class StakeholderReassessSerializer(serializers.Serializer):
    influence = serializers.IntegerField()
    interest = serializers.IntegerField()
    assessed_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    revisit_by = serializers.DateField(required=False, allow_null=True)


class StakeholderActions:
    """Custom actions on the stakeholder viewset (rows come through ``restrict()``)."""

    @extend_schema(
        summary="Re-assess a stakeholder: a new dated position; answers its place on the map",
        request=StakeholderReassessSerializer,
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["post"])
    def reassess(self, request: Request, pk: Any = None) -> Response:
        if not has_permission(request.user, Stakeholder, "change"):
            raise ApiPermissionDenied()
        stakeholder = self.get_object()  # type: ignore[attr-defined]
        data = StakeholderReassessSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            position = stakeholder_reassess(
                stakeholder=stakeholder, actor=request.user, **data.validated_data
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        fresh = stakeholders_visible(user=request.user, relationship=stakeholder.relationship).get(
            pk=stakeholder.pk
        )
        return Response(
            {
                "position": {
                    "id": position.pk,
                    "assessedOn": position.assessed_on.isoformat(),
                    "influence": position.influence,
                    "interest": position.interest,
                    "approach": position.approach,
                },
                "stakeholder": stakeholder_map_point(fresh),
            }
        )
