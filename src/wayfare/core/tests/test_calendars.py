"""Business-hours calendars (issue #14): the arithmetic by hand and by property, the models' rules, the
calendar page with its "try it" form and the demo calendars. The standard battery of the three registers
is in test_calendar_resources.py (where the registry test looks for it)."""

import datetime as dt
import io
import time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wayfare.core import calendars
from wayfare.core.calendars import (
    MAX_SEARCH_DAYS,
    Schedule,
    business_add,
    business_between,
    business_intervals,
    is_business_time,
    week_summary,
)
from wayfare.core.exceptions import DomainError
from wayfare.core.models import BusinessCalendar, BusinessHours, CalendarHoliday
from wayfare.core.testing import client_for, make_user

H = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)
BERLIN, NEW_YORK, SAO_PAULO = (
    ZoneInfo("Europe/Berlin"),
    ZoneInfo("America/New_York"),
    ZoneInfo("America/Sao_Paulo"),
)
UTC = dt.UTC

WEEKDAYS_9_17 = {d: [("09:00", "17:00")] for d in range(5)}
ALL_DAY = {d: [("00:00", "24:00")] for d in range(7)}
WEEKDAYS_9_18 = {d: [("09:00", "18:00")] for d in range(5)}


def at(zone, *parts, fold=0):
    return dt.datetime(*parts, tzinfo=zone, fold=fold)


def utc(*parts):
    return dt.datetime(*parts, tzinfo=UTC)


# -- by hand -----------------------------------------------------------------------------------------
OFFICE = Schedule.build("Europe/Berlin", WEEKDAYS_9_17)


def test_across_a_night():
    # Monday 2026-06-01 16:00 + 2 h: one hour today, one tomorrow morning.
    assert business_add(OFFICE, at(BERLIN, 2026, 6, 1, 16), 2 * H) == at(BERLIN, 2026, 6, 2, 10)
    assert business_between(OFFICE, at(BERLIN, 2026, 6, 1, 16), at(BERLIN, 2026, 6, 2, 10)) == 2 * H


def test_across_a_weekend():
    friday = at(BERLIN, 2026, 6, 5, 16)
    assert business_add(OFFICE, friday, 2 * H) == at(BERLIN, 2026, 6, 8, 10)
    assert business_between(OFFICE, friday, at(BERLIN, 2026, 6, 8, 10)) == 2 * H
    assert business_between(OFFICE, at(BERLIN, 2026, 6, 6, 0), at(BERLIN, 2026, 6, 8, 0)) == dt.timedelta(0)


def test_a_holiday_skips_the_whole_day():
    whit_monday = Schedule.build("Europe/Berlin", WEEKDAYS_9_17, holidays=[dt.date(2026, 5, 25)])
    friday = at(BERLIN, 2026, 5, 22, 16)
    assert business_add(whit_monday, friday, 2 * H) == at(BERLIN, 2026, 5, 26, 10)
    assert business_between(whit_monday, friday, at(BERLIN, 2026, 5, 27, 9)) == 9 * H
    assert not is_business_time(whit_monday, at(BERLIN, 2026, 5, 25, 12))
    assert is_business_time(OFFICE, at(BERLIN, 2026, 5, 25, 12))


LUNCH = Schedule.build("Europe/Berlin", {d: [("08:00", "12:00"), ("13:00", "17:00")] for d in range(5)})


def test_several_intervals_a_day_with_a_lunch_break():
    monday = dt.date(2026, 6, 1)
    assert business_add(LUNCH, at(BERLIN, 2026, 6, 1, 11), 2 * H) == at(BERLIN, 2026, 6, 1, 14)
    assert business_between(LUNCH, at(BERLIN, 2026, 6, 1, 0), at(BERLIN, 2026, 6, 2, 0)) == 8 * H
    assert business_between(LUNCH, at(BERLIN, 2026, 6, 1, 11, 30), at(BERLIN, 2026, 6, 1, 13, 30)) == H
    assert not is_business_time(LUNCH, at(BERLIN, 2026, 6, 1, 12, 30))
    assert [
        (a.astimezone(BERLIN).hour, b.astimezone(BERLIN).hour)
        for a, b in business_intervals(LUNCH, at(BERLIN, 2026, 6, 1, 0), at(BERLIN, 2026, 6, 2, 0))
    ] == [(8, 12), (13, 17)], monday


