"""The declarations of the business-hours calendars (issue #14): pages and API for staff, hours and
holidays as tables on the calendar's page, its week in words and a "try it" form (a due instant from a
start and a duration; the business time between two instants), computed by ``core.calendars``.

Imported by ``CoreConfig.ready`` (core's ``resources`` module is the registry itself).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from .calendar_models import BusinessCalendar, BusinessHours, CalendarHoliday
from .calendars import Schedule, business_add, business_between, duration_text, week_summary
from .exceptions import DomainError
from .resources import Access, Related, Resource, register
from .roles import grant

# Who may change calendars: administrators and service level managers (their targets run on them).
CALENDAR_WRITERS = ("Administrator", "Service level manager")
MAX_HOURS = Decimal(100_000)


class _Instant(forms.CharField):
    """A wall-clock date and time in the calendar's time zone, kept naive (the calendar gives the zone;
    Django's DateTimeField would take the reader's)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"})

    def to_python(self, value: Any) -> dt.datetime | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1)).replace(tzinfo=None)
        except ValueError:
            raise forms.ValidationError(_("Enter a date and time, for example 2026-03-02 09:30.")) from None


class DueForm(forms.Form):
    start = _Instant(label=_("Starts at"))
    hours = forms.DecimalField(
        label=_("Business hours to add"),
        max_digits=9,
        decimal_places=2,
        min_value=-MAX_HOURS,
        max_value=MAX_HOURS,
        help_text=_("For example 8 or 1.5; a negative number goes back."),
    )


class BetweenForm(forms.Form):
    start = _Instant(label=_("From (date and time)"))
    end = _Instant(label=_("Until (date and time)"))


def _local(value: dt.datetime, schedule: Schedule) -> str:
    """ "Tue 2026-03-03 10:30 (UTC-03:00)" in the calendar's time zone."""
    moment = value.astimezone(schedule.zone)
    offset = moment.strftime("%z")
    return f"{WEEKDAYS_ABBR[moment.weekday()]} {moment:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _aware(naive: dt.datetime, schedule: Schedule) -> dt.datetime:
    return naive.replace(tzinfo=schedule.zone)  # an ambiguous wall time is its first occurrence


def calendar_context(request: Any, calendar: BusinessCalendar) -> dict[str, Any]:
    """The calendar's week in words, its holidays to come and the "try it" forms with their answers."""
    schedule = Schedule.from_calendar(calendar)
    today = dt.datetime.now(schedule.zone).date()
    due_form = DueForm(request.GET if "due-start" in request.GET else None, prefix="due")
    between_form = BetweenForm(request.GET if "between-start" in request.GET else None, prefix="between")
    due = between = None
    if due_form.is_bound and due_form.is_valid():
        start = _aware(due_form.cleaned_data["start"], schedule)
        try:
            hours = due_form.cleaned_data["hours"]
            due = _local(
                business_add(schedule, start, dt.timedelta(microseconds=int(hours * 3_600_000_000))), schedule
            )
        except DomainError as exc:
            due_form.add_error(None, str(exc))
    if between_form.is_bound and between_form.is_valid():
        start = _aware(between_form.cleaned_data["start"], schedule)
        end = _aware(between_form.cleaned_data["end"], schedule)
        between = duration_text(business_between(schedule, start, end))
    return {
        "week": week_summary(schedule),
        "weekly": duration_text(schedule.weekly),
        "coming_holidays": sorted(d for d in schedule.holidays if d >= today)[:5],
        "holiday_count": len(schedule.holidays),
        "due_form": due_form,
        "due": due,
        "between_form": between_form,
        "between": between,
    }


register(
    Resource(
        BusinessCalendar,
        columns=["name", "time_zone"],
        filters=["time_zone"],
        search=["name", "time_zone", "description"],
        fields=["name", "time_zone", "description"],
        translated_fields=["name", "description"],
        related=[Related(BusinessHours, "calendar"), Related(CalendarHoliday, "calendar")],
        detail_template="core/businesscalendar_detail.html",
        detail_context=calendar_context,
        access=Access(write=CALENDAR_WRITERS),
        step="agree",
        slug="calendars",
    )
)
register(
    Resource(
        BusinessHours,
        columns=["calendar", "weekday", "start", "end"],
        filters=["calendar", "weekday"],
        fields=["calendar", "weekday", "start", "end"],
        select_related=["calendar"],
        access=Access(write=CALENDAR_WRITERS),
        slug="business-hours",
    )
)
register(
    Resource(
        CalendarHoliday,
        columns=["calendar", "date", "name"],
        filters=["calendar"],
        search=["name"],
        fields=["calendar", "date", "name"],
        translated_fields=["name"],
        select_related=["calendar"],
        access=Access(write=CALENDAR_WRITERS),
        slug="holidays",
    )
)

for _model in (BusinessCalendar, BusinessHours, CalendarHoliday):
    grant("Service level manager", _model, "view add change delete")
