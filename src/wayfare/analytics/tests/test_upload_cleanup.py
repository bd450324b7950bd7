"""Rejected uploads leave no file in media, and import messages name the problem, never a server path or
a Python exception (issue #11)."""

import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wayfare.analytics.models import EventLog, EventLogStatus
from wayfare.analytics.services import (
    event_log_create,
    event_log_delete,
    event_log_import_run,
    event_log_update,
)
from wayfare.core.access import SYSTEM
from wayfare.core.exceptions import AccessError
from wayfare.core.testing import client_for

from .factories import SMALL_LOG, EventLogFactory

pytestmark = pytest.mark.django_db

EXCEPTION_NAME = re.compile(r"\b\w*(Error|Exception)\b|Errno|Traceback")


def ADD_URL() -> str:  # noqa: N802 (reads like the constant it stands for)
    from wayfare.core.resources import registry

    return reverse(registry.get(EventLog).url_name("add"))


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _upload(name: str = "bookings.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SMALL_LOG.encode())


MAPPING = {"case_column": "case", "activity_column": "activity", "timestamp_column": "time"}


def test_a_create_that_rolls_back_after_storing_the_file_removes_it():
    before = media_files()
    with mock.patch("wayfare.core.services.restrict", return_value=EventLog.objects.none()):
        with pytest.raises(AccessError):
            event_log_create(actor=SYSTEM, source=_upload(), name="Refused", enqueue=False, **MAPPING)
    assert not EventLog.objects.exists()
    assert media_files() == before


def test_an_update_that_rolls_back_removes_the_new_file_and_keeps_the_old():
    event_log = event_log_create(actor=SYSTEM, source=_upload(), name="Kept", enqueue=False, **MAPPING)
    old = event_log.source.name
    before = media_files()
    assert old in before
    with mock.patch("wayfare.core.services.restrict", return_value=EventLog.objects.none()):
        with pytest.raises(AccessError):
            event_log_update(instance=event_log, actor=SYSTEM, source=_upload("new.csv"))
    assert media_files() == before
    assert EventLog.objects.get(pk=event_log.pk).source.name == old


def test_a_new_file_replaces_the_old_one_once_the_change_commits(django_capture_on_commit_callbacks):
    event_log = event_log_create(actor=SYSTEM, source=_upload(), name="Replaced", enqueue=False, **MAPPING)
    old = event_log.source.name
    with django_capture_on_commit_callbacks(execute=True):
        event_log = event_log_update(instance=event_log, actor=SYSTEM, source=_upload("new.csv"))
    files = media_files()
    assert old not in files and event_log.source.name in files


def test_a_deleted_log_takes_its_files_along(django_capture_on_commit_callbacks):
    event_log = event_log_import_run(event_log_id=EventLogFactory().pk)
    assert event_log.parquet_path.exists() and event_log.source.name in media_files()
    with django_capture_on_commit_callbacks(execute=True):
        event_log_delete(instance=event_log, actor=SYSTEM)
    assert event_log.source.name not in media_files() and not event_log.parquet_path.exists()


def test_a_form_refused_by_validation_stores_nothing(users):
    before = media_files()
    data = {"name": "Bad", "source": _upload(), **MAPPING, "timezone": "UTC", "encoding": "hex_codec"}
    response = client_for(users["staff"]).post(ADD_URL(), data)
    assert response.status_code == 400 and not EventLog.objects.exists()
    assert media_files() == before


def _shown(event_log: EventLog, client) -> str:
    """What the log's page says about the failed import (the status fragment), as text."""
    fragment = client.get(reverse("analytics:import_status", args=[event_log.pk])).content.decode()
    return re.sub(r"<[^>]+>", " ", fragment)


def _assert_names_the_problem_only(event_log: EventLog, client) -> None:
    assert event_log.status == EventLogStatus.FAILED
    texts = [event_log.message, *(str(e.get("reason")) for e in event_log.errors), _shown(event_log, client)]
    for text in texts:
        assert "/" not in text and str(settings.DATA_DIR) not in text, text
        assert not EXCEPTION_NAME.search(text), text


def test_a_missing_column_is_named_without_a_path(users):
    event_log = event_log_import_run(event_log_id=EventLogFactory(case_column="ticket").pk)
    assert "ticket" in event_log.message
    _assert_names_the_problem_only(event_log, client_for(users["staff"]))


def test_a_bad_encoding_is_named_without_a_path(users):
    text = SMALL_LOG.replace("Book", "Réservé")
    event_log = EventLogFactory(source=ContentFile(text.encode("utf-8"), name="b.csv"), encoding="ascii")
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.message == "the file is not valid ascii text"
    _assert_names_the_problem_only(event_log, client_for(users["staff"]))


def test_an_os_error_is_named_without_its_path_or_class(users):
    event_log = EventLogFactory()
    error = PermissionError(13, "Permission denied", str(Path(settings.MEDIA_ROOT) / "eventlogs" / "x.csv"))
    with mock.patch("wayfare.analytics.services._read", side_effect=error):
        event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.message == "the source file could not be read"
    _assert_names_the_problem_only(event_log, client_for(users["staff"]))


def test_a_source_file_gone_from_media_is_named_without_its_path(users):
    event_log = EventLogFactory()
    Path(event_log.source.path).unlink()
    event_log = event_log_import_run(event_log_id=event_log.pk)
    assert event_log.message == "the source file is missing"
    _assert_names_the_problem_only(event_log, client_for(users["staff"]))


def test_an_unexpected_failure_shows_no_exception_text(users):
    event_log = EventLogFactory()
    with mock.patch(
        "wayfare.analytics.services._read", side_effect=RuntimeError("boom in /srv/wayfare/x.py")
    ):
        event_log = event_log_import_run(event_log_id=event_log.pk)
    assert "boom" not in event_log.message
    _assert_names_the_problem_only(event_log, client_for(users["staff"]))


def test_library_details_lose_their_paths_and_error_classes():
    from wayfare.analytics.engine.guards import safe_detail

    detail = safe_detail('Invalid Input Error: Error when sniffing file "/srv/data/media/x.csv".\nmore')
    assert detail == 'Error when sniffing file "…".'
    assert safe_detail("format %d/%m/%Y is odd") == "format %d/%m/%Y is odd"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "нет в заголовке"), ("zh-hans", "表头中没有列")],
)
def test_the_import_message_is_kept_as_a_code_and_read_in_the_readers_language(users, language, expected):
    """The overall message is stored as the engine's code and values (issue #11: not translated by
    matching English text): even with its English text gone, the reader gets it in their language."""
    event_log = event_log_import_run(event_log_id=EventLogFactory(case_column="ticket").pk)
    assert event_log.message_code == "missing_column" and event_log.message_params["column"] == "ticket"
    EventLog.objects.filter(pk=event_log.pk).update(message="(text of an older version)")
    client = client_for(users["staff"])
    client.cookies["django_language"] = language
    with translation.override("en"):  # the request activates the reader's language; leave none behind
        page = client.get(reverse("analytics:import_status", args=[event_log.pk])).content.decode()
    assert expected in page and "ticket" in page
    assert "older version" not in page  # the stored text is not what the reader gets
