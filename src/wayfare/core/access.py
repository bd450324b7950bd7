"""The one access rule of Wayfare (STYLE.md section 3).

``restrict(queryset, user, action)`` decides which rows a user may see or change:

- anonymous or inactive users: nothing;
- superusers: everything;
- anyone else needs Django's model permission ``<app>.<action>_<model>``; without it, nothing (views answer 403);
- consumer accounts (members of the *Consumer* role, linked to a person of a consumer organisation) see only
  rows of models declared frontstage, and of those only the rows owned by their own organisation, reached
  through the model's ``owner_path`` (one lookup path, or several of which any may match: a service
  relationship belongs to both its provider and its consumer). A model may also say which of its rows are
  frontstage at all (``frontstage_rows``, a filter: an assessment the provider made about a consumer stays
  backstage, issue #12). They may take only the actions the resource declares in
  ``consumer_actions`` besides viewing, even when they hold staff roles too (issue #11: a consumer's staff
  roles never widen what the consumer's organisation may do);
- provider staff (everyone else with the permission) see every row.

Every queryset of the UI, the API, exports, form choices, serializer fields, htmx fragments and selectors
goes through this function (usually as ``Model.objects.restrict(user, action)``); how related records are
*shown* goes through ``core.related`` on top of it. ``has_permission`` is the same rule without rows, for
views that answer 403 before looking at any row.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from .identity import person_for_user

ACTIONS = ("view", "add", "change", "delete")
CONSUMER_GROUP = "Consumer"
_NO_ORGANISATION = 0  # a consumer account not (yet) linked to an organisation sees nothing


def permission_name(model: type[models.Model], action: str) -> str:
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def consumer_organisation_id(user: Any) -> int | None:
    """The organisation whose frontstage rows a consumer account may see; ``None`` for provider staff.

    A consumer account that is not linked to a person of an organisation gets ``0``: it matches no row.
    The answer is cached on the user object for the request.
    """
    if hasattr(user, "_wayfare_consumer_org"):
        return user._wayfare_consumer_org  # type: ignore[no-any-return]
    result: int | None = None
    if not user.is_superuser and user.groups.filter(name=CONSUMER_GROUP).exists():
        person = person_for_user(user)
        result = person.organisation_id if person and person.organisation_id else _NO_ORGANISATION
    user._wayfare_consumer_org = result
    return result


def is_consumer(user: Any) -> bool:
    return bool(user and user.is_authenticated and consumer_organisation_id(user) is not None)


def consumer_may(model: type[models.Model], action: str) -> bool:
    """Whether a consumer's people may take ``action`` on the model at all (on their own rows)."""
    if not getattr(model, "frontstage", False) or getattr(model, "owner_path", None) is None:
        return False
    if action == "view":
        return True
    from .resources import registry

    resource = registry.find(model)
    return bool(resource and action in resource.consumer_actions)


def has_permission(user: Any, model: type[models.Model], action: str) -> bool:
    """The model-level half of the rule: may ``user`` take ``action`` on some row of ``model``?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(permission_name(model, action)):
        return False
    return consumer_organisation_id(user) is None or consumer_may(model, action)


_SHARED: dict[type[models.Model], list[Any]] = {}


def share_with_consumers(model: type[models.Model], rows: Any) -> None:
    """Declare more rows of ``model`` that a consumer organisation may see: ``rows(organisation_id)``
    answers a queryset of their ids. The relationships app shares the organisations on the other side of
    a consumer's relationships (issue #12: a consumer sees whom it deals with, not "not shown")."""
    _SHARED.setdefault(model, []).append(rows)


def _through_many(model: type[models.Model], path: str) -> bool:
    """Whether an owner path starts with a many-to-many field of ``model`` (offered to organisations)."""
    name = path.split("__", 1)[0]
    if name == "pk":
        return False
    try:
        return bool(model._meta.get_field(name).many_to_many)
    except FieldDoesNotExist:
        return False


def owner_rule(model: type[models.Model], organisation_id: int, *, historical: bool = False) -> Q:
    """The rows of ``model`` that the consumer organisation may see: owned through any of the owner
    paths, and frontstage (``frontstage_rows``). ``historical``: the same rule on the model's change
    history, where ``pk`` is called ``id``."""
    paths = model.owner_path  # type: ignore[attr-defined]
    if isinstance(paths, str):
        paths = (paths,)
    rule = Q()
    for path in paths:
        if historical and _through_many(model, path):
            # A history row holds no many-to-many values: it is the consumer's when the record is now.
            rule |= Q(id__in=model._default_manager.filter(**{path: organisation_id}).values("pk"))
            continue
        rule |= Q(**{("id" if historical and path == "pk" else path): organisation_id})
    for shared in _SHARED.get(model, ()):
        rule |= Q(**{("id__in" if historical else "pk__in"): shared(organisation_id)})
    rows = getattr(model, "frontstage_rows", None)
    if rows:
        rule &= Q(**rows)
    return rule


def restriction(model: type[models.Model], user: Any, action: str = "view") -> bool | Q:
    """``True`` (every row), ``False`` (no row) or the filter that keeps the user's rows. ``restrict()``
    applies it; ``core.related`` uses it to skip a query when the answer is all or nothing."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not has_permission(user, model, action):
        return False
    organisation_id = None if user.is_superuser else consumer_organisation_id(user)
    if organisation_id is None:
        return True
    return owner_rule(model, organisation_id)


def restrict(queryset: Any, user: Any, action: str = "view") -> Any:
    rule = restriction(queryset.model, user, action)
    if rule is True:
        return queryset
    if rule is False:
        return queryset.none()
    return queryset.filter(rule)


def owner_from_actor(resource: Any, *, actor: Any, data: dict[str, Any], creating: bool) -> dict[str, Any]:
    """A consumer's write never names the owning organisation: whatever the input says is dropped, and a
    new row gets the actor's organisation (``Resource.owner_field``). Staff input passes unchanged."""
    name = resource.owner_field
    if name is None or actor is None or not is_consumer(actor):
        return data
    data = {k: v for k, v in data.items() if k != name}
    if creating:
        field: Any = resource.model._meta.get_field(name)
        data[name] = field.related_model._default_manager.get(pk=consumer_organisation_id(actor))
    return data


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user: Any, action: str = "view") -> RestrictedQuerySet:
        return restrict(self, user, action)


class SystemActor:
    """The explicit actor for system jobs (imports from the CLI, the demo loader) that must see every row."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    is_staff = True
    pk = None
    id = None
    username = "system"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return True

    def __str__(self) -> str:
        return "system"


SYSTEM = SystemActor()
