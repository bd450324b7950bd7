"""Every page ships complete in Simplified Chinese and Russian: no English left in what a person reads."""

import os
import re
import shutil
import subprocess
import sys
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
    "PDF",
    "SVG",
    "PNG",
    "JSON",
    "IEEE",
    "UTF",
    "ISO",
    "English",
    "Authorization",
    "Ctrl",  # a key name, printed on keyboards everywhere
    "Token",
    "token",
    "UTC",
    "strftime",
    "PESTLE",
    "SWOT",
    "SLA",
    "IANA",  # the time-zone database, named as it is everywhere
}


class _Text(HTMLParser):
    """Collects the text a reader sees: text nodes outside scripts, styles, code and zone-name options."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0
        self.in_zone_select = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # code shows identifiers (CSV column names), which stay as they are in every language
        uploaded_file = tag == "a" and "/media/" in (attrs.get("href") or "")  # a stored file's path
        if (
            tag in ("script", "style", "code")
            or uploaded_file
            or (tag == "select" and attrs.get("name") == "timezone")
            or (tag == "textarea" and attrs.get("translate") == "no")  # JSON: keys are identifiers
        ):
            self.skip += 1
        if tag in ("input", "textarea") and attrs.get("placeholder"):
            self.parts.append(attrs["placeholder"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "select", "code", "a", "textarea") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _zone_names() -> set[str]:
    import zoneinfo

    return set(zoneinfo.available_timezones())


def english_words(html: str) -> set[str]:
    parser = _Text()
    parser.feed(html)
    text = " ".join(parser.parts)
    # Time-zone names (America/Sao_Paulo) are identifiers, the same in every language.
    zones = _zone_names()
    text = re.sub(r"[A-Za-z_]+(?:/[A-Za-z_\-]+)+", lambda m: "" if m.group(0) in zones else m.group(0), text)
    words = set(re.findall(r"[A-Za-z]{3,}", text))
    return {w for w in words if w not in ALLOWED}


def _pages() -> list[str]:
    pages = [reverse("home"), reverse("account"), reverse("password_change"), reverse("analytics:home")]
    pages += [reverse("step", args=[s.slug]) for s in STEPS] + [reverse("step", args=["journeys"])]
    for r in registry.all():
        pages += [reverse(r.url_name("list")), reverse(r.url_name("add"))]
        if r.importable:
            pages.append(reverse(r.url_name("import")))
    return pages


def _detail_pages() -> list[str]:
    """Records of every register, with names that are not English (data is not translated)."""
    from django.core.files.base import ContentFile

    from wayfare.analytics.services import event_log_import_run
    from wayfare.analytics.tests.factories import EventLogFactory
    from wayfare.journeys.tests.factories import JourneyStageFactory
    from wayfare.parties.tests.factories import ConsumerRoleFactory

    role = ConsumerRoleFactory(
        person__name="卡特琳娜", person__email="", organisation__name="大学", note="学生"
    )
    log = EventLogFactory(
        name="工单",
        case_column="案例",
        activity_column="活动",
        timestamp_column="时间",
        resource_column="",
        source=ContentFile(
            "案例,活动,时间\n一,登记,2024-01-01T10:00:00Z\n一,关闭,2024-01-02T10:00:00Z\n".encode(),
            name="工单.csv",
        ),
    )
    event_log_import_run(event_log_id=log.pk)
    stage = JourneyStageFactory(
        journey_map__event_log=log,
        journey_map__name="设计",
        journey_map__relationship=None,
        name="登记",
        activities=["登记"],
    )
    records = [role, role.person, role.organisation, log, stage.journey_map, stage]
    pages = [r.get_absolute_url() for r in records]
    pages += [reverse(registry.get(type(r)).url_name("edit"), args=[r.pk]) for r in records]
    pages.append(reverse("analytics:explorer", args=[log.pk]))
    pages.append(reverse("parties:person_account", args=[role.person.pk]))
    return pages


@pytest.mark.parametrize("language", ["zh-hans", "ru"])
@pytest.mark.django_db
def test_no_english_left_on_any_page(language):
    from wayfare.parties.tests.factories import UserFactory

    admin = UserFactory(username="u1", is_superuser=True, is_staff=True)
    client = client_for(admin)
    pages = _pages() + _detail_pages()
    client.cookies["django_language"] = language
    leftovers = {}
    english = client_for(admin)
    english.cookies["django_language"] = "en"
    for url in pages:  # English first: anything built once and cached in English would then show
        assert english.get(url).status_code == 200, url
    for url in pages:
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


def test_catalogue_covers_the_source(tmp_path):
    """A string added to the code since the last ``makemessages`` fails here, not in front of a reader:
    the messages are extracted afresh from a copy of the package and must all be translated already."""
    package = LOCALE.parent
    copy = tmp_path / "wayfare"
    shutil.copytree(
        package,
        copy,
        ignore=shutil.ignore_patterns("tests", "vendor", "__pycache__", "*.mo", "*.parquet", "demo_data"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "zh_Hans",
            "-l",
            "ru",
            "--ignore=settings_test.py",
        ],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wayfare.settings"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for language in ("zh_Hans", "ru"):
        po = copy / "locale" / language / "LC_MESSAGES" / "django.po"
        stats = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
        )
        assert "untranslated" not in stats.stderr and "fuzzy" not in stats.stderr, (language, stats.stderr)
