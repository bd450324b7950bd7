"""Login accounts: who granted, changed or switched them off is audited on the person's history, and an
actor grants only within their own role (issue #11)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from wayfare.core.access import SYSTEM
from wayfare.core.audit import AuditAction, AuditEntry, audit_entries
from wayfare.core.exceptions import DomainError
from wayfare.core.testing import client_for
from wayfare.parties.services import person_account_grant, person_account_revoke

from .factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def _kinds(history):
    return [str(entry["kind"]) for entry in history]


def test_grant_change_and_revoke_are_on_the_person_history(users, org_a):
    person = PersonFactory(organisation=org_a)
    admin = users["staff"]
    client = client_for(admin)
    client.post(
        f"/parties/people/{person.pk}/account/",
        {"username": "kat", "password": "a-long-pass-phrase-1", "roles": ["Analyst", "Read-only"]},
    )
    client.post(
        f"/parties/people/{person.pk}/account/",
        {"username": "kat", "password": "a-long-pass-phrase-2", "roles": ["Analyst"]},
    )
    client.post(f"/parties/people/{person.pk}/account/", {"action": "revoke"})
    entries = list(AuditEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        AuditAction.ACCOUNT_GRANTED,
        AuditAction.ACCOUNT_CHANGED,
        AuditAction.ACCOUNT_REVOKED,
    ]
    assert all(e.actor == admin for e in entries)
    assert entries[1].detail["roles"] == [["Analyst", "Read-only"], ["Analyst"]]
    history = client.get(f"/parties/people/{person.pk}/").context["history"]
    audited = [
        e
        for e in history
        if str(e["kind"]) in {"login account given", "login account changed", "login switched off"}
    ]
    assert _kinds(audited) == ["login switched off", "login account changed", "login account given"]
    assert all(e["who"] == admin for e in audited)
    roles = next(c for c in audited[1]["changes"] if str(c["field"]) == "roles")
    assert (str(roles["old"]), str(roles["new"])) == ("Analyst, Read-only", "Analyst")
    whens = [e["when"] for e in history]
    assert whens == sorted(whens, reverse=True)


def test_consumers_do_not_see_audit_entries(users, org_a):
    person = PersonFactory(organisation=org_a)
    person_account_grant(
        person=person,
        username="kat",
        password="a-long-pass-phrase-1",
        roles=["Consumer"],
        actor=users["staff"],
    )
    assert audit_entries(person, users["staff"])
    assert audit_entries(person, users["consumer_own"]) == []
    assert audit_entries(person, None) == []


def test_a_refused_grant_writes_no_audit_entry(org_a):
    person = PersonFactory(organisation=org_a)
    with pytest.raises(ValidationError):
        person_account_grant(person=person, username="kat", password="123", roles=["Consumer"], actor=SYSTEM)
    assert not AuditEntry.objects.exists()
    assert not get_user_model().objects.filter(username="kat").exists()


def test_an_actor_grants_only_roles_within_their_own():
    """Someone allowed to manage logins but holding fewer rights than a role may not hand that role out."""
    manager = UserFactory(username="logins")
    from wayfare.core.resources import registry

    # What consumers may do besides viewing (declared consumer_actions: add a person, sign an agreement)
    # too, so the manager holds every permission of the Consumer role.
    consumer_codenames = [codename for _app, codename in registry.consumer_permissions()]
    manager.user_permissions.set(
        Permission.objects.filter(
            codename__in=["add_user", "change_user", "change_person", "add_person", *consumer_codenames]
        )
    )
    manager = get_user_model().objects.get(pk=manager.pk)
    person = PersonFactory()
    with pytest.raises(DomainError) as info:
        person_account_grant(
            person=person,
            username="kat",
            password="a-long-pass-phrase-1",
            roles=["Administrator"],
            actor=manager,
        )
    assert info.value.code == "role_above_actor"
    assert not get_user_model().objects.filter(username="kat").exists()


def test_an_administrator_may_grant_every_role_but_never_staff(users):
    person = PersonFactory()
    user = person_account_grant(
        person=person,
        username="kat",
        password="a-long-pass-phrase-1",
        roles=["Administrator", "Analyst"],
        actor=users["staff"],
    )
    assert not user.is_staff and not user.is_superuser


def test_revoking_a_superuser_through_person_account_is_refused(users):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    person = PersonFactory(user=root)
    with pytest.raises(DomainError) as info:
        person_account_revoke(person=person, actor=users["staff"])
    assert info.value.code == "superuser_account"
    root.refresh_from_db()
    assert root.is_active


def test_the_form_offers_only_roles_the_actor_may_grant(users):
    from wayfare.parties.forms import PersonAccountForm

    manager = UserFactory(username="logins", roles=["Read-only"])
    from wayfare.core.resources import registry

    # What consumers may do besides viewing (declared consumer_actions: add a person, sign an agreement)
    # too, so the manager holds every permission of the Consumer role.
    consumer_codenames = [codename for _app, codename in registry.consumer_permissions()]
    manager.user_permissions.set(
        Permission.objects.filter(
            codename__in=["add_user", "change_user", "change_person", "add_person", *consumer_codenames]
        )
    )
    manager = get_user_model().objects.get(pk=manager.pk)
    offered = {c[0] for c in PersonAccountForm(actor=manager).fields["roles"].choices}
    assert "Read-only" in offered and "Consumer" in offered and "Administrator" not in offered
    assert "Administrator" in {c[0] for c in PersonAccountForm(actor=users["staff"]).fields["roles"].choices}
