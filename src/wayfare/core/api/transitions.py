"""API actions of declared transitions: ``POST /api/<app>/<models>/<id>/transitions/<name>/``.

One view per declared transition, so each has its own operation in the OpenAPI schema. Answers: the
record after the transition (200); without the permission 403; a row outside ``restrict()`` 404; a wrong
state or a failing guard 409 with the reason and the code ``transition_refused``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from ..access import restrict
from ..resources import registry
from ..transitions import Transition, TransitionRefused, transition_run

if TYPE_CHECKING:
    from ..resources import Resource

REFUSED = inline_serializer(
    "TransitionRefused", {"detail": serializers.CharField(), "code": serializers.CharField()}
)


class TransitionPermission(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return view.transition.allowed(request.user, view.resource.model)


class TransitionAPIView(GenericAPIView):
    resource: Resource
    transition: Transition
    permission_classes = [TransitionPermission]

    def get_queryset(self) -> Any:
        return restrict(self.resource.queryset(), self.request.user, "view")

    def post(self, request: Request, pk: int) -> Response:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            obj = transition_run(self.resource, self.transition, instance=obj, actor=request.user)
        except TransitionRefused as exc:
            return Response({"detail": str(exc), "code": exc.code}, status=status.HTTP_409_CONFLICT)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        return Response(self.get_serializer(obj).data)


def _fresh_post() -> Any:
    """A function of its own for each view: ``extend_schema`` writes its answer onto the function."""

    def post(self: TransitionAPIView, request: Request, pk: int) -> Response:
        return TransitionAPIView.post(self, request, pk)

    return post


def _view(resource: Resource, transition: Transition) -> Any:
    label = str(transition.label)
    states = ", ".join(transition.source)
    post = extend_schema(
        operation_id=f"{resource.app_label}_{resource.model_name}_transition_{transition.name.replace('-', '_')}",
        summary=f"{label} ({states} → {transition.target})",
        description=str(transition.description),
        request=None,
        responses={
            200: resource.serializer_class,
            403: OpenApiResponse(description="Without the transition's permission."),
            404: OpenApiResponse(description="No such record among those you may see."),
            409: OpenApiResponse(REFUSED, description="Wrong state, or the guard refuses."),
        },
        tags=[f"{resource.app_label}"],
    )(_fresh_post())
    name = f"{resource.model.__name__}{transition.name.title().replace('-', '')}Transition"
    attrs = {"resource": resource, "transition": transition, "serializer_class": resource.serializer_class}
    view: Any = type(name, (TransitionAPIView,), {**attrs, "post": post})
    return view.as_view()


def transition_urlpatterns() -> list[URLPattern]:
    patterns = []
    for resource in registry.all():
        for transition in resource.transitions:
            patterns.append(
                path(
                    f"{resource.app_label}/{resource.url_slug}/<int:pk>/transitions/{transition.name}/",
                    _view(resource, transition),
                    name=f"{resource.app_label}-{resource.model_name}-transition-{transition.name}",
                )
            )
    return patterns
