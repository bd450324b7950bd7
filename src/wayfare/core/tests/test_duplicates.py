"""A possible duplicate warns, with the matching records the user may see, and saves only when confirmed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wayfare.core.testing import client_for
from wayfare.parties.models import Person
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory


@pytest.fixture
def admin(db):
    return UserFactory(username="dup_admin", roles=["Administrator"])


@pytest.fixture
def existing(db):
    return PersonFactory(name="Ana Lima", email="ana@example.org")


def _data(org, **extra):
    return {
        "name": "ana lima",
        "email": "ANA@example.org",
        "phone": "",
        "organisation": org.pk,
        "preferred_language": "",
        **extra,
    }


def test_add_form_warns_and_saves_only_when_confirmed(admin, existing):
    client = client_for(admin)
    org = OrganisationFactory()
    response = client.post(reverse("parties:person_add"), _data(org))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ana Lima" in html and 'name="_confirm_duplicate"' in html
    assert Person.objects.count() == 1
    assert response.context["form"]["name"].value() == "ana lima"  # the input is kept
    response = client.post(reverse("parties:person_add"), _data(org, _confirm_duplicate="1"))
    assert response.status_code == 302
    assert Person.objects.count() == 2


def test_different_email_is_no_duplicate(admin, existing):
    response = client_for(admin).post(
        reverse("parties:person_add"), _data(OrganisationFactory(), email="x@example.org")
    )
    assert response.status_code == 302


def test_api_answers_400_with_a_code_unless_confirmed(admin, existing):
    api = client_for(admin)
    org = OrganisationFactory()
    response = api.post("/api/parties/people/", _data(org), content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "possible_duplicate"
    assert [d["id"] for d in response.json()["duplicates"]] == [existing.pk]
    response = api.post(
        "/api/parties/people/?confirm_duplicate=1", _data(org), content_type="application/json"
    )
    assert response.status_code == 201


def test_edit_into_a_duplicate_warns(admin, existing):
    other = PersonFactory(name="Bea", email="bea@example.org")
    response = client_for(admin).patch(
        f"/api/parties/people/{other.pk}/",
        {"name": "Ana Lima", "email": "ana@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "possible_duplicate"
    # Saving the record itself unchanged is no duplicate of itself.
    response = client_for(admin).patch(
        f"/api/parties/people/{existing.pk}/", {"phone": "9"}, content_type="application/json"
    )
    assert response.status_code == 200


def test_records_the_user_may_not_see_are_not_matched(existing, org_a, users):
    # A consumer of another organisation adds someone with the same name and e-mail: nothing is revealed.
    from wayfare.core.duplicates import duplicate_candidates
    from wayfare.core.resources import registry

    found = duplicate_candidates(
        registry.get(Person),
        actor=users["consumer_other"],
        values={"name": "Ana Lima", "email": "ana@example.org"},
    )
    assert found == []
    assert duplicate_candidates(
        registry.get(Person), actor=users["staff"], values={"name": "Ana Lima", "email": "ana@example.org"}
    ) == [existing]
