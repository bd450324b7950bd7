"""The standard battery for the parties registers, plus what is particular to them."""

import pytest

from wayfare.core.testing import ResourceTests
from wayfare.parties.models import ConsumerRole, Organisation, Person

from .factories import ConsumerRoleFactory, OrganisationFactory, PersonFactory


class OrganisationTests(ResourceTests):
    model = Organisation

    def make(self, owner):
        # An organisation owns itself (owner_path = "pk").
        return owner

    def make_extra(self, owner):
        return OrganisationFactory()

    def valid_data(self, owner):
        return {
            "name": "Paulista Auto Parts",
            "kind": "external",
            "country": "BR",
            "website": "",
            "description": "Parts and oil",
        }

    def invalid_data(self, owner):
        return {"name": "", "kind": "nonsense", "country": "BR"}


class PersonTests(ResourceTests):
    model = Person

    def make(self, owner):
        return PersonFactory(organisation=owner)

    def valid_data(self, owner):
        return {
            "name": "Katrina Novak",
            "email": "katrina@example.org",
            "phone": "+55 11 5555 0000",
            "organisation": owner.pk,
            "preferred_language": "zh-hans",
        }

    def invalid_data(self, owner):
        return {"name": "", "email": "not-an-email", "organisation": owner.pk}


class ConsumerRoleTests(ResourceTests):
    model = ConsumerRole
    update_field = "note"

    def make(self, owner):
        return ConsumerRoleFactory(organisation=owner)

    def valid_data(self, owner):
        person = PersonFactory(organisation=owner)
        return {"person": person.pk, "organisation": owner.pk, "role": "sponsor", "note": "Authorises budget"}

    def invalid_data(self, owner):
        return {"person": "", "organisation": owner.pk, "role": "emperor"}


@pytest.mark.django_db
def test_an_organisation_in_use_is_not_deleted(users, org_a):
    from wayfare.core.testing import client_for

    PersonFactory(organisation=org_a)
    client = client_for(users["staff"])
    response = client.post(f"/parties/organisations/{org_a.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert Organisation.objects.filter(pk=org_a.pk).exists()
    assert "cannot be deleted" in response.content.decode()
