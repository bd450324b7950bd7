"""Test configuration shared by the whole suite."""

import os

# Settings for tests live in wayfare.settings_test (a throw-away data folder, tasks run at once).
# Playwright's sync API runs an event loop in the main thread; Django's ORM must be allowed there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

pytest_plugins = ["wayfare.core.testing"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached analysis answers must not outlive the test that made them (primary keys repeat)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
