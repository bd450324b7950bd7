"""Wayfare's own 400, 403, 404 and 500 pages, in every language (issue #11: the demo runs with DEBUG off)."""

from unittest import mock

import pytest
from django.test import Client
from django.utils import translation

from wayfare.core.testing import client_for
from wayfare.parties.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
LANGUAGES = [("en", "en"), ("zh-hans", "zh-Hans"), ("ru", "ru")]


def _translated(language, text):
    with translation.override(language):
        return translation.gettext(text)


def _as(user, language):
    client = client_for(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


@pytest.mark.parametrize("language,lang", LANGUAGES)
def test_not_found(users, org_b, language, lang):
    for url in (
        "/no-such-page/",
        f"/parties/organisations/{org_b.pk}/",
    ):  # the second: another organisation's
        response = _as(users["consumer_own"], language).get(url)
        html = response.content.decode()
        assert response.status_code == 404
        assert f'<html lang="{lang}"' in html and _translated(language, "Not found") in html
        assert "URLconf" not in html and "Traceback" not in html


@pytest.mark.parametrize("language,lang", LANGUAGES)
def test_forbidden(users, org_a, language, lang):
    person = PersonFactory(organisation=org_a)
    response = _as(users["staff_none"], language).get(f"/parties/people/{person.pk}/account/")
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}"' in html and _translated(language, "Not allowed") in html


@pytest.mark.parametrize("language,lang", LANGUAGES)
def test_server_error_page_needs_no_request_context(users, language, lang):
    client = _as(users["staff"], language)
    client.raise_request_exception = False
    with mock.patch(
        "wayfare.core.views.pages.step_entries", side_effect=RuntimeError("/srv/secret/path boom")
    ):
        response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}"' in html and _translated(language, "Something went wrong") in html
    assert "/srv/secret/path" not in html and "RuntimeError" not in html and "Traceback" not in html


def test_bad_request(client):
    response = Client(HTTP_HOST="evil.example.com").get("/")
    assert response.status_code == 400 and b"Bad request" in response.content
