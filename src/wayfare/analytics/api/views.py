"""Analysis endpoints of an event log: JSON for the process map, variants, durations and conformance.
Every one takes the same filter parameters (see ``selectors.event_filter_from_params``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from wayfare.core.access import has_permission, restrict
from wayfare.core.exceptions import DomainError

from .. import selectors
from ..models import EventLog

FILTERS = [
    OpenApiParameter("start", OpenApiTypes.DATETIME, description="Window start (UTC)."),
    OpenApiParameter("end", OpenApiTypes.DATETIME, description="Window end, exclusive (UTC)."),
    OpenApiParameter("time_mode", OpenApiTypes.STR, enum=["contained", "intersecting"]),
    OpenApiParameter("start_activity", OpenApiTypes.STR, many=True),
    OpenApiParameter("end_activity", OpenApiTypes.STR, many=True),
    OpenApiParameter(
        "with_activity", OpenApiTypes.STR, many=True, description="Cases where one of these happens."
    ),
    OpenApiParameter(
        "without_activity", OpenApiTypes.STR, many=True, description="Cases where none happens."
    ),
    OpenApiParameter("variant", OpenApiTypes.STR, many=True, description="JSON list of activities."),
    OpenApiParameter("case_attr", OpenApiTypes.STR, many=True, description="attribute=value (first event)."),
    OpenApiParameter("event_attr", OpenApiTypes.STR, many=True, description="attribute=value (events kept)."),
]


def _analysis_schema(summary: str, extra: list | None = None) -> Any:
    return extend_schema(
        summary=summary, parameters=FILTERS + (extra or []), responses={200: OpenApiTypes.OBJECT}
    )


class JourneyMapFromVariantSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    activities = serializers.ListField(child=serializers.CharField(max_length=500), min_length=1)


class EventLogAnalysisActions:
    """Custom read actions on the event-log viewset (the row is fetched through ``restrict()``)."""

    def _answer(self, request: Request, *names: str) -> Response:
        event_log = self.get_object()  # type: ignore[attr-defined]
        result = selectors.event_log_analyses(event_log, names, request.query_params)
        return Response(result[names[0]] if len(names) == 1 else result)

    @extend_schema(
        summary="The log's source file, as uploaded", responses={(200, "*/*"): OpenApiTypes.BINARY}
    )
    @action(detail=True, methods=["get"])
    def source(self, request: Request, pk: Any = None) -> Any:
        event_log = self.get_object()  # type: ignore[attr-defined]
        if not event_log.source or not event_log.source.storage.exists(event_log.source.name):
            raise NotFound(_("The event log has no source file."))
        name = Path(event_log.source.name).name
        return FileResponse(event_log.source.open("rb"), as_attachment=True, filename=name)

    @_analysis_schema("Summary, case durations, start and end activities")
    @action(detail=True, methods=["get"])
    def summary(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, "summary")

    @_analysis_schema("Variants, most frequent first", [OpenApiParameter("limit", OpenApiTypes.INT)])
    @action(detail=True, methods=["get"])
    def variants(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, "variants")

    @_analysis_schema("Directly-follows graph with frequency and performance (seconds)")
    @action(detail=True, methods=["get"])
    def dfg(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, "dfg")

    @_analysis_schema("Case durations and their distribution", [OpenApiParameter("bins", OpenApiTypes.INT)])
    @action(detail=True, methods=["get"])
    def durations(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, "durations")

    @_analysis_schema("Activity counts and rework (activities repeated within a case)")
    @action(detail=True, methods=["get"])
    def activities(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, "activities")

    @_analysis_schema("Most frequent values of each attribute", [OpenApiParameter("limit", OpenApiTypes.INT)])
    @action(detail=True, methods=["get"])
    def attributes(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, "attributes")

    @extend_schema(
        summary="The events of one case, in journey order",
        parameters=[OpenApiParameter("id", OpenApiTypes.STR, required=True, description="The case id.")],
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"])
    def case(self, request: Request, pk: Any = None) -> Response:
        event_log = self.get_object()  # type: ignore[attr-defined]
        case_id = request.query_params.get("id", "")
        if not case_id:
            raise DomainError(_("Name the case: ?id=..."), code="bad_parameter")
        events = selectors.event_log_case(event_log, case_id)
        if not events:
            raise NotFound(_("The log has no case %(case)s.") % {"case": case_id})
        return Response({"case": case_id, "events": events})

    @_analysis_schema(
        "Everything the explorer draws at once (summary, variants, dfg, durations, activities)",
        [OpenApiParameter("limit", OpenApiTypes.INT), OpenApiParameter("bins", OpenApiTypes.INT)],
    )
    @action(detail=True, methods=["get"])
    def explorer(self, request: Request, pk: Any = None) -> Response:
        return self._answer(request, *selectors.EXPLORER_PARTS)

    @_analysis_schema(
        "Conformance with a journey map (the designed journey)",
        [
            OpenApiParameter(
                "journey_map", OpenApiTypes.INT, required=True, description="Journey map id (of this log)."
            )
        ],
    )
    @action(detail=True, methods=["get"])
    def conformance(self, request: Request, pk: Any = None) -> Response:
        from wayfare.journeys.reference import journey_maps_for_log

        event_log = self.get_object()  # type: ignore[attr-defined]
        map_id = request.query_params.get("journey_map", "")
        if not map_id.isdigit():
            raise DomainError(_("Name a journey map by its id: journey_map=<id>."), code="bad_filter")
        journey_map = get_object_or_404(journey_maps_for_log(event_log, request.user), pk=int(map_id))
        return Response(selectors.event_log_conformance(event_log, journey_map, request.query_params))

    @extend_schema(
        summary="Create a journey map of this log from an observed variant (one stage per activity)",
        request=JourneyMapFromVariantSerializer,
        responses={201: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["post"], url_path="from-variant", permission_classes=[IsAuthenticated])
    def from_variant(self, request: Request, pk: Any = None) -> Response:
        """Writes a journey map, not the log: it needs the permission to add maps and to read the log."""
        from wayfare.journeys.services.reference import journey_map_create_from_variant

        if not has_permission(request.user, EventLog, "view") or not request.user.has_perm(
            "journeys.add_journeymap"
        ):
            raise PermissionDenied
        logs = restrict(EventLog.objects.all(), request.user, "view")
        event_log = get_object_or_404(logs, pk=int(pk) if str(pk).isdigit() else 0)
        data = JourneyMapFromVariantSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            journey_map = journey_map_create_from_variant(
                event_log=event_log,
                name=data.validated_data["name"],
                activities=data.validated_data["activities"],
                actor=request.user,
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        return Response(
            {
                "id": journey_map.pk,
                "name": journey_map.name,
                "stages": journey_map.stages.count(),
                "url": reverse("journeys:journeymap_detail", args=[journey_map.pk]),
            },
            status=201,
        )
