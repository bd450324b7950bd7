"""Settings come from the environment; production settings pass Django's deployment checks."""

import os
import subprocess
import sys

import pytest


def _wayfare(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [sys.executable, "-m", "wayfare", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_variables(tmp_path):
    result = _wayfare(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-7f3e9a1c5b2d8e4f6a0c3b7d9e1f5a2c",
        DEBUG="false",
        ALLOWED_HOSTS="wayfare.example.org",
        WAYFARE_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_https_hardening_can_be_switched_off_behind_a_terminating_proxy(tmp_path):
    code = (
        "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS)"
    )
    env = {
        "WAYFARE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "wayfare.settings",
        "SECRET_KEY": "a-long-random-production-secret-key-7f3e9a1c5b2d8e4f6a0c3b7d9e1f5a2c",
        "DEBUG": "false",
    }
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_SSL_REDIRECT"}}
    deployed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert deployed.stdout.split() == ["True", "31536000"], deployed.stderr
    relaxed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**base, **env, "SECURE_SSL_REDIRECT": "false", "SECURE_HSTS_SECONDS": "0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert relaxed.stdout.split() == ["False", "0"], relaxed.stderr


def test_check_deploy_flags_the_development_key(tmp_path):
    result = _wayfare("check", "--deploy", "--fail-level", "WARNING", WAYFARE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "url,engine",
    [
        ("postgres://u:p@db.example.org:5432/wayfare", "django.db.backends.postgresql"),
        (None, "django.db.backends.sqlite3"),
    ],
)
def test_database_url(tmp_path, url, engine):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {"WAYFARE_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "wayfare.settings"}
    if url:
        env["DATABASE_URL"] = url
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == engine, result.stderr
