"""Reminders from due dates on any record (issue #12 section 5). An app declares which date of which
model raises a reminder, and for whom, usually in its ``resources.py``::

    remind(Stakeholder, "revisit_by", label=_("Revisit the stakeholder's position"),
           recipients=lambda s: [s.relationship.manager], open_rows=lambda qs: qs.filter(active=True))

``recipients(obj)`` answers the users to remind (``None`` entries and inactive users are skipped; a
person record with a ``user`` stands for its login account); ``open_rows(queryset)``
narrows the rows that still need a reminder (an action that is done needs none); ``lead_days`` reminds
that many days before the date. The periodic job (``reminders_run``) turns due rows into one reminder per
(source, row, date, user) and e-mails it once: running it twice sends nothing twice.

The job: ``reminders_run()`` (the service), ``reminders_run_task`` (``core.tasks``, on the django-tasks
worker, re-enqueues itself every ``WAYFARE_REMINDERS_INTERVAL`` minutes), ``wayfare reminders`` (once
now; ``--schedule`` starts the periodic task). Reminders are only made for users who may view the row
(``restrict()``), and a reminder whose row a user can no longer see is closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise

logger = logging.getLogger(__name__)


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


def unremind(key: str) -> None:
    """Forget a declared source (tests that declare their own source remove it afterwards)."""
    _SOURCES.pop(key, None)


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


# -- the run ---------------------------------------------------------------------------------------------


@dataclass
class ReminderRunSummary:
    """What one run did: reminders made and closed, e-mails sent and failed (retried next run)."""

    today: date
    created: int = 0
    closed: int = 0
    emailed: int = 0
    failed: int = 0
    hooks: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "created": self.created,
            "closed": self.closed,
            "emailed": self.emailed,
            "failed": self.failed,
            "hooks": self.hooks,
            "errors": list(self.errors),
        }


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value  # type: ignore[no-any-return]


def _due_rows(source: ReminderSource, today: date) -> models.QuerySet:
    field_obj = source.model._meta.get_field(source.date_field)
    until = today + timedelta(days=source.lead_days)
    lookup = (
        f"{source.date_field}__date__lte"
        if isinstance(field_obj, models.DateTimeField)
        else (f"{source.date_field}__lte")
    )
    rows = source.model._default_manager.filter(**{lookup: until}).exclude(**{source.date_field: None})
    if source.open_rows is not None:
        rows = source.open_rows(rows)
    return rows


def _as_user(recipient: Any) -> Any:
    """A login account from what ``recipients`` answered: a user, or a record with a ``user`` (a person)."""
    from django.contrib.auth import get_user_model

    if recipient is None:
        return None
    if not isinstance(recipient, get_user_model()):
        recipient = getattr(recipient, "user", None)
    return recipient if recipient is not None and recipient.pk else None


def _wanted(source: ReminderSource, today: date) -> tuple[dict[tuple[int, date, int], Any], set[int]]:
    """The reminders this source asks for now: (object id, due date, user id) -> user; and the ids of
    the rows that still qualify (to tell "the date moved" from "no longer needed" when closing)."""
    from .access import restrict

    wanted: dict[tuple[int, date, int], Any] = {}
    by_user: dict[int, tuple[Any, list[tuple[int, date]]]] = {}
    qualifying: set[int] = set()
    for row in _due_rows(source, today):
        due = _as_date(getattr(row, source.date_field))
        if due is None:
            continue
        qualifying.add(row.pk)
        seen_users: set[int] = set()
        for recipient in source.recipients(row) or ():
            user = _as_user(recipient)
            if user is None or not user.is_active or user.pk in seen_users:
                continue
            seen_users.add(user.pk)
            by_user.setdefault(user.pk, (user, []))[1].append((row.pk, due))
    for user, items in by_user.values():
        # A reminder only for a row its recipient may open: one query per recipient and source.
        ids = {pk for pk, _due in items}
        visible = set(
            restrict(source.model._default_manager.filter(pk__in=ids), user, "view").values_list(
                "pk", flat=True
            )
        )
        for pk, due in items:
            if pk in visible:
                wanted[(pk, due, user.pk)] = user
    return wanted, qualifying


def _sync_source(source: ReminderSource, today: date, summary: ReminderRunSummary) -> set[int]:
    """Make the missing reminders of one source and close the ones no longer asked for; answer the
    users whose reminders changed."""
    from django.contrib.contenttypes.models import ContentType

    from .reminder_store import Reminder, ReminderClosed

    content_type = ContentType.objects.get_for_model(source.model, for_concrete_model=False)
    wanted, qualifying = _wanted(source, today)
    touched: set[int] = set()
    now = timezone.now()
    with transaction.atomic():
        open_rows = list(Reminder.objects.filter(source=source.key, closed_at__isnull=True))
        have = {(r.object_id, r.due_date, r.recipient_id): r for r in open_rows}
        stale = [r for key, r in have.items() if key not in wanted]
        dates: dict[int, date | None] = {}
        if stale:
            ids = {r.object_id for r in stale}
            rows = source.model._default_manager.filter(pk__in=ids).values_list("pk", source.date_field)
            dates = {pk: _as_date(value) for pk, value in rows}
        for reminder in stale:
            if reminder.object_id not in dates:
                reason = ReminderClosed.GONE
            elif dates[reminder.object_id] != reminder.due_date:
                reason = ReminderClosed.MOVED  # another date (maybe not due yet), or none
            elif reminder.object_id in qualifying:
                reason = ReminderClosed.UNASSIGNED  # the row is due, but no longer for this person
            else:
                reason = ReminderClosed.RESOLVED
            reminder.closed_at, reminder.closed_reason = now, reason
            reminder.save(update_fields=["closed_at", "closed_reason"])
            summary.closed += 1
            touched.add(reminder.recipient_id)
        missing = [key for key in wanted if key not in have]
        if missing:
            # A reminder the job closed earlier (the date moved and came back) opens again; one the
            # user marked done stays done for that date.
            earlier = {
                (r.object_id, r.due_date, r.recipient_id): r
                for r in Reminder.objects.filter(
                    source=source.key, object_id__in={pk for pk, _d, _u in missing}, closed_at__isnull=False
                )
            }
            new = []
            for key in missing:
                old = earlier.get(key)
                if old is not None:
                    if old.closed_reason != ReminderClosed.DONE:
                        old.closed_at, old.closed_reason = None, ""
                        old.save(update_fields=["closed_at", "closed_reason"])
                        touched.add(old.recipient_id)
                    continue
                pk, due, user_id = key
                new.append(
                    Reminder(
                        source=source.key,
                        content_type=content_type,
                        object_id=pk,
                        due_date=due,
                        recipient_id=user_id,
                    )
                )
                touched.add(user_id)
            Reminder.objects.bulk_create(new, ignore_conflicts=True)
            summary.created += len(new)
    return touched


def _close_orphans(summary: ReminderRunSummary) -> set[int]:
    """Open reminders of a source no longer declared (an app removed it) close as no longer needed."""
    from .reminder_store import Reminder, ReminderClosed

    orphans = Reminder.objects.filter(closed_at__isnull=True).exclude(source__in=list(_SOURCES))
    users = set(orphans.values_list("recipient_id", flat=True))
    summary.closed += orphans.update(closed_at=timezone.now(), closed_reason=ReminderClosed.RESOLVED)
    return users


def _language_for(user: Any) -> str:
    from .identity import person_for_user

    person = person_for_user(user)
    language = getattr(person, "preferred_language", "") if person is not None else ""
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


def base_url() -> str:
    return str(getattr(settings, "WAYFARE_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")


def record_url(record: Any) -> str | None:
    """The record's page (its resource's detail page), or ``None``."""
    from django.urls import NoReverseMatch

    get_url = getattr(record, "get_absolute_url", None)
    if get_url is None:
        return None
    try:
        return str(get_url())
    except (NoReverseMatch, KeyError, LookupError):
        return None


def reminder_records(reminders: Iterable[Any]) -> dict[tuple[int, int], Any]:
    """The records of these reminders, one query per record type: (content type id, object id) -> row."""
    from django.contrib.contenttypes.models import ContentType

    wanted: dict[int, set[int]] = {}
    for reminder in reminders:
        wanted.setdefault(reminder.content_type_id, set()).add(reminder.object_id)
    found: dict[tuple[int, int], Any] = {}
    for ct_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None:
            continue
        for row in model._default_manager.filter(pk__in=ids):
            found[(ct_id, row.pk)] = row
    return found


def reminder_label(reminder: Any) -> Any:
    source = _SOURCES.get(reminder.source)
    return source.label if source is not None else reminder.source


def _email_user(user: Any, summary: ReminderRunSummary) -> None:
    """One e-mail listing the user's reminders not yet e-mailed. ``emailed_at`` is written in the same
    transaction that sends: a failed send rolls it back (retried next run); a sent one is never sent
    again."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation
    from django.utils.translation import ngettext

    from .related import Seen
    from .reminder_store import Reminder

    if not user.email or not user.is_active:
        return
    try:
        with transaction.atomic():
            reminders = list(
                Reminder.objects.select_for_update(of=("self",))
                .filter(recipient=user, closed_at__isnull=True, emailed_at__isnull=True)
                .order_by("due_date", "pk")
            )
            if not reminders:
                return
            now = timezone.now()
            claimed = Reminder.objects.filter(
                pk__in=[r.pk for r in reminders], emailed_at__isnull=True
            ).update(emailed_at=now)
            if claimed != len(reminders):  # another run got there first: it sends them
                transaction.set_rollback(True)
                return
            records = reminder_records(reminders)
            seen = Seen(user)
            seen.prime_objects(records.values())
            with translation.override(_language_for(user)):
                items = []
                for reminder in reminders:
                    record = records.get((reminder.content_type_id, reminder.object_id))
                    if record is None or not seen.may_view(record):
                        continue
                    url = record_url(record)
                    items.append(
                        {
                            "label": str(reminder_label(reminder)),
                            "name": seen.display(record),
                            "due_date": reminder.due_date,
                            "url": f"{base_url()}{url}" if url else None,
                        }
                    )
                if not items:
                    return
                subject = ngettext(
                    "Wayfare: %(count)s new reminder", "Wayfare: %(count)s new reminders", len(items)
                ) % {"count": len(items)}
                body = render_to_string(
                    "core/email/reminders.txt",
                    {"user": user, "items": items, "list_url": f"{base_url()}{reverse('reminders')}"},
                )
            EmailMessage(subject=subject, body=body, to=[user.email]).send(fail_silently=False)
            summary.emailed += 1
    except Exception as exc:  # the mail server is down: the reminders stay unsent, tried again next run
        logger.warning("reminder e-mail to user %s failed: %s", user.pk, exc)
        summary.failed += 1
        summary.errors.append(f"e-mail to user {user.pk}: {exc}")


