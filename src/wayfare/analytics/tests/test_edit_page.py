"""Issue #15 section 3: a failed import is fixed from the log's own page by changing the mapping (the
edit form's values used to reach the record before the update service compared old and new)."""

import pytest
from django.urls import reverse

from wayfare.analytics.models import EventLog, EventLogStatus
from wayfare.analytics.services import event_log_import_run
from wayfare.core.testing import client_for, make_user

from .factories import EventLogFactory

pytestmark = pytest.mark.django_db


def test_changing_the_mapping_on_the_page_imports_the_log_again(django_capture_on_commit_callbacks):
    event_log = event_log_import_run(event_log_id=EventLogFactory(case_column="ticket").pk)
    assert event_log.status == EventLogStatus.FAILED
    client = client_for(make_user("analyst-edit", ["Analyst"]))
    url = reverse("analytics:eventlog_edit", args=[event_log.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if k in form.fields and v is not None and k != "source"}
    data["case_column"] = "case"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert callbacks, "the change of mapping queues an import"
    event_log = EventLog.objects.get(pk=event_log.pk)
    assert event_log.case_column == "case"
    assert event_log.status == EventLogStatus.READY and event_log.errors == [], event_log.message


def test_the_poll_that_sees_the_import_end_reloads_the_page():
    """The log's card (status, events, cases) is part of the page, not of the polled panel: the poll
    that first sees the import ended asks htmx to reload the page (#15: it kept "Waiting to import")."""
    client = client_for(make_user("analyst-poll", ["Analyst"]))
    waiting = EventLogFactory()
    url = reverse("analytics:import_status", args=[waiting.pk])
    assert "HX-Refresh" not in client.get(url, headers={"HX-Request": "true"})
    done = event_log_import_run(event_log_id=EventLogFactory().pk)
    url = reverse("analytics:import_status", args=[done.pk])
    assert client.get(url, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
    assert "HX-Refresh" not in client.get(url)  # the page's own first drawing of the panel


def test_an_unreadable_file_is_named_in_the_readers_words_without_a_path(monkeypatch, users):
    """#15: the engine's own text ("Invalid Input Error: Error when sniffing file /srv/...") reached
    the page untranslated, with the server's path. It goes to the server log; the page says what is
    wrong in the reader's language."""
    import duckdb

    from wayfare.analytics.engine import csv_import

    def sniffing_fails(con, path, delimiter):
        raise duckdb.InvalidInputException(f'Invalid Input Error: Error when sniffing file "{path}".')

    monkeypatch.setattr(csv_import, "_csv_source", sniffing_fails)
    monkeypatch.setattr(csv_import, "_rejected_rows", lambda con, path, delimiter: [])
    event_log = event_log_import_run(event_log_id=EventLogFactory().pk)
    assert event_log.status == EventLogStatus.FAILED
    client = client_for(make_user("analyst-ru", ["Analyst"]))
    client.cookies["django_language"] = "ru"
    for url in (event_log.get_absolute_url(), reverse("analytics:home")):
        page = client.get(url).content.decode()
        assert "sniffing" not in page and "Invalid Input" not in page and "/" + "srv" not in page
        assert "разделитель" in page, url  # "its delimiter, quoting or columns ..." in Russian


def test_the_api_records_source_link_downloads_the_file(users):
    """#15: the record's ``source`` pointed at the media address, which is not served (404). It is the
    record's own action now, behind the same access rule."""
    from wayfare.analytics.tests.factories import SMALL_LOG

    event_log = EventLogFactory()
    analyst = client_for(make_user("analyst-src", ["Analyst"]))
    link = analyst.get(f"/api/analytics/event-logs/{event_log.pk}/").json()["source"]
    assert link.endswith(f"/api/analytics/event-logs/{event_log.pk}/source/"), link
    response = analyst.get(link)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).decode() == SMALL_LOG
    assert client_for(users["consumer_own"]).get(link).status_code in (403, 404)
    assert client_for(users["staff_none"]).get(link).status_code == 403
