"""What a consumer's people may see of related records, history, filters and backstage fields (issue #11).

The world: organisation A's consumer role points at a person of organisation B (a consultant acting as
A's sponsor). A consumer of A may open the role but not the person, so the person's name, page and id
never reach them, wherever the role shows.
"""

import io

import pytest
from openpyxl import load_workbook

from wayfare.core.resources import registry
from wayfare.core.testing import client_for
from wayfare.parties.models import ConsumerRole, Person
from wayfare.parties.tests.factories import ConsumerRoleFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "Zelda Outsider"


@pytest.fixture
def foreign_role(org_a, org_b):
    outsider = PersonFactory(name=SECRET_NAME, organisation=org_b, phone="+7 000")
    return ConsumerRoleFactory(person=outsider, organisation=org_a, role="sponsor", note="Hard to reach")


def _text(response):
    return response.content.decode("utf-8-sig")


def test_list_shows_the_foreign_person_as_not_shown_without_link(users, foreign_role):
    client = client_for(users["consumer_own"])
    page = _text(client.get("/parties/consumer-roles/"))
    assert SECRET_NAME not in page
    assert f"/parties/people/{foreign_role.person_id}/" not in page
    assert "not shown" in page
    assert f"/parties/consumer-roles/{foreign_role.pk}/" in page  # the row itself stays reachable


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_do_not_name_the_foreign_person(users, foreign_role, fmt):
    response = client_for(users["consumer_own"]).get(f"/parties/consumer-roles/?_export={fmt}")
    assert response.status_code == 200
    if fmt == "csv":
        text = _text(response)
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
    assert SECRET_NAME not in text and "not shown" in text


def test_detail_page_and_its_title_do_not_name_the_foreign_person(users, foreign_role):
    response = client_for(users["consumer_own"]).get(f"/parties/consumer-roles/{foreign_role.pk}/")
    page = _text(response)
    assert response.status_code == 200
    assert SECRET_NAME not in page and f"/parties/people/{foreign_role.person_id}/" not in page
    row = next(r for r in response.context["fields"] if r["name"] == "person")
    assert row["link"] is None and str(row["value"]) == "not shown"


def test_staff_still_see_and_reach_the_person(users, foreign_role):
    response = client_for(users["staff"]).get(f"/parties/consumer-roles/{foreign_role.pk}/")
    page = _text(response)
    assert SECRET_NAME in page and f"/parties/people/{foreign_role.person_id}/" in page


def test_api_display_and_related_id_are_not_shown(users, foreign_role):
    client = client_for(users["consumer_own"])
    row = client.get(f"/api/parties/consumer-roles/{foreign_role.pk}/").json()
    assert SECRET_NAME not in row["display"] and "not shown" in row["display"]
    assert row["person"] is None and row["organisation"] == foreign_role.organisation_id
    listed = client.get("/api/parties/consumer-roles/").json()["results"]
    assert [r["person"] for r in listed] == [None]
    assert SECRET_NAME not in str(listed)
    staff = client_for(users["staff"]).get(f"/api/parties/consumer-roles/{foreign_role.pk}/").json()
    assert SECRET_NAME in staff["display"] and staff["person"] == foreign_role.person_id


def test_api_list_primes_related_rows_once_per_page(users, org_a, org_b, django_assert_max_num_queries):
    for _ in range(6):
        ConsumerRoleFactory(person=PersonFactory(organisation=org_b), organisation=org_a)
    client = client_for(users["consumer_own"])
    client.get("/api/parties/consumer-roles/")
    with django_assert_max_num_queries(12) as few:
        client.get("/api/parties/consumer-roles/")
    for _ in range(6):
        ConsumerRoleFactory(person=PersonFactory(organisation=org_b), organisation=org_a)
    with django_assert_max_num_queries(len(few)):
        client.get("/api/parties/consumer-roles/")


def test_history_does_not_name_the_foreign_person(users, foreign_role, org_a):
    from wayfare.core.services import record_update

    insider = PersonFactory(name="Ivy Insider", organisation=org_a)
    outsider = foreign_role.person
    record_update(instance=foreign_role, actor=users["staff"], data={"person": insider})
    record_update(instance=foreign_role, actor=users["staff"], data={"person": outsider})
    response = client_for(users["consumer_own"]).get(f"/parties/consumer-roles/{foreign_role.pk}/")
    changes = [c for e in response.context["history"] for c in e["changes"]]
    assert changes and all(str(c["field"]) == "person" for c in changes)
    assert SECRET_NAME not in _text(response)
    assert {str(c["new"]) for c in changes} == {"Ivy Insider", "not shown"}


