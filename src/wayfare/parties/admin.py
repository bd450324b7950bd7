from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ConsumerRole, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "email", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "email"]
    autocomplete_fields = ["organisation"]


@admin.register(ConsumerRole)
class ConsumerRoleAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "organisation"]
    list_filter = ["role", "organisation"]
