"""Brute-force protection (issue #11): the page django-axes shows when a login is locked, and the
throttle on password-reset requests, which axes does not cover.

Axes counts failed logins per account and per address (``AXES_LOCKOUT_PARAMETERS`` in settings, where the
choice is explained). A reset request is limited to ``WAYFARE_PASSWORD_RESET_LIMIT`` an hour per address
and, apart, per e-mail, counted in Django's cache: one address cannot flood an inbox or probe for
accounts, and many addresses cannot flood one inbox. Beyond the e-mail's limit the request answers as if
it went through (no mail is sent), so the page never tells whether an address has an account.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

RESET_WINDOW_SECONDS = 3600


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """Axes' lockout answer: Wayfare's own page, translated, with the cool-off in minutes."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else 0
    return render(request, "registration/lockout.html", {"cooloff_minutes": minutes}, status=429)


def _over_limit(kind: str, value: str) -> bool:
    """Count one request for ``value`` and say whether it is past the hourly limit."""
    digest = hashlib.sha256(value.lower().encode()).hexdigest()
    key = f"wayfare-reset-{kind}-{digest}"
    cache.add(key, 0, RESET_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RESET_WINDOW_SECONDS)
        count = 1
    return count > settings.WAYFARE_PASSWORD_RESET_LIMIT


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per address and per e-mail."""

    def form_valid(self, form: Any) -> HttpResponse:
        address = self.request.META.get("REMOTE_ADDR") or "unknown"
        if _over_limit("address", address):
            return render(
                self.request,
                "registration/password_reset_throttled.html",
                {"minutes": RESET_WINDOW_SECONDS // 60},
                status=429,
            )
        if _over_limit("email", form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
