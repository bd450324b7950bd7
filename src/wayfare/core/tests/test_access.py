"""The access rule itself, independent of any page."""

import pytest
from django.contrib.auth.models import AnonymousUser

from wayfare.core.access import SYSTEM, consumer_organisation_id, restrict
from wayfare.parties.models import ConsumerRole, Organisation, Person
from wayfare.parties.tests.factories import ConsumerRoleFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, org_b):
    return {
        "people_a": [PersonFactory(organisation=org_a) for _ in range(2)],
        "people_b": [PersonFactory(organisation=org_b)],
        "roles_a": ConsumerRoleFactory(organisation=org_a),
    }


def test_anonymous_and_inactive_see_nothing(world):
    assert not restrict(Person.objects.all(), AnonymousUser()).exists()
    assert not restrict(Person.objects.all(), None).exists()
    user = UserFactory(roles=["Administrator"], is_active=False)
    assert not restrict(Person.objects.all(), user).exists()


def test_superuser_and_system_actor_see_everything(world):
    admin = UserFactory(is_superuser=True)
    assert restrict(Person.objects.all(), admin).count() == Person.objects.count()
    assert restrict(Person.objects.all(), SYSTEM, "delete").count() == Person.objects.count()


def test_without_model_permission_nothing(world):
    assert not restrict(Person.objects.all(), UserFactory()).exists()


@pytest.mark.parametrize(
    "role,action,sees",
    [("Read-only", "view", True), ("Read-only", "change", False), ("Relationship manager", "delete", True)],
)
def test_staff_roles_follow_permissions(world, role, action, sees):
    user = UserFactory(roles=[role])
    assert restrict(Person.objects.all(), user, action).exists() is sees


def test_consumer_sees_only_own_organisation(world, users, org_a):
    consumer = users["consumer_own"]
    visible = set(restrict(Person.objects.all(), consumer).values_list("organisation_id", flat=True))
    assert visible == {org_a.pk}
    assert list(restrict(Organisation.objects.all(), consumer)) == [org_a]
    assert set(restrict(ConsumerRole.objects.all(), consumer).values_list("organisation_id", flat=True)) == {
        org_a.pk
    }
    # viewing is granted, changing only what the resource lets consumers change, on their own rows
    assert not restrict(ConsumerRole.objects.all(), consumer, "change").exists()
    assert not restrict(Person.objects.all(), consumer, "delete").exists()
    changeable = set(
        restrict(Person.objects.all(), consumer, "change").values_list("organisation_id", flat=True)
    )
    assert changeable == {org_a.pk}


def test_consumer_without_organisation_sees_nothing(world):
    user = UserFactory(roles=["Consumer"])
    PersonFactory(organisation=None, user=user)
    assert consumer_organisation_id(user) == 0
    assert not restrict(Person.objects.all(), user).exists()


def test_consumer_never_sees_backstage_models(world, users, monkeypatch):
    monkeypatch.setattr(Person, "frontstage", False)
    assert not restrict(Person.objects.all(), users["consumer_own"]).exists()


def test_unknown_action_is_an_error(world):
    with pytest.raises(ValueError):
        restrict(Person.objects.all(), SYSTEM, "approve")