@pytest.mark.parametrize(
    "start, expected",
    [
        ((2026, 6, 1, 7, 0), (2026, 6, 1, 10, 0)),  # before the day's hours: counted from 09:00
        ((2026, 6, 1, 12, 30), (2026, 6, 1, 13, 30)),  # inside
        ((2026, 6, 1, 18, 0), (2026, 6, 2, 10, 0)),  # after: from tomorrow's 09:00
        ((2026, 6, 1, 16, 30), (2026, 6, 2, 9, 30)),  # the last half hour, then tomorrow
    ],
)
def test_start_before_inside_and_after_an_interval(start, expected):
    assert business_add(OFFICE, at(BERLIN, *start), H) == at(BERLIN, *expected)


def test_the_answer_is_the_earliest_instant():
    # 8 hours from Monday 09:00 is Monday 17:00, not Tuesday 09:00.
    assert business_add(OFFICE, at(BERLIN, 2026, 6, 1, 9), 8 * H) == at(BERLIN, 2026, 6, 1, 17)
    # Going back lands on the latest instant: Tuesday 09:00 - 1 h is Monday 16:00.
    assert business_add(OFFICE, at(BERLIN, 2026, 6, 2, 9), -H) == at(BERLIN, 2026, 6, 1, 16)
    assert business_add(OFFICE, at(BERLIN, 2026, 6, 1, 17), -8 * H) == at(BERLIN, 2026, 6, 1, 9)


def test_zero_duration_is_the_start_itself_even_outside_hours():
    saturday = at(BERLIN, 2026, 6, 6, 3)
    assert business_add(OFFICE, saturday, dt.timedelta(0)) == saturday


def test_between_is_signed():
    a, b = at(BERLIN, 2026, 6, 1, 10), at(BERLIN, 2026, 6, 1, 12)
    assert business_between(OFFICE, a, b) == 2 * H
    assert business_between(OFFICE, b, a) == -2 * H
    assert business_between(OFFICE, a, a) == dt.timedelta(0)


def test_answers_are_utc_and_naive_instants_are_refused():
    result = business_add(OFFICE, at(BERLIN, 2026, 6, 1, 9), H)
    assert result.tzinfo is UTC and result == utc(2026, 6, 1, 8)
    with pytest.raises(ValueError):
        business_add(OFFICE, dt.datetime(2026, 6, 1, 9), H)
    with pytest.raises(ValueError):
        business_between(OFFICE, dt.datetime(2026, 6, 1, 9), at(BERLIN, 2026, 6, 1, 9))


def test_an_interval_to_midnight():
    late = Schedule.build("Europe/Berlin", {4: [("20:00", "00:00")], 5: [("00:00", "02:00")]})
    assert late.week[4] == ((20 * 3600, 24 * 3600),)
    friday = at(BERLIN, 2026, 6, 5, 23)
    assert business_add(late, friday, 2 * H) == at(BERLIN, 2026, 6, 6, 1)
    assert business_between(late, at(BERLIN, 2026, 6, 5, 20), at(BERLIN, 2026, 6, 6, 2)) == 6 * H
    assert is_business_time(late, at(BERLIN, 2026, 6, 5, 23, 59, 59))
    assert not is_business_time(late, at(BERLIN, 2026, 6, 6, 2))


