"""The generic write path never answers 500 (issue #11): bad query values, a blank country, a record
still in use, and an error after the write (which must roll the write back)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wayfare.core.testing import client_for
from wayfare.parties.models import Organisation, Person
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory


@pytest.fixture
def admin(db):
    return UserFactory(username="admin_api", roles=["Administrator"])


@pytest.fixture
def api(admin):
    return client_for(admin)


def test_organisation_api_answers_with_a_blank_country(api):
    OrganisationFactory(name="Nowhere Ltd", country="")
    response = api.get("/api/parties/organisations/")
    assert response.status_code == 200
    assert "Nowhere Ltd" in {row["name"] for row in response.json()["results"]}
    assert {row["country"] for row in response.json()["results"]} >= {""}


def test_organisation_post_without_country_is_created_once(api):
    response = api.post("/api/parties/organisations/", {"name": "No Country", "kind": "external"})
    assert response.status_code == 201, response.content
    assert response.json()["country"] == ""
    assert Organisation.objects.filter(name="No Country").count() == 1


def test_an_error_after_the_write_rolls_it_back(api, monkeypatch):
    from wayfare.core.api import viewsets

    def broken(self, *args, **kwargs):
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(viewsets.ResourceViewSet, "get_success_headers", broken)
    api.raise_request_exception = False
    response = api.post("/api/parties/organisations/", {"name": "Half Written", "kind": "external"})
    assert response.status_code == 500
    assert not Organisation.objects.filter(name="Half Written").exists()


def test_delete_in_use_answers_409_naming_only_what_the_reader_may_see(api, admin):
    org = OrganisationFactory(name="Busy Org")
    PersonFactory(name="Visible Person", organisation=org)
    PersonFactory(name="Other Person", organisation=org)
    response = api.delete(f"/api/parties/organisations/{org.pk}/")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "in_use"
    assert {u["display"] for u in body["used_by"]} == {"Visible Person", "Other Person"}
    assert body["hidden"] == 0
    assert Organisation.objects.filter(pk=org.pk).exists()


def test_delete_in_use_hides_names_the_reader_may_not_see(db):
    from wayfare.core.usage import usage_of

    org = OrganisationFactory(name="Busy Org")
    PersonFactory(name="Secret Person", organisation=org)
    # A user who may view organisations but not people.
    from django.contrib.auth.models import Permission

    user = UserFactory(username="org_reader")
    user.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    usage = usage_of(org, user)
    assert usage.blocked
    assert usage.shown == [] and usage.hidden == 1


def test_confirm_delete_page_says_in_use_before_confirming(api):
    org = OrganisationFactory(name="Busy Org")
    PersonFactory(name="Visible Person", organisation=org)
    page = api.get(reverse("parties:organisation_delete", args=[org.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Visible Person" in text
    assert 'type="submit"' not in text.split("<main", 1)[-1] or "in use" in text
    assert "cannot be deleted" in text
    assert '<button type="submit">' not in text
    free = OrganisationFactory(name="Free Org")
    page = api.get(reverse("parties:organisation_delete", args=[free.pk]))
    assert '<button type="submit">' in page.content.decode()


def test_add_form_ignores_junk_initial_values(api):
    response = api.get(reverse("journeys:journeystage_add") + "?journey_map=abc&position=x")
    assert response.status_code == 200


def test_add_form_keeps_valid_initial_values(api):
    from wayfare.journeys.tests.factories import JourneyMapFactory

    journey = JourneyMapFactory(name="Pinned journey")
    response = api.get(reverse("journeys:journeystage_add") + f"?journey_map={journey.pk}")
    assert response.status_code == 200
    assert f'<option value="{journey.pk}" selected>' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "per_page=-1",
        "per_page=abc",
        "per_page=0",
        "page=999",
        "page=-3",
        "page=abc",
        "sort=junk",
        "_export=junk",
        "per_page=99999999999999999999999",
        "sort=-name,junk",
    ],
)
def test_list_query_values_never_answer_500(api, query):
    PersonFactory.create_batch(3)
    response = api.get(reverse("parties:person_list") + "?" + query)
    assert response.status_code == 200


def test_list_page_beyond_the_end_shows_the_last_page(api):
    PersonFactory.create_batch(3)
    response = api.get(reverse("parties:person_list") + "?page=999&per_page=2")
    assert response.status_code == 200
    assert len(response.context["table"].page.object_list) == 1


@pytest.mark.parametrize(
    "query",
    [
        "limit=99999999999999999999999",
        "offset=-1",
        "offset=99999999999999999999999",
        "limit=-5",
        "limit=abc",
        "ordering=junk",
        "ordering=-nonsense,name",
    ],
)
def test_api_query_values_never_answer_500(api, query):
    PersonFactory.create_batch(3)
    response = api.get("/api/parties/people/?" + query)
    assert response.status_code == 200, response.content


def test_api_limit_is_bounded(api):
    from wayfare.core.api.pagination import BoundedLimitOffsetPagination

    assert BoundedLimitOffsetPagination.max_limit == 500
    PersonFactory.create_batch(2)
    response = api.get("/api/parties/people/?limit=99999999999999999999999")
    assert len(response.json()["results"]) == Person.objects.count()


def test_add_form_post_with_junk_related_id_is_a_form_error(api):
    response = api.post(
        reverse("journeys:journeystage_add"), {"journey_map": "abc", "name": "X", "position": "1"}
    )
    assert response.status_code == 400


def _all_resources():
    from wayfare.core.resources import registry

    return [pytest.param(r, id=f"{r.app_label}.{r.model_name}") for r in registry.all()]


@pytest.mark.parametrize("resource", _all_resources())
def test_every_list_and_add_page_survives_junk_query_values(api, resource):
    junk = {name: "abc" for name in resource.editable_fields}
    list_url = reverse(resource.url_name("list"))
    for query in ("per_page=-1", "page=abc", "sort=nonsense", "_export=junk", "page=999999999999999999999"):
        assert api.get(f"{list_url}?{query}").status_code == 200, query
    response = api.get(reverse(resource.url_name("add")), junk)
    assert response.status_code == 200
    response = api.post(reverse(resource.url_name("add")), junk)
    assert response.status_code == 400


def test_a_create_is_checked_against_add_not_change(db):
    """The check after a generic create asks whether the actor may *add* the row (issue #14: a
    consumer's customer adds an acceptance or a sign-off that nobody may change afterwards). Before, it
    asked for "change", so an account allowed to add but not to change could not create anything."""
    from django.contrib.auth.models import Permission

    from wayfare.core.exceptions import AccessError
    from wayfare.core.services import record_create

    adder = UserFactory(username="adds_only", roles=[])
    adder.user_permissions.add(
        Permission.objects.get(codename="add_organisation", content_type__app_label="parties")
    )
    adder = type(adder).objects.get(pk=adder.pk)  # a fresh object: permissions are cached
    org = record_create(model=Organisation, actor=adder, data={"name": "Added Only", "kind": "external"})
    assert Organisation.objects.filter(pk=org.pk).exists()

    changer = UserFactory(username="changes_only", roles=[])
    changer.user_permissions.add(
        Permission.objects.get(codename="change_organisation", content_type__app_label="parties")
    )
    changer = type(changer).objects.get(pk=changer.pk)
    with pytest.raises(AccessError):
        record_create(model=Organisation, actor=changer, data={"name": "Never Added", "kind": "external"})
    assert not Organisation.objects.filter(name="Never Added").exists()
