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

from .access import restrict, restriction
from .related import hidden_fields, restrict_choices
from .resources import registry

if TYPE_CHECKING:
    from .resources import Resource


def _search_condition(model: Any, path: str, value: str, user: Any) -> Q:
    """``path`` contains ``value``, matched only through related rows the user may view (a consumer's
    search for a name must not find their rows that point at another organisation's person)."""
    condition = Q(**{f"{path}__icontains": value})
    current, prefix = model, []
    for part in path.split("__")[:-1]:
        field: Any = current._meta.get_field(part)
        if not field.is_relation:
            break
        prefix.append(part)
        current = field.related_model
        if hasattr(current._default_manager, "restrict") and restriction(current, user) is not True:
            visible = restrict(current._default_manager.all(), user, "view").values("pk")
            condition &= Q(**{"__".join(prefix) + "__in": visible})
    return condition


class RestrictedFilterSet(django_filters.FilterSet):
    """Restricts the choices of every model-choice filter to the rows the requesting user may see, so an
    id of another organisation's row fails validation (the list answers 400, as an unknown id does).
    A consumer finds no filter on, and no search match in, the resource's backstage fields."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="filter_search", label=_("Search"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        model = self._meta.model
        hidden = hidden_fields(registry.find(model), user)
        for name in hidden:
            self.filters.pop(name, None)
        self.search_paths = tuple(f for f in self.search_fields if f.split("__")[0] not in hidden)
        for name in hidden & set(self.form.fields):
            self.form.fields.pop(name)
        for name, field in self.form.fields.items():
            # django-filter fixes labels as text when the class is built; take them from the model per
            # request instead, so they follow the reader's language.
            try:
                field.label = capfirst(model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                pass
        restrict_choices(self.form.fields.values(), user)
        if not self.search_paths:
            self.filters.pop("q", None)
            self.form.fields.pop("q", None)

    def filter_search(self, queryset: Any, name: str, value: str) -> Any:
        value = value.strip()
        if not value or not self.search_paths:
            return queryset
        user = getattr(self.request, "user", None)
        model = self._meta.model
        conditions = [_search_condition(model, f, value, user) for f in self.search_paths]
        resource = registry.find(model)
        if resource is not None and resource.translated_fields:
            conditions += translation_conditions(resource, self.search_paths, value)
        return queryset.filter(reduce(operator.or_, conditions))


def translation_conditions(resource: Resource, paths: Any, value: str) -> list[Q]:
    """A translated field searched also in each language's translation (a JSON key lookup, the same on
    SQLite and PostgreSQL: ``translations__ru__name__icontains``)."""
    from .translations import other_languages

    names = [p for p in paths if p in resource.translated_fields]
    return [
        Q(**{f"translations__{code}__{name}__icontains": value})
        for code, _name in other_languages()
        for name in names
    ]


def build_filterset(resource: Resource) -> type:
    meta = type("Meta", (), {"model": resource.model, "fields": list(resource.filters)})
    name = f"{resource.model.__name__}FilterSet"
    return type(name, (RestrictedFilterSet,), {"Meta": meta, "search_fields": tuple(resource.search)})