def reminders_run(*, today: date | None = None) -> ReminderRunSummary:
    """The periodic job: run the declared hooks, make and close reminders from every source, e-mail the
    new ones (one e-mail per user). Safe to run any number of times."""
    from django.contrib.auth import get_user_model

    from .reminder_store import Reminder

    today = today or timezone.localdate()
    summary = ReminderRunSummary(today=today)
    for hook in run_hooks():
        try:
            with transaction.atomic():
                hook(today)
        except Exception as exc:  # one broken hook must not stop everyone's reminders
            logger.exception("reminder hook %r failed", hook)
            summary.errors.append(f"hook {getattr(hook, '__qualname__', hook)}: {exc}")
        summary.hooks += 1
    touched: set[int] = set()
    for source in reminder_sources():
        touched |= _sync_source(source, today, summary)
    touched |= _close_orphans(summary)
    pending = Reminder.objects.filter(closed_at__isnull=True, emailed_at__isnull=True)
    user_ids = set(pending.values_list("recipient_id", flat=True))
    for user in get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk"):
        _email_user(user, summary)
    for user_id in touched:
        forget_count(user_id)
    return summary


# -- what a user does with their reminders -------------------------------------------------------------

SNOOZE_DAYS = 7
COUNT_SECONDS = 60  # the header's count is cached this long (the worker's changes show within a minute)


