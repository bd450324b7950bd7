"""Shared base model: timestamps, creator, change history and the restricted queryset."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .access import RestrictedQuerySet


class WayfareModel(models.Model):
    """Base of every domain record.

    Subclasses declare how a row reaches its owning (consumer) organisation with ``owner_path`` (a lookup
    path ending at an Organisation id, e.g. ``"relationship__consumer"``; ``"pk"`` for Organisation itself;
    a tuple when any of several organisations owns it) and whether consumers may see it at all
    (``frontstage``, and row by row ``frontstage_rows``). Backstage records are provider-only.
    """

    owner_path: ClassVar[str | tuple[str, ...] | None] = None
    frontstage: ClassVar[bool] = False
    # Which rows of a frontstage model consumers may see at all, as a filter (``None``: every owned row).
    frontstage_rows: ClassVar[dict[str, Any] | None] = None

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


class TranslatedTextMixin(models.Model):
    """Text fields that carry translations (``core.translations``): the model lists them in its resource's
    ``translated_fields``; ``translated(name)`` reads one in the reader's language. Put it before
    ``WayfareModel`` in the bases so the change history keeps the translations too."""

    # Editable so the change history diffs it; the declared forms and serializers leave it out of their
    # plain fields (``Resource.editable_fields``) and edit it through ``core.translations``.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        abstract = True

    def translated(self, name: str, language: str | None = None) -> Any:
        """The field in ``language`` (default: the reader's), else the field's own value."""
        from .translations import translated

        return translated(self, name, language)


class VersionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Version(models.Model):
    """A snapshot of a versioned record (``Resource(versioned=True)``) with its declared child rows, as
    JSON. Published versions are numbered 1, 2, ... per record; a record has at most one draft snapshot
    (the work in progress someone chose to keep), replaced each time it is saved. Read through
    ``core.versions``, which reaches a version only through its record, so ``restrict()`` applies."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("kind of record"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    state = models.CharField(_("state"), max_length=10, choices=VersionState.choices)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    data = models.JSONField(_("snapshot"), default=dict)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["content_type", "object_id", "-number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"], name="core_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state="draft"),
                name="core_version_one_draft",
            ),
        ]

    def __str__(self) -> str:
        if self.number:
            return str(_("Version %(number)s") % {"number": self.number})
        return str(_("Draft"))


from .audit import AuditEntry  # noqa: E402,F401  (issue #11: audited writes that are not model rows)
from .calendar_models import BusinessCalendar, BusinessHours, CalendarHoliday  # noqa: E402,F401  (issue #14)
from .reminder_store import Reminder  # noqa: E402,F401  (issue #12: reminders from due dates)
from .tokens import ApiToken  # noqa: E402,F401  (issue #11: hashed API tokens)
