"""The one access rule of Wayfare (STYLE.md section 3).

``restrict(queryset, user, action)`` decides which rows a user may see or change:

- anonymous or inactive users: nothing;
- superusers: everything;
- anyone else needs Django's model permission ``<app>.<action>_<model>``; without it, nothing (views answer 403);
- consumer accounts (members of the *Consumer* role, linked to a person of a consumer organisation) see only
  rows of models declared frontstage, and of those only the rows owned by their own organisation, reached
  through the model's ``owner_path``;
- provider staff (everyone else with the permission) see every row.

Every queryset of the UI, the API, exports, form choices, serializer fields, htmx fragments and selectors
goes through this function (usually as ``Model.objects.restrict(user, action)``).
"""

from __future__ import annotations

from typing import Any

from django.db import models

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
        from wayfare.parties.selectors import person_for_user

        person = person_for_user(user)
        result = person.organisation_id if person and person.organisation_id else _NO_ORGANISATION
    user._wayfare_consumer_org = result
    return result


def is_consumer(user: Any) -> bool:
    return bool(user and user.is_authenticated and consumer_organisation_id(user) is not None)


def restrict(queryset: Any, user: Any, action: str = "view") -> Any:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    model = queryset.model
    if not user.has_perm(permission_name(model, action)):
        return queryset.none()
    organisation_id = consumer_organisation_id(user)
    if organisation_id is None:
        return queryset
    owner_path = getattr(model, "owner_path", None)
    if not getattr(model, "frontstage", False) or owner_path is None:
        return queryset.none()
    return queryset.filter(**{owner_path: organisation_id})


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
