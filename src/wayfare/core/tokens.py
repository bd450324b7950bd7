"""API tokens, kept hashed (issue #11).

A token is shown in full once, when it is issued; the database keeps only its first characters (to find
it, and to show which token it is) and its SHA-256 digest. A token ends when it expires, when its account
is switched off, and when the account's password changes by any path (change page, reset, a new grant,
the admin, the command line): it is bound to the password hash the same way Django binds a session
(``get_session_auth_hash()``), so a token issued before a change never matches afterwards.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8
KEY_BYTES = 30  # 40 characters from secrets.token_urlsafe


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A user's API token for scripts (header ``Authorization: Token <key>``); one per account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, db_index=True, editable=False)
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    password_binding = models.CharField(max_length=128, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    expires = models.DateTimeField(_("expires"))
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"

    def is_valid(self, now: Any = None) -> bool:
        """Not expired, the account is active and its password is the one the token was issued under."""
        now = now or timezone.now()
        user = self.user
        return (
            self.expires > now
            and user.is_active
            and hmac.compare_digest(self.password_binding, user.get_session_auth_hash())
        )


def token_lifetime_choices() -> list[int]:
    """The lifetimes (in days) a user may choose when issuing a token: common ones up to the longest
    allowed, and the configured default."""
    longest = settings.WAYFARE_API_TOKEN_MAX_DAYS
    days = {d for d in (7, 30, 90, 180, 365) if d <= longest} | {
        min(settings.WAYFARE_API_TOKEN_DAYS, longest)
    }
    return sorted(days)


@transaction.atomic
def api_token_issue(*, user: Any, days: int | None = None) -> tuple[ApiToken, str]:
    """Issue a new token for ``user`` and end the old one; answers the record and the full key (which is
    never stored, so this is the only time anyone sees it)."""
    days = days or settings.WAYFARE_API_TOKEN_DAYS
    days = max(1, min(int(days), settings.WAYFARE_API_TOKEN_MAX_DAYS))
    ApiToken.objects.filter(user=user).delete()
    key = secrets.token_urlsafe(KEY_BYTES)
    token = ApiToken.objects.create(
        user=user,
        prefix=key[:PREFIX_LENGTH],
        digest=_digest(key),
        password_binding=user.get_session_auth_hash(),
        expires=timezone.now() + timedelta(days=days),
    )
    return token, key


def api_tokens_end(*, user: Any) -> int:
    """Remove every token of ``user`` (the login is switched off, or the password was set anew)."""
    deleted, _detail = ApiToken.objects.filter(user=user).delete()
    return deleted


def api_token_for_key(key: str) -> ApiToken | None:
    """The valid token with this key, or ``None``; records when it was last used (at most once a minute,
    so a busy script does not write on every request)."""
    if len(key) < PREFIX_LENGTH:
        return None
    digest = _digest(key)
    now = timezone.now()
    for token in ApiToken.objects.filter(prefix=key[:PREFIX_LENGTH]).select_related("user"):
        if hmac.compare_digest(token.digest, digest) and token.is_valid(now):
            if token.last_used is None or now - token.last_used > timedelta(minutes=1):
                ApiToken.objects.filter(pk=token.pk).update(last_used=now)
                token.last_used = now
            return token
    return None


def api_token_current(user: Any) -> ApiToken | None:
    """The user's token if it still works (shown on the account page, without its key)."""
    token = ApiToken.objects.filter(user_id=getattr(user, "pk", None) or 0).select_related("user").first()
    return token if token is not None and token.is_valid() else None
