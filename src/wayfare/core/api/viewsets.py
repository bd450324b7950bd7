"""The base viewset: every queryset goes through ``restrict()``; writes go through the resource's services.

Writes run in one transaction that also covers serialising the answer, so an error after the write
(an answer that cannot be rendered, say) rolls the write back instead of answering 500 over a saved row.
Detail answers carry an ETag (the row's version); PUT, PATCH and DELETE with a stale ``If-Match`` answer
412 with the current ETag. Without ``If-Match`` they work as before, and still write only changed fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from ..access import restrict
from ..concurrency import etag, parse_if_match, version_of
from ..related import hidden_fields
from ..services import resource_create, resource_delete, resource_update
from .pagination import BoundedLimitOffsetPagination
from .permissions import METHOD_ACTIONS

if TYPE_CHECKING:
    from ..resources import Resource


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of the version the change starts from; a stale one answers 412.",
)
CONFIRM_DUPLICATE = OpenApiParameter(
    "confirm_duplicate",
    OpenApiTypes.BOOL,
    description="Save even if the record looks like an existing one (else 400 possible_duplicate).",
)


def _validation_error(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)


class ResourceViewSet(viewsets.ModelViewSet):
    resource: Resource
    pagination_class = BoundedLimitOffsetPagination

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

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method in SAFE_METHODS:
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code >= 400:
                transaction.set_rollback(True)  # DRF turned an error into an answer: undo what was written
            elif hasattr(response, "render"):
                response.render()  # inside the transaction: a rendering error rolls the write back
        return response

    def _data(self, serializer: Any) -> dict[str, Any]:
        return dict(serializer.validated_data)

    def _confirm_duplicate(self) -> bool:
        return self.request.query_params.get("confirm_duplicate", "").lower() in ("1", "true", "yes")

    def _expected_version(self, instance: Any) -> str | None:
        """The version ``If-Match`` names: the current one if it is among those listed (the service checks
        it again under lock), else the first listed (which then fails with 412)."""
        versions = parse_if_match(self.request.headers.get("If-Match"))
        if versions is None:
            return None
        current = version_of(instance)
        return current if current in versions else versions[0]

    @extend_schema(parameters=[CONFIRM_DUPLICATE])
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().create(request, *args, **kwargs)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        tag = etag(instance)
        if tag:
            response["ETag"] = tag
        return response

    @extend_schema(parameters=[IF_MATCH, CONFIRM_DUPLICATE])
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().partial_update(request, *args, **kwargs)

    @extend_schema(parameters=[IF_MATCH])
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().destroy(request, *args, **kwargs)

    @extend_schema(parameters=[IF_MATCH, CONFIRM_DUPLICATE])
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().update(request, *args, **kwargs)
        tag = etag(getattr(self, "_saved", None))
        if tag:
            response["ETag"] = tag
        return response

    def perform_create(self, serializer: Any) -> None:
        try:
            serializer.instance = resource_create(
                self.resource,
                actor=self.request.user,
                data=self._data(serializer),
                confirm_duplicate=self._confirm_duplicate(),
            )
        except DjangoValidationError as exc:
            raise _validation_error(exc) from exc

    def perform_update(self, serializer: Any) -> None:
        try:
            serializer.instance = self._saved = resource_update(
                self.resource,
                instance=serializer.instance,
                actor=self.request.user,
                data=self._data(serializer),
                expected_version=self._expected_version(serializer.instance),
                confirm_duplicate=self._confirm_duplicate(),
            )
        except DjangoValidationError as exc:
            raise _validation_error(exc) from exc

    def perform_destroy(self, instance: Any) -> None:
        resource_delete(
            self.resource,
            instance=instance,
            actor=self.request.user,
            expected_version=self._expected_version(instance),
        )


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
