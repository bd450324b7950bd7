"""OpenAPI (drf-spectacular) extensions for the restricted serializers."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension


class RestrictedRelatedFieldExtension(OpenApiSerializerFieldExtension):
    """A related id in an answer is ``null`` when the reader may not open that row (issue #11), so the
    response schema marks it nullable; what a request must send stays as the model says."""

    target_class = "wayfare.core.api.serializers.RestrictedRelatedField"

    def map_serializer_field(self, auto_schema: Any, direction: str) -> Any:
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "response":
            schema["nullable"] = True
        return schema
