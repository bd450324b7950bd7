"""FilterSets built from declarations, shared by the UI list views and the API."""

from __future__ import annotations

import operator
from functools import reduce
from typing import TYPE_CHECKING, Any

import django_filters
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .resources import Resource


class RestrictedFilterSet(django_filters.FilterSet):
    """Restricts the choices of every model-choice filter to the rows the requesting user may see, so an
    id of another organisation's row fails validation (the list then shows nothing)."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        for flt in self.filters.values():
            queryset = getattr(flt, "queryset", None)
            if queryset is not None and hasattr(queryset, "restrict"):
                flt.queryset = queryset.restrict(user, "view")
        model = self._meta.model
        for name, field in self.form.fields.items():
            # django-filter fixes labels as text when the class is built; take them from the model per
            # request instead, so they follow the reader's language.
            try:
                field.label = capfirst(model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                pass
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset, "restrict"):
                field.queryset = queryset.restrict(user, "view")
        if not self.search_fields:
            self.filters.pop("q", None)
            self.form.fields.pop("q", None)

    def filter_search(self, queryset: Any, name: str, value: str) -> Any:
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        return queryset.filter(
            reduce(operator.or_, (Q(**{f"{f}__icontains": value}) for f in self.search_fields))
        )


def build_filterset(resource: Resource) -> type:
    meta = type("Meta", (), {"model": resource.model, "fields": list(resource.filters)})
    name = f"{resource.model.__name__}FilterSet"
    return type(name, (RestrictedFilterSet,), {"Meta": meta, "search_fields": tuple(resource.search)})
