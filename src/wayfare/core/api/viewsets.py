"""The base viewset: every queryset goes through ``restrict()``; writes go through the resource's services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers, viewsets

from ..access import restrict
from ..related import hidden_fields
from ..services import resource_create, resource_delete, resource_update
from .permissions import METHOD_ACTIONS

if TYPE_CHECKING:
    from ..resources import Resource


class ResourceViewSet(viewsets.ModelViewSet):
    resource: Resource

    @property
    def restricted_model(self) -> Any:
        return self.resource.model

    @property
    def ordering_fields(self) -> list[str]:
        """The columns, less those the reader may not see (sorting by a backstage field reveals it)."""
        hidden = hidden_fields(self.resource, getattr(self.request, "user", None))
        return [name for name in self.resource.columns if name not in hidden]

    def get_queryset(self) -> Any:
        action = METHOD_ACTIONS.get(self.request.method or "GET", "view")
        return restrict(self.resource.queryset(), self.request.user, action)

    def _data(self, serializer: Any) -> dict[str, Any]:
        return dict(serializer.validated_data)

    def perform_create(self, serializer: Any) -> None:
        try:
            serializer.instance = resource_create(
                self.resource, actor=self.request.user, data=self._data(serializer)
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc

    def perform_update(self, serializer: Any) -> None:
        try:
            serializer.instance = resource_update(
                self.resource,
                instance=serializer.instance,
                actor=self.request.user,
                data=self._data(serializer),
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc

    def perform_destroy(self, instance: Any) -> None:
        resource_delete(self.resource, instance=instance, actor=self.request.user)


def build_viewset(resource: Resource) -> type:
    bases = (resource.viewset_mixin, ResourceViewSet) if resource.viewset_mixin else (ResourceViewSet,)
    return type(
        f"{resource.model.__name__}ViewSet",
        bases,
        {
            "resource": resource,
            "serializer_class": resource.serializer_class,
            "filterset_class": resource.filterset_class,
            "queryset": resource.model._default_manager.none(),
        },
    )
