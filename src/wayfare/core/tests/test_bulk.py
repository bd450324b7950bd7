"""Bulk edit and bulk delete from lists: restricted, validated per row, one transaction, all or nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from wayfare.core.testing import client_for
from wayfare.parties.models import Organisation, Person
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory


@pytest.fixture
def admin(db):
    return UserFactory(username="bulk_admin", roles=["Administrator"])


EDIT = reverse("parties:person_bulk_edit")
DELETE = reverse("parties:person_bulk_delete")


def test_list_has_checkboxes_only_for_users_who_may_change_or_delete(admin):
    PersonFactory(name="Row One")
    page = client_for(admin).get(reverse("parties:person_list")).content.decode()
    assert 'form="bulk-form"' in page and EDIT in page and DELETE in page
    reader = UserFactory(username="reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_person"))
    page = client_for(reader).get(reverse("parties:person_list")).content.decode()
    assert 'form="bulk-form"' not in page and EDIT not in page


def test_bulk_edit_sets_a_field_on_every_selected_row(admin):
    rows = PersonFactory.create_batch(3, preferred_language="")
    untouched = PersonFactory(preferred_language="")
    client = client_for(admin)
    ids = [r.pk for r in rows]
    page = client.post(EDIT, {"pk": ids})
    assert page.status_code == 200 and all(r.name in page.content.decode() for r in rows)
    response = client.post(
        EDIT,
        {
            "pk": ids,
            "_apply": "1",
            "_set_preferred_language": "1",
            "preferred_language": "ru",
            "name": "ignored because not ticked",
        },
    )
    assert response.status_code == 302
    assert set(Person.objects.filter(pk__in=ids).values_list("preferred_language", flat=True)) == {"ru"}
    assert {r.name for r in Person.objects.filter(pk__in=ids)} == {r.name for r in rows}
    untouched.refresh_from_db()
    assert untouched.preferred_language == ""
    assert all(Person.objects.get(pk=pk).history.count() == 2 for pk in ids)


def test_bulk_edit_is_all_or_nothing_with_per_row_errors(admin):
    good = PersonFactory(name="Good", email="good@example.org")
    PersonFactory(name="Taken", email="taken@example.org")
    dup = PersonFactory(name="Taken", email="other@example.org")
    response = client_for(admin).post(
        EDIT, {"pk": [good.pk, dup.pk], "_apply": "1", "_set_email": "1", "email": "not an e-mail"}
    )
    assert response.status_code == 400
    assert len(response.context["errors"]) == 2
    assert Person.objects.get(pk=good.pk).email == "good@example.org"
    # One row failing (a possible duplicate) keeps the other row unchanged too.
    response = client_for(admin).post(
        EDIT, {"pk": [good.pk, dup.pk], "_apply": "1", "_set_email": "1", "email": "taken@example.org"}
    )
    assert response.status_code == 400
    assert [str(row) for row, _m in response.context["errors"]] == ["Taken"]
    assert Person.objects.get(pk=good.pk).email == "good@example.org"


def test_bulk_edit_ids_outside_the_users_rows_are_not_found(users, org_a, org_b):
    own = PersonFactory(organisation=org_a)
    foreign = PersonFactory(organisation=org_b, name="Foreign")
    consumer = users["consumer_own"]
    consumer.user_permissions.add(*Permission.objects.filter(codename__in=["change_person", "view_person"]))
    response = client_for(consumer).post(
        EDIT,
        {
            "pk": [own.pk, foreign.pk],
            "_apply": "1",
            "_set_phone": "1",
            "phone": "1",
            "name": own.name,
            "organisation": org_a.pk,
        },
    )
    assert response.status_code == 400
    assert [m for _r, m in response.context["errors"]] == ["Not found."]
    assert "Foreign" not in response.content.decode()


def test_bulk_delete_confirms_and_names_rows_in_use(admin):
    free = OrganisationFactory(name="Free Org")
    busy = OrganisationFactory(name="Busy Org")
    PersonFactory(name="Staying Person", organisation=busy)
    client = client_for(admin)
    url = reverse("parties:organisation_bulk_delete")
    page = client.post(url, {"pk": [free.pk, busy.pk]})
    html = page.content.decode()
    assert page.status_code == 200 and "Staying Person" in html and 'name="_apply"' not in html
    response = client.post(url, {"pk": [free.pk, busy.pk], "_apply": "1"})
    assert response.status_code == 400
    assert Organisation.objects.filter(pk__in=[free.pk, busy.pk]).count() == 2  # all or nothing
    page = client.post(url, {"pk": [free.pk]})
    assert 'name="_apply"' in page.content.decode()
    assert client.post(url, {"pk": [free.pk], "_apply": "1"}).status_code == 302
    assert not Organisation.objects.filter(pk=free.pk).exists()


def test_bulk_needs_the_permission(db):
    reader = UserFactory(username="reader2")
    reader.user_permissions.add(Permission.objects.get(codename="view_person"))
    row = PersonFactory()
    assert client_for(reader).post(EDIT, {"pk": [row.pk]}).status_code == 403
    assert client_for(reader).post(DELETE, {"pk": [row.pk], "_apply": "1"}).status_code == 403
    assert Person.objects.filter(pk=row.pk).exists()
