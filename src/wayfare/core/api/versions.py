"""API of versioned records (``Resource(versioned=True)``), under the record's own route:

- ``GET  /api/<app>/<models>/<id>/versions/``: its versions (published, newest first; the draft);
- ``GET  /api/<app>/<models>/<id>/versions/<version id>/``: one, with its snapshot;
- ``POST /api/<app>/<models>/<id>/versions/publish/``: publish as the next numbered version (201; 409 when
  nothing changed since the last one);
- ``POST /api/<app>/<models>/<id>/versions/draft/``: keep as the draft snapshot (201);
- ``GET  /api/<app>/<models>/<id>/versions/compare/?a=<id|current>&b=<id|current>``: the comparison.

The record is fetched through ``restrict()`` (404 outside it); reading needs the model's view permission,
writing its change permission (403 without).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from ..access import has_permission, restrict
from ..models import Version
from ..resources import registry
from ..versions import (
    CURRENT,
    NothingToPublish,
    version_compare,
    version_data,
    version_get,
    versions_for,
    visible_data,
)
from ..versions import version_publish as _publish
from ..versions import version_save_draft as _save_draft

if TYPE_CHECKING:
    from ..resources import Resource


class VersionSerializer(serializers.ModelSerializer):
    created_by: Any = serializers.StringRelatedField()
    snapshot = serializers.SerializerMethodField(help_text="The record's fields and child rows.")

    def get_snapshot(self, version: Version) -> dict:
        resource, user = self.context.get("resource"), getattr(self.context.get("request"), "user", None)
        return visible_data(resource, version.data, user) if resource is not None else {}

    class Meta:
        model = Version
        fields = ["id", "number", "state", "note", "created", "created_by", "snapshot"]
        read_only_fields = fields


class VersionWriteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class VersionPermission(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        action = "view" if request.method in ("GET", "HEAD", "OPTIONS") else "change"
        return has_permission(user, view.resource.model, action)


class _VersionView(GenericAPIView):
    resource: Resource
    permission_classes = [VersionPermission]
    serializer_class = VersionSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        action = "view" if self.request.method in ("GET", "HEAD", "OPTIONS") else "change"
        return restrict(self.resource.queryset(), self.request.user, action)

    def serializer_context(self) -> dict[str, Any]:
        return {"request": self.request, "resource": self.resource}

    def record(self, pk: int) -> models.Model:
        return get_object_or_404(self.get_queryset(), pk=pk)


class VersionListAPIView(_VersionView):
    @extend_schema(summary="The record's versions", responses={200: VersionSerializer(many=True)})
    def get(self, request: Request, pk: int) -> Response:
        versions = versions_for(self.resource, self.record(pk))
        return Response(VersionSerializer(versions, many=True, context=self.serializer_context()).data)


class VersionDetailAPIView(_VersionView):
    @extend_schema(summary="One version of the record, with its snapshot", responses={200: VersionSerializer})
    def get(self, request: Request, pk: int, version: int) -> Response:
        found = version_get(self.resource, self.record(pk), version)
        if found is None:
            raise NotFound()
        return Response(VersionSerializer(found, context=self.serializer_context()).data)


class _VersionWriteView(_VersionView):
    publish = True

    @extend_schema(request=VersionWriteSerializer, responses={201: VersionSerializer})
    def post(self, request: Request, pk: int) -> Response:
        obj = self.record(pk)
        data = VersionWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        write = _publish if self.publish else _save_draft
        try:
            version = write(
                self.resource, instance=obj, actor=request.user, note=data.validated_data.get("note", "")
            )
        except NothingToPublish as exc:
            return Response({"detail": str(exc), "code": exc.code}, status=status.HTTP_409_CONFLICT)
        return Response(
            VersionSerializer(version, context=self.serializer_context()).data, status=status.HTTP_201_CREATED
        )


class VersionPublishAPIView(_VersionWriteView):
    publish = True


class VersionDraftAPIView(_VersionWriteView):
    publish = False


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (models.Model, Promise)):
        return str(value)
    return value


class VersionCompareAPIView(_VersionView):
    @extend_schema(
        summary="Compare two versions of the record (or one with the record as it is now)",
        parameters=[
            OpenApiParameter("a", OpenApiTypes.STR, description="A version id, or 'current'."),
            OpenApiParameter("b", OpenApiTypes.STR, description="A version id, or 'current' (the default)."),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request, pk: int) -> Response:
        obj = self.record(pk)
        keys = [request.query_params.get("a", CURRENT), request.query_params.get("b", CURRENT)]
        sides = [version_data(self.resource, obj, key) for key in keys]
        if None in sides:
            raise ValidationError({"detail": _("Name two versions of this record (their id) or “current”.")})
        diff = version_compare(self.resource, sides[0][1], sides[1][1], user=request.user)  # type: ignore[index]
        return Response(_jsonable({"a": keys[0], "b": keys[1], **diff}))


def _view(base: type[_VersionView], resource: Resource, suffix: str) -> Any:
    """A view class of its own per resource, so each has its own name in the schema."""
    view: Any = type(f"{resource.model.__name__}{suffix}", (base,), {"resource": resource})
    return view.as_view()


def version_urlpatterns() -> list[URLPattern]:
    patterns = []
    for r in registry.all():
        if not r.versioned:
            continue
        base, name = f"{r.app_label}/{r.url_slug}/<int:pk>/versions", f"{r.app_label}-{r.model_name}-version"
        patterns += [
            path(f"{base}/", _view(VersionListAPIView, r, "VersionList"), name=f"{name}-list"),
            path(
                f"{base}/compare/", _view(VersionCompareAPIView, r, "VersionCompare"), name=f"{name}-compare"
            ),
            path(
                f"{base}/publish/", _view(VersionPublishAPIView, r, "VersionPublish"), name=f"{name}-publish"
            ),
            path(f"{base}/draft/", _view(VersionDraftAPIView, r, "VersionDraft"), name=f"{name}-draft"),
            path(
                f"{base}/<int:version>/",
                _view(VersionDetailAPIView, r, "VersionDetail"),
                name=f"{name}-detail",
            ),
        ]
    return patterns
