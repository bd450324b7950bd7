"""Settings for the test suite: Wayfare's settings with a throw-away data folder and tasks run at once.

The environment is set before the real settings are read (pytest-django imports settings before any
conftest runs). Everything else is exactly production's settings module.
"""

import os
import tempfile

os.environ.setdefault("WAYFARE_DATA_DIR", tempfile.mkdtemp(prefix="wayfare-test-"))
os.environ.setdefault("WAYFARE_TASKS", "immediate")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
