"""The standard battery for the business-calendar registers (issue #14)."""

import datetime as dt
import itertools

from wayfare.core.models import BusinessCalendar, BusinessHours, CalendarHoliday
from wayfare.core.testing import ResourceTests

_numbers = itertools.count(1)


def make_calendar(**fields):
    values = {"name": f"Calendar {next(_numbers)}", "time_zone": "America/Sao_Paulo", **fields}
    calendar = BusinessCalendar(**values)
    calendar.full_clean()
    calendar.save()
    return calendar


class BusinessCalendarTests(ResourceTests):
    model = BusinessCalendar

    def make(self, owner):
        return make_calendar()

    def valid_data(self, owner):
        return {
            "name": f"Service desk {next(_numbers)}",
            "time_zone": "Europe/Berlin",
            "description": "Office hours",
        }

    def invalid_data(self, owner):
        return {"name": "", "time_zone": "Mars/Olympus_Mons"}


class BusinessHoursTests(ResourceTests):
    model = BusinessHours
    update_field = "weekday"

    def updated_value(self):
        return 3  # Thursday

    def make(self, owner):
        return BusinessHours.objects.create(
            calendar=make_calendar(), weekday=0, start=dt.time(9), end=dt.time(17)
        )

    def valid_data(self, owner):
        return {"calendar": make_calendar().pk, "weekday": 1, "start": "08:00", "end": "12:00"}

    def invalid_data(self, owner):
        return {"calendar": make_calendar().pk, "weekday": 9, "start": "17:00", "end": "09:00"}


class CalendarHolidayTests(ResourceTests):
    model = CalendarHoliday

    def make(self, owner):
        return CalendarHoliday.objects.create(
            calendar=make_calendar(), date=dt.date(2026, 12, 25), name="Natal"
        )

    def valid_data(self, owner):
        return {"calendar": make_calendar().pk, "date": "2026-11-20", "name": "Consciência Negra"}

    def invalid_data(self, owner):
        return {"calendar": make_calendar().pk, "date": "not a date", "name": ""}
