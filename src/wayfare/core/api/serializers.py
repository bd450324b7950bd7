"""Serializers built from declarations; related fields only accept rows the requester may see.

What a reader gets (issue #11): ``display`` is the row's name through ``core.related`` (never a related
record's name the reader may not open); a consumer gets no backstage field, and the owning organisation is
read-only to them (the services take it from the actor). Related records are primed for a whole page at
once (one query per related model), so a list costs no query per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.urls import NoReverseMatch, reverse
from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from ..access import is_consumer
from ..related import Seen, hidden_fields, restrict_choices
from ..resources import registry
from ..translations import clean_translations

if TYPE_CHECKING:
    from ..resources import Resource


class PrimingListSerializer(serializers.ListSerializer):
    """Learns which related records the reader may see for the whole page before the rows are shown."""

    def to_representation(self, data: Any) -> Any:
        rows = list(data.all() if hasattr(data, "all") else data)
        child: Any = self.child
        resource = registry.find(child.Meta.model)
        if resource is not None:
            names = [*resource.display_parts, *child.fields.keys()]
            concrete = {f.name for f in resource.model._meta.concrete_fields}
            child.seen.prime_fields(rows, [n for n in dict.fromkeys(names) if n in concrete])
        return super().to_representation(rows)


class RestrictedRelatedField(serializers.PrimaryKeyRelatedField):
    """A related row by id; ``null`` in an answer when the reader may not open it (see
    ``RestrictedModelSerializer.to_representation``), which the schema says (``schema.py``)."""


class RecordFileField(serializers.FileField):
    """A stored file as the address that serves it: the record's own API action named after the field
    (``GET /api/<app>/<models>/<id>/<field>/``, through ``restrict()``), or ``null`` where the resource
    declares none. Never the storage's address: media files are not served (#15: it answered 404)."""

    def to_representation(self, value: Any) -> Any:
        if not value:
            return None
        instance = getattr(value, "instance", None)
        if instance is None or instance.pk is None:
            return None
        meta = instance._meta
        try:
            url = reverse(f"api:{meta.app_label}-{meta.model_name}-{self.source}", args=[instance.pk])
        except NoReverseMatch:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class RestrictedModelSerializer(CountryFieldMixin, serializers.ModelSerializer):  # countries as codes (#11)
    display = serializers.SerializerMethodField(help_text="Human-readable name of the record.")
    serializer_related_field = RestrictedRelatedField
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.FileField: RecordFileField,
    }

    class Meta:
        list_serializer_class = PrimingListSerializer

    @property
    def seen(self) -> Seen:
        context: Any = self.context
        if "wayfare_seen" not in context:
            request = context.get("request")
            context["wayfare_seen"] = Seen(getattr(request, "user", None))
        return context["wayfare_seen"]  # type: ignore[no-any-return]

    def validate_translations(self, value: Any) -> Any:
        """Known languages, the resource's declared translated fields, text of a sane length."""
        try:
            return clean_translations(self.Meta.model, value)  # type: ignore[attr-defined]
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    def get_display(self, obj: Any) -> str:
        return self.seen.display(obj)

    def to_representation(self, instance: Any) -> Any:
        """A related record the reader may not open is ``null``: its id is not shown either."""
        data = super().to_representation(instance)
        for name, field in self.fields.items():
            model_field = getattr(getattr(field, "queryset", None), "model", None)
            attname = f"{name}_id"
            if model_field is not None and data.get(name) is not None and hasattr(instance, attname):
                if not self.seen.may_view_id(model_field, getattr(instance, attname)):
                    data[name] = None
        return data

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        resource = registry.find(self.Meta.model)  # type: ignore[attr-defined]
        for name in hidden_fields(resource, user):
            fields.pop(name, None)
        if resource is not None and resource.owner_field in fields and user is not None and is_consumer(user):
            fields[resource.owner_field].read_only = True  # type: ignore[index]
        restrict_choices(fields.values(), user)
        return fields


def build_serializer(resource: Resource) -> type:
    shown = [f for f in resource.read_only_fields if f not in ("created", "updated")]
    read_only = ["id", "url", "display", *shown, "created", "updated"]
    fields = ["id", "url", "display", *resource.editable_fields, *shown, "created", "updated"]
    attrs: dict[str, Any] = {}
    if resource.translated_fields:
        fields.append("translations")
        attrs["translations"] = serializers.JSONField(
            required=False,
            help_text="Translations of the fields "
            + ", ".join(resource.translated_fields)
            + ' by language, e.g. {"ru": {"name": "..."}}; replaces all of them.',
        )
    meta = type(
        "Meta",
        (),
        {
            "model": resource.model,
            "fields": fields,
            "read_only_fields": read_only,
            "extra_kwargs": {"url": {"view_name": f"api:{resource.app_label}-{resource.model_name}-detail"}},
            "list_serializer_class": PrimingListSerializer,
        },
    )
    return type(f"{resource.model.__name__}Serializer", (RestrictedModelSerializer,), {"Meta": meta, **attrs})
