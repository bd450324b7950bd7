"""Shared base model: timestamps, creator, change history and the restricted queryset."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .access import RestrictedQuerySet


class WayfareModel(models.Model):
    """Base of every domain record.

    Subclasses declare how a row reaches its owning (consumer) organisation with ``owner_path`` (a lookup
    path ending at an Organisation id, e.g. ``"relationship__consumer"``; ``"pk"`` for Organisation itself)
    and whether consumers may see it at all (``frontstage``). Backstage records are provider-only.
    """

    owner_path: ClassVar[str | None] = None
    frontstage: ClassVar[bool] = False

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords(inherit=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        from .resources import registry

        return reverse(registry.get(type(self)).url_name("detail"), args=[self.pk])


from .audit import AuditEntry  # noqa: E402,F401  (issue #11: audited writes that are not model rows)
from .tokens import ApiToken  # noqa: E402,F401  (issue #11: hashed API tokens)
