"""Designed journeys are versioned with their stages (issue #11): publish, draft, compare, access."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from wayfare.core.models import Version, VersionState
from wayfare.core.testing import client_for
from wayfare.parties.tests.factories import UserFactory

from .factories import DesignedJourneyFactory, DesignedStageFactory

pytestmark = pytest.mark.django_db


def _api(journey, tail=""):
    return f"/api/analytics/designed-journeys/{journey.pk}/versions/{tail}"


@pytest.fixture
def journey():
    journey = DesignedJourneyFactory(name="Booking")
    DesignedStageFactory(journey=journey, position=1, name="Book", activities="Book")
    DesignedStageFactory(journey=journey, position=2, name="Pick up", activities="Pick up")
    return journey


@pytest.fixture
def designer():
    return client_for(UserFactory(username="designer", roles=["CX designer"]))


def test_publishing_twice_makes_versions_1_and_2(designer, journey):
    response = designer.post(_api(journey, "publish/"), {"note": "first"}, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 1 and response.json()["state"] == "published"
    again = designer.post(_api(journey, "publish/"), {}, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "nothing_changed"
    stage = journey.stages.get(position=2)
    designer.patch(
        f"/api/analytics/designed-stages/{stage.pk}/",
        {"activities": "Pick up\nUnlock"},
        content_type="application/json",
    )
    response = designer.post(_api(journey, "publish/"), {}, content_type="application/json")
    assert response.status_code == 201 and response.json()["number"] == 2
    listed = designer.get(_api(journey)).json()
    assert [v["number"] for v in listed] == [2, 1]
    first = designer.get(_api(journey, f"{listed[1]['id']}/")).json()
    assert first["snapshot"]["children"]["stages"][str(stage.pk)]["fields"]["activities"] == "Pick up"


def test_comparison_shows_a_changed_an_added_and_a_removed_stage(designer, journey):
    designer.post(_api(journey, "publish/"))
    book, pick_up = journey.stages.order_by("position")
    book_pk = book.pk
    pick_up.activities = "Pick up\nUnlock"
    pick_up.save()
    book.delete()
    added = DesignedStageFactory(journey=journey, position=3, name="Return", activities="Return")
    journey.description = "Now with unlocking"
    journey.save()
    v1 = Version.objects.get(number=1)
    diff = designer.get(_api(journey, "compare/"), {"a": v1.pk, "b": "current"}).json()
    assert diff["changed"] == ["description"]
    stages = diff["children"][0]
    assert [row["id"] for row in stages["added"]] == [added.pk]
    assert [row["id"] for row in stages["removed"]] == [book_pk]
    assert stages["changed"][0]["id"] == pick_up.pk
    assert stages["changed"][0]["fields"][0]["name"] == "activities"
    assert stages["changed"][0]["fields"][0]["b"] == "Pick up\nUnlock"
    # ... and the page shows the same, side by side.
    designer.post(reverse("analytics:designedjourney_version_publish", args=[journey.pk]))
    v2 = Version.objects.get(number=2)
    url = reverse("analytics:designedjourney_version_compare", args=[journey.pk])
    page = designer.get(url, {"a": v1.pk, "b": v2.pk})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Now with unlocking" in html and str(added) in html and str(book.name) in html and "Unlock" in html
    assert designer.get(url, {"a": "999999", "b": v2.pk}).status_code == 302
    assert designer.get(_api(journey, "compare/"), {"a": "x"}).status_code == 400


def test_draft_snapshot_is_kept_once_and_dropped_on_publish(designer, journey):
    assert designer.post(_api(journey, "draft/")).status_code == 201
    assert designer.post(_api(journey, "draft/")).status_code == 201
    assert Version.objects.filter(state=VersionState.DRAFT).count() == 1
    designer.post(_api(journey, "publish/"))
    assert list(Version.objects.values_list("state", "number")) == [("published", 1)]


def test_versions_page_lists_and_publishes(designer, journey):
    detail = designer.get(journey.get_absolute_url()).content.decode()
    versions_url = reverse("analytics:designedjourney_versions", args=[journey.pk])
    assert f'href="{versions_url}"' in detail
    response = designer.post(
        reverse("analytics:designedjourney_version_publish", args=[journey.pk]), {"note": "launch"}
    )
    assert response.status_code == 302
    page = designer.get(versions_url).content.decode()
    assert "launch" in page and "Version 1" in page


def test_read_only_sees_versions_but_cannot_publish(journey):
    reader = client_for(UserFactory(username="reader", roles=["Read-only"]))
    assert reader.get(_api(journey)).status_code == 200
    assert reader.post(_api(journey, "publish/")).status_code == 403
    assert (
        reader.post(reverse("analytics:designedjourney_version_publish", args=[journey.pk])).status_code
        == 403
    )
    assert not Version.objects.exists()


def test_consumers_cannot_see_versions_of_backstage_records(users, designer, journey):
    designer.post(_api(journey, "publish/"))
    version = Version.objects.get()
    consumer = client_for(users["consumer_own"])
    for url in (_api(journey), _api(journey, f"{version.pk}/"), _api(journey, "compare/")):
        assert consumer.get(url).status_code == 403, url
    assert consumer.get(reverse("analytics:designedjourney_versions", args=[journey.pk])).status_code == 403


def test_restrict_applies_even_with_the_permission(users, designer, journey):
    """A consumer given the view permission still reaches no backstage row: the access rule ignores a
    permission consumers cannot hold (403, as every generated page and API route answers), and restrict()
    would answer 404 behind it."""
    designer.post(_api(journey, "publish/"))
    user = users["consumer_own"]
    user.user_permissions.add(Permission.objects.get(codename="view_designedjourney"))
    consumer = client_for(user)
    assert consumer.get(_api(journey)).status_code == 403
    assert consumer.get(reverse("analytics:designedjourney_versions", args=[journey.pk])).status_code == 403
    assert consumer.get(_api(journey, "compare/")).status_code == 403


def test_versions_are_in_the_schema(users):
    import yaml

    schema = yaml.safe_load(client_for(users["staff"]).get("/api/schema/").content)
    paths = [p for p in schema["paths"] if p.startswith("/api/analytics/designed-journeys/{")]
    assert any(p.endswith("/versions/publish/") for p in paths)
    assert any(p.endswith("/versions/compare/") for p in paths)


def test_backstage_fields_are_left_out_of_snapshots_for_consumers(users, journey, monkeypatch):
    from wayfare.analytics.models import DesignedJourney
    from wayfare.core.resources import registry
    from wayfare.core.versions import snapshot, version_compare, visible_data

    resource = registry.get(DesignedJourney)
    monkeypatch.setattr(resource, "backstage_fields", ["description"], raising=False)
    data = snapshot(resource, journey)
    assert "description" in visible_data(resource, data, users["staff"])["fields"]
    assert "description" not in visible_data(resource, data, users["consumer_own"])["fields"]
    names = [f["name"] for f in version_compare(resource, data, data, user=users["consumer_own"])["fields"]]
    assert "description" not in names and "name" in names


def test_comparison_opened_without_a_choice_shows_what_changed(users, designer, journey):
    """No ?a= and ?b=: the latest version against now, or, with nothing changed since, the version before
    it against it (never the record against itself)."""
    designer.post(_api(journey, "publish/"))
    stage = journey.stages.first()
    page = reverse("analytics:designedjourney_version_compare", args=[journey.pk])
    assert designer.get(page).context["diff"] == designer.get(page + "?a=current&b=current").context["diff"]
    stage.name = "Renamed stage"
    stage.save()
    changed = designer.get(page).context
    assert changed["a"].number == 1 and changed["b"] == "current"
    designer.post(_api(journey, "publish/"))
    after = designer.get(page).context
    assert (after["a"].number, after["b"].number) == (1, 2)
    assert "Renamed stage" in designer.get(page).content.decode()
