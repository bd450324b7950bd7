"""Test configuration shared by the whole suite."""

import os
import tempfile

# Tests keep their files (event logs, SQLite for live servers) out of the working tree.
os.environ.setdefault("WAYFARE_DATA_DIR", tempfile.mkdtemp(prefix="wayfare-test-"))
os.environ.setdefault("WAYFARE_TASKS", "immediate")
# Playwright's sync API runs an event loop in the main thread; Django's ORM must be allowed there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

pytest_plugins = ["wayfare.core.testing"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }
