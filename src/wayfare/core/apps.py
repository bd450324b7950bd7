from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, using="default", **kwargs):  # type: ignore[no-untyped-def]
    """After the last app has migrated (every model's permissions exist), set the role groups anew."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from .roles import roles_sync

    if sender is not list(apps.get_app_configs())[-1]:
        return
    create_permissions(sender, verbosity=0, using=using)  # the last app's, whichever handler runs first
    roles_sync()


class CoreConfig(AppConfig):
    name = "wayfare.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from . import (
            calendar_resources,  # noqa: F401 - core's own registers (business calendars)
            collation,  # noqa: F401 - registers the SQLite collation on each connection
        )
        from .api import schema  # noqa: F401 - OpenAPI extensions (restricted related ids are nullable)
        from .resources import autodiscover

        autodiscover()
        # Role groups follow the models: after every migrate their permissions are set anew.
        post_migrate.connect(_sync_roles, dispatch_uid="wayfare.core.roles_sync")
