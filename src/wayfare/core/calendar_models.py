"""Business-hours calendars (issue #14): working hours per weekday, holidays and a time zone, one per
agreement or service; the arithmetic is in ``core.calendars``. Backstage: provider staff only.

``BusinessHours.end`` of 00:00 means midnight at the end of the day (24:00): 00:00-00:00 is the whole day.
An interval never crosses midnight; a night shift is two intervals, one on each weekday.
"""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .calendars import clock, end_seconds, start_seconds
from .models import TranslatedTextMixin, WayfareModel

WEEKDAY_CHOICES = [(number, WEEKDAYS[number]) for number in range(7)]


class BusinessCalendar(TranslatedTextMixin, WayfareModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        help_text=_("The IANA name of the time zone the hours are in, for example America/Sao_Paulo."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")

    def __str__(self) -> str:
        return str(self.translated("name"))

    def clean(self) -> None:
        super().clean()
        self.time_zone = (self.time_zone or "").strip()
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError(
                {"time_zone": _("Not a known time zone (for example Europe/Moscow).")}
            ) from None

    def schedule(self):  # type: ignore[no-untyped-def]
        """The snapshot the arithmetic works on (``core.calendars.Schedule``)."""
        from .calendars import Schedule

        return Schedule.from_calendar(self)


class BusinessHours(WayfareModel):
    calendar = models.ForeignKey(
        BusinessCalendar, verbose_name=_("calendar"), on_delete=models.CASCADE, related_name="hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAY_CHOICES)
    start = models.TimeField(_("starts at"))
    end = models.TimeField(_("ends at"), help_text=_("00:00 means midnight at the end of the day (24:00)."))

    class Meta:
        ordering = ["calendar", "weekday", "start"]
        verbose_name = _("business hours")
        verbose_name_plural = _("business hours")

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.span_text()}" if self.weekday is not None else ""

    def span_text(self) -> str:
        if self.start is None or self.end is None:
            return ""
        return f"{clock(start_seconds(self.start))}–{clock(end_seconds(self.end))}"

    def clean(self) -> None:
        super().clean()
        if self.start is None or self.end is None or self.weekday is None:
            return
        start, end = start_seconds(self.start), end_seconds(self.end)
        if start >= end:
            raise ValidationError(
                {"end": _("The interval must end after it starts (00:00 is midnight at the end of the day).")}
            )
        if not self.calendar_id:
            return
        others = BusinessHours.objects.filter(calendar_id=self.calendar_id, weekday=self.weekday).exclude(
            pk=self.pk
        )
        for other in others:
            if start < end_seconds(other.end) and start_seconds(other.start) < end:
                raise ValidationError(
                    _("These hours overlap %(other)s of the same day.") % {"other": other.span_text()}
                )


class CalendarHoliday(TranslatedTextMixin, WayfareModel):
    """A whole day off: no business time from the calendar's local midnight to the next."""

    calendar = models.ForeignKey(
        BusinessCalendar, verbose_name=_("calendar"), on_delete=models.CASCADE, related_name="holidays"
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["calendar", "date"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="core_calendarholiday_one_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.translated('name')}" if self.date else str(self.name)