# Daylight saving: Europe/Berlin springs forward on 2026-03-29 (02:00 -> 03:00) and falls back on
# 2026-10-25 (03:00 -> 02:00); America/New_York on 2026-03-08 and 2026-11-01 at 02:00; America/Sao_Paulo
# (no summer time since 2019) sprang forward on 2018-11-04 at 00:00 and fell back on 2019-02-17 at 00:00
# to 23:00 of the 16th.
@pytest.mark.parametrize(
    "zone, day, hours",
    [
        ("Europe/Berlin", dt.date(2026, 3, 29), 23),
        ("Europe/Berlin", dt.date(2026, 10, 25), 25),
        ("Europe/Berlin", dt.date(2026, 6, 14), 24),
        ("America/New_York", dt.date(2026, 3, 8), 23),
        ("America/New_York", dt.date(2026, 11, 1), 25),
        ("America/Sao_Paulo", dt.date(2018, 11, 4), 23),
        ("America/Sao_Paulo", dt.date(2019, 2, 16), 25),
        ("America/Sao_Paulo", dt.date(2026, 2, 15), 24),
        # Europe/Moscow: summer time until 2010 (2010-03-28 02:00 -> 03:00, 2010-10-31 03:00 -> 02:00),
        # a last spring change on 2011-03-27 to permanent UTC+4, and back to UTC+3 on 2014-10-26 (the
        # clock went from 02:00 back to 01:00: a 25-hour day without any summer time).
        ("Europe/Moscow", dt.date(2010, 3, 28), 23),
        ("Europe/Moscow", dt.date(2010, 10, 31), 25),
        ("Europe/Moscow", dt.date(2011, 3, 27), 23),
        ("Europe/Moscow", dt.date(2011, 10, 30), 24),
        ("Europe/Moscow", dt.date(2014, 10, 26), 25),
    ],
)
def test_a_whole_day_interval_is_the_real_length_of_the_day(zone, day, hours):
    schedule = Schedule.build(zone, ALL_DAY)
    only_that_day = Schedule.build(zone, {day.weekday(): [("00:00", "24:00")]})
    start = at(ZoneInfo(zone), day.year, day.month, day.day) - 2 * dt.timedelta(days=1)
    end = start + 5 * dt.timedelta(days=1)
    assert business_between(only_that_day, start, end) == hours * H
    assert business_between(schedule, start, end) == (5 * 24 + hours - 24) * H


@pytest.mark.parametrize(
    "zone, day",
    [
        ("Europe/Berlin", dt.date(2026, 3, 29)),
        ("Europe/Berlin", dt.date(2026, 10, 25)),
        ("America/New_York", dt.date(2026, 3, 8)),
        ("America/New_York", dt.date(2026, 11, 1)),
    ],
)
def test_office_hours_are_eight_hours_on_a_change_day(zone, day):
    schedule = Schedule.build(zone, {d: [("09:00", "17:00")] for d in range(7)})
    tz = ZoneInfo(zone)
    start = at(tz, day.year, day.month, day.day)
    assert business_between(schedule, start, start + dt.timedelta(days=1)) == 8 * H
    due = business_add(schedule, at(tz, day.year, day.month, day.day, 8), 8 * H)
    assert due.astimezone(tz).replace(tzinfo=None) == dt.datetime(day.year, day.month, day.day, 17)


def test_an_interval_across_the_spring_gap_is_real_time():
    schedule = Schedule.build("Europe/Berlin", {6: [("01:00", "05:00"), ("06:00", "08:00")]})
    day = (at(BERLIN, 2026, 3, 29), at(BERLIN, 2026, 3, 30))
    assert business_between(schedule, *day) == 5 * H  # 01:00-05:00 is 3 real hours
    # One hour from 01:30 CET is 03:30 CEST (the clock skipped 02:00-03:00).
    assert business_add(schedule, at(BERLIN, 2026, 3, 29, 1, 30), H) == at(BERLIN, 2026, 3, 29, 3, 30)


def test_an_interval_starting_in_the_spring_gap_starts_when_the_clock_jumps():
    schedule = Schedule.build("Europe/Berlin", {6: [("02:30", "08:00")]})
    assert business_between(schedule, at(BERLIN, 2026, 3, 29), at(BERLIN, 2026, 3, 30)) == 5 * H
    (interval,) = business_intervals(schedule, at(BERLIN, 2026, 3, 29), at(BERLIN, 2026, 3, 30))
    assert interval == (utc(2026, 3, 29, 1), utc(2026, 3, 29, 6))