def _count_key(user_id: int) -> str:
    return f"wayfare:reminders:count:{user_id}:{timezone.localdate().isoformat()}"


def forget_count(user_id: int) -> None:
    from django.core.cache import cache

    cache.delete(_count_key(user_id))


def reminder_count(user: Any) -> int:
    """How many open reminders the user has (snoozed ones not counted): the header's badge. Cached per
    user and day for ``COUNT_SECONDS``, so a page costs no query most of the time."""
    from django.core.cache import cache

    from .reminder_store import Reminder

    if not getattr(user, "pk", None):
        return 0
    key = _count_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = (
            Reminder.objects.filter(recipient_id=user.pk, closed_at__isnull=True)
            .exclude(snoozed_until__gt=timezone.localdate())
            .count()
        )
        cache.set(key, count, COUNT_SECONDS)
    return int(count)


def user_reminders(user: Any, *, request: Any = None) -> list[Any]:
    """The user's open reminders whose record they may still view, overdue first (by due date), snoozed
    ones last; each with ``record``, ``record_name``, ``record_url``, ``label``, ``overdue``, ``snoozed``.
    A record the user may no longer open is not listed at all."""
    from .related import Seen
    from .reminder_store import Reminder

    today = timezone.localdate()
    reminders: list[Any] = list(
        Reminder.objects.filter(recipient_id=user.pk, closed_at__isnull=True).order_by("due_date", "pk")
    )
    records = reminder_records(reminders)
    seen = Seen.of(request) if request is not None else Seen(user)
    seen.prime_objects(records.values())
    shown = []
    for reminder in reminders:
        record = records.get((reminder.content_type_id, reminder.object_id))
        if record is None or not seen.may_view(record):
            continue
        reminder.record_obj = record
        reminder.record_name = seen.display(record)
        reminder.record_url = seen.link(record) or record_url(record)
        reminder.label = reminder_label(reminder)
        reminder.overdue = reminder.due_date < today
        reminder.snoozed = bool(reminder.snoozed_until and reminder.snoozed_until > today)
        shown.append(reminder)
    shown.sort(key=lambda r: (r.snoozed, r.due_date, r.pk))
    return shown


