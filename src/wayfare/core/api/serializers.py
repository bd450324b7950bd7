"""Serializers built from declarations; related fields only accept rows the requester may see."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

if TYPE_CHECKING:
    from ..resources import Resource


class RestrictedModelSerializer(CountryFieldMixin, serializers.ModelSerializer):  # countries as codes (#11)
    display = serializers.SerializerMethodField(help_text="Human-readable name of the record.")

    def get_display(self, obj: Any) -> str:
        return str(obj)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for field in fields.values():
            target = getattr(field, "child_relation", field)
            queryset = getattr(target, "queryset", None)
            if queryset is not None and hasattr(queryset, "restrict"):
                target.queryset = queryset.restrict(user, "view")  # type: ignore[union-attr]
        return fields


def build_serializer(resource: Resource) -> type:
    shown = [f for f in resource.read_only_fields if f not in ("created", "updated")]
    read_only = ["id", "url", "display", *shown, "created", "updated"]
    fields = ["id", "url", "display", *resource.editable_fields, *shown, "created", "updated"]
    meta = type(
        "Meta",
        (),
        {
            "model": resource.model,
            "fields": fields,
            "read_only_fields": read_only,
            "extra_kwargs": {"url": {"view_name": f"api:{resource.app_label}-{resource.model_name}-detail"}},
        },
    )
    return type(f"{resource.model.__name__}Serializer", (RestrictedModelSerializer,), {"Meta": meta})