def test_the_autumn_fold_counts_the_repeated_hour_twice():
    schedule = Schedule.build("Europe/Berlin", {6: [("02:00", "02:30")]})
    day = (at(BERLIN, 2026, 10, 25), at(BERLIN, 2026, 10, 26))
    assert business_between(schedule, *day) == H  # 02:00-02:30 CEST, then 02:00-02:30 CET
    assert business_intervals(schedule, *day) == [
        (utc(2026, 10, 25, 0), utc(2026, 10, 25, 0, 30)),
        (utc(2026, 10, 25, 1), utc(2026, 10, 25, 1, 30)),
    ]
    assert business_add(schedule, at(BERLIN, 2026, 10, 25), 45 * MIN) == utc(2026, 10, 25, 1, 15)
    assert is_business_time(schedule, utc(2026, 10, 25, 1, 10))  # 02:10 CET
    assert not is_business_time(schedule, utc(2026, 10, 25, 0, 40))  # 02:40 CEST


def test_new_york_fall_back_interval_over_the_fold():
    schedule = Schedule.build("America/New_York", {6: [("01:00", "03:00")]})
    day = (at(NEW_YORK, 2026, 11, 1), at(NEW_YORK, 2026, 11, 2))
    assert business_between(schedule, *day) == 3 * H
    spring = (at(NEW_YORK, 2026, 3, 8), at(NEW_YORK, 2026, 3, 9))
    assert business_between(schedule, *spring) == H


def test_sao_paulo_changes_at_midnight():
    # 2018-11-04 began at 01:00: a Sunday 00:00-02:00 interval held one hour.
    sunday = Schedule.build("America/Sao_Paulo", {6: [("00:00", "02:00")]})
    assert business_between(sunday, at(SAO_PAULO, 2018, 11, 3), at(SAO_PAULO, 2018, 11, 6)) == H
    # On 2019-02-16 the clock showed 23:00-24:00 twice: Saturday 22:00-24:00 held three hours, in one piece.
    saturday = Schedule.build("America/Sao_Paulo", {5: [("22:00", "24:00")]})
    week = (at(SAO_PAULO, 2019, 2, 11), at(SAO_PAULO, 2019, 2, 18))
    assert business_intervals(saturday, *week) == [(utc(2019, 2, 17, 0), utc(2019, 2, 17, 3))]
    assert business_add(saturday, utc(2019, 2, 17, 1, 30), H) == utc(2019, 2, 17, 2, 30)
    # No summer time now: a plain week.
    assert business_between(saturday, at(SAO_PAULO, 2026, 2, 9), at(SAO_PAULO, 2026, 2, 16)) == 2 * H


def test_a_fold_across_midnight_interleaves_two_days():
    # America/Goose_Bay, 2009-11-01 00:01 ADT: the clock went back to Saturday 23:01 AST. Sunday's first
    # minute (03:00-03:01 UTC) comes between the two passes of Saturday's last half hour.
    schedule = Schedule.build("America/Goose_Bay", {5: [("23:30", "24:00")], 6: [("00:00", "00:01")]})
    night = (utc(2009, 11, 1, 2), utc(2009, 11, 1, 5))
    assert business_intervals(schedule, *night) == [
        (utc(2009, 11, 1, 2, 30), utc(2009, 11, 1, 3, 1)),
        (utc(2009, 11, 1, 3, 30), utc(2009, 11, 1, 4, 1)),
    ]
    assert business_add(schedule, utc(2009, 11, 1, 2, 45), 20 * MIN) == utc(2009, 11, 1, 3, 34)
    assert business_add(schedule, utc(2009, 11, 1, 3, 34), -20 * MIN) == utc(2009, 11, 1, 2, 45)
    # From Sunday's first pass (local date Sunday), Saturday's second pass still comes next.
    assert business_add(schedule, utc(2009, 11, 1, 3, 0, 30), 5 * MIN) == utc(2009, 11, 1, 3, 34, 30)
    # From Saturday's second pass (local date Saturday), going back reaches Sunday's first minute.
    assert business_add(schedule, utc(2009, 11, 1, 3, 30, 30), -MIN) == utc(2009, 11, 1, 3, 0, 30)
    assert business_add(schedule, utc(2009, 11, 1, 3, 30, 30), -2 * MIN) == utc(2009, 11, 1, 2, 59, 30)


def test_adding_across_a_change_is_real_time():
    schedule = Schedule.build("Europe/Berlin", ALL_DAY)
    start = at(BERLIN, 2026, 3, 28, 12)
    assert business_add(schedule, start, 24 * H) == at(BERLIN, 2026, 3, 29, 13)
    assert business_add(schedule, at(BERLIN, 2026, 3, 29, 13), -24 * H) == start


