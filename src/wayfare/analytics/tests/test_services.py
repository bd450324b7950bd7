"""Importing an event log: complete or nothing, with row-numbered errors, progress and the worker path."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings

from wayfare.analytics.models import EventLog, EventLogStatus
from wayfare.analytics.services import (
    event_log_create,
    event_log_delete,
    event_log_import_run,
    event_log_update,
)
from wayfare.core.access import SYSTEM

from .factories import SMALL_LOG, EventLogFactory

pytestmark = pytest.mark.django_db


def test_import_success_records_the_figures():
    event_log = event_log_import_run(event_log_id=EventLogFactory().pk)
    assert event_log.status == EventLogStatus.READY
    assert (event_log.events, event_log.cases, event_log.activities) == (10, 3, 4)
    assert event_log.first_event.isoformat() == "2024-03-01T09:00:00+00:00"
    assert event_log.parquet_path.exists() and event_log.progress == 1.0


def test_bad_rows_fail_the_whole_import_and_keep_nothing():
    bad = SMALL_LOG + "c4,,2024-03-06T10:00:00Z,bo\nc5,Book,not a time,bo\n"
    event_log = EventLogFactory(source=ContentFile(bad.encode(), name="bad.csv"))
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.status == EventLogStatus.FAILED
    assert not event_log.parquet_path.exists()
    lines = {e["line"] for e in event_log.errors}
    assert lines == {12, 13}, event_log.errors
    assert all(e["reason"] for e in event_log.errors)


def test_a_log_may_leave_out_rows_that_are_not_events_and_lists_them(client):
    from wayfare.core.testing import client_for
    from wayfare.parties.tests.factories import UserFactory

    bad = SMALL_LOG + "c4,,2024-03-06T10:00:00Z,bo\nc5,Book,not a time,bo\n"
    event_log = EventLogFactory(source=ContentFile(bad.encode(), name="bad.csv"), skip_bad_rows=True)
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.status == EventLogStatus.READY and event_log.parquet_path.exists()
    assert (event_log.events, event_log.skipped) == (10, 2)
    assert [e["line"] for e in event_log.errors] == [12, 13]
    analyst = client_for(UserFactory(roles=["Analyst"]))
    page = analyst.get(event_log.get_absolute_url()).content.decode()
    assert "2 rows that are not events were left out." in page and "not a time" in page
    record = analyst.get(f"/api/analytics/event-logs/{event_log.pk}/").json()  # the API shows the outcome
    assert (record["status"], record["events"], record["skipped"], len(record["errors"])) == (
        "ready",
        10,
        2,
        2,
    )


def test_a_missing_column_is_one_clear_error():
    event_log = EventLogFactory(case_column="ticket")
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.status == EventLogStatus.FAILED
    assert "ticket" in event_log.message


def test_reimport_after_failure_replaces_the_outcome():
    event_log = EventLogFactory(case_column="ticket")
    event_log_import_run(event_log_id=event_log.pk)
    event_log.refresh_from_db()
    event_log_update(instance=event_log, actor=SYSTEM, case_column="case")
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.status == EventLogStatus.READY and event_log.errors == []


def test_deleting_a_log_removes_its_files(django_capture_on_commit_callbacks):
    event_log = event_log_import_run(event_log_id=EventLogFactory().pk)
    parquet, source = event_log.parquet_path, Path(event_log.source.path)
    assert parquet.exists() and source.exists()
    with django_capture_on_commit_callbacks(execute=True):
        event_log_delete(instance=event_log, actor=SYSTEM)
    assert not parquet.exists() and not source.exists()
    assert not EventLog.objects.filter(pk=event_log.pk).exists()


def test_progress_is_reported(monkeypatch):
    seen = []
    event_log_import_run(
        event_log_id=EventLogFactory().pk, progress=lambda done, total: seen.append((done, total))
    )
    assert seen, "the engine reports progress while it reads"


# The worker closes database connections: it needs real commits, not a test transaction.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}})
def test_the_database_worker_runs_the_queued_import():
    event_log = event_log_create(
        actor=SYSTEM,
        name="Queued",
        source=ContentFile(SMALL_LOG.encode(), name="q.csv"),
        case_column="case",
        activity_column="activity",
        timestamp_column="time",
    )
    assert EventLog.objects.get(pk=event_log.pk).status == EventLogStatus.PENDING
    call_command("db_worker", batch=True, verbosity=0)
    assert EventLog.objects.get(pk=event_log.pk).status == EventLogStatus.READY
