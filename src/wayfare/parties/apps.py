from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartiesConfig(AppConfig):
    name = "wayfare.parties"
    label = "parties"
    verbose_name = _("Parties")

    def ready(self) -> None:
        from wayfare.core.identity import register_person_resolver

        from .selectors import person_for_user

        register_person_resolver(person_for_user)