def test_an_empty_calendar_refuses_to_add():
    empty = Schedule.build("Europe/Berlin", {})
    with pytest.raises(DomainError) as raised:
        business_add(empty, at(BERLIN, 2026, 6, 1), H)
    assert raised.value.code == "calendar_empty" and "no working hours" in str(raised.value)
    assert business_between(empty, at(BERLIN, 2026, 1, 1), at(BERLIN, 2027, 1, 1)) == dt.timedelta(0)


def test_a_calendar_whose_working_days_are_all_holidays_gives_up():
    mondays = []
    day = dt.date(2026, 1, 5)
    while day < dt.date(2040, 1, 1):
        mondays.append(day)
        day += dt.timedelta(days=7)
    schedule = Schedule.build("Europe/Berlin", {0: [("09:00", "17:00")]}, holidays=mondays)
    began = time.perf_counter()
    with pytest.raises(DomainError) as raised:
        business_add(schedule, at(BERLIN, 2026, 1, 1), H)
    assert raised.value.code == "calendar_no_working_time"
    assert time.perf_counter() - began < 5
    # ... while a search shorter than the limit finds the first Monday after the holidays.
    assert business_add(schedule, at(BERLIN, 2031, 1, 1), H) == at(BERLIN, 2040, 1, 2, 10)
    assert MAX_SEARCH_DAYS >= 3650


ECAMPUS = Schedule.build(
    "America/Sao_Paulo",
    {**{d: [("08:00", "12:00"), ("13:00", "18:00")] for d in range(5)}, 5: [("09:00", "13:00")]},
    holidays=[dt.date(2026, 4, 3), dt.date(2026, 4, 21), dt.date(2026, 5, 1), dt.date(2026, 6, 4)],
)


def test_a_thousand_hours_step_interval_by_interval_and_skip_weeks(monkeypatch):
    calls = []
    original = calendars._day_intervals
    monkeypatch.setattr(calendars, "_day_intervals", lambda s, d: calls.append(d) or original(s, d))
    start = at(SAO_PAULO, 2026, 1, 2, 17)
    began = time.perf_counter()
    due = business_add(ECAMPUS, start, 1000 * H)
    assert time.perf_counter() - began < 1
    # 1000 hours at 49 a week are about twenty weeks; the weeks without holidays are skipped whole.
    assert len(calls) < 60, len(calls)
    monkeypatch.setattr(calendars, "_day_intervals", original)
    assert business_between(ECAMPUS, start, due) == 1000 * H
    reference = sum((b - a for a, b in business_intervals(ECAMPUS, start, due)), dt.timedelta(0))
    assert reference == 1000 * H
    assert is_business_time(ECAMPUS, due - dt.timedelta(microseconds=1))


def test_week_summary():
    assert week_summary(ECAMPUS) == [
        ("Mon–Fri", "08:00–12:00, 13:00–18:00"),
        ("Sat", "09:00–13:00"),
        ("Sun", "day off"),
    ]
    assert ECAMPUS.weekly == 49 * H


def test_a_schedule_checks_its_intervals():
    with pytest.raises(ValueError):
        Schedule.build("Europe/Berlin", {0: [("09:00", "12:00"), ("11:00", "13:00")]})
    with pytest.raises(ValueError):
        Schedule.build("Europe/Berlin", {0: [("12:00", "09:00")]})
    with pytest.raises(ValueError):
        Schedule.build("Nowhere/Atlantis", {0: [("09:00", "12:00")]})


# -- by property -------------------------------------------------------------------------------------
ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "America/Los_Angeles",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Goose_Bay",
    "UTC",
]


@st.composite
def schedules(draw):
    week = {}
    for weekday in range(7):
        points = sorted(set(draw(st.lists(st.integers(0, 96), max_size=4))))  # quarter hours
        if len(points) % 2:
            points = points[:-1]
        week[weekday] = [(points[i] * 900, points[i + 1] * 900) for i in range(0, len(points), 2)]
    assume(any(week.values()))
    holidays = draw(st.lists(st.dates(dt.date(2005, 1, 1), dt.date(2021, 12, 31)), max_size=30))
    return Schedule.build(draw(st.sampled_from(ZONES)), week, holidays)


