"""Write operations of the parties app beyond saving one record's own fields."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import CONSUMER_GROUP, is_consumer
from wayfare.core.audit import AuditAction, audit_record
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.roles import ROLES, role_by_group
from wayfare.core.tokens import api_tokens_end

from .models import Person


def _may_manage_account(actor: Any, user: Any) -> None:
    """A consumer's people never manage logins, whatever staff roles they also hold, and a superuser's
    account is changed by superusers only (issue #11: no takeover through these pages)."""
    if is_consumer(actor):
        raise AccessError(_("A consumer's account may not manage logins."), code="consumer_manages_logins")
    if user is not None and user.is_superuser and not getattr(actor, "is_superuser", False):
        raise DomainError(
            _("Only a superuser may change the account of a superuser."), code="superuser_account"
        )


def _within(actor: Any, group: Group, held: set[str]) -> bool:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()} <= held


def grantable_roles(actor: Any) -> list[str]:
    """The role group names ``actor`` may grant (for the form's choices; the grant checks again)."""
    groups = Group.objects.filter(name__in=[r.group for r in ROLES]).prefetch_related(
        "permissions__content_type"
    )
    if getattr(actor, "is_superuser", False):
        return [g.name for g in groups]
    held = actor.get_all_permissions()
    return [g.name for g in groups if _within(actor, g, held)]


def _may_grant(actor: Any, groups: list[Group]) -> None:
    """An actor grants only roles whose every permission they hold themselves, so no grant raises anyone
    above the actor (issue #11)."""
    if getattr(actor, "is_superuser", False):
        return
    held = actor.get_all_permissions()
    for group in groups:
        if not _within(actor, group, held):
            raise DomainError(
                _("You may not grant the role %(role)s: it allows more than your own roles do."),
                code="role_above_actor",
                params={"role": getattr(role_by_group(group.name), "label", group.name)},
            )


@transaction.atomic
def person_account_revoke(*, person: Person, actor: Any) -> None:
    """Switch off a person's login: the account stays (its history goes with it) but can no longer log
    in, and its API tokens end. Audited on the person."""
    user = person.user
    if user is None:
        raise DomainError(_("This person has no login account."), code="no_account")
    _may_manage_account(actor, user)
    was_active = user.is_active
    user.is_active = False
    user.save(update_fields=["is_active"])
    api_tokens_end(user=user)
    audit_record(
        actor=actor,
        target=person,
        action=AuditAction.ACCOUNT_REVOKED,
        detail={"active": [was_active, False]},
    )


@transaction.atomic
def person_account_grant(
    *, person: Person, username: str, password: str, roles: list[str], actor: Any
) -> Any:
    """Give a person a login account with the named roles (group names of ``core.roles.ROLES``).

    Keeps true: a person has at most one account; a consumer account (role *Consumer*) belongs to a
    person of an organisation, since it sees only that organisation's frontstage records; an actor grants
    only roles within their own permissions and never changes a superuser's account (unless a superuser).
    The account is never staff: the Django admin is for superusers only. Re-granting updates the password
    (which ends the account's API tokens) and sets the roles exactly. Audited on the person.
    """
    known = {r.group for r in ROLES}
    unknown = sorted(set(roles) - known)
    if unknown:
        raise DomainError(
            _("Unknown roles: %(roles)s."), code="unknown_role", params={"roles": ", ".join(unknown)}
        )
    if CONSUMER_GROUP in roles and person.organisation_id is None:
        raise DomainError(
            _("A consumer account needs a person who belongs to an organisation."), code="no_organisation"
        )
    User = get_user_model()
    _may_manage_account(actor, person.user)
    groups = list(Group.objects.filter(name__in=roles).prefetch_related("permissions__content_type"))
    _may_grant(actor, groups)
    user = person.user or User(username=username)
    if User.objects.filter(username=username).exclude(pk=user.pk).exists():
        raise DomainError(
            _("The account %(username)s already belongs to another person."),
            code="account_taken",
            params={"username": username},
        )
    before = {
        "username": user.username if user.pk else "",
        "roles": sorted(user.groups.values_list("name", flat=True)) if user.pk else [],
        "active": bool(user.pk and user.is_active),
    }
    user.username = username
    user.email = person.email
    user.first_name = person.name[:150]
    if not user.is_superuser:
        user.is_staff = False
    user.is_active = True
    user.set_password(password)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.full_clean(exclude=["password"])
    created = user.pk is None
    user.save()
    user.groups.set(groups)
    api_tokens_end(user=user)
    if person.user_id != user.pk:
        person.user = user
        person._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
        person.save(update_fields=["user", "updated"])
    after = {"username": username, "roles": sorted(set(roles)), "active": True}
    detail: dict[str, Any] = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    detail["password"] = [False, True]
    audit_record(
        actor=actor,
        target=person,
        action=AuditAction.ACCOUNT_GRANTED
        if created or not before["active"]
        else AuditAction.ACCOUNT_CHANGED,
        detail=detail,
    )
    return user
