"""Custom API actions of service relationships: move along the journey, read the step history."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from wayfare.core.access import has_permission, restrict

from ..models import JourneyStep, RelationshipStepChange, ServiceRelationship


class StepMoveSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=JourneyStep.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


def step_change_json(change: RelationshipStepChange, seen: Any) -> dict[str, Any]:
    return {
        "id": change.pk,
        "from_step": change.from_step,
        "to_step": change.to_step,
        "changed_on": change.changed_on.isoformat(),
        "note": change.note_text,
        "changed_by": str(seen.account(change.changed_by)) if change.changed_by_id else None,
    }


class RelationshipActions:
    """``move-step`` (POST, needs "change") and ``step-history`` (GET, the provider's history: empty for
    readers who may not see it)."""

    @extend_schema(
        summary="Move the relationship to another journey step (forwards or back), kept in its history",
        request=StepMoveSerializer,
        responses={201: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["post"], url_path="move-step")
    def move_step(self, request: Request, pk: Any = None) -> Response:
        from wayfare.core.related import Seen

        from ..services.relationship import relationship_step_move

        if not has_permission(request.user, ServiceRelationship, "change"):
            raise PermissionDenied
        rows = restrict(ServiceRelationship.objects.all(), request.user, "change")
        relationship = get_object_or_404(rows, pk=pk)
        data = StepMoveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        change = relationship_step_move(
            relationship=relationship,
            step=data.validated_data["step"],
            note=data.validated_data["note"],
            actor=request.user,
        )
        return Response(step_change_json(change, Seen.of(request)), status=201)

    @extend_schema(
        summary="The relationship's journey step history, newest first", responses=OpenApiTypes.OBJECT
    )
    @action(detail=True, methods=["get"], url_path="step-history")
    def step_history(self, request: Request, pk: Any = None) -> Response:
        from wayfare.core.related import Seen

        relationship = self.get_object()  # type: ignore[attr-defined]
        changes = RelationshipStepChange.objects.restrict(request.user, "view").filter(
            relationship=relationship
        )
        seen = Seen.of(request)
        return Response([step_change_json(c, seen) for c in changes.select_related("changed_by")])