instants = st.datetimes(dt.datetime(2005, 1, 1), dt.datetime(2021, 1, 1)).map(lambda d: d.replace(tzinfo=UTC))
durations = st.integers(0, 400 * 3600).map(lambda s: dt.timedelta(seconds=s))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(schedules(), instants, durations, st.booleans())
def test_between_undoes_add(schedule, start, duration, backwards):
    duration = -duration if backwards else duration
    due = business_add(schedule, start, duration)
    assert business_between(schedule, start, due) == duration
    tick = dt.timedelta(microseconds=1)
    if duration > dt.timedelta(0):  # the earliest such instant: a moment before, not yet
        assert business_between(schedule, start, due - tick) < duration
    if duration < dt.timedelta(0):  # the latest such instant: a moment later, not enough
        assert business_between(schedule, start, due + tick) > duration


@PROPERTY
@given(schedules(), instants, durations, durations)
def test_add_is_monotonic_and_additive(schedule, start, first, second):
    low, high = sorted([first, second])
    assert business_add(schedule, start, low) <= business_add(schedule, start, high)
    assert business_add(schedule, business_add(schedule, start, first), second) == business_add(
        schedule, start, first + second
    )


@PROPERTY
@given(schedules(), instants, instants, instants)
def test_between_is_additive_over_a_split_point_and_monotonic(schedule, a, b, c):
    assert business_between(schedule, a, c) == business_between(schedule, a, b) + business_between(
        schedule, b, c
    )
    low, high = sorted([b, c])
    assert business_between(schedule, a, low) <= business_between(schedule, a, high)


@PROPERTY
@given(schedules(), instants, st.integers(0, 60 * 24 * 3600).map(lambda s: dt.timedelta(seconds=s)))
def test_between_skipping_weeks_equals_the_day_by_day_intervals(schedule, start, span):
    end = start + span
    intervals = business_intervals(schedule, start, end)
    assert all(b1 <= a2 for (_a1, b1), (a2, _b2) in zip(intervals, intervals[1:], strict=False))
    assert all(start <= a < b <= end for a, b in intervals)
    assert business_between(schedule, start, end) == sum((b - a for a, b in intervals), dt.timedelta(0))
    for a, b in intervals:
        assert is_business_time(schedule, a) and is_business_time(schedule, b - dt.timedelta(microseconds=1))


# -- the models --------------------------------------------------------------------------------------
def _calendar(name="Desk", zone="Europe/Berlin"):
    calendar = BusinessCalendar(name=name, time_zone=zone)
    calendar.full_clean()
    calendar.save()
    return calendar


@pytest.mark.django_db
def test_a_calendar_needs_a_known_time_zone():
    with pytest.raises(ValidationError) as raised:
        BusinessCalendar(name="Moon", time_zone="Moon/Tranquility").full_clean()
    assert "time_zone" in raised.value.message_dict
    calendar = _calendar(zone=" America/Sao_Paulo ")
    assert calendar.time_zone == "America/Sao_Paulo"


@pytest.mark.django_db
def test_hours_must_not_overlap_and_must_end_after_they_start():
    calendar = _calendar()
    BusinessHours.objects.create(calendar=calendar, weekday=0, start=dt.time(8), end=dt.time(12))
    overlapping = BusinessHours(calendar=calendar, weekday=0, start=dt.time(11), end=dt.time(13))
    with pytest.raises(ValidationError, match="overlap"):
        overlapping.full_clean()
    BusinessHours(calendar=calendar, weekday=0, start=dt.time(12), end=dt.time(13)).full_clean()  # touching
    BusinessHours(calendar=calendar, weekday=1, start=dt.time(11), end=dt.time(13)).full_clean()  # other day
    with pytest.raises(ValidationError) as raised:
        BusinessHours(calendar=calendar, weekday=2, start=dt.time(17), end=dt.time(9)).full_clean()
    assert "end" in raised.value.message_dict
    to_midnight = BusinessHours(calendar=calendar, weekday=4, start=dt.time(20), end=dt.time(0))
    to_midnight.full_clean()
    to_midnight.save()
    assert str(to_midnight) == "Friday 20:00–24:00"
    with pytest.raises(ValidationError, match="overlap"):
        BusinessHours(calendar=calendar, weekday=4, start=dt.time(23), end=dt.time(0)).full_clean()


