"""Reminders from due dates (issue #12 section 5): the job, the e-mail, the page, the API, the task."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wayfare.core import reminders as reminders_module
from wayfare.core.reminder_store import Reminder, ReminderClosed
from wayfare.core.reminders import remind, reminder_source, reminders_run, unremind
from wayfare.core.testing import client_for, make_user
from wayfare.parties.tests.factories import PersonFactory
from wayfare.relationships.models import ServiceRelationship
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)
KEY = "relationships.servicerelationship.started"


@pytest.fixture
def isolated(monkeypatch):
    """Only this test's sources and hooks (the apps' own declarations stay out of the way)."""
    monkeypatch.setattr(reminders_module, "_SOURCES", {})
    monkeypatch.setattr(reminders_module, "_HOOKS", [])


@pytest.fixture
def extra_recipients():
    return []


@pytest.fixture
def source(isolated, extra_recipients):
    declared = remind(
        ServiceRelationship,
        "started",
        label="Check the relationship's start",
        recipients=lambda r: [r.manager, None, *extra_recipients],
        open_rows=lambda rows: rows.exclude(name__startswith="Closed"),
    )
    yield declared
    unremind(declared.key)
    assert reminder_source(declared.key) is None


@pytest.fixture
def manager():
    return make_user("manager", ["Administrator"])


@pytest.fixture
def relationship(org_a, manager):
    return ServiceRelationshipFactory(name="Booking desk", consumer=org_a, manager=manager, started=TODAY)


def test_a_due_date_makes_one_reminder_and_one_email(source, relationship, manager):
    first = reminders_run(today=TODAY)
    second = reminders_run(today=TODAY)
    assert (first.created, first.emailed) == (1, 1)
    assert (second.created, second.emailed) == (0, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [manager.email]
    assert "Check the relationship's start" in message.body and "Booking desk" in message.body
    assert f"http://127.0.0.1:8000/relationships/relationships/{relationship.pk}/" in message.body
    reminder = Reminder.objects.get()
    assert (reminder.source, reminder.object_id, reminder.due_date) == (KEY, relationship.pk, TODAY)
    assert reminder.emailed_at is not None


def test_a_later_date_waits_and_lead_days_remind_early(isolated, relationship, manager):
    relationship.started = TODAY + timedelta(days=3)
    relationship.save()
    declared = remind(ServiceRelationship, "started", label="x", recipients=lambda r: [r.manager])
    assert reminders_run(today=TODAY).created == 0
    unremind(declared.key)
    remind(ServiceRelationship, "started", label="x", recipients=lambda r: [r.manager], lead_days=3)
    assert reminders_run(today=TODAY).created == 1


def test_one_email_per_user_lists_all_their_new_reminders(source, org_a, manager):
    ServiceRelationshipFactory(name="First", consumer=org_a, manager=manager, started=TODAY)
    ServiceRelationshipFactory(
        name="Second", consumer=org_a, manager=manager, started=TODAY - timedelta(days=1)
    )
    summary = reminders_run(today=TODAY)
    assert (summary.created, summary.emailed) == (2, 1)
    assert "First" in mail.outbox[0].body and "Second" in mail.outbox[0].body


def test_a_failed_email_is_sent_next_run_and_only_once(source, relationship, monkeypatch):
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send

    def broken(self, fail_silently=False):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", broken)
    failed = reminders_run(today=TODAY)
    assert (failed.created, failed.emailed, failed.failed) == (1, 0, 1)
    assert Reminder.objects.get().emailed_at is None
    monkeypatch.setattr(EmailMessage, "send", real_send)
    assert reminders_run(today=TODAY).emailed == 1
    assert reminders_run(today=TODAY).emailed == 0
    assert len(mail.outbox) == 1


def test_a_moved_date_closes_the_old_reminder_and_makes_a_new_one(source, relationship):
    reminders_run(today=TODAY)
    relationship.started = TODAY - timedelta(days=2)
    relationship.save()
    summary = reminders_run(today=TODAY)
    assert (summary.created, summary.closed) == (1, 1)
    old = Reminder.objects.get(due_date=TODAY)
    assert old.closed_reason == ReminderClosed.MOVED and old.closed_at is not None
    assert Reminder.objects.get(due_date=TODAY - timedelta(days=2)).closed_at is None
    assert len(mail.outbox) == 2  # the new date is news


def test_a_row_that_no_longer_qualifies_or_is_deleted_closes_its_reminder(
    source, relationship, org_a, manager
):
    other = ServiceRelationshipFactory(name="Other", consumer=org_a, manager=manager, started=TODAY)
    reminders_run(today=TODAY)
    relationship.name = "Closed booking desk"  # open_rows leaves it out
    relationship.save()
    other_pk = other.pk
    other.delete()
    summary = reminders_run(today=TODAY)
    assert summary.closed == 2
    reasons = dict(Reminder.objects.values_list("object_id", "closed_reason"))
    assert reasons == {relationship.pk: ReminderClosed.RESOLVED, other_pk: ReminderClosed.GONE}


def test_inactive_users_and_missing_recipients_get_nothing(source, org_a):
    sleeper = make_user("sleeper", ["Administrator"], is_active=False)
    ServiceRelationshipFactory(consumer=org_a, manager=sleeper, started=TODAY)
    ServiceRelationshipFactory(consumer=org_a, manager=None, started=TODAY)
    assert reminders_run(today=TODAY).created == 0
    assert not mail.outbox


def test_hooks_run_first_with_today(isolated, relationship, manager):
    calls = []

    def hook(today):
        calls.append(today)
        relationship.started = today
        relationship.save()

    reminders_module.on_run(hook)
    reminders_module.on_run(hook)  # declared once only
    remind(ServiceRelationship, "started", label="x", recipients=lambda r: [r.manager])
    relationship.started = None
    relationship.save()
    summary = reminders_run(today=TODAY)
    assert calls == [TODAY] and summary.hooks == 1 and summary.created == 1


def test_a_consumer_never_gets_a_reminder_about_a_row_outside_restrict(
    source, relationship, extra_recipients, org_a, org_b, make_consumer
):
    own = make_consumer("consumer-own", org_a)
    other = make_consumer("consumer-other", org_b)
    extra_recipients.extend([own, other])
    reminders_run(today=TODAY)
    assert set(Reminder.objects.values_list("recipient__username", flat=True)) == {"manager", "consumer-own"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([own.email, "manager@example.org"])


def test_a_reminder_the_reader_may_no_longer_see_is_not_shown_and_closes(
    source, relationship, org_a, org_b, make_consumer
):
    consumer = make_consumer("consumer-moved", org_a)
    reminders_run(today=TODAY)  # the consumer is no recipient: a reminder made by hand, as if long ago
    planted = Reminder.objects.create(
        source=KEY,
        content_type_id=Reminder.objects.get().content_type_id,
        object_id=relationship.pk,
        due_date=TODAY,
        recipient=consumer,
    )
    relationship.consumer = org_b
    relationship.save()
    client = client_for(consumer)
    page = client.get(reverse("reminders"))
    assert page.status_code == 200 and "Booking desk" not in page.content.decode()
    assert client.get("/api/reminders/").json()["results"] == []
    assert client.post(reverse("reminder_done", args=[planted.pk])).status_code == 404
    reminders_run(today=TODAY)
    planted.refresh_from_db()
    assert planted.closed_reason == ReminderClosed.UNASSIGNED


def test_the_email_is_in_the_recipients_language(source, relationship, manager, org_a):
    from django.utils import translation
    from django.utils.translation import ngettext

    PersonFactory(name="Manager", user=manager, preferred_language="ru")
    english = make_user("english", ["Administrator"])
    ServiceRelationshipFactory(name="Plain", consumer=org_a, manager=english, started=TODAY)
    reminders_run(today=TODAY)
    by_user = {m.to[0]: m for m in mail.outbox}
    russian = by_user[manager.email]
    with translation.override("ru"):
        subject = ngettext("Wayfare: %(count)s new reminder", "Wayfare: %(count)s new reminders", 1) % {
            "count": 1
        }
    assert russian.subject == subject
    assert "10.03.2026" in russian.body  # the Russian date format (wayfare.formats.ru)
    assert "Booking desk" in russian.body
    assert "10\xa0Mar\xa02026" in by_user[english.email].body


def test_the_page_lists_own_reminders_overdue_first_with_done_and_snooze(source, org_a, manager):
    late = ServiceRelationshipFactory(
        name="Late one", consumer=org_a, manager=manager, started=TODAY - timedelta(5)
    )
    ServiceRelationshipFactory(
        name="Fresh one", consumer=org_a, manager=manager, started=timezone.localdate()
    )
    reminders_run()
    someone = make_user("someone", ["Administrator"])
    assert "Late one" not in client_for(someone).get(reverse("reminders")).content.decode()
    client = client_for(manager)
    html = client.get(reverse("reminders")).content.decode()
    assert html.index("Late one") < html.index("Fresh one")
    assert "csrfmiddlewaretoken" in html
    assert '<span class="badge" aria-hidden="true">2</span>' in html
    late_reminder = Reminder.objects.get(object_id=late.pk)
    assert client.get(reverse("reminder_done", args=[late_reminder.pk])).status_code == 405
    assert client_for(someone).post(reverse("reminder_done", args=[late_reminder.pk])).status_code == 404
    assert client.post(reverse("reminder_snooze", args=[late_reminder.pk])).status_code == 302
    late_reminder.refresh_from_db()
    assert late_reminder.snoozed_until == timezone.localdate() + timedelta(days=7)
    html = client.get(reverse("reminders")).content.decode()
    assert '<span class="badge" aria-hidden="true">1</span>' in html  # the snoozed one leaves the count
    client.post(reverse("reminder_done", args=[late_reminder.pk]))
    late_reminder.refresh_from_db()
    assert late_reminder.closed_reason == ReminderClosed.DONE
    reminders_run()  # done stays done for that date
    late_reminder.refresh_from_db()
    assert late_reminder.closed_reason == ReminderClosed.DONE


def test_the_header_count_is_translated_and_absent_for_anonymous(source, relationship, manager, client):
    reminders_run(today=TODAY)
    html = client_for(manager).get(reverse("home")).content.decode()
    assert "1 open reminder" in html and reverse("reminders") in html
    from django.utils import translation
    from django.utils.translation import ngettext

    other = client_for(manager)
    other.post(reverse("set_language"), {"language": "ru"})
    with translation.override("ru"):
        label = ngettext("%(count)s open reminder", "%(count)s open reminders", 1) % {"count": 1}
    assert label in other.get(reverse("home")).content.decode()
    assert client.get(reverse("reminders")).status_code == 302  # login first


def test_the_header_count_costs_no_query_once_cached(source, relationship, manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wayfare.core.reminders import reminder_count

    reminders_run(today=TODAY)
    assert reminder_count(manager) == 1
    with CaptureQueriesContext(connection) as queries:
        assert reminder_count(manager) == 1
    assert len(queries) == 0


def test_the_api_lists_own_reminders_and_marks_done(source, relationship, manager):
    reminders_run(today=TODAY)
    client = client_for(manager)
    answer = client.get("/api/reminders/").json()
    assert answer["count"] == 1
    rows = answer["results"]
    assert [r["record_name"] for r in rows] == ["Booking desk"] and rows[0]["overdue"] in (True, False)
    pk = rows[0]["id"]
    assert client.get(f"/api/reminders/{pk}/").json()["label"] == "Check the relationship's start"
    assert (
        client_for(make_user("nosy", ["Administrator"])).post(f"/api/reminders/{pk}/done/").status_code == 404
    )
    assert client.post(f"/api/reminders/{pk}/done/").status_code == 204
    assert client.get("/api/reminders/").json()["results"] == []
    assert client_for(None).get("/api/reminders/").status_code in (401, 403)


def test_the_schema_documents_the_reminders_api(manager):
    schema = client_for(manager).get("/api/schema/").content.decode()
    assert "/api/reminders/" in schema and "/api/reminders/{id}/done/" in schema


def test_the_command_runs_once(source, relationship):
    out = StringIO()
    call_command("reminders", "--today", TODAY.isoformat(), stdout=out)
    assert "1 new" in out.getvalue() and len(mail.outbox) == 1
    call_command("reminders", "--today", TODAY.isoformat(), stdout=StringIO())
    assert len(mail.outbox) == 1


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@override_settings(TASKS=DB_TASKS)
def test_the_periodic_task_keeps_exactly_one_next_run(source, relationship):
    from django_tasks_db.models import DBTaskResult

    from wayfare.core.tasks import reminders_run_task, reminders_schedule

    waiting = DBTaskResult.objects.filter(task_path=reminders_run_task.module_path, status="READY")
    first = reminders_schedule()
    assert str(reminders_schedule().id) == str(first.id) and waiting.count() == 1
    call_command("reminders", "--schedule", stdout=StringIO())
    assert waiting.count() == 1
    reminders_run_task.call()  # what the worker runs: the job, then its next run
    reminders_run_task.call()
    assert waiting.count() == 1 and len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, WAYFARE_REMINDERS_INTERVAL=15)
def test_the_worker_runs_the_task_and_enqueues_the_next_run_later(source, org_a, manager):
    from django_tasks_db.models import DBTaskResult

    from wayfare.core.tasks import reminders_schedule

    ServiceRelationshipFactory(
        name="Worker row", consumer=org_a, manager=manager, started=timezone.localdate()
    )
    reminders_schedule()
    call_command("db_worker", batch=True, verbosity=0)
    assert len(mail.outbox) == 1
    done = DBTaskResult.objects.get(status="SUCCESSFUL")
    assert done.return_value["created"] == 1
    next_run = DBTaskResult.objects.get(status="READY")
    assert next_run.run_after > timezone.now() + timedelta(minutes=14)


def test_the_immediate_backend_has_nothing_to_schedule(source):
    from wayfare.core.tasks import reminders_schedule

    assert reminders_schedule() is None


def test_a_date_moved_into_the_future_closes_the_reminder_as_moved(source, relationship):
    reminders_run(today=TODAY)
    relationship.started = TODAY + timedelta(days=30)
    relationship.save()
    assert reminders_run(today=TODAY).created == 0
    assert Reminder.objects.get().closed_reason == ReminderClosed.MOVED
    assert reminders_run(today=TODAY + timedelta(days=30)).created == 1


def test_a_person_with_a_login_stands_for_the_account(isolated, relationship, manager):
    person = PersonFactory(name="Manager", user=manager)
    remind(
        ServiceRelationship,
        "started",
        label="x",
        recipients=lambda r: [person, PersonFactory.build(user=None)],
    )
    assert reminders_run(today=TODAY).created == 1
    assert Reminder.objects.get().recipient == manager
