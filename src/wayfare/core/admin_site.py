"""Django's admin, for superusers only (issue #11).

Administrators manage accounts through Wayfare's own pages (a person's login account), within their role;
the admin is the superuser's tool for what those pages do not cover. Keeping every non-superuser out of it
closes the escalation the issue found (an Administrator ticking *superuser* on the admin's user page, or
setting a superuser's password). ``core.admin`` adds a second line: even a staff account that somehow holds
the auth permissions may not grant staff-level rights or touch a superuser there.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class WayfareAdminSite(AdminSite):
    site_header = _("Wayfare administration")
    site_title = _("Wayfare administration")
    index_title = _("Superuser tools")

    def has_permission(self, request: Any) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and user.is_superuser)


class WayfareAdminConfig(AdminConfig):
    default_site = "wayfare.core.admin_site.WayfareAdminSite"
