from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DesignedJourney, DesignedStage, EventLog


@admin.register(EventLog)
class EventLogAdmin(SimpleHistoryAdmin):
    list_display = ["name", "status", "events", "cases", "created"]
    list_filter = ["status", "source_format"]
    search_fields = ["name"]
    readonly_fields = ["status", "progress", "message", "errors", "events", "cases", "activities"]


class DesignedStageInline(admin.TabularInline):
    model = DesignedStage
    extra = 0


@admin.register(DesignedJourney)
class DesignedJourneyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "event_log"]
    inlines = [DesignedStageInline]