def _own_open(user: Any, pk: int) -> Any:
    from django.http import Http404

    from .related import Seen
    from .reminder_store import Reminder

    reminder = Reminder.objects.filter(pk=pk, recipient_id=user.pk, closed_at__isnull=True).first()
    record = (
        reminder_records([reminder]).get((reminder.content_type_id, reminder.object_id)) if reminder else None
    )
    if reminder is None or record is None or not Seen(user).may_view(record):
        raise Http404
    return reminder


@transaction.atomic
def reminder_done(*, actor: Any, pk: int) -> Any:
    """The recipient marks their reminder done: it closes for that date (a new date reminds again)."""
    from .reminder_store import ReminderClosed

    reminder = _own_open(actor, pk)
    reminder.closed_at, reminder.closed_reason = timezone.now(), ReminderClosed.DONE
    reminder.full_clean()
    reminder.save(update_fields=["closed_at", "closed_reason"])
    forget_count(actor.pk)  # the header's count follows at once
    return reminder


@transaction.atomic
def reminder_snooze(*, actor: Any, pk: int, days: int = SNOOZE_DAYS) -> Any:
    """The recipient puts their reminder off for ``days`` (a week): it leaves the header's count until then."""
    reminder = _own_open(actor, pk)
    reminder.snoozed_until = timezone.localdate() + timedelta(days=days)
    reminder.full_clean()
    reminder.save(update_fields=["snoozed_until"])
    forget_count(actor.pk)  # the header's count follows at once
    return reminder
