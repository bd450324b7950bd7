"""Business time (issue #14): working hours per weekday, holidays and a time zone, and the arithmetic an
SLA clock needs. The models are in ``core.calendar_models``; this module holds no ORM.

A ``Schedule`` is an immutable snapshot of a calendar (``Schedule.from_calendar(calendar)``, or
``Schedule.build("Europe/Berlin", {0: [("09:00", "17:00")]})`` in code and tests). The rule:

    **Business time is the real time during which the calendar's local clock shows a working time of a
    working day**: the date is not a holiday and the clock's time lies in one of that weekday's intervals
    ``[start, end)``. An end of 24:00 (``BusinessHours.end`` 00:00) is midnight at the end of the day.

Intervals are wall-clock times, so 09:00-17:00 is 8 business hours on a daylight-saving change day too,
while an interval that spans the change holds the real time the clock spends in it: 00:00-24:00 is 23
hours on the spring-forward day and 25 on the fall-back day, and a wall time the clock skips (02:30 in
Europe/Berlin on the last Sunday of March) starts an interval when the clock jumps.

- ``business_add(schedule, start, duration)``: the earliest instant by which ``duration`` of business time
  has passed since ``start`` (a negative duration goes back: the latest instant that far before it). A
  zero duration answers ``start``. Raises ``DomainError`` for a calendar without hours, or when no working
  time is found within ``MAX_SEARCH_DAYS`` (a calendar whose every working day is a holiday).
- ``business_between(schedule, start, end)``: the business time in ``[start, end)``; signed like
  ``end - start``: negative when ``end`` is before ``start`` (an SLA clock's elapsed time is
  ``max(business_between(...), timedelta(0))``).
- ``business_intervals(schedule, start, end)``: the real intervals of business time in between, in order.
- ``is_business_time(schedule, instant)``: whether the clock is running at that instant.

Instants are aware datetimes (naive ones raise ``ValueError``); answers are aware datetimes in UTC
(compare and subtract them safely; ``astimezone`` for display). The arithmetic steps interval by interval
and skips whole weeks without holidays or offset changes, so adding a thousand hours takes a few hundred
steps, never one per minute. Assumed of time zones: the UTC offset never changes twice within three hours.
"""

from __future__ import annotations

import datetime as dt
import heapq
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from .exceptions import DomainError

UTC = dt.UTC
DAY_SECONDS = 24 * 3600
MAX_SEARCH_DAYS = 3660  # about ten years without a working day: give up
_ZERO = dt.timedelta(0)
_MARGIN = dt.timedelta(hours=15)  # every UTC offset lies within ±15 hours
_SAMPLE = dt.timedelta(hours=3)  # offsets are sampled this often to find their changes
_TICK = dt.timedelta(microseconds=1)
_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)

Span = tuple[int, int]  # seconds since local midnight: start, end (end ≤ 86400)


def _seconds(value: Any) -> int:
    """Seconds since midnight of a ``time``, an "HH:MM[:SS]" text ("24:00" is the end of the day) or a
    number of seconds."""
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        if value.strip() in ("24:00", "24:00:00"):
            return DAY_SECONDS
        value = dt.time.fromisoformat(value.strip())
    return value.hour * 3600 + value.minute * 60 + value.second


def start_seconds(start: dt.time) -> int:
    """A stored start time in seconds since midnight."""
    return _seconds(start)


def end_seconds(end: dt.time) -> int:
    """A stored end time in seconds since midnight: 00:00 is midnight at the end of the day (24:00)."""
    seconds = _seconds(end)
    return seconds or DAY_SECONDS