def test_filter_choices_leave_out_the_foreign_person(users, foreign_role, org_a):
    mine = PersonFactory(organisation=org_a)
    response = client_for(users["consumer_own"]).get("/parties/consumer-roles/")
    choices = list(response.context["filterset"].form.fields["person"].queryset)
    assert mine in choices and foreign_role.person not in choices


def test_search_does_not_match_through_the_foreign_person(users, foreign_role):
    response = client_for(users["consumer_own"]).get("/parties/consumer-roles/", {"q": "Zelda"})
    assert response.status_code == 200 and len(response.context["table"].data) == 0
    staff = client_for(users["staff"]).get("/parties/consumer-roles/", {"q": "Zelda"})
    assert len(staff.context["table"].data) == 1


# -- history: only what was true while the record was the reader's organisation's -----------------------
def test_a_moved_person_shows_nothing_of_before(users, org_a, org_b):
    from wayfare.core.services import record_update

    # distinctive numbers: a factory's sequence names ("Person 1118") must not match them by chance
    person = PersonFactory(organisation=org_b, name="Moved person", phone="+7 495 1-1-1")
    record_update(instance=person, actor=users["staff"], data={"phone": "+7 495 2-2-2"})
    record_update(instance=person, actor=users["staff"], data={"organisation": org_a, "phone": "+55 11 333"})
    response = client_for(users["consumer_own"]).get(f"/parties/people/{person.pk}/")
    page = _text(response)
    assert response.status_code == 200
    assert "1-1-1" not in page and "2-2-2" not in page and org_b.name not in page
    assert len(response.context["history"]) == 1  # only the version that is A's
    staff_history = client_for(users["staff"]).get(f"/parties/people/{person.pk}/").context["history"]
    assert len(staff_history) == 3


def test_staff_names_show_as_the_provider_to_consumers(users, org_a, settings):
    from wayfare.core.services import record_create

    person = record_create(model=Person, actor=users["staff"], data={"name": "N", "organisation": org_a})
    response = client_for(users["consumer_own"]).get(f"/parties/people/{person.pk}/")
    page = _text(response)
    assert users["staff"].username not in page
    assert [e["who"] for e in response.context["history"]] == ["the service provider"]
    assert "the service provider" in page  # "created by"
    settings.WAYFARE_PROVIDER_NAME = "Unitrans"
    response = client_for(users["consumer_own"]).get(f"/parties/people/{person.pk}/")
    assert [e["who"] for e in response.context["history"]] == ["Unitrans"]
    staff = client_for(users["staff"]).get(f"/parties/people/{person.pk}/").context["history"]
    assert [e["who"] for e in staff] == [users["staff"].username]


def test_login_account_shows_no_raw_id(users, org_a):
    from wayfare.parties.services import person_account_grant

    person = PersonFactory(organisation=org_a)
    person_account_grant(
        person=person,
        username="kat42",
        password="a-long-pass-phrase-42",
        roles=["Consumer"],
        actor=users["staff"],
    )
    staff = client_for(users["staff"]).get(f"/parties/people/{person.pk}/").context["history"]
    change = next(c for e in staff for c in e["changes"] if str(c["field"]) == "login account")
    assert change["new"] == "kat42"
    page = client_for(users["consumer_own"]).get(f"/parties/people/{person.pk}/")
    change = next(
        c for e in page.context["history"] for c in e["changes"] if str(c["field"]) == "login account"
    )
    assert str(change["new"]) == "login account"
    assert "kat42" not in _text(page)  # nor on the person's page ("Logs in as ...")


# -- filters: an invalid or foreign value is an error, never an unfiltered list -------------------------
@pytest.mark.parametrize("value", ["abc", "foreign"])
def test_invalid_or_foreign_filter_answers_400_with_an_empty_table(users, foreign_role, org_b, value):
    other = ConsumerRoleFactory(organisation=org_b)
    value = str(other.person_id) if value == "foreign" else value
    client = client_for(users["consumer_own"])
    response = client.get("/parties/consumer-roles/", {"person": value})
    assert response.status_code == 400
    assert len(response.context["table"].data) == 0
    assert 'role="alert"' in _text(response)
    fragment = client.get("/parties/consumer-roles/", {"person": value}, headers={"HX-Request": "true"})
    assert fragment.status_code == 400 and 'role="alert"' in _text(fragment)
    export = client.get("/parties/consumer-roles/", {"person": value, "_export": "csv"})
    assert export.status_code == 400 and "text/csv" not in export["Content-Type"]
    assert client.get("/api/parties/consumer-roles/", {"person": value}).status_code == 400


