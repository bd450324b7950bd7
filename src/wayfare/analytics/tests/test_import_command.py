"""``wayfare import-log`` registers and imports a log from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from wayfare.analytics.models import EventLog, EventLogStatus

from .factories import SMALL_LOG

pytestmark = pytest.mark.django_db


def test_import_log_command(tmp_path):
    source = tmp_path / "bookings.csv"
    source.write_text(SMALL_LOG)
    out = io.StringIO()
    call_command(
        "import_log",
        str(source),
        "--name",
        "Bookings",
        "--case",
        "case",
        "--activity",
        "activity",
        "--timestamp",
        "time",
        "--resource",
        "who",
        "--no-progress",
        stdout=out,
    )
    event_log = EventLog.objects.get(name="Bookings")
    assert event_log.status == EventLogStatus.READY and event_log.events == 10
    assert "10 events, 3 cases" in out.getvalue()


def test_import_log_command_fails_with_line_numbers(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text(SMALL_LOG + "c9,,2024-03-09T10:00:00Z,ana\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_log",
            str(source),
            "--name",
            "Bad",
            "--case",
            "case",
            "--activity",
            "activity",
            "--timestamp",
            "time",
            "--no-progress",
            stderr=err,
        )
    assert "line 12" in err.getvalue()
    assert EventLog.objects.get(name="Bad").status == EventLogStatus.FAILED
