"""Parties in the admin, read-only: organisations, people and roles change through Wayfare's pages and
API, which run the services and the access rule (issue #11)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from wayfare.core.admin import ReadOnlyAdminMixin

from .models import ConsumerRole, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "organisation", "email", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "email"]


@admin.register(ConsumerRole)
class ConsumerRoleAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ["person", "role", "organisation"]
    list_filter = ["role", "organisation"]
