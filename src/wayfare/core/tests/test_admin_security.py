"""The Django admin is for superusers only; no escalation through it or through person_account; domain
records are read-only there; tokens are never readable (issue #11)."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import RequestFactory

from wayfare.core.access import SYSTEM
from wayfare.core.testing import client_for
from wayfare.core.tokens import ApiToken, api_token_issue
from wayfare.parties.services import person_account_grant
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def administrator(db):
    """An Administrator made the way Wayfare makes them: through a person's login account."""
    return person_account_grant(
        person=PersonFactory(),
        username="adm",
        password="a-long-pass-phrase-1",
        roles=["Administrator"],
        actor=SYSTEM,
    )


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def _change_form_data(client, user):
    """The admin user page's own values, as a browser would post them back."""
    form = client.get(f"/admin/auth/user/{user.pk}/change/").context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name in ("groups", "user_permissions"):
            data[name] = [getattr(v, "pk", v) for v in (value or [])]
        elif name in ("last_login", "date_joined"):
            if value:
                data[f"{name}_0"], data[f"{name}_1"] = value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def test_an_administrator_is_not_staff_and_the_admin_refuses_them(administrator):
    assert not administrator.is_staff
    client = client_for(administrator)
    for url in ("/admin/", "/admin/auth/user/", f"/admin/auth/user/{administrator.pk}/change/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_an_administrator_cannot_make_anyone_superuser(administrator, superuser):
    victim = UserFactory(username="victim")
    data = _change_form_data(client_for(superuser), victim)
    data.update({"is_superuser": "on", "is_staff": "on"})
    client_for(administrator).post(f"/admin/auth/user/{victim.pk}/change/", data)
    client_for(administrator).post(f"/admin/auth/user/{administrator.pk}/change/", data | {"username": "adm"})
    victim.refresh_from_db()
    administrator.refresh_from_db()
    assert not victim.is_superuser and not victim.is_staff
    assert not administrator.is_superuser and not administrator.is_staff


def test_an_administrator_cannot_set_a_superuser_password(administrator, superuser):
    client_for(administrator).post(
        f"/admin/auth/user/{superuser.pk}/password/",
        {"password1": "taken-over-pass-99", "password2": "taken-over-pass-99", "usable_password": "true"},
    )
    superuser.refresh_from_db()
    assert not superuser.check_password("taken-over-pass-99") and superuser.check_password("pw")


def test_a_superuser_still_manages_users_in_the_admin(superuser):
    victim = UserFactory(username="victim")
    client = client_for(superuser)
    data = _change_form_data(client, victim)
    data["first_name"] = "Victoria"
    assert client.post(f"/admin/auth/user/{victim.pk}/change/", data).status_code == 302
    victim.refresh_from_db()
    assert victim.first_name == "Victoria"


def test_user_admin_guards_hold_for_a_staff_account_with_auth_permissions(superuser):
    """Second line of defence: a non-superuser staff account that holds every auth permission (given in a
    shell, say) may not grant staff-level rights nor touch a superuser."""
    staff = UserFactory(username="staffish", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label="auth"))
    staff = User.objects.get(pk=staff.pk)
    request = RequestFactory().get("/admin/")
    request.user = staff
    model_admin = admin.site._registry[User]
    other = UserFactory(username="other")
    assert {"is_superuser", "is_staff", "user_permissions", "groups"} <= set(
        model_admin.get_readonly_fields(request, other)
    )
    assert not model_admin.has_change_permission(request, superuser)
    assert not model_admin.has_delete_permission(request, superuser)
    assert model_admin.has_change_permission(request, other)
    assert not admin.site.has_permission(request)


def test_person_account_cannot_change_a_superuser(administrator, superuser):
    person = PersonFactory(organisation=OrganisationFactory(), user=superuser)
    page = client_for(administrator).get(f"/parties/people/{person.pk}/account/")
    assert page.context["superuser_only"] and 'name="password"' not in page.content.decode()
    response = client_for(administrator).post(
        f"/parties/people/{person.pk}/account/",
        {"username": "root", "password": "taken-over-pass-99", "roles": ["Read-only"]},
    )
    assert response.status_code == 400
    superuser.refresh_from_db()
    assert superuser.is_superuser and superuser.check_password("pw")
    client_for(administrator).post(f"/parties/people/{person.pk}/account/", {"action": "revoke"})
    superuser.refresh_from_db()
    assert superuser.is_active


def test_tokens_are_never_readable_in_the_admin(superuser):
    token, key = api_token_issue(user=superuser)
    client = client_for(superuser)
    for url in ("/admin/core/apitoken/", f"/admin/core/apitoken/{token.pk}/change/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert key not in html and token.digest not in html
    assert not ApiToken.objects.filter(digest=key).exists()


@pytest.mark.parametrize(
    "app,model",
    [
        ("parties", "organisation"),
        ("parties", "person"),
        ("parties", "consumerrole"),
        ("analytics", "eventlog"),
    ],
)
def test_domain_records_are_read_only_in_the_admin(superuser, app, model):
    model_admin = next(
        ma for m, ma in admin.site._registry.items() if m._meta.label_lower == f"{app}.{model}"
    )
    request = RequestFactory().get("/admin/")
    request.user = superuser
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    for inline in model_admin.get_inline_instances(request):
        assert not inline.has_add_permission(request, None) and not inline.has_change_permission(request)


def test_an_organisation_cannot_be_edited_in_the_admin(superuser):
    organisation = OrganisationFactory(name="Axle")
    client = client_for(superuser)
    assert client.get(f"/admin/parties/organisation/{organisation.pk}/change/").status_code == 200
    assert client.get("/admin/parties/organisation/add/").status_code == 403
    client.post(
        f"/admin/parties/organisation/{organisation.pk}/change/", {"name": "Renamed", "kind": "external"}
    )
    assert (
        client.post(f"/admin/parties/organisation/{organisation.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    organisation.refresh_from_db()
    assert organisation.name == "Axle"


def test_admin_says_wayfare_administration(superuser):
    html = client_for(superuser).get("/admin/").content.decode()
    assert "Wayfare administration" in html and "Django administration" not in html
