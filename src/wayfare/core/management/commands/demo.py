"""``wayfare demo``: load the running story (DOMAIN.md section 8) into the database, idempotently.

Each app contributes its part in ``<app>/demo.py`` with a ``load(stdout)`` function; they run in the order of
INSTALLED_APPS, so later chapters can use earlier ones. An optional ``summary(stdout)`` prints at the very end.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from wayfare.core.roles import roles_sync


class Command(BaseCommand):
    help = _("Load the demo story (eCampus Car Share and its partners); running it again changes nothing.")

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--skip", action="append", default=[], help=_("App label to leave out (repeatable).")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        roles_sync()
        loaded = []
        for config in apps.get_app_configs():
            if not config.name.startswith("wayfare.") or config.label in options["skip"]:
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            self.stdout.write(_("Loading %(app)s…") % {"app": config.verbose_name})
            module.load(self.stdout)
            loaded.append(module)
        self.stdout.write(self.style.SUCCESS(_("The demo story is loaded.")))
        for module in loaded:  # what a visitor needs last, e.g. the demo logins
            if hasattr(module, "summary"):
                module.summary(self.stdout)
