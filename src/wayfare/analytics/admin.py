"""Analytics in the admin, read-only: event logs are imported through Wayfare's
pages and API, which run the services and the access rule (issue #11)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from wayfare.core.admin import ReadOnlyAdminMixin

from .models import EventLog


@admin.register(EventLog)
class EventLogAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "status", "events", "cases", "created"]
    list_filter = ["status", "source_format"]
    search_fields = ["name"]
