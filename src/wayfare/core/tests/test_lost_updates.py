"""Lost updates (issue #11): every edit checks the version it started from, in the service; the API speaks
ETag / If-Match; a stale form saves nothing and shows what changed; saves write only changed fields."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from wayfare.core.concurrency import StaleVersion, etag, version_of
from wayfare.core.services import record_update
from wayfare.core.testing import client_for
from wayfare.parties.models import Person
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory


@pytest.fixture
def admin(db):
    return UserFactory(username="editor", roles=["Administrator"])


@pytest.fixture
def person(db):
    return PersonFactory(name="Ana Lima", email="ana@example.org", phone="1")


def test_two_people_changing_different_fields_both_keep_their_change(person, admin):
    first, second = Person.objects.get(pk=person.pk), Person.objects.get(pk=person.pk)  # both open it
    record_update(instance=first, actor=admin, data={"name": "Ana Souza"})
    record_update(instance=second, actor=admin, data={"phone": "2"})
    person.refresh_from_db()
    assert (person.name, person.phone) == ("Ana Souza", "2")


def test_service_refuses_a_stale_version_and_writes_nothing(person, admin):
    opened = version_of(person)
    record_update(instance=person, actor=admin, data={"name": "Ana Souza"})
    with pytest.raises(StaleVersion) as caught:
        record_update(instance=person, actor=admin, data={"phone": "9"}, expected_version=opened)
    assert caught.value.current.name == "Ana Souza"
    person.refresh_from_db()
    assert person.phone == "1"


def test_an_unchanged_save_writes_nothing(person, admin):
    before = version_of(person)
    record_update(instance=person, actor=admin, data={"name": "Ana Lima"})
    person.refresh_from_db()
    assert version_of(person) == before and person.history.count() == 1


# -- API ------------------------------------------------------------------------------------------
def _url(obj):
    return f"/api/parties/people/{obj.pk}/"


def test_detail_sends_an_etag(person, admin):
    response = client_for(admin).get(_url(person))
    assert response["ETag"] == etag(person)


def test_stale_if_match_answers_412_with_the_current_etag(person, admin):
    api = client_for(admin)
    tag = api.get(_url(person))["ETag"]
    assert api.patch(_url(person), {"name": "First"}, content_type="application/json").status_code == 200
    response = api.patch(
        _url(person), {"phone": "7"}, content_type="application/json", headers={"If-Match": tag}
    )
    assert response.status_code == 412
    assert response.json()["code"] == "stale"
    person.refresh_from_db()
    assert person.phone == "1" and response["ETag"] == etag(person)
    assert api.delete(_url(person), headers={"If-Match": tag}).status_code == 412
    assert Person.objects.filter(pk=person.pk).exists()


def test_matching_if_match_proceeds_and_answers_the_new_etag(person, admin):
    api = client_for(admin)
    tag = api.get(_url(person))["ETag"]
    response = api.patch(
        _url(person), {"phone": "7"}, content_type="application/json", headers={"If-Match": tag}
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.phone == "7" and response["ETag"] == etag(person) != tag
    weak = api.get(_url(person))["ETag"]
    assert api.delete(_url(person), headers={"If-Match": f'W/{weak}, "1"'}).status_code == 204


def test_no_if_match_keeps_working(person, admin):
    api = client_for(admin)
    assert api.patch(_url(person), {"phone": "5"}, content_type="application/json").status_code == 200
    assert (
        api.put(
            _url(person),
            {
                "name": "Ana",
                "email": "ana@example.org",
                "phone": "6",
                "organisation": person.organisation_id,
                "preferred_language": "",
            },
            content_type="application/json",
        ).status_code
        == 200
    )


# -- UI -------------------------------------------------------------------------------------------
def _form_data(page) -> dict[str, str]:
    """The values a browser would post back from an edit page (text inputs, selects, hidden fields)."""
    html = page.content.decode()
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_two_stale_forms(person, admin):
    url = reverse("parties:person_edit", args=[person.pk])
    alice, bob = client_for(admin), client_for(UserFactory(username="bob", roles=["Administrator"]))
    alice_form, bob_form = _form_data(alice.get(url)), _form_data(bob.get(url))
    assert alice_form["_version"] == version_of(person)
    assert alice.post(url, {**alice_form, "name": "Ana Souza"}).status_code == 302

    response = bob.post(url, {**bob_form, "phone": "+55 11 0000"})
    assert response.status_code == 409
    person.refresh_from_db()
    assert (person.name, person.phone) == ("Ana Souza", "1")  # nothing saved over Alice's change
    html = response.content.decode()
    assert "Someone else changed this record" in html
    changes = {c["label"].lower(): c for c in response.context["changes"]}
    assert changes["name"]["then"] == "Ana Lima" and changes["name"]["now"] == "Ana Souza"
    assert changes["name"]["yours"] is None
    again = _form_data(response)
    assert again["phone"] == "+55 11 0000" and again["name"] == "Ana Souza"  # Bob's input kept on top
    assert again["_version"] == version_of(person)
    assert bob.post(url, again).status_code == 302
    person.refresh_from_db()
    assert (person.name, person.phone) == ("Ana Souza", "+55 11 0000")


def test_stale_form_shows_a_conflict_on_the_same_field(person, admin):
    url = reverse("parties:person_edit", args=[person.pk])
    client = client_for(admin)
    opened = _form_data(client.get(url))
    record_update(instance=person, actor=admin, data={"name": "Someone Else's"})
    response = client.post(url, {**opened, "name": "Mine"})
    assert response.status_code == 409
    changes = {c["label"].lower(): c for c in response.context["changes"]}
    assert changes["name"] == {
        "label": changes["name"]["label"],
        "then": "Ana Lima",
        "now": "Someone Else's",
        "yours": "Mine",
    }
    assert _form_data(response)["name"] == "Mine"


def test_related_value_the_reader_may_not_see_is_not_named(person, admin):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="people_only")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_person", "change_person"]))
    url = reverse("parties:person_edit", args=[person.pk])
    client = client_for(user)
    opened = _form_data(client.get(url))
    secret = OrganisationFactory(name="Secret Org")
    record_update(instance=person, actor=admin, data={"organisation": secret})
    response = client.post(url, {**opened, "phone": "3"})
    assert response.status_code == 409
    assert "Secret Org" not in response.content.decode()


def test_edit_form_without_version_still_saves(person, admin):
    url = reverse("parties:person_edit", args=[person.pk])
    client = client_for(admin)
    data = _form_data(client.get(url))
    data.pop("_version")
    assert client.post(url, {**data, "phone": "4"}).status_code == 302
    person.refresh_from_db()
    assert person.phone == "4"
