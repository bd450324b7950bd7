"""Reminders kept per user (issue #12 section 5): one row per (source, record, due date, recipient).

The rows are made and closed by ``core.reminders.reminders_run`` only; a user closes their own with
"done" and puts one off with "snooze". The unique key makes a second run create nothing twice, and
``emailed_at`` makes it send nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderClosed(models.TextChoices):
    DONE = "done", _("Done")
    RESOLVED = "resolved", _("No longer needed")
    MOVED = "moved", _("Date changed")
    GONE = "gone", _("Record deleted")
    UNASSIGNED = "unassigned", _("No longer for this person")


class Reminder(models.Model):
    """A due date of a record that one user should act on (a stakeholder to revisit, a contact to make,
    an action that falls due). The record and its date come from a declared source
    (``core.reminders.remind``); the label is the source's, in the reader's language."""

    source = models.CharField(_("source"), max_length=200)
    content_type = models.ForeignKey(ContentType, verbose_name=_("record type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    due_date = models.DateField(_("due date"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    snoozed_until = models.DateField(_("snoozed until"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_reason = models.CharField(
        _("why closed"), max_length=20, choices=ReminderClosed.choices, blank=True
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id", "due_date", "recipient"],
                name="core_reminder_once",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "closed_at"], name="core_reminder_open"),
            models.Index(fields=["source", "closed_at"], name="core_reminder_source_open"),
        ]

    def __str__(self) -> str:
        return f"{self.source} #{self.object_id} {self.due_date}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def is_overdue(self, today: Any) -> bool:
        return self.due_date < today
