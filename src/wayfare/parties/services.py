"""Write operations of the parties app beyond saving one record's own fields."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import CONSUMER_GROUP
from wayfare.core.exceptions import DomainError
from wayfare.core.roles import ROLES

from .models import Person


@transaction.atomic
def person_account_revoke(*, person: Person, actor: Any) -> None:
    """Switch off a person's login: the account stays (its history and API token go with it) but can no
    longer log in, and its API token is removed."""
    user = person.user
    if user is None:
        raise DomainError(_("This person has no login account."), code="no_account")
    from rest_framework.authtoken.models import Token

    user.is_active = False
    user.save(update_fields=["is_active"])
    Token.objects.filter(user=user).delete()


@transaction.atomic
def person_account_grant(
    *, person: Person, username: str, password: str, roles: list[str], actor: Any
) -> Any:
    """Give a person a login account with the named roles (group names of ``core.roles.ROLES``).

    Keeps true: a person has at most one account; a consumer account (role *Consumer*) belongs to a
    person of an organisation, since it sees only that organisation's frontstage records. Re-granting
    updates the password and sets the roles exactly.
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
    user = person.user or User(username=username)
    if User.objects.filter(username=username).exclude(pk=user.pk).exists():
        raise DomainError(
            _("The account %(username)s already belongs to another person."),
            code="account_taken",
            params={"username": username},
        )
    user.username = username
    user.email = person.email
    user.first_name = person.name[:150]
    user.is_staff = CONSUMER_GROUP not in roles and "Administrator" in roles
    user.is_active = True
    user.set_password(password)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set(Group.objects.filter(name__in=roles))
    if person.user_id != user.pk:
        person.user = user
        person._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
        person.save(update_fields=["user", "updated"])
    return user
