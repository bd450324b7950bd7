"""The declaration registry: one ``Resource`` per model gives its pages, API, filters, table and tests.

An app declares its registers in ``<app>/resources.py``::

    register(Resource(Organisation, columns=["name", "kind", "country"], filters=["kind", "country"],
                      search=["name"], step="engage"))

The core builds from it a FilterSet (shared by UI and API), a django-tables2 table, a ModelForm, a DRF
serializer and viewset, and the list/detail/add/edit/delete/import pages. Pass your own class for any one
piece (``form=OrganisationForm``). If a model has create or update services, name them
(``create_service=organisation_create``): the edit views and the viewset both call them.

What a consumer's people may see and do is declared too (issue #11): ``display_parts`` (the fields a row's
name is made of, each shown only if the reader may open it), ``backstage_fields`` (never shown to
consumers), ``consumer_actions`` (what they may do besides viewing; the owning organisation comes from the
actor) and ``access`` (what the authorization matrix expects; every resource must declare it)::

    access=Access(write=("Administrator", "Relationship manager"), consumer=("view",))

Text in the reader's language: ``translated_fields=["name", "description"]`` (the model adds
``core.models.TranslatedTextMixin``); lists, detail pages, the API, exports and the edit form follow it
(``core.translations``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db import models
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Related:
    """A table of related rows shown on a detail page, loaded from the related model's own list view."""

    model: type[models.Model]
    field: str  # the related model's field pointing at this record (a filter of its resource)


@dataclass(frozen=True)
class Access:
    """What the authorization matrix (``core/matrix.py``) expects of a resource, declared apart from the
    permissions that implement it so that a change to either shows as a violation.

    ``write``: the staff roles (group names) that may add, change, delete and import; ``read``: those that
    may list, open and export (``None``: every staff role); ``consumer``: what consumers may do with their
    own organisation's rows ("view", "add", "change", "delete"); ``actions``: each custom API action or page
    of the resource, by name, with the action it needs ("view", "change", ...) and, if they differ from
    that action's, the staff roles that may take it.
    """

    write: tuple[str, ...]
    read: tuple[str, ...] | None = None
    consumer: tuple[str, ...] = ()
    actions: dict[str, tuple[str, tuple[str, ...] | None]] = field(default_factory=dict)


