"""Every page ships complete in Simplified Chinese and Russian: no English left in what a person reads."""

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from wayfare.core.navigation import STEPS
from wayfare.core.resources import registry
from wayfare.core.testing import client_for

LOCALE = Path(__file__).resolve().parents[2] / "locale"

# Words that are the same in every language: product and format names, the header syntax of API tokens,
# and the language switcher's own names.
ALLOWED = {
    "Wayfare",
    "API",
    "CSV",
    "XLSX",
    "XES",
    "IEEE",
    "UTF",
    "ISO",
    "JSON",
    "English",
    "Authorization",
    "Token",
    "token",
    "UTC",
    "Django",
    "administration",
    "strftime",
}


class _Text(HTMLParser):
    """Collects the text a reader sees: text nodes outside scripts, styles and zone-name options."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.in_zone_select = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style") or (tag == "select" and attrs.get("name") == "timezone"):
            self.skip += 1
        if tag in ("input", "textarea") and attrs.get("placeholder"):
            self.parts.append(attrs["placeholder"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "select") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def english_words(html: str) -> set[str]:
    parser = _Text()
    parser.feed(html)
    words = set(re.findall(r"[A-Za-z]{3,}", " ".join(parser.parts)))
    return {w for w in words if w not in ALLOWED}


def _pages() -> list[str]:
    pages = [reverse("home"), reverse("account"), reverse("password_change"), reverse("analytics:home")]
    pages += [reverse("step", args=[s.slug]) for s in STEPS] + [reverse("step", args=["journeys"])]
    for r in registry.all():
        pages += [reverse(r.url_name("list")), reverse(r.url_name("add"))]
        if r.importable:
            pages.append(reverse(r.url_name("import")))
    return pages


@pytest.mark.parametrize("language", ["zh-hans", "ru"])
@pytest.mark.django_db
def test_no_english_left_on_any_page(language, users):
    from wayfare.parties.tests.factories import UserFactory

    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client = client_for(admin)
    client.cookies["django_language"] = language
    leftovers = {}
    for url in _pages():
        response = client.get(url, headers={"Accept-Language": language})
        assert response.status_code == 200, url
        words = english_words(response.content.decode())
        if words:
            leftovers[url] = sorted(words)
    assert not leftovers, leftovers


def test_login_page_translated(client):
    client.cookies["django_language"] = "ru"
    assert not english_words(client.get(reverse("login")).content.decode())


@pytest.mark.parametrize("language", ["zh_Hans", "ru"])
def test_catalogue_complete(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
