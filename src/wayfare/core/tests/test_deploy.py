"""A deployment refuses a missing SECRET_KEY and passes Django's deployment checks (issue #11)."""

import os
import secrets
import string
import subprocess
import sys

DROPPED = {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}


def _wayfare(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in DROPPED}
    return subprocess.run(
        [sys.executable, "-m", "wayfare", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_off_without_secret_key_refuses_to_start(tmp_path):
    result = _wayfare("check", DEBUG="false", WAYFARE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr
    empty = _wayfare("check", DEBUG="false", SECRET_KEY="", WAYFARE_DATA_DIR=str(tmp_path))
    assert empty.returncode != 0 and "SECRET_KEY is not set" in empty.stderr


def test_debug_on_without_secret_key_starts_for_development(tmp_path):
    result = _wayfare("check", DEBUG="true", WAYFARE_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_with_a_random_key(tmp_path):
    key = "".join(secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)") for _ in range(50))
    result = _wayfare(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=key,
        ALLOWED_HOSTS="wayfare.example.org",
        WAYFARE_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