def clock(seconds: int) -> str:
    """ "08:00", "24:00" (seconds shown only when there are some)."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


@dataclass(frozen=True)
class Schedule:
    """A calendar as the arithmetic sees it. ``week``: seven tuples (Monday first) of sorted,
    non-overlapping ``(start, end)`` seconds since local midnight, ``0 <= start < end <= 86400``."""

    time_zone: str
    week: tuple[tuple[Span, ...], ...]
    holidays: frozenset[dt.date] = frozenset()

    def __post_init__(self) -> None:
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise ValueError(f"unknown time zone {self.time_zone!r}") from exc
        if len(self.week) != 7:
            raise ValueError("a week has seven days")
        for spans in self.week:
            previous = 0
            for start, end in spans:
                if not (previous <= start < end <= DAY_SECONDS):
                    raise ValueError(f"intervals must be sorted, non-overlapping and within a day: {spans}")
                previous = end

    @classmethod
    def build(
        cls,
        time_zone: str,
        hours: Mapping[int, Iterable[tuple[Any, Any]]],
        holidays: Iterable[dt.date] = (),
    ) -> Schedule:
        """``hours``: weekday (Monday 0) -> ``(start, end)`` pairs as ``time``, "HH:MM" (end "24:00" or
        "00:00" for midnight) or seconds."""
        week = []
        for weekday in range(7):
            spans = []
            for start, end in hours.get(weekday, ()):
                spans.append((_seconds(start), _seconds(end) or DAY_SECONDS))
            week.append(tuple(sorted(spans)))
        return cls(time_zone, tuple(week), frozenset(holidays))

    @classmethod
    def from_calendar(cls, calendar: Any) -> Schedule:
        """The snapshot of a ``BusinessCalendar`` (its ``hours`` and ``holidays`` rows, read once)."""
        week: list[list[Span]] = [[] for _ in range(7)]
        for row in calendar.hours.all():
            week[row.weekday].append((_seconds(row.start), end_seconds(row.end)))
        return cls(
            calendar.time_zone,
            tuple(tuple(sorted(spans)) for spans in week),
            frozenset(h.date for h in calendar.holidays.all()),
        )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @cached_property
    def weekly(self) -> dt.timedelta:
        """The wall-clock working time of a week (the business time of a week without holidays and
        offset changes)."""
        return dt.timedelta(seconds=sum(end - start for spans in self.week for start, end in spans))

    @property
    def has_hours(self) -> bool:
        return any(self.week)


# -- instants --------------------------------------------------------------------------------------
def _utc(instant: dt.datetime) -> dt.datetime:
    """An aware instant as a naive UTC datetime (so that subtraction is real elapsed time)."""
    if not isinstance(instant, dt.datetime) or instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("an aware datetime is required")
    return instant.astimezone(UTC).replace(tzinfo=None)


def _aware(naive_utc: dt.datetime) -> dt.datetime:
    return naive_utc.replace(tzinfo=UTC)


def _offset(zone: zoneinfo.ZoneInfo, naive_utc: dt.datetime) -> dt.timedelta:
    return naive_utc.replace(tzinfo=UTC).astimezone(zone).utcoffset() or _ZERO


def _local_date(zone: zoneinfo.ZoneInfo, naive_utc: dt.datetime) -> dt.date:
    return (naive_utc + _offset(zone, naive_utc)).date()


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _lower(day: dt.date) -> dt.datetime:
    """No instant of local date ``day`` (in any zone) is earlier than this (naive UTC)."""
    return _midnight(day) - _MARGIN


def _upper(day: dt.date) -> dt.datetime:
    """Every instant of local date ``day`` or earlier is earlier than this (naive UTC)."""
    return _midnight(day) + _DAY + _MARGIN


def _pieces(zone: zoneinfo.ZoneInfo, a: dt.datetime, b: dt.datetime) -> list[tuple[Any, Any, Any]]:
    """``[a, b)`` (naive UTC) cut where the zone's offset changes: ``(start, end, offset)`` pieces."""
    pieces = []
    start, offset = a, _offset(zone, a)
    cursor = a
    while cursor < b:
        probe = min(cursor + _SAMPLE, b)
        if _offset(zone, probe) == offset:
            cursor = probe
            continue
        low, high = cursor, probe  # the offset changes in (low, high]: find the first instant it differs
        while high - low > _TICK:
            middle = low + (high - low) // 2
            if _offset(zone, middle) == offset:
                low = middle
            else:
                high = middle
        if high < b:
            pieces.append((start, high, offset))
            start, offset = high, _offset(zone, high)
        cursor = high
    pieces.append((start, b, offset))
    return pieces


