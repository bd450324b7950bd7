"""Provider staff roles and the consumer role, kept as Django groups with model permissions.

Each role grants actions per app label; ``"*"`` stands for every Wayfare app. The consumer role grants
``view`` on frontstage models only; ``restrict()`` then narrows it to the consumer's own organisation.
Group names are stable English identifiers; their labels are translated for display.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .access import ACTIONS, CONSUMER_GROUP

ALL = ACTIONS
VIEW = ("view",)


@dataclass(frozen=True)
class Role:
    group: str
    label: str | Promise
    description: str | Promise
    grants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    frontstage_only: bool = False
    extra: tuple[str, ...] = ()  # further permissions, "app_label.codename" (e.g. managing login accounts)


ROLES: tuple[Role, ...] = (
    Role(
        "Administrator",
        _("Administrator"),
        _("Manages every record, the users and their roles."),
        {"*": ALL},
        extra=("auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group"),
    ),
    Role(
        "Relationship manager",
        _("Relationship manager"),
        _("Looks after organisations, people and service relationships."),
        {"parties": ALL, "*": VIEW},
    ),
    Role(
        "CX designer",
        _("CX designer"),
        _("Designs personas, journeys and blueprints."),
        {"journeys": ALL, "*": VIEW},
    ),
    Role(
        "Service desk agent",
        _("Service desk agent"),
        _("Records and handles service interactions, requests and incidents."),
        {"desk": ALL, "*": VIEW},
    ),
    Role(
        "Analyst",
        _("Analyst"),
        _("Imports event logs and analyses observed journeys."),
        {"analytics": ALL, "*": VIEW},
    ),
    Role("Read-only", _("Read-only"), _("Sees every record and changes nothing."), {"*": VIEW}),
    Role(
        CONSUMER_GROUP,
        _("Consumer"),
        _("A person of a consumer organisation: sees only that organisation's frontstage records."),
        {"*": VIEW},
        frontstage_only=True,
    ),
)


def wayfare_models() -> list:
    return [
        m
        for m in apps.get_models()
        if m.__module__.startswith("wayfare.") and not m.__name__.startswith("Historical")
    ]


def _role_permissions(role: Role) -> list[Permission]:
    wanted: list[tuple[str, str]] = []
    for model in wayfare_models():
        if role.frontstage_only and not getattr(model, "frontstage", False):
            continue
        label = model._meta.app_label
        actions = role.grants.get(label, role.grants.get("*", ()))
        wanted += [(label, f"{action}_{model._meta.model_name}") for action in actions]
    wanted += [tuple(name.split(".", 1)) for name in role.extra]  # type: ignore[misc]
    if role.frontstage_only:  # what resources let consumers do (issue #11, Resource.consumer_actions)
        from .resources import registry

        wanted += registry.consumer_permissions()
    if not wanted:
        return []
    wanted_set = set(wanted)
    perms = Permission.objects.filter(
        content_type__app_label__in={label for label, _codename in wanted_set}
    ).select_related("content_type")
    return [p for p in perms if (p.content_type.app_label, p.codename) in wanted_set]


@transaction.atomic
def roles_sync() -> list[Group]:
    """Create the role groups and set exactly the permissions each role grants (idempotent)."""
    groups = []
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.group)
        group.permissions.set(_role_permissions(role))
        groups.append(group)
    return groups


def role_by_group(name: str) -> Role | None:
    return next((r for r in ROLES if r.group == name), None)
