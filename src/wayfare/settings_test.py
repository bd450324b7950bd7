"""Settings for the test suite: Wayfare's settings with a throw-away data folder and tasks run at once.

The environment is set before the real settings are read (pytest-django imports settings before any
conftest runs). Everything else is exactly production's settings module.
"""

import os
import tempfile

# One folder per test process: pytest-xdist workers inherit the environment, and event-log files are named
# by primary key, which repeats across the workers' databases.
_root = os.environ.setdefault("WAYFARE_TEST_ROOT", tempfile.mkdtemp(prefix="wayfare-test-"))
os.environ["WAYFARE_DATA_DIR"] = os.path.join(_root, os.environ.get("PYTEST_XDIST_WORKER", "main"))
os.environ.setdefault("WAYFARE_TASKS", "immediate")
# The suite's own key (settings refuse to start without one when DEBUG is off); subprocesses the tests
# start inherit it.
os.environ.setdefault("SECRET_KEY", "wayfare-test-suite-key-not-secret-4f8a1c9e2b7d5f3a6c0e8b1d4f7a2c5e")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client speaks plain HTTP: the HTTPS-only settings a real key switches on stay off here.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
