"""Reminders from due dates on any record (issue #12 section 5). An app declares which date of which
model raises a reminder, and for whom, usually in its ``resources.py``::

    remind(Stakeholder, "revisit_by", label=_("Revisit the stakeholder's position"),
           recipients=lambda s: [s.relationship.manager], open_rows=lambda qs: qs.filter(active=True))

``recipients(obj)`` answers the users to remind (``None`` entries are skipped); ``open_rows(queryset)``
narrows the rows that still need a reminder (an action that is done needs none); ``lead_days`` reminds
that many days before the date. The periodic job (``reminders_run``) turns due rows into one reminder per
(source, row, date, user) and e-mails it once: running it twice sends nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise


@dataclass(frozen=True)
class ReminderSource:
    key: str  # "<app_label>.<model_name>.<date_field>", stable: stored on each reminder
    model: type[models.Model]
    date_field: str
    label: str | Promise
    recipients: Callable[[Any], Iterable[Any]]
    open_rows: Callable[[models.QuerySet], models.QuerySet] | None = None
    lead_days: int = 0


_SOURCES: dict[str, ReminderSource] = {}


def remind(
    model: type[models.Model],
    date_field: str,
    *,
    label: str | Promise,
    recipients: Callable[[Any], Iterable[Any]],
    open_rows: Callable[[models.QuerySet], models.QuerySet] | None = None,
    lead_days: int = 0,
) -> ReminderSource:
    model._meta.get_field(date_field)  # fails at start-up on a typo
    key = f"{model._meta.app_label}.{model._meta.model_name}.{date_field}"
    if key in _SOURCES:
        raise ValueError(f"reminder source {key!r} is declared twice")
    source = ReminderSource(key, model, date_field, label, recipients, open_rows, lead_days)
    _SOURCES[key] = source
    return source


def reminder_sources() -> list[ReminderSource]:
    return list(_SOURCES.values())


def reminder_source(key: str) -> ReminderSource | None:
    return _SOURCES.get(key)


# Work that must happen at the start of each run of the periodic job, before due dates are read (issue
# #12: the relationships app refreshes its alerts there, so a new alert reaches its owner's reminders in
# the same run). Each hook takes ``today`` (a date) and must be idempotent.
_HOOKS: list[Callable[[Any], Any]] = []


def on_run(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Declare ``hook(today)`` to run at the start of every reminders run (usable as a decorator)."""
    if hook not in _HOOKS:
        _HOOKS.append(hook)
    return hook


def run_hooks() -> list[Callable[[Any], Any]]:
    return list(_HOOKS)
