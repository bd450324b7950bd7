"""Giving a person a login account."""

import pytest
from django.contrib.auth import get_user_model

from wayfare.core.access import SYSTEM, consumer_organisation_id
from wayfare.core.exceptions import DomainError
from wayfare.parties.services import person_account_grant

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_consumer_account_is_scoped_to_the_person_organisation():
    person = PersonFactory()
    user = person_account_grant(
        person=person, username="kat", password="s3cret-pass", roles=["Consumer"], actor=SYSTEM
    )
    person.refresh_from_db()
    assert person.user == user and user.check_password("s3cret-pass")
    assert consumer_organisation_id(get_user_model().objects.get(pk=user.pk)) == person.organisation_id
    assert not user.is_staff


def test_regrant_sets_roles_exactly():
    person = PersonFactory()
    person_account_grant(
        person=person, username="kat", password="pw-1-long", roles=["Analyst", "Read-only"], actor=SYSTEM
    )
    user = person_account_grant(
        person=person, username="kat", password="pw-2-long", roles=["Analyst"], actor=SYSTEM
    )
    assert list(user.groups.values_list("name", flat=True)) == ["Analyst"]
    assert get_user_model().objects.filter(username="kat").count() == 1


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"roles": ["Emperor"]}, "unknown_role"),
        ({"roles": ["Consumer"], "organisation": None}, "no_organisation"),
    ],
)
def test_refusals(kwargs, code):
    person = PersonFactory(organisation=None) if "organisation" in kwargs else PersonFactory()
    with pytest.raises(DomainError) as info:
        person_account_grant(
            person=person, username="x", password="pw-long-1", roles=kwargs["roles"], actor=SYSTEM
        )
    assert info.value.code == code
    assert not get_user_model().objects.filter(username="x").exists()


def test_an_account_belongs_to_one_person():
    first, second = PersonFactory(), PersonFactory()
    person_account_grant(
        person=first, username="shared", password="pw-long-1", roles=["Consumer"], actor=SYSTEM
    )
    with pytest.raises(DomainError) as info:
        person_account_grant(
            person=second, username="shared", password="pw-long-1", roles=["Consumer"], actor=SYSTEM
        )
    assert info.value.code == "account_taken"


def test_an_existing_account_is_never_taken_over():
    from .factories import UserFactory

    UserFactory(username="admin", is_superuser=True)
    with pytest.raises(DomainError) as info:
        person_account_grant(
            person=PersonFactory(), username="admin", password="pw-long-1", roles=["Consumer"], actor=SYSTEM
        )
    assert info.value.code == "account_taken"
    assert get_user_model().objects.get(username="admin").is_superuser


def test_a_consumer_with_staff_roles_manages_no_login(users, org_a):
    """The rule lives in the services, not only on the page: a consumer who also holds the Administrator
    role may neither grant nor switch off a login."""
    from django.contrib.auth.models import Group

    from wayfare.core.exceptions import AccessError
    from wayfare.parties.services import person_account_revoke

    actor = users["consumer_own"]
    actor.groups.add(Group.objects.get(name="Administrator"))
    actor = get_user_model().objects.get(pk=actor.pk)
    person = PersonFactory(organisation=org_a)
    with pytest.raises(AccessError):
        person_account_grant(
            person=person,
            username="colleague",
            password="a-long-pass-phrase-42",
            roles=["Read-only"],
            actor=actor,
        )
    assert not get_user_model().objects.filter(username="colleague").exists()
    with pytest.raises(AccessError):
        person_account_revoke(person=users["consumer_own"].person, actor=actor)
