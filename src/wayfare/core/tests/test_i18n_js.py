"""The browser's words come from the djangojs catalogue, complete in Simplified Chinese and Russian (#11)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def _stats(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize("language", ["zh_Hans", "ru"])
def test_javascript_catalogue_complete(language):
    stats = _stats(LOCALE / language / "LC_MESSAGES" / "djangojs.po")
    assert "untranslated" not in stats and "fuzzy" not in stats, stats


def test_javascript_catalogue_covers_the_scripts(tmp_path):
    """A gettext() call added to a script since the last ``makemessages -d djangojs`` fails here."""
    copy = tmp_path / "wayfare"
    shutil.copytree(
        LOCALE.parent,
        copy,
        ignore=shutil.ignore_patterns("tests", "vendor", "__pycache__", "*.mo", "*.parquet", "demo_data"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-d", "djangojs", "-l", "zh_Hans", "-l", "ru"],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wayfare.settings"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for language in ("zh_Hans", "ru"):
        stats = _stats(copy / "locale" / language / "LC_MESSAGES" / "djangojs.po")
        assert "untranslated" not in stats and "fuzzy" not in stats, (language, stats)


@pytest.mark.django_db
def test_the_catalogue_view_serves_the_words(client):
    client.cookies["django_language"] = "ru"
    body = client.get(reverse("javascript-catalog")).content.decode()
    assert "Click to keep only the cases through this activity." in body
    assert "%(days)s \\u0434 %(hours)s \\u0447" in body or "%(days)s д %(hours)s ч" in body
