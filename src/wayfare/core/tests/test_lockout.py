"""Brute-force protection on login, admin login and password reset (issue #11)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wayfare.parties.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _login(client, username, password, url=None):
    return client.post(url or reverse("login"), {"username": username, "password": password})


def test_thirty_wrong_passwords_then_the_right_one_is_refused(users):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for _attempt in range(30):
        _login(attacker, "staffer", "wrong-guess")
    response = _login(attacker, "staffer", "pw")
    assert response.status_code == 429
    assert "_auth_user_id" not in attacker.session
    assert "Login locked" in response.content.decode()
    # the account is locked from any address, and the address for any account...
    assert _login(Client(REMOTE_ADDR="198.51.100.9"), "staffer", "pw").status_code == 429
    assert _login(attacker, "nobody", "pw").status_code == 429
    # ...but another account from another address still logs in
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert _login(other, "nobody", "pw").status_code == 302
    assert other.get(reverse("home")).status_code == 200


def test_guesses_spread_over_many_addresses_still_lock_the_account(users, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(REMOTE_ADDR=f"192.0.2.{n + 1}"), "staffer", "wrong-guess")
    assert _login(Client(REMOTE_ADDR="192.0.2.200"), "staffer", "pw").status_code == 429


def test_a_few_mistakes_then_the_right_password_logs_in(users, settings):
    client = Client(REMOTE_ADDR="203.0.113.8")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "staffer", "wrong-guess").status_code == 200
    assert _login(client, "staffer", "pw").status_code == 302


def test_lockout_ends_after_the_cool_off(users, settings):
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "staffer", "wrong-guess")
    assert _login(client, "staffer", "pw").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert _login(client, "staffer", "pw").status_code == 302


def test_admin_login_is_protected_too(db, settings):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    client = Client(REMOTE_ADDR="203.0.113.10")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "root", "wrong-guess", url="/admin/login/")
    assert _login(client, "root", "pw", url="/admin/login/").status_code == 429


@pytest.mark.parametrize("language,lang", [("en", "en"), ("zh-hans", "zh-Hans"), ("ru", "ru")])
def test_lockout_page_is_translated(users, settings, language, lang):
    from django.utils import translation

    client = Client(REMOTE_ADDR="203.0.113.11", HTTP_ACCEPT_LANGUAGE=language)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "staffer", "wrong-guess")
    html = _login(client, "staffer", "pw").content.decode()
    with translation.override(language):
        title = translation.gettext("Login locked")
    assert f'<html lang="{lang}"' in html and title in html


def test_password_reset_is_throttled_per_address(users, settings):
    client = Client(REMOTE_ADDR="203.0.113.12")
    limit = settings.WAYFARE_PASSWORD_RESET_LIMIT
    for n in range(limit):
        assert client.post(reverse("password_reset"), {"email": f"someone{n}@example.org"}).status_code == 302
    response = client.post(reverse("password_reset"), {"email": "staffer@example.org"})
    assert response.status_code == 429 and "Too many requests" in response.content.decode()
    assert len(mail.outbox) == 0


def test_password_reset_is_throttled_per_email(users, settings):
    limit = settings.WAYFARE_PASSWORD_RESET_LIMIT
    for n in range(limit + 3):
        response = Client(REMOTE_ADDR=f"192.0.2.{n + 1}").post(
            reverse("password_reset"), {"email": "staffer@example.org"}
        )
        assert response.status_code == 302  # the same answer either way: no hint whether mail went out
    assert len(mail.outbox) == limit


def test_password_reset_pages_are_wayfare_pages(client):
    html = client.get(reverse("password_reset")).content.decode()
    assert "Reset your password" in html and "Django" not in html