@dataclass(eq=False)
class Resource:
    model: type[models.Model]
    columns: Sequence[str]
    filters: Sequence[str] = ()
    search: Sequence[str] = ()
    fields: Sequence[str] | None = None
    detail_fields: Sequence[str] | None = None
    related: Sequence[Related] = ()
    step: str | None = None
    slug: str | None = None
    form: type | None = None
    filterset: type | None = None
    table: type | None = None
    serializer: type | None = None
    create_service: Callable[..., Any] | None = None
    update_service: Callable[..., Any] | None = None
    delete_service: Callable[..., Any] | None = None
    importable: bool = True
    detail_template: str | None = None
    # More context for the detail page: ``detail_context(request, obj)`` answers a dict, read through
    # ``restrict()`` with ``request.user`` (a persona's aspirations and research, for example).
    detail_context: Callable[[Any, Any], dict[str, Any]] | None = None
    viewset_mixin: type | None = None
    ordering: Sequence[str] = ()
    select_related: Sequence[str] = ()
    api_read_only: Sequence[str] = ()  # fields the API shows but nobody edits, besides the detail fields
    # What a consumer's people may see and do (issue #11; core/related.py, core/access.py):
    display_parts: Sequence[str] = ()  # fields a row's name is made of, each shown only if the reader may
    backstage_fields: Sequence[str] = ()  # consumers never see these: pages, API, exports, history, search
    consumer_actions: Sequence[str] = ()  # "add", "change", "delete" for consumers, on their own rows
    access: Access | None = None  # what the authorization matrix expects (core/matrix.py); required
    duplicate_check: Sequence[str] = ()  # same values in all of these: "possible duplicate" (core.duplicates)
    extra: dict[str, Any] = field(default_factory=dict)
    # The only way the state field changes (core.transitions.Transition): button, API action, tests.
    transitions: Sequence[Any] = ()
    # Draft and numbered published snapshots with comparison (core.versions); the snapshot holds the
    # record's fields and the child rows reached through each related name in ``version_children``.
    versioned: bool = False
    version_children: Sequence[str] = ()
    # Fields left out of snapshots (bookkeeping a publish itself writes, e.g. a map's published number),
    # and what runs after a publish, in its transaction: ``on_publish(instance=, version=, actor=)``.
    version_skip: Sequence[str] = ()
    on_publish: Callable[..., Any] | None = None
    # Text fields shown in the reader's language (core.translations; the model adds TranslatedTextMixin).
    translated_fields: Sequence[str] = ()

    @property
    def app_label(self) -> str:
        return self.model._meta.app_label

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name  # type: ignore[return-value]

    @property
    def url_slug(self) -> str:
        return self.slug or f"{self.model_name}s"

    def url_name(self, action: str) -> str:
        return f"{self.app_label}:{self.model_name}_{action}"

    @property
    def owner_field(self) -> str | None:
        """The field naming the owning organisation, when the row holds it itself (``owner_path`` one
        field deep): a consumer's new row gets the consumer's organisation there, never the input's."""
        path = getattr(self.model, "owner_path", None)
        if not path or not isinstance(path, str) or path == "pk" or "__" in path:
            return None
        return path

    @property
    def verbose_name(self) -> Any:
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self) -> Any:
        return self.model._meta.verbose_name_plural

    def queryset(self) -> models.QuerySet:
        """All rows, unrestricted: callers pass it through ``restrict()``."""
        qs = self.model._default_manager.all()
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        if self.ordering:
            qs = qs.order_by(*self.ordering)
        elif not qs.ordered:
            qs = qs.order_by("pk")
        return qs

    @property
    def editable_fields(self) -> list[str]:
        if self.fields is not None:
            return list(self.fields)
        skip = {"id", "created", "updated", "created_by", "translations"}  # translations: core.translations
        return [
            f.name
            for f in self.model._meta.get_fields()
            if getattr(f, "editable", False) and not f.auto_created and f.concrete and f.name not in skip
        ] + [f.name for f in self.model._meta.many_to_many if f.name not in skip]

    @property
    def shown_fields(self) -> list[str]:
        return list(self.detail_fields) if self.detail_fields is not None else self.editable_fields

    @property
    def read_only_fields(self) -> list[str]:
        """What the API shows read-only: fields on the record's page that are not edited, and
        ``api_read_only`` (e.g. an import's progress and row errors)."""
        editable = set(self.editable_fields)
        names = [*self.shown_fields, *self.api_read_only]
        return [n for n in dict.fromkeys(names) if n not in editable]

    # Built pieces; each may be replaced by passing a class in the declaration.
    @cached_property
    def filterset_class(self) -> type:
        from .filters import build_filterset

        return self.filterset or build_filterset(self)

    @cached_property
    def table_class(self) -> type:
        from .tables import build_table

        return self.table or build_table(self)

    @cached_property
    def form_class(self) -> type:
        from .forms import build_form

        return self.form or build_form(self)

    @cached_property
    def serializer_class(self) -> type:
        from .api.serializers import build_serializer

        return self.serializer or build_serializer(self)

    @cached_property
    def viewset_class(self) -> type:
        from .api.viewsets import build_viewset

        return build_viewset(self)


class Registry:
    def __init__(self) -> None:
        self._resources: dict[type[models.Model], Resource] = {}

    def register(self, resource: Resource) -> Resource:
        if resource.model in self._resources:
            raise ValueError(f"{resource.model.__name__} is declared twice")
        self._resources[resource.model] = resource
        return resource

    def get(self, model: type[models.Model]) -> Resource:
        return self._resources[model]

    def find(self, model: type[models.Model]) -> Resource | None:
        return self._resources.get(model)

    def all(self) -> list[Resource]:
        return list(self._resources.values())

    def for_app(self, app_label: str) -> list[Resource]:
        return [r for r in self._resources.values() if r.app_label == app_label]

    def for_step(self, step: str) -> list[Resource]:
        return [r for r in self._resources.values() if r.step == step]

    def consumer_permissions(self) -> list[tuple[str, str]]:
        """(app label, codename) of what the consumer role grants besides viewing: the declared
        ``consumer_actions`` of frontstage resources."""
        return [
            (r.app_label, f"{action}_{r.model_name}")
            for r in self._resources.values()
            if getattr(r.model, "frontstage", False)
            for action in r.consumer_actions
        ]


registry = Registry()


def register(resource: Resource) -> Resource:
    return registry.register(resource)


def autodiscover() -> None:
    autodiscover_modules("resources")
