"""How a reader sees records related to the one in front of them (issue #11, STYLE.md section 3).

A row a reader may not open never shows by name either: not in a table column, a detail page, an export,
the API, the history, a form's choices or a row's own name. Every place that shows a related record asks
one ``Seen`` (per request) instead of calling ``str()``:

- ``seen.label(obj)``: the record's name if the reader may view it (``restrict()``), else "not shown";
- ``seen.link(obj)``: its page, only if the reader may view it;
- ``seen.display(obj)``: a row's own name, built from its declared ``display_parts`` (each part shown
  through ``label``), so ``ConsumerRole`` ("person · role · organisation") does not leak the person;
- ``seen.account(user)``: who did something, as this reader may know it (staff names are the provider's
  name to consumers);
- ``seen.prime(model, ids)`` / ``seen.prime_objects(objs)``: one query per related model for a batch (a
  page of a list, a history), so showing related records costs no query per row; a reader who sees all
  or none of a model's rows costs no query at all (``access.restriction``);
- ``restrict_choices(fields, user)``: the one loop that limits the choices of form fields, filters and
  serializer fields to rows the user may view, and labels them through ``Seen``.

Backstage fields (``Resource.backstage_fields``) are hidden from consumers with ``hidden_fields``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .access import consumer_organisation_id, is_consumer, permission_name, restriction
from .identity import person_for_user
from .resources import registry

NOT_SHOWN = _("not shown")
LOGIN_ACCOUNT = _("login account")
PROVIDER = _("the service provider")


def provider_name() -> Any:
    """What consumers read for anything provider staff did: ``WAYFARE_PROVIDER_NAME`` (the internal
    organisation's name, e.g. "Unitrans") if the deployment sets it, else "the service provider"."""
    return getattr(settings, "WAYFARE_PROVIDER_NAME", None) or PROVIDER


def hidden_fields(resource: Any, user: Any) -> set[str]:
    """The resource's fields this reader never sees: its backstage fields, for consumers."""
    if resource is None or not resource.backstage_fields or not is_consumer(user):
        return set()
    return set(resource.backstage_fields)


def _restricted(model: type[Model]) -> bool:
    return hasattr(model._default_manager, "restrict")


class Seen:
    """What one reader may see of related records, remembered for the request."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self._visible: dict[type[Model], dict[Any, bool]] = {}
        self._accounts: dict[Any, Any] = {}
        self.staff = bool(user and user.is_authenticated and user.is_active and not is_consumer(user))

    @classmethod
    def of(cls, request: Any) -> Seen:
        """The request's ``Seen`` (made once per request)."""
        seen = getattr(request, "_wayfare_seen", None)
        if seen is None or seen.user is not getattr(request, "user", None):
            seen = cls(getattr(request, "user", None))
            if request is not None:
                request._wayfare_seen = seen
        return seen

    # -- which rows --------------------------------------------------------------------------------
    def prime(self, model: type[Model], ids: Iterable[Any]) -> None:
        """Learn in one query which of these ids of ``model`` the reader may view."""
        known = self._visible.setdefault(model, {})
        wanted = {pk for pk in ids if pk is not None and pk not in known}
        if not wanted:
            return
        if not _restricted(model):  # login accounts, groups: provider staff only
            answer = self.staff and (
                model is get_user_model() or self.user.has_perm(permission_name(model, "view"))
            )
            known.update(dict.fromkeys(wanted, bool(answer)))
            return
        rule = restriction(model, self.user, "view")
        if isinstance(rule, bool):
            known.update(dict.fromkeys(wanted, rule))
            return
        visible = set(model._default_manager.filter(rule, pk__in=wanted).values_list("pk", flat=True))
        known.update({pk: pk in visible for pk in wanted})

    def prime_objects(self, objects: Iterable[Any]) -> None:
        by_model: dict[type[Model], list[Any]] = {}
        for obj in objects:
            if isinstance(obj, Model):
                by_model.setdefault(type(obj), []).append(obj.pk)
        for model, ids in by_model.items():
            self.prime(model, ids)

    def prime_fields(self, rows: Iterable[Model], names: Iterable[str]) -> None:
        """Prime the related records that ``names`` (foreign keys) point at from ``rows``."""
        rows = list(rows)
        if not rows:
            return
        opts = rows[0]._meta
        for name in names:
            field: Any = opts.get_field(name)
            if field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete:
                self.prime(field.related_model, (getattr(row, field.attname) for row in rows))

    def may_view(self, obj: Any) -> bool:
        if not isinstance(obj, Model):
            return True
        return self.may_view_id(type(obj), obj.pk)

    def may_view_id(self, model: type[Model], pk: Any) -> bool:
        if pk not in self._visible.get(model, {}):
            self.prime(model, [pk])
        return self._visible[model][pk]

    # -- how they show -----------------------------------------------------------------------------
    def display(self, obj: Model) -> str:
        """A row's own name, for a reader who may view the row."""
        resource = registry.find(type(obj))
        if resource is None or not resource.display_parts:
            return str(obj)
        parts = []
        for name in resource.display_parts:
            field: Any = obj._meta.get_field(name)
            if field.is_relation:
                value = getattr(obj, name)
                parts.append(str(self.label(value)) if value is not None else "—")
            elif field.choices:
                parts.append(str(getattr(obj, f"get_{name}_display")()))
            elif name in resource.translated_fields:
                parts.append(str(obj.translated(name)))  # type: ignore[attr-defined]  # core.translations
            else:
                parts.append(str(getattr(obj, name)))
        return " · ".join(parts)

    def label(self, obj: Any) -> Any:
        """A related record's name, or "not shown" if the reader may not open it."""
        if obj is None or not isinstance(obj, Model):
            return obj
        if isinstance(obj, get_user_model()):
            return obj.get_username() if self.staff else LOGIN_ACCOUNT
        if getattr(type(obj), "named_to_all_readers", False):
            # reference data whose name is no secret (an assessment's questionnaire, issue #12): whoever
            # sees a row pointing at it reads its name; ``link`` still needs the right to open it
            return self.display(obj)
        return self.display(obj) if self.may_view(obj) else NOT_SHOWN

    def link(self, obj: Any) -> str | None:
        if not isinstance(obj, Model) or not self.may_view(obj):
            return None
        target = registry.find(type(obj))
        if target is None:
            return None
        try:
            return reverse(target.url_name("detail"), args=[obj.pk])
        except NoReverseMatch:
            return None

    def account(self, account: Any) -> Any:
        """Who did something (history, "created by"). Staff read the user name; consumers read the
        name of a person of their own organisation, and the provider's name for everyone else."""
        if account is None:
            return None
        if self.staff:
            return account.get_username()
        if account.pk not in self._accounts:
            own = consumer_organisation_id(self.user) if self.user and self.user.is_authenticated else None
            person = person_for_user(account)
            if own and person is not None and person.organisation_id == own:
                self._accounts[account.pk] = person.name
            else:
                self._accounts[account.pk] = provider_name()
        return self._accounts[account.pk]

    def annotate(self, queryset: QuerySet, names: Iterable[str]) -> QuerySet:
        """Prime from inside the list's own query: for each foreign key in ``names`` whose target the
        reader sees only partly, an ``Exists`` column says if the row's target is visible (no query of
        its own; ``see_annotated`` reads it back)."""
        opts = queryset.model._meta
        extra = {}
        for name in names:
            field: Any = opts.get_field(name)
            if not (field.is_relation and field.many_to_one and _restricted(field.related_model)):
                continue
            rule = restriction(field.related_model, self.user, "view")
            if isinstance(rule, bool):
                self._visible.setdefault(field.related_model, {})
                continue
            target = field.related_model._default_manager.filter(rule).filter(pk=OuterRef(field.attname))
            extra[f"_seen_{name}"] = Exists(target)
        return queryset.annotate(**extra) if extra else queryset

    def see_annotated(self, row: Model, name: str) -> None:
        """Take the visibility of ``row.<name>`` from the column ``annotate`` added, if it did."""
        flag = getattr(row, f"_seen_{name}", None)
        field: Any = row._meta.get_field(name)
        pk = getattr(row, field.attname)
        if flag is not None and pk is not None:
            self._visible.setdefault(field.related_model, {})[pk] = bool(flag)


def restrict_choices(fields: Iterable[Any], user: Any) -> None:
    """Limit model-choice fields (form fields, filters' fields, serializer related fields) to rows
    ``user`` may view, so another organisation's id is "not a valid choice" exactly like an id that does
    not exist, and name the choices through ``Seen``."""
    seen = Seen(user)
    for field in fields:
        target = getattr(field, "child_relation", field)
        queryset = getattr(target, "queryset", None)
        if queryset is None or not hasattr(queryset, "restrict"):
            continue
        target.queryset = queryset.restrict(user, "view")
        if hasattr(target, "label_from_instance") and registry.find(queryset.model):
            if registry.find(queryset.model).display_parts:  # type: ignore[union-attr]
                target.label_from_instance = seen.display