# -- backstage fields ------------------------------------------------------------------------------------
def test_backstage_note_never_reaches_consumers(users, foreign_role):
    from wayfare.core.services import record_update

    record_update(instance=foreign_role, actor=users["staff"], data={"note": "Difficult to please"})
    client = client_for(users["consumer_own"])
    pages = [
        client.get("/parties/consumer-roles/"),
        client.get(f"/parties/consumer-roles/{foreign_role.pk}/"),
        client.get("/parties/consumer-roles/?_export=csv"),
    ]
    for response in pages:
        text = _text(response)
        assert "Hard to reach" not in text and "Difficult to please" not in text
    assert "note" not in client.get("/parties/consumer-roles/").context["table"].columns.names()
    assert not any(e["changes"] for e in pages[1].context["history"])
    api = client.get(f"/api/parties/consumer-roles/{foreign_role.pk}/").json()
    assert "note" not in api
    ConsumerRoleFactory(organisation=foreign_role.organisation, note="Always first")
    ascending, descending = (
        [r["id"] for r in client.get("/api/parties/consumer-roles/", {"ordering": o}).json()["results"]]
        for o in ("note", "-note")
    )
    assert ascending == descending  # sorting by the note would reveal it
    found = client.get("/parties/consumer-roles/", {"q": "Difficult"})
    assert len(found.context["table"].data) == 0
    staff = client_for(users["staff"])
    assert "Difficult to please" in _text(staff.get(f"/parties/consumer-roles/{foreign_role.pk}/"))
    assert len(staff.get("/parties/consumer-roles/", {"q": "Difficult"}).context["table"].data) == 1


# -- consumer actions ------------------------------------------------------------------------------------
def test_consumer_adds_a_person_of_their_own_organisation_whatever_the_input(users, org_a, org_b):
    client = client_for(users["consumer_own"])
    response = client.post("/parties/people/add/", {"name": "New Colleague", "organisation": org_b.pk})
    assert response.status_code == 302, _text(response)[:1000]
    assert Person.objects.get(name="New Colleague").organisation == org_a
    api = client.post(
        "/api/parties/people/",
        {"name": "Api Colleague", "organisation": org_b.pk},
        content_type="application/json",
    )
    assert api.status_code == 201, api.content
    assert Person.objects.get(name="Api Colleague").organisation == org_a


def test_consumer_changes_own_people_but_cannot_move_them(users, org_a, org_b):
    person = PersonFactory(organisation=org_a)
    client = client_for(users["consumer_own"])
    response = client.patch(
        f"/api/parties/people/{person.pk}/",
        {"phone": "+1 5", "organisation": org_b.pk},
        content_type="application/json",
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert (person.phone, person.organisation) == ("+1 5", org_a)
    other = PersonFactory(organisation=org_b)
    assert (
        client.patch(
            f"/api/parties/people/{other.pk}/", {"phone": "x"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert client.delete(f"/api/parties/people/{person.pk}/").status_code == 403


def test_a_consumer_with_staff_roles_is_still_a_consumer(org_a, org_b):
    user = UserFactory(username="mixed", roles=["Consumer", "Administrator"])
    PersonFactory(organisation=org_a, user=user)
    role_b = ConsumerRoleFactory(organisation=org_b)
    own_role = ConsumerRoleFactory(organisation=org_a)
    client = client_for(user)
    assert client.get(f"/parties/consumer-roles/{role_b.pk}/").status_code == 404
    assert client.get("/parties/consumer-roles/add/").status_code == 403
    assert client.delete(f"/api/parties/consumer-roles/{own_role.pk}/").status_code == 403
    assert ConsumerRole.objects.filter(pk=own_role.pk).exists()


def test_import_page_lists_no_backstage_column_to_a_consumer(users, monkeypatch):
    """A consumer who may add rows (Person.consumer_actions) is not told the backstage columns either."""
    resource = registry.get(Person)
    monkeypatch.setattr(resource, "backstage_fields", ["phone"])
    consumer = client_for(users["consumer_own"]).get("/parties/people/import/")
    assert consumer.status_code == 200 and "phone" not in consumer.context["columns"]
    staff = client_for(users["staff"]).get("/parties/people/import/")
    assert "phone" in staff.context["columns"]
