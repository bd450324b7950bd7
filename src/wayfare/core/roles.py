"""Provider staff roles and the consumer role, kept as Django groups with model permissions.

The roles themselves (group names, labels, descriptions) live here; what a role may do in an app is
declared by that app (issue #11: core names no app), usually in its ``resources.py``::

    grant("CX designer", DesignedJourney, "view add change delete")
    grant("Analyst", "analytics", "view add change delete")   # every model of the app

A role's own ``grants`` only hold what applies to every app (``"*"``, e.g. Read-only's ``view``). The
consumer role grants ``view`` on frontstage models only; ``restrict()`` then narrows it to the consumer's
own organisation. Group names are stable English identifiers; their labels are translated for display.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
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
        {"*": VIEW},
    ),
    Role(
        "CX designer",
        _("CX designer"),
        _("Designs personas, journeys and blueprints."),
        {"*": VIEW},
    ),
    Role(
        "Service level manager",
        _("Service level manager"),
        _("Looks after services, offerings, the service catalogue and agreements."),
        {"*": VIEW},
    ),
    Role(
        "Service desk agent",
        _("Service desk agent"),
        _("Records and handles service interactions, requests and incidents."),
        {"*": VIEW},
    ),
    Role(
        "Analyst",
        _("Analyst"),
        _("Imports event logs and analyses observed journeys."),
        {"*": VIEW},
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


@dataclass(frozen=True)
class Grant:
    """One app's declaration that ``role`` may do ``actions`` on a model (or on every model of an app)."""

    role: str
    target: type[models.Model] | str  # a model, or an app label
    actions: tuple[str, ...]

    def covers(self, model: type[models.Model]) -> bool:
        return self.target is model or self.target == model._meta.app_label

    def codenames(self, model: type[models.Model]) -> list[str]:
        """Standard actions become ``<action>_<model>``; any other word is a custom permission's codename
        (e.g. a transition's ``reimport_eventlog``)."""
        name = model._meta.model_name
        return [f"{a}_{name}" if a in ACTIONS else a for a in self.actions]


GRANTS: list[Grant] = []


def grant(role: str, target: type[models.Model] | str, actions: str | Iterable[str]) -> Grant:
    """Declare what a role may do in an app (called from the app's ``resources.py``)."""
    if role_by_group(role) is None:
        raise ValueError(f"unknown role {role!r}; roles are defined in wayfare.core.roles")
    words = tuple(actions.split() if isinstance(actions, str) else actions)
    declared = Grant(role, target, words)
    if declared not in GRANTS:
        GRANTS.append(declared)
    return declared


def grants_for(role: Role) -> list[Grant]:
    return [g for g in GRANTS if g.role == role.group]


def wayfare_models() -> list:
    return [
        m
        for m in apps.get_models()
        if m.__module__.startswith("wayfare.") and not m.__name__.startswith("Historical")
    ]


def role_codenames(role: Role, model: type[models.Model]) -> list[str]:
    """The permission codenames ``role`` holds on ``model``: its own ``"*"`` grants and the apps' grants."""
    if role.frontstage_only and not getattr(model, "frontstage", False):
        return []
    actions = role.grants.get(model._meta.app_label, role.grants.get("*", ()))
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    for declared in grants_for(role):
        if declared.covers(model):
            codenames += declared.codenames(model)
    return list(dict.fromkeys(codenames))


def _role_permissions(role: Role) -> list[Permission]:
    wanted: list[tuple[str, str]] = []
    for model in wayfare_models():
        wanted += [(model._meta.app_label, codename) for codename in role_codenames(role, model)]
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
