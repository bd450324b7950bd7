"""The other side's calendar (seed 003 4.1.2, diversity): their working days, holidays and time zone, as
kept on the relationship (``counterpart_*``). Planned contacts land on their working days; the contact
form warns when a meeting falls on their day off or outside their working hours."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

WORKING_HOURS = (9, 18)  # their local time: from 9:00 to 18:00
_WEEK = [0, 1, 2, 3, 4]


def their_zone(relationship: Any) -> zoneinfo.ZoneInfo:
    """Their time zone, or ours when the relationship names none (or an unknown one)."""
    name = getattr(relationship, "counterpart_time_zone", "") or settings.TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _working_days(relationship: Any) -> set[int]:
    days = getattr(relationship, "counterpart_working_days", None)
    if not isinstance(days, list) or not days:
        return set(_WEEK)  # nothing declared: Monday to Friday
    return {d for d in days if isinstance(d, int) and 0 <= d <= 6} or set(_WEEK)


def _holidays(relationship: Any) -> set[datetime.date]:
    found = set()
    for value in getattr(relationship, "counterpart_holidays", None) or []:
        try:
            found.add(datetime.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return found


def is_working_day(relationship: Any, day: datetime.date) -> bool:
    return day.weekday() in _working_days(relationship) and day not in _holidays(relationship)


def next_working_day(relationship: Any, day: datetime.date) -> datetime.date:
    """Their first working day on or after ``day``."""
    days, holidays = _working_days(relationship), _holidays(relationship)
    for _step in range(400):  # a whole year of holidays still ends
        if day.weekday() in days and day not in holidays:
            return day
        day += datetime.timedelta(days=1)
    return day


def add_working_days(relationship: Any, day: datetime.date, count: int) -> datetime.date:
    """The date ``count`` of their working days after ``day`` (``day`` itself not counted)."""
    for _step in range(count):
        day = next_working_day(relationship, day + datetime.timedelta(days=1))
    return day


def their_now(relationship: Any, now: datetime.datetime | None = None) -> datetime.datetime:
    """Their local time now."""
    return (now or timezone.now()).astimezone(their_zone(relationship))


def their_time(relationship: Any, day: datetime.date, time: datetime.time | None) -> datetime.datetime | None:
    """Our ``day`` at ``time`` (our time zone) as their local date and time."""
    if time is None:
        return None
    ours = datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return ours.astimezone(their_zone(relationship))


def timing_warnings(relationship: Any, day: datetime.date | None, time: datetime.time | None) -> list[str]:
    """Why a contact on ``day`` at ``time`` (ours) may not suit the other side: their day off or
    holiday, or outside their working hours. Warnings only: the contact can still be recorded."""
    if relationship is None or day is None:
        return []
    local = their_time(relationship, day, time)
    their_day = local.date() if local else day
    warnings = []
    if their_day in _holidays(relationship):
        warnings.append(_("%(date)s is a holiday for them.") % {"date": their_day.isoformat()})
    elif their_day.weekday() not in _working_days(relationship):
        warnings.append(_("%(date)s is not one of their working days.") % {"date": their_day.isoformat()})
    if local is not None and not (WORKING_HOURS[0] <= local.hour < WORKING_HOURS[1]):
        warnings.append(
            _("It is %(time)s for them, outside their working hours (%(start)s:00 to %(end)s:00).")
            % {"time": local.strftime("%H:%M"), "start": WORKING_HOURS[0], "end": WORKING_HOURS[1]}
        )
    return warnings
