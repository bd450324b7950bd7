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

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
