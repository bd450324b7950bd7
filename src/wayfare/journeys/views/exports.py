"""Pages of the journey design studio: exports and the import of a map file (issue #13 section 5)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wayfare.core.access import has_permission, is_consumer, restrict
from wayfare.core.concurrency import version_of

from ..exports import FORMATS, journey_map_file
from ..exports import render as render_export
from ..models import JourneyMap
from ..selectors import journey_map_document
from ..services.transfer import TransferFailed, journey_map_import


@login_required
@require_GET
def map_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The map (or, with ``?view=blueprint``, its blueprint) as a file, drawn from the reader's map
    document only: a consumer's people get the published frontstage."""
    if fmt not in FORMATS:
        raise Http404
    journey_map = get_object_or_404(restrict(JourneyMap.objects.all(), request.user, "view"), pk=pk)
    document = journey_map_document(journey_map, request.user)
    if document is None:
        raise Http404
    view = "blueprint" if request.GET.get("view") == "blueprint" else "map"
    file_data = journey_map_file(journey_map, request.user) if fmt == "json" else None
    export = render_export(document, fmt, view=view, user=request.user, file_data=file_data)
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = export.disposition()
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


class JourneyMapImportForm(forms.Form):
    file = forms.FileField(
        label=_("Journey map file (JSON)"),
        help_text=_("A file exported from a journey map, at most 2 MB."),
    )
    name = forms.CharField(
        label=_("Name of the new map"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to keep the name in the file."),
    )
    into = forms.ModelChoiceField(
        label=_("Replace the content of"),
        queryset=JourneyMap.objects.none(),
        required=False,
        empty_label=_("(no map: create a new one)"),
        help_text=_("The stages, touchpoints, emotions and links of this map are replaced by the file's."),
    )
    expected_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = restrict(JourneyMap.objects.all(), user, "change")  # type: ignore[attr-defined]


def map_import(request: HttpRequest) -> HttpResponse:
    """Upload a journey map file: a new map, or the content of an existing one replaced."""
    if is_consumer(request.user) or not request.user.is_authenticated:
        raise Http404
    if not has_permission(request.user, JourneyMap, "add"):
        raise PermissionDenied
    errors: list[str] = []
    initial: dict[str, Any] = {}
    if request.GET.get("into"):
        target = (
            restrict(JourneyMap.objects.all(), request.user, "change").filter(pk=request.GET["into"]).first()
        )
        if target is not None:
            initial = {"into": target.pk, "expected_version": version_of(target)}
    if request.method == "POST":
        form = JourneyMapImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                journey_map = journey_map_import(
                    data=upload,
                    actor=request.user,
                    name=form.cleaned_data["name"] or None,
                    into=form.cleaned_data["into"],
                    expected_version=form.cleaned_data["expected_version"] or None,
                )
            except TransferFailed as exc:
                errors = [str(e) for e in exc.errors]
            else:
                return redirect("journeys:journeymap_detail", pk=journey_map.pk)
    else:
        form = JourneyMapImportForm(user=request.user, initial=initial)
    return render(request, "journeys/export/import.html", {"form": form, "errors": errors})


urlpatterns: list[URLPattern] = [
    path("maps/import-file/", map_import, name="map_import"),
    path("maps/<int:pk>/export/<str:fmt>/", map_export, name="map_export"),
    # Without a format: the PDF (also what the authorization matrix reverses with the map alone).
    path("maps/<int:pk>/export/", map_export, {"fmt": "pdf"}, name="map_export"),
]