@pytest.mark.django_db
def test_one_holiday_a_day_and_the_snapshot():
    calendar = _calendar()
    BusinessHours.objects.create(calendar=calendar, weekday=0, start=dt.time(13), end=dt.time(17))
    BusinessHours.objects.create(calendar=calendar, weekday=0, start=dt.time(8), end=dt.time(12))
    BusinessHours.objects.create(calendar=calendar, weekday=6, start=dt.time(0), end=dt.time(0))
    CalendarHoliday.objects.create(calendar=calendar, date=dt.date(2026, 12, 28), name="Closed")
    with pytest.raises(ValidationError):
        CalendarHoliday(calendar=calendar, date=dt.date(2026, 12, 28), name="Again").full_clean()
    schedule = calendar.schedule()
    assert schedule == Schedule.build(
        "Europe/Berlin",
        {0: [("08:00", "12:00"), ("13:00", "17:00")], 6: [("00:00", "24:00")]},
        holidays=[dt.date(2026, 12, 28)],
    )


# -- the calendar page -------------------------------------------------------------------------------
@pytest.fixture
def desk(db):
    calendar = _calendar("eCampus desk <b>", "America/Sao_Paulo")
    for weekday in range(5):
        BusinessHours.objects.create(calendar=calendar, weekday=weekday, start=dt.time(8), end=dt.time(12))
        BusinessHours.objects.create(calendar=calendar, weekday=weekday, start=dt.time(13), end=dt.time(18))
    CalendarHoliday.objects.create(calendar=calendar, date=dt.date(2026, 4, 21), name="Tiradentes")
    return calendar


@pytest.mark.django_db
def test_the_calendar_page_shows_its_week_and_tables(desk):
    client = client_for(make_user("admin1", ["Administrator"]))
    body = client.get(f"/core/calendars/{desk.pk}/").content.decode()
    assert "Mon–Fri" in body and "08:00–12:00, 13:00–18:00" in body and "day off" in body
    assert "eCampus desk &lt;b&gt;" in body and "eCampus desk <b>" not in body
    assert "/core/business-hours/?embedded=1&amp;calendar=" in body
    assert "/core/holidays/?embedded=1&amp;calendar=" in body
    assert "45 h 00 min" in body


@pytest.mark.django_db
def test_try_it_computes_the_due_time_and_the_business_time_between(desk):
    client = client_for(make_user("reader", ["Read-only"]))  # a GET form: reading is enough
    url = f"/core/calendars/{desk.pk}/"
    # Monday 2026-04-20 17:00 + 3 h: one hour, then Tiradentes (Tuesday) is skipped: Wednesday 10:00.
    response = client.get(url, {"due-start": "2026-04-20T17:00", "due-hours": "3"})
    assert response.status_code == 200
    assert response.context["due"] == "Wed 2026-04-22 10:00 (UTC-03:00)"
    response = client.get(url, {"due-start": "2026-04-20T17:00", "due-hours": "1.5"})
    assert response.context["due"] == "Wed 2026-04-22 08:30 (UTC-03:00)"
    response = client.get(url, {"between-start": "2026-04-17T12:00", "between-end": "2026-04-22T09:30"})
    assert response.context["between"] == "15 h 30 min"  # Fri 13-18, Mon 9 h, Tue off, Wed 08:00-09:30
    response = client.get(url, {"between-start": "2026-04-22T09:30", "between-end": "2026-04-17T12:00"})
    assert response.context["between"] == "-15 h 30 min"
    response = client.get(url, {"due-start": "yesterday", "due-hours": "x"})
    form = response.context["due_form"]
    assert response.status_code == 200 and "start" in form.errors and "hours" in form.errors
    assert response.context["due"] is None


