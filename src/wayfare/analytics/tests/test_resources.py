"""The standard battery for the analytics registers (backstage: consumers get 403), plus uploads."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wayfare.analytics.models import EventLog, EventLogStatus
from wayfare.core.testing import ResourceTests, client_for

from .factories import SMALL_LOG, EventLogFactory


class EventLogTests(ResourceTests):
    model = EventLog
    update_field = "description"

    def make(self, owner):
        return EventLogFactory()

    def valid_data(self, owner):
        return {
            "name": "Bookings uploaded",
            "source": SimpleUploadedFile("b.csv", SMALL_LOG.encode()),
            "case_column": "case",
            "activity_column": "activity",
            "timestamp_column": "time",
            "resource_column": "who",
            "timezone": "UTC",
            "description": "",
            "attribution": "",
        }

    def invalid_data(self, owner):
        return {"name": "", "case_column": "", "timezone": "Mars/Olympus"}

    # Uploads travel as multipart, not JSON: the API checks are rewritten for files.
    def test_api_create_update_delete(self, users, org_a, django_capture_on_commit_callbacks):
        client = client_for(users["staff"])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(self.api_url(), self.valid_data(org_a))
        assert response.status_code == 201, response.content
        event_log = EventLog.objects.get(pk=response.json()["id"])
        assert event_log.status == EventLogStatus.READY and event_log.events == 10
        response = client.patch(
            self.api_url(event_log), {"description": "Changed"}, content_type="application/json"
        )
        assert response.status_code == 200
        assert client.delete(self.api_url(event_log)).status_code == 204

    def test_api_invalid_is_400(self, users, org_a):
        response = client_for(users["staff"]).post(self.api_url(), self.invalid_data(org_a))
        assert response.status_code == 400
        assert not EventLog.objects.exists()

    def test_create_through_ui_imports_in_background(self, users, org_a, django_capture_on_commit_callbacks):
        client = client_for(users["staff"])
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = client.post(self.url("add"), self.valid_data(org_a))
        assert response.status_code == 302
        assert len(callbacks) == 1, "the import is queued after the commit"
        event_log = EventLog.objects.get(name="Bookings uploaded")
        assert (event_log.status, event_log.cases, event_log.activities) == (EventLogStatus.READY, 3, 4)
        page = client.get(self.url("detail", event_log)).content.decode()
        assert f"/analytics/event-logs/{event_log.pk}/explore/" in page

    def test_xes_needs_no_column_mapping(self, users, org_a):
        data = self.valid_data(org_a) | {
            "source": SimpleUploadedFile("log.xes", b"<log/>"),
            "case_column": "",
        }
        form_errors = client_for(users["staff"]).post(self.url("add"), data)
        assert form_errors.status_code == 302
