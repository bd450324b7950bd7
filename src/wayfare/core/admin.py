"""The admin's pieces core owns: the user page guarded against escalation, tokens and audit entries shown
read-only, and the mixin that shows domain records read-only (issue #11).

The admin site lets superusers only in (``core.admin_site``). The guards below hold even if that changes:
only a superuser may grant superuser status or staff-level rights (staff, permissions, groups), or change,
delete or set the password of a superuser. Domain records are written through their services (where rules,
history and the access check live), so the admin shows them and never edits them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .audit import AuditEntry
from .tokens import ApiToken

STAFF_FIELDS = ("is_superuser", "is_staff", "user_permissions", "groups")


class ReadOnlyAdminMixin:
    """View-only admin: no add, change or delete. Domain records change through Wayfare's own pages and
    API, which call the services."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    extra = 0


class WayfareUserAdmin(UserAdmin):
    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += STAFF_FIELDS
        return fields

    def _touches_superuser(self, request: HttpRequest, obj: Any) -> bool:
        return obj is not None and obj.is_superuser and not request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._touches_superuser(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._touches_superuser(request, obj) and super().has_delete_permission(request, obj)

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        target = self.get_object(request, id)
        if self._touches_superuser(request, target):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, WayfareUserAdmin)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are kept hashed; the admin shows which exist and lets a superuser end one, never a key."""

    list_display = ["prefix", "user", "created", "expires", "last_used"]
    search_fields = ["user__username", "prefix"]
    fields = ("prefix", "user", "created", "expires", "last_used")
    readonly_fields = ("prefix", "user", "created", "expires", "last_used")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["when", "actor", "action", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    date_hierarchy = "when"