@pytest.mark.django_db
def test_try_it_on_an_empty_calendar_says_so():
    calendar = _calendar("Empty")
    client = client_for(make_user("admin2", ["Administrator"]))
    response = client.get(
        f"/core/calendars/{calendar.pk}/", {"due-start": "2026-04-20T17:00", "due-hours": "3"}
    )
    assert "no working hours" in response.content.decode()


@pytest.mark.django_db
def test_consumers_see_no_calendar(desk, org_a, make_consumer):
    consumer = make_consumer("consumer_cal", org_a)
    client = client_for(consumer)
    assert client.get(f"/core/calendars/{desk.pk}/").status_code == 403
    assert client.get("/api/core/calendars/").status_code == 403


# -- the demo ----------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_demo_calendars():
    from django.core.management import call_command

    call_command("demo", stdout=io.StringIO())
    desk = BusinessCalendar.objects.get(name="eCampus service desk")
    axle = BusinessCalendar.objects.get(name="Axle global support")
    assert (desk.time_zone, axle.time_zone) == ("America/Sao_Paulo", "America/Los_Angeles")
    assert desk.schedule().weekly == 49 * H and axle.schedule().weekly == 70 * H
    holidays = set(desk.holidays.values_list("date", flat=True))
    assert {dt.date(2026, 2, 16), dt.date(2026, 2, 17), dt.date(2026, 4, 3), dt.date(2027, 3, 26)} <= holidays
    counts = (
        BusinessHours.objects.count(),
        CalendarHoliday.objects.count(),
        BusinessCalendar.history.count(),
    )
    call_command("demo", stdout=io.StringIO())
    assert (
        BusinessHours.objects.count(),
        CalendarHoliday.objects.count(),
        BusinessCalendar.history.count(),
    ) == counts
    # Two hours from Saturday 12:30 before carnival: half an hour on Saturday, carnival Monday and Tuesday
    # off, then Wednesday 08:00-09:30.
    due = business_add(desk.schedule(), at(SAO_PAULO, 2026, 2, 14, 12, 30), 2 * H)
    assert due == at(SAO_PAULO, 2026, 2, 18, 9, 30)


MOSCOW = ZoneInfo("Europe/Moscow")


def test_moscow_office_hours_across_its_last_clock_change_and_a_holiday():
    """By hand: a Moscow desk open 09:00-18:00 on weekdays, with National Unity Day (4 November 2014, a
    Tuesday) off. Friday 2014-10-24 17:00 (UTC+4) plus 3 business hours: one hour on Friday, the weekend
    (with the night the clocks went back) skipped, two hours on Monday: 11:00 UTC+3, 08:00 UTC. Monday
    2014-11-03 17:00 plus 2 hours skips the holiday: Wednesday 10:00."""
    desk = Schedule.build("Europe/Moscow", WEEKDAYS_9_18, holidays=[dt.date(2014, 11, 4)])
    due = business_add(desk, at(MOSCOW, 2014, 10, 24, 17), 3 * H)
    assert due == utc(2014, 10, 27, 8) == at(MOSCOW, 2014, 10, 27, 11)
    assert business_between(desk, at(MOSCOW, 2014, 10, 24, 17), due) == 3 * H
    assert business_add(desk, at(MOSCOW, 2014, 11, 3, 17), 2 * H) == at(MOSCOW, 2014, 11, 5, 10)
    assert business_between(desk, at(MOSCOW, 2014, 11, 3, 9), at(MOSCOW, 2014, 11, 6, 9)) == 18 * H


def test_moscow_round_the_clock_support_counts_the_repeated_hour():
    """The night of 2014-10-26 the clock showed 01:00-02:00 twice: round-the-clock support counted 25
    hours that day, and 3 hours from 00:30 end at 02:30 local, after the repeated hour (02:30 UTC+3)."""
    support = Schedule.build("Europe/Moscow", ALL_DAY)
    assert business_between(support, at(MOSCOW, 2014, 10, 26), at(MOSCOW, 2014, 10, 27)) == 25 * H
    due = business_add(support, at(MOSCOW, 2014, 10, 26, 0, 30), 3 * H)
    assert due == utc(2014, 10, 25, 23, 30)
    assert due.astimezone(MOSCOW).replace(tzinfo=None) == dt.datetime(2014, 10, 26, 2, 30)
