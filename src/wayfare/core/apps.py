from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, **kwargs):  # type: ignore[no-untyped-def]
    from .roles import roles_sync

    roles_sync()


class CoreConfig(AppConfig):
    name = "wayfare.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from .resources import autodiscover

        autodiscover()
        # Role groups follow the models: after every migrate their permissions are set anew.
        post_migrate.connect(_sync_roles, dispatch_uid="wayfare.core.roles_sync")
