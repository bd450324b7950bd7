from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "wayfare.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from .builtin import sync_after_migrate

        # The built-in templates follow the code: after every migrate their texts are set anew.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="wayfare.assessments.builtin_sync")
