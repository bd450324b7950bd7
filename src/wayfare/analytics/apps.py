from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "wayfare.analytics"
    label = "analytics"
    verbose_name = _("Journey analytics")

    def ready(self) -> None:
        from .engine import _duckdb
        from .limits import duckdb_config

        # every DuckDB session of this process (web, worker, commands) stays within the settings' bounds
        _duckdb.configure(**duckdb_config())
