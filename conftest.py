"""Test configuration shared by the whole suite."""

import os

# Settings for tests live in wayfare.settings_test (a throw-away data folder, tasks run at once).
# Playwright's sync API runs an event loop in the main thread; Django's ORM must be allowed there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

pytest_plugins = ["wayfare.core.testing", "wayfare.parties.tests.fixtures"]


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


@pytest.fixture(scope="session", autouse=True)
def _no_straggling_database_sessions(django_db_setup, django_db_blocker):
    """On PostgreSQL, a session some thread left open on the test database keeps pytest-django from
    dropping it. Before the drop, name any such session (a warning, to find its cause) and end it."""
    yield
    import warnings

    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, state, application_name, left(query, 300) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        for pid, state, application, query in cursor.fetchall():
            warnings.warn(
                f"straggling database session {pid} ({state}, {application!r}): {query}", stacklevel=1
            )
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
