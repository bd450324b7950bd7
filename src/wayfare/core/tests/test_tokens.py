"""API tokens are stored hashed, shown once, expire, and end with a password change or a switched-off
login (issue #11)."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wayfare.core.access import SYSTEM
from wayfare.core.testing import client_for
from wayfare.core.tokens import ApiToken, api_token_issue
from wayfare.parties.services import person_account_grant, person_account_revoke
from wayfare.parties.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
API = "/api/parties/organisations/"


def _api(key):
    return Client().get(API, headers={"Authorization": f"Token {key}"})


def test_token_is_stored_hashed_and_works(users, org_a):
    token, key = api_token_issue(user=users["staff"])
    stored = ApiToken.objects.values().get(pk=token.pk)
    assert key not in {str(v) for v in stored.values()}
    assert stored["digest"] == hashlib.sha256(key.encode()).hexdigest() and key.startswith(stored["prefix"])
    response = _api(key)
    assert response.status_code == 200 and response.json()["count"] >= 1
    token.refresh_from_db()
    assert token.last_used is not None


def test_wrong_and_malformed_tokens_are_refused(users, org_a):
    _token, key = api_token_issue(user=users["staff"])
    assert _api(key[:-1] + ("A" if key[-1] != "A" else "B")).status_code == 401
    assert _api("short").status_code == 401
    assert Client().get(API, headers={"Authorization": "Token"}).status_code == 401
    assert Client().get(API, headers={"Authorization": f"Token {key} extra"}).status_code == 401


def test_token_expires(users, org_a):
    token, key = api_token_issue(user=users["staff"], days=7)
    assert timedelta(days=6) < token.expires - timezone.now() <= timedelta(days=7)
    ApiToken.objects.filter(pk=token.pk).update(expires=timezone.now() - timedelta(seconds=1))
    assert _api(key).status_code == 401


def test_lifetime_is_capped(users, settings):
    settings.WAYFARE_API_TOKEN_MAX_DAYS = 30
    token, _key = api_token_issue(user=users["staff"], days=365)
    assert token.expires <= timezone.now() + timedelta(days=30)


def test_token_ends_when_the_password_changes_by_any_path(users, org_a):
    user = users["staff"]
    _token, key = api_token_issue(user=user)
    user.set_password("another-long-pass-1")
    user.save()
    assert _api(key).status_code == 401


def test_token_ends_with_the_password_change_page(users, org_a):
    user = users["staff"]
    _token, key = api_token_issue(user=user)
    client = client_for(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": "pw", "new_password1": "brand-new-pass-77", "new_password2": "brand-new-pass-77"},
    )
    assert response.status_code == 302
    assert _api(key).status_code == 401


def test_token_ends_when_the_login_is_switched_off_or_granted_anew(org_a):
    person = PersonFactory(organisation=org_a)
    user = person_account_grant(
        person=person, username="kat", password="a-long-pass-phrase-1", roles=["Read-only"], actor=SYSTEM
    )
    _token, key = api_token_issue(user=user)
    assert _api(key).status_code == 200
    person_account_grant(
        person=person, username="kat", password="a-long-pass-phrase-2", roles=["Read-only"], actor=SYSTEM
    )
    assert _api(key).status_code == 401
    _token, key = api_token_issue(user=get_user_model().objects.get(pk=user.pk))
    person.refresh_from_db()
    person_account_revoke(person=person, actor=SYSTEM)
    assert _api(key).status_code == 401
    assert not ApiToken.objects.filter(user=user).exists()


def test_inactive_account_token_is_refused(users, org_a):
    user = users["staff"]
    _token, key = api_token_issue(user=user)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert _api(key).status_code == 401


def test_account_page_shows_the_key_once_and_the_header_placeholder(users):
    client = client_for(users["staff"])
    page = client.get(reverse("account")).content.decode()
    assert "Authorization: Token &lt;token&gt;" in page
    response = client.post(reverse("account_token"), {"days": 30})
    key = response.context["new_key"]
    assert response.status_code == 200 and key in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=users["staff"])
    assert 29 <= (token.expires - timezone.now()).days <= 30
    later = client.get(reverse("account")).content.decode()
    assert key not in later and f"{token.prefix}…" in later


def test_account_page_refuses_a_lifetime_not_offered(users):
    response = client_for(users["staff"]).post(reverse("account_token"), {"days": 100000})
    assert response.status_code == 400 and "days" in response.context["token_form"].errors
    assert not ApiToken.objects.filter(user=users["staff"]).exists()


def test_drf_authtoken_is_gone():
    from django.apps import apps

    assert not apps.is_installed("rest_framework.authtoken")


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_schema_and_docs_need_a_login(client, users, url):
    assert client.get(url).status_code in (401, 403)
    assert client_for(users["consumer_own"]).get(url).status_code == 200
    _token, key = api_token_issue(user=users["staff"])
    assert client.get(url, headers={"Authorization": f"Token {key}"}).status_code == 200
