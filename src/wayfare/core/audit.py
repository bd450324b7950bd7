"""Audit of writes that are not rows of a domain model (issue #11): a login account granted, changed or
switched off, with who and when, shown on the person's history beside the record's own changes.

Services write entries with :func:`audit_record` inside their own transaction, so an entry exists exactly
when the write does. :func:`audit_entries` answers them in the shape of ``core.history.history_entries()``.
Entries are backstage: consumers never see them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .access import consumer_organisation_id


class AuditAction(models.TextChoices):
    ACCOUNT_GRANTED = "account_granted", _("login account given")
    ACCOUNT_CHANGED = "account_changed", _("login account changed")
    ACCOUNT_REVOKED = "account_revoked", _("login switched off")


# How a detail key reads on the history: the field label and how to show its values.
DETAIL_LABELS = {
    "username": _("user name"),
    "roles": _("roles"),
    "password": _("password"),
    "active": _("can log in"),
}


class AuditEntry(models.Model):
    """One audited write: when, by whom, on which record, what (a stable code) and its details
    (``{"<key>": [old, new]}`` for each value that changed)."""

    when = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["target_type", "target_id", "when"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.target_type_id}:{self.target_id}"


def audit_record(*, actor: Any, target: models.Model, action: str, detail: dict[str, Any]) -> AuditEntry:
    """Write one entry about ``target``; call inside the service's transaction."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        action=action,
        detail=detail,
    )


def _show(key: str, value: Any) -> Any:
    if key == "roles" and isinstance(value, list):
        from .roles import role_by_group

        return ", ".join(str(getattr(role_by_group(name), "label", name)) for name in value) or "—"
    if key == "password":
        return _("set anew") if value else ""
    if key == "active" and isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


def audit_entries(obj: models.Model, user: Any = None, limit: int = 50) -> list[dict[str, Any]]:
    """The audit entries about ``obj`` as history entries ({"when", "who", "kind", "changes"}), newest
    first; none for consumers or anonymous readers."""
    if user is None or not user.is_authenticated or consumer_organisation_id(user) is not None:
        return []
    entries = AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(obj), target_id=obj.pk
    ).select_related("actor")
    answer = []
    for entry in entries.order_by("-when", "-pk")[:limit]:
        changes = [
            {"field": DETAIL_LABELS.get(key, key), "old": _show(key, pair[0]), "new": _show(key, pair[1])}
            for key, pair in entry.detail.items()
            if isinstance(pair, list) and len(pair) == 2
        ]
        answer.append(
            {"when": entry.when, "who": entry.actor, "kind": entry.get_action_display(), "changes": changes}
        )
    return answer
