"""The standard battery for the analytics registers (backstage: consumers get 403), plus uploads."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from wayfare.analytics.models import DesignedJourney, DesignedStage, EventLog, EventLogStatus
from wayfare.core.testing import ResourceTests, client_for

from .factories import SMALL_LOG, DesignedJourneyFactory, DesignedStageFactory, EventLogFactory


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


class DesignedJourneyTests(ResourceTests):
    model = DesignedJourney

    def make(self, owner):
        return DesignedJourneyFactory()

    def valid_data(self, owner):
        return {"name": "Book a van", "event_log": EventLogFactory().pk, "description": "Festival weekend"}

    def invalid_data(self, owner):
        return {"name": "", "event_log": 999999}


class DesignedStageTests(ResourceTests):
    model = DesignedStage

    def make(self, owner):
        return DesignedStageFactory()

    def valid_data(self, owner):
        return {
            "journey": DesignedJourneyFactory().pk,
            "position": 1,
            "name": "Book",
            "activities": "Book\nReserve",
            "optional": False,
        }

    def invalid_data(self, owner):
        return {"journey": DesignedJourneyFactory().pk, "position": 1, "name": "Empty", "activities": "  "}


@pytest.mark.django_db
def test_an_activity_belongs_to_one_stage_only(users):
    stage = DesignedStageFactory(activities="Book")
    client = client_for(users["staff"])
    response = client.post(
        "/analytics/designed-stages/add/",
        {
            "journey": stage.journey.pk,
            "position": 2,
            "name": "Again",
            "activities": "Pick up\nBook",
        },
    )
    assert response.status_code == 400
    assert "Book" in str(response.context["form"].errors)


@pytest.mark.django_db
def test_stages_are_added_from_the_journey_page_one_after_another(users, django_capture_on_commit_callbacks):
    """The journey page's "add" opens the stage form pinned to the journey, numbered after the last
    stage and listing the log's activities; "save and add another" comes back to it, "save" returns to
    the journey."""
    from wayfare.analytics.services import event_log_import_run

    journey = DesignedJourneyFactory()
    event_log_import_run(event_log_id=journey.event_log.pk)
    DesignedStageFactory(journey=journey, position=1, activities="Book")
    client = client_for(users["staff"])
    page = client.get(journey.get_absolute_url()).content.decode()
    add_url = html.unescape(re.search(r'href="(/analytics/designed-stages/add/\?[^"]+)"', page).group(1))
    form = client.get(add_url).context["form"]
    assert form.initial["position"] == 2
    assert "Pick up" in str(form.fields["activities"].help_text)
    data = {"journey": journey.pk, "position": 2, "name": "Pick up", "activities": "Pick up"}
    again = client.post(add_url, {**data, "_addanother": "1"})
    assert again.status_code == 302 and again["Location"] == add_url
    assert client.get(add_url).context["form"].initial["position"] == 3
    done = client.post(add_url, {**data, "position": 3, "name": "Return", "activities": "Return"})
    assert done["Location"] == journey.get_absolute_url()
    assert list(journey.stages.values_list("position", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_next_must_stay_on_this_site(users):
    client = client_for(users["staff"])
    journey = DesignedJourneyFactory()
    data = {"journey": journey.pk, "position": 1, "name": "Book", "activities": "Book"}
    response = client.post("/analytics/designed-stages/add/?next=https://evil.example/", data)
    assert response.status_code == 302 and not response["Location"].startswith("https://evil")
