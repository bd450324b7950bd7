"""The event-log import status changes only through its declared transitions (issue #11)."""

import pytest
from django.urls import reverse

from wayfare.analytics.models import EventLog, EventLogStatus
from wayfare.core.testing import client_for
from wayfare.core.testing_transitions import TransitionTests

from .factories import EventLogFactory

ROW_ERRORS = [{"line": 3, "column": "time", "reason": "unreadable time"}]


class EventLogTransitionTests(TransitionTests):
    model = EventLog

    def make_ready(self, transition, owner):
        if transition.name == "import-again":
            return EventLogFactory(status=EventLogStatus.READY)
        return EventLogFactory(status=EventLogStatus.FAILED, errors=ROW_ERRORS)

    def make_guarded(self, transition, owner):
        if transition.name == "import-again":
            return EventLogFactory(status=EventLogStatus.FAILED, source="")
        return EventLogFactory(status=EventLogStatus.FAILED, errors=[])  # failed, but not on rows

    def make_wrong_state(self, transition, owner):
        return EventLogFactory(status=EventLogStatus.RUNNING, errors=ROW_ERRORS)


@pytest.mark.django_db
def test_import_again_reads_the_file_again_once_committed(users, django_capture_on_commit_callbacks):
    log = EventLogFactory(status=EventLogStatus.FAILED, message="old failure")
    client = client_for(users["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/analytics/event-logs/{log.pk}/transitions/import-again/")
    assert response.status_code == 200
    log.refresh_from_db()
    assert log.status == EventLogStatus.READY and log.events == 10 and log.message == ""


@pytest.mark.django_db
def test_leaving_out_bad_rows_imports_the_rest(users, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from .factories import SMALL_LOG

    bad = SMALL_LOG + "c9,Book,not a time,ana\n"
    log = EventLogFactory(
        source=ContentFile(bad.encode(), name="bad.csv"), status=EventLogStatus.FAILED, errors=ROW_ERRORS
    )
    client = client_for(users["staff"])
    url = reverse("analytics:eventlog_transition", args=[log.pk, "import-leaving-out-bad-rows"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirmed": "1"}).status_code == 302
    log.refresh_from_db()
    assert log.skip_bad_rows and log.status == EventLogStatus.READY and log.skipped == 1


@pytest.mark.django_db
def test_analyst_may_run_transitions_but_a_cx_designer_may_not():
    from wayfare.parties.tests.factories import UserFactory

    log = EventLogFactory(status=EventLogStatus.READY)
    url = f"/api/analytics/event-logs/{log.pk}/transitions/import-again/"
    designer = client_for(UserFactory(username="designer", roles=["CX designer"]))
    assert designer.post(url).status_code == 403
    analyst = client_for(UserFactory(username="analyst", roles=["Analyst"]))
    assert analyst.post(url).status_code == 200


@pytest.mark.django_db
def test_status_is_not_writable_through_the_api(users):
    log = EventLogFactory(status=EventLogStatus.FAILED)
    client = client_for(users["staff"])
    response = client.patch(
        f"/api/analytics/event-logs/{log.pk}/", {"status": "ready"}, content_type="application/json"
    )
    assert response.status_code == 200
    log.refresh_from_db()
    assert log.status == EventLogStatus.FAILED


@pytest.mark.django_db
def test_restrict_applies_to_transitions_even_with_the_permission(users):
    """A consumer given the permission still reaches no backstage row: the access rule ignores a
    permission consumers cannot hold, so page and API refuse (403) before restrict() would hide it."""
    from django.contrib.auth.models import Permission

    log = EventLogFactory(status=EventLogStatus.READY)
    user = users["consumer_other"]
    user.user_permissions.add(Permission.objects.get(codename="change_eventlog"))
    client = client_for(user)
    url = reverse("analytics:eventlog_transition", args=[log.pk, "import-again"])
    assert client.post(url, {"confirmed": "1"}).status_code == 403
    assert client.post(f"/api/analytics/event-logs/{log.pk}/transitions/import-again/").status_code == 403
    log.refresh_from_db()
    assert log.status == EventLogStatus.READY


@pytest.mark.django_db
def test_unknown_transition_is_404(users):
    log = EventLogFactory(status=EventLogStatus.READY)
    url = reverse("analytics:eventlog_transition", args=[log.pk, "no-such-thing"])
    assert client_for(users["staff"]).post(url).status_code == 404
