"""Journey analytics: event logs of observed journeys, held against the journey maps of ``journeys``.

Customer journeys rarely follow the designed path (seed 000 1.2.4; 004 2.3). An *event log* holds the traces
a provider already has (ticket histories, booking logs, portal clicks); the events themselves are kept as a
Parquet file per log and analysed with DuckDB (``engine``), never row by row in Python. The *designed
journey* is a journey map (``journeys``), read through ``wayfare.journeys.reference``.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wayfare.core.models import TranslatedTextMixin, WayfareModel


class EventLogStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to import")
    RUNNING = "running", _("Importing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class EventLogFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XES = "xes", _("XES (IEEE 1849)")


# While a service stores a source file, the records whose file is being stored, so that the service can
# remove the file again if its transaction rolls back (issue #11: rejected uploads stayed in media).
storing_sources: ContextVar[list[EventLog] | None] = ContextVar("wayfare_storing_sources", default=None)


def _upload_to(instance: EventLog, filename: str) -> str:
    pending = storing_sources.get()
    if pending is not None:
        pending.append(instance)
    return f"eventlogs/sources/{filename}"


# The fields that say how to read the source file; changing any of them imports the log again.
MAPPING_FIELDS = (
    "case_column",
    "activity_column",
    "timestamp_column",
    "resource_column",
    "timestamp_format",
    "timezone",
    "delimiter",
    "encoding",
    "skip_bad_rows",
)


class EventLog(TranslatedTextMixin, WayfareModel):
    """An imported log of events (case, activity, time, resource, attributes): the journeys people took.
    Backstage: only provider staff analyse logs."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    attribution = models.TextField(
        _("source and licence"), blank=True, help_text=_("Where the data comes from and under which licence.")
    )
    source = models.FileField(_("source file"), upload_to=_upload_to, max_length=500, blank=True)
    source_format = models.CharField(
        _("format"), max_length=10, choices=EventLogFormat.choices, default=EventLogFormat.CSV
    )
    case_column = models.CharField(_("case column"), max_length=200, default="case_id", blank=True)
    activity_column = models.CharField(_("activity column"), max_length=200, default="activity", blank=True)
    timestamp_column = models.CharField(
        _("timestamp column"), max_length=200, default="timestamp", blank=True
    )
    resource_column = models.CharField(_("resource column"), max_length=200, blank=True)
    timestamp_format = models.CharField(
        _("timestamp format"),
        max_length=100,
        blank=True,
        help_text=_("Empty for ISO 8601; otherwise a strftime pattern such as %d/%m/%Y %H:%M (day first)."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        help_text=_("Times without a zone are taken in this zone."),
    )
    delimiter = models.CharField(_("delimiter"), max_length=2, blank=True, help_text=_("Empty: detect."))
    encoding = models.CharField(_("encoding"), max_length=30, blank=True, help_text=_("Empty: detect."))
    skip_bad_rows = models.BooleanField(
        _("leave out rows that are not events"),
        default=False,
        help_text=_(
            "Rows without case, activity or readable time are left out and listed, instead of refusing the "
            "whole file."
        ),
    )

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EventLogStatus.choices,
        default=EventLogStatus.PENDING,
        editable=False,
    )
    progress = models.FloatField(_("progress"), default=0.0, editable=False)
    message = models.TextField(_("message"), blank=True, editable=False)
    # What the message says, as the engine's code and values, so that every reader gets it in their own
    # language (the text above stays for API clients that read it; issue #11).
    message_code = models.CharField(_("message code"), max_length=50, blank=True, editable=False)
    message_params = models.JSONField(_("message values"), default=dict, blank=True, editable=False)
    errors = models.JSONField(_("row errors"), default=list, blank=True, editable=False)
    events = models.BigIntegerField(_("events"), null=True, blank=True, editable=False)
    skipped = models.BigIntegerField(_("rows left out"), default=0, editable=False)
    cases = models.BigIntegerField(_("cases"), null=True, blank=True, editable=False)
    activities = models.IntegerField(_("activities"), null=True, blank=True, editable=False)
    first_event = models.DateTimeField(_("first event"), null=True, blank=True, editable=False)
    last_event = models.DateTimeField(_("last event"), null=True, blank=True, editable=False)
    attributes = models.JSONField(_("attributes"), default=list, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("event log")
        verbose_name_plural = _("event logs")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def clean(self) -> None:
        """Refuse what would let an import exhaust the server (issue #11), for form, API and command line
        alike: an encoding that is not a text encoding (``bz2_codec`` and the like decompress) and a
        source file over ``WAYFARE_MAX_UPLOAD_BYTES``. Checked before the file is stored."""
        super().clean()
        from django.template.defaultfilters import filesizeformat

        from .engine.guards import is_text_encoding
        from .limits import import_limits

        errors: dict[str, Any] = {}
        if self.encoding and not is_text_encoding(self.encoding):
            errors["encoding"] = _(
                "Encoding: %(encoding)s is not a text encoding. Name one such as utf-8, cp1252, latin-1 or "
                "gb18030, or leave the field empty to detect it."
            ) % {"encoding": self.encoding}
        limit = import_limits().max_source_bytes
        if self.source and not getattr(self.source, "_committed", True) and self.source.size > limit:
            errors["source"] = _("The file is %(size)s; the largest accepted is %(limit)s.") % {
                "size": filesizeformat(self.source.size),
                "limit": filesizeformat(limit),
            }
        if errors:
            raise ValidationError(errors)

    @property
    def parquet_path(self) -> Path:
        return Path(settings.WAYFARE_EVENTLOG_DIR) / f"eventlog-{self.pk}.parquet"

    @property
    def may_skip_bad_rows(self) -> bool:
        """A failed CSV import whose rows failed could be retried leaving those rows out."""
        return (
            self.status == EventLogStatus.FAILED
            and self.source_format == EventLogFormat.CSV
            and not self.skip_bad_rows
            and bool(self.errors)
        )

    @property
    def is_ready(self) -> bool:
        return self.status == EventLogStatus.READY and self.parquet_path.exists()

    @property
    def not_ready_message(self) -> Any:
        """Why its analyses cannot be read now, in the reader's words (a failed import is not "not
        imported yet": it says where to fix it)."""
        if self.status == EventLogStatus.FAILED:
            return _(
                "The import of this event log failed: its page says why; change the file or the mapping there."
            )
        if self.status == EventLogStatus.READY:  # the stored analysis file is gone
            return _("This event log's analysis file is missing: import it again from its page.")
        return _("This event log is not imported yet.")
