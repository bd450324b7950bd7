"""Managing a person's login account from the person's page."""

import pytest
from django.contrib.auth import get_user_model

from wayfare.core.testing import client_for

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_administrator_gives_and_switches_off_a_login(users, org_a):
    person = PersonFactory(organisation=org_a, email="katrina@example.org")
    client = client_for(users["staff"])
    page = client.get(f"/parties/people/{person.pk}/")
    assert f"/parties/people/{person.pk}/account/" in page.content.decode()
    form = client.get(f"/parties/people/{person.pk}/account/")
    assert form.status_code == 200 and form.context["form"].initial["username"] == "katrina"
    response = client.post(
        f"/parties/people/{person.pk}/account/",
        {"username": "katrina", "password": "a-long-pass-phrase-42", "roles": ["Consumer"]},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="katrina")
    assert user.check_password("a-long-pass-phrase-42") and list(
        user.groups.values_list("name", flat=True)
    ) == ["Consumer"]
    assert client_for(user).get(f"/parties/organisations/{org_a.pk}/").status_code == 200
    client.post(f"/parties/people/{person.pk}/account/", {"action": "revoke"})
    user.refresh_from_db()
    assert not user.is_active


def test_weak_password_is_refused_and_nothing_written(users, org_a):
    person = PersonFactory(organisation=org_a)
    response = client_for(users["staff"]).post(
        f"/parties/people/{person.pk}/account/", {"username": "kat", "password": "123", "roles": ["Consumer"]}
    )
    assert response.status_code == 400 and "password" in response.context["form"].errors
    assert not get_user_model().objects.filter(username="kat").exists()


@pytest.mark.parametrize("role,status", [("staff_none", 403), ("consumer_own", 403)])
def test_only_administrators_manage_logins(users, org_a, role, status):
    person = PersonFactory(organisation=org_a)
    assert client_for(users[role]).get(f"/parties/people/{person.pk}/account/").status_code == status


def test_relationship_manager_cannot_manage_logins(org_a):
    from .factories import UserFactory

    manager = UserFactory(username="rm", roles=["Relationship manager"])
    person = PersonFactory(organisation=org_a)
    assert client_for(manager).get(f"/parties/people/{person.pk}/account/").status_code == 403


def test_history_names_related_records_and_choices(users, org_a, org_b):
    person = PersonFactory(organisation=org_a, preferred_language="en")
    client = client_for(users["staff"])
    form = client.get(f"/parties/people/{person.pk}/edit/").context["form"]
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in form.initial.items() if v is not None}
    data.update({"organisation": org_b.pk, "preferred_language": "ru"})
    assert client.post(f"/parties/people/{person.pk}/edit/", data).status_code == 302
    history = client.get(f"/parties/people/{person.pk}/").context["history"]
    changes = {str(c["field"]): (c["old"], c["new"]) for c in history[0]["changes"]}
    assert changes["organisation"] == (org_a.name, org_b.name)
    assert changes["preferred language"] == ("English", "Русский")