def _day_intervals(schedule: Schedule, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The real intervals (naive UTC) of the business time of local date ``day``."""
    spans = schedule.week[day.weekday()]
    if not spans or day in schedule.holidays:
        return []
    zone = schedule.zone
    midnight = _midnight(day)
    found = []
    for start, end in spans:
        wall_start = midnight + dt.timedelta(seconds=start)
        wall_end = midnight + dt.timedelta(seconds=end)
        offsets = [
            wall.replace(tzinfo=zone, fold=fold).utcoffset() or _ZERO
            for wall in (wall_start, wall_end)
            for fold in (0, 1)
        ]
        # The instants whose clock reads [wall_start, wall_end), piece by piece of constant offset.
        for a, b, offset in _pieces(zone, wall_start - max(offsets), wall_end - min(offsets)):
            low, high = max(a, wall_start - offset), min(b, wall_end - offset)
            if low < high:
                found.append((low, high))
    return found


def _plain_week(schedule: Schedule, monday: dt.date) -> bool:
    """No holiday and no offset change that could touch the week starting on ``monday``: its business
    time is ``schedule.weekly``."""
    if any(monday + dt.timedelta(days=i) in schedule.holidays for i in range(7)):
        return False
    return len(_pieces(schedule.zone, _lower(monday), _upper(monday + dt.timedelta(days=6)))) == 1


def _no_hours() -> DomainError:
    return DomainError(
        _("This calendar has no working hours: give it business hours first."), code="calendar_empty"
    )


def _too_far() -> DomainError:
    return DomainError(
        _("No working time within ten years: are all the working days of this calendar holidays?"),
        code="calendar_no_working_time",
    )


# -- the public functions ----------------------------------------------------------------------------
def business_add(schedule: Schedule, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """The earliest instant (aware, UTC) by which ``duration`` of business time has passed since
    ``start``; for a negative duration, the latest instant that much business time before ``start``."""
    position = _utc(start)
    if duration == _ZERO:
        return _aware(position)
    if not schedule.has_hours:
        raise _no_hours()
    if duration > _ZERO:
        return _aware(_forward(schedule, position, duration))
    return _aware(_backward(schedule, position, -duration))


def _forward(schedule: Schedule, position: dt.datetime, remaining: dt.timedelta) -> dt.datetime:
    zone = schedule.zone
    day = _local_date(zone, position) - _DAY  # a fold may bring back the clock of the day before
    last_found = day
    heap: list[tuple[dt.datetime, dt.datetime]] = []
    while True:
        if (
            not heap
            and day.weekday() == 0
            and _lower(day) >= position
            and schedule.weekly < remaining
            and _plain_week(schedule, day)
        ):
            remaining -= schedule.weekly
            day += _WEEK
            last_found = day
            continue
        for a, b in _day_intervals(schedule, day):
            if b > position:
                heapq.heappush(heap, (max(a, position), b))
        # Intervals never overlap: those starting before any instant of the next day come first.
        bound = _lower(day + _DAY)
        while heap and heap[0][0] < bound:
            a, b = heapq.heappop(heap)
            last_found = day
            if b - a >= remaining:
                return a + remaining
            remaining -= b - a
        day += _DAY
        if (day - last_found).days > MAX_SEARCH_DAYS:
            raise _too_far()


def _backward(schedule: Schedule, position: dt.datetime, remaining: dt.timedelta) -> dt.datetime:
    zone = schedule.zone
    day = _local_date(zone, position) + _DAY
    last_found = day
    heap: list[_Latest] = []
    while True:
        sunday = day  # the week ending on ``day``
        if (
            not heap
            and day.weekday() == 6
            and _upper(day) <= position
            and schedule.weekly < remaining
            and _plain_week(schedule, day - dt.timedelta(days=6))
        ):
            remaining -= schedule.weekly
            day = sunday - _WEEK
            last_found = day
            continue
        for a, b in _day_intervals(schedule, day):
            if a < position:
                heapq.heappush(heap, _Latest(min(b, position), a))  # latest end first
        bound = _upper(day - _DAY)
        while heap and heap[0].end > bound:
            item = heapq.heappop(heap)
            last_found = day
            if item.end - item.start >= remaining:
                return item.end - remaining
            remaining -= item.end - item.start
        day -= _DAY
        if (last_found - day).days > MAX_SEARCH_DAYS:
            raise _too_far()


@dataclass(frozen=True)
class _Latest:
    end: dt.datetime
    start: dt.datetime

    def __lt__(self, other: _Latest) -> bool:
        return self.end > other.end


def business_between(schedule: Schedule, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The business time in ``[start, end)``; negative (the same amount) when ``end`` is before ``start``."""
    a, b = _utc(start), _utc(end)
    if b < a:
        return -business_between(schedule, end, start)
    if not schedule.has_hours:
        return _ZERO
    zone = schedule.zone
    total = _ZERO
    day, last = _local_date(zone, a) - _DAY, _local_date(zone, b) + _DAY
    while day <= last:
        if (
            day.weekday() == 0
            and _lower(day) >= a
            and _upper(day + dt.timedelta(days=6)) <= b
            and _plain_week(schedule, day)
        ):
            total += schedule.weekly
            day += _WEEK
            continue
        for x, y in _day_intervals(schedule, day):
            low, high = max(x, a), min(y, b)
            if low < high:
                total += high - low
        day += _DAY
    return total


def business_intervals(
    schedule: Schedule, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The real intervals of business time within ``[start, end)``, in order, touching ones joined, as
    aware UTC pairs (day by day, without skipping weeks: also the reference the tests check the faster
    paths against)."""
    a, b = _utc(start), _utc(end)
    if b <= a or not schedule.has_hours:
        return []
    zone = schedule.zone
    found = []
    day, last = _local_date(zone, a) - _DAY, _local_date(zone, b) + _DAY
    while day <= last:
        for x, y in _day_intervals(schedule, day):
            low, high = max(x, a), min(y, b)
            if low < high:
                found.append((low, high))
        day += _DAY
    merged: list[list[dt.datetime]] = []
    for x, y in sorted(found):
        if merged and merged[-1][1] == x:  # the two passes of a repeated hour may touch
            merged[-1][1] = y
        else:
            merged.append([x, y])
    return [(_aware(x), _aware(y)) for x, y in merged]


def is_business_time(schedule: Schedule, instant: dt.datetime) -> bool:
    """Whether ``instant`` falls in business time (an SLA clock runs)."""
    t = _utc(instant)
    day = _local_date(schedule.zone, t)
    return any(a <= t < b for d in (day - _DAY, day, day + _DAY) for a, b in _day_intervals(schedule, d))


# -- display -----------------------------------------------------------------------------------------
def week_summary(schedule: Schedule) -> list[tuple[str, str]]:
    """The week as lines (days, hours), consecutive days with the same hours together:
    ``[("Mon–Fri", "08:00–12:00, 13:00–18:00"), ("Sat", "09:00–13:00"), ("Sun", "day off")]``."""
    lines: list[tuple[str, str]] = []
    weekday = 0
    while weekday < 7:
        last = weekday
        while last + 1 < 7 and schedule.week[last + 1] == schedule.week[weekday]:
            last += 1
        days = str(WEEKDAYS_ABBR[weekday])
        if last > weekday:
            days += "–" + str(WEEKDAYS_ABBR[last])
        spans = schedule.week[weekday]
        hours = ", ".join(f"{clock(s)}–{clock(e)}" for s, e in spans) if spans else _("day off")
        lines.append((days, hours))
        weekday = last + 1
    return lines


def duration_text(value: dt.timedelta) -> str:
    """ "9 h 30 min" (seconds left out; "-" in front of a negative duration)."""
    sign = "-" if value < _ZERO else ""
    minutes = int(abs(value).total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    return sign + _("%(hours)s h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
