"""The standard battery for the communication registers (plans, contacts, promises, alerts)."""

import datetime

import pytest

from wayfare.core.testing import ResourceTests, client_for
from wayfare.relationships.models import Alert, CommunicationPlan, Contact, Promise

from .factories import ServiceRelationshipFactory
from .factories_communication import AlertFactory, CommunicationPlanFactory, ContactFactory, PromiseFactory


class CommunicationPlanTests(ResourceTests):
    model = CommunicationPlan
    update_field = "audience"

    def make(self, owner):
        return CommunicationPlanFactory(relationship=ServiceRelationshipFactory(consumer=owner))

    def valid_data(self, owner):
        return {
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "audience": "Student union",
            "channel": "meeting",
            "cadence_days": 30,
            "starts_on": "2026-03-02",
            "active": True,
        }

    def invalid_data(self, owner):
        return {"relationship": "", "audience": "", "channel": "pigeon", "cadence_days": 0}


class ContactTests(ResourceTests):
    model = Contact
    update_field = "participants"

    def make(self, owner):
        relationship = ServiceRelationshipFactory(consumer=owner)
        return ContactFactory(
            relationship=relationship, plan=CommunicationPlanFactory(relationship=relationship)
        )

    def valid_data(self, owner):
        return {
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "kind": "call",
            "occurred_on": "2026-03-02",
            "participants": "Beatriz, Mariana",
            "listening_mode": "focused",
        }

    def invalid_data(self, owner):
        return {"relationship": "", "kind": "telegram", "occurred_on": "someday"}

    def test_form_shows_the_listening_guide(self, users):
        page = client_for(users["staff"]).get(self.url("add")).content.decode()
        assert "listening-guide" in page and "360" in page


class PromiseTests(ResourceTests):
    model = Promise
    update_field = "what"

    def make(self, owner):
        return PromiseFactory(relationship=ServiceRelationshipFactory(consumer=owner))

    def valid_data(self, owner):
        return {
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "what": "Send the report",
            "due": "2026-05-04",
        }

    def invalid_data(self, owner):
        return {"relationship": "", "what": "", "due": "later"}


class AlertTests(ResourceTests):
    """Alerts come from their rules: nobody adds one by hand; staff reassign (owner, due) and
    acknowledge them."""

    model = Alert
    update_field = "due"

    def make(self, owner):
        return AlertFactory(relationship=ServiceRelationshipFactory(consumer=owner))

    def valid_data(self, owner):
        return {"due": "2026-05-04"}

    def invalid_data(self, owner):
        return {"due": "not a date"}

    def updated_value(self):
        return "2026-05-04"

    def test_update_through_ui(self, users, rows):
        row = rows[0]
        client = client_for(users["staff"])
        assert client.get(self.url("edit", row)).status_code == 200
        response = client.post(self.url("edit", row), {"due": "2026-05-04", "owner": ""})
        assert response.status_code == 302, response.content.decode()[:2000]
        row.refresh_from_db()
        assert row.due == datetime.date(2026, 5, 4)
        assert any(entry["changes"] for entry in client.get(self.url("detail", row)).context["history"])

    def test_create_through_ui(self, users, org_a):
        client = client_for(users["staff"])
        before = Alert.objects.count()
        response = client.post(self.url("add"), self.valid_data(org_a))
        assert response.status_code == 400
        assert "raised by their rules" in response.content.decode()
        assert Alert.objects.count() == before

    def test_api_create_update_delete(self, users, org_a):
        client = client_for(users["staff"])
        assert (
            client.post(self.api_url(), self.valid_data(org_a), content_type="application/json").status_code
            == 400
        )
        alert = self.make(org_a)
        response = client.patch(self.api_url(alert), {"due": "2026-05-04"}, content_type="application/json")
        assert response.status_code == 200, response.content
        alert.refresh_from_db()
        assert alert.due == datetime.date(2026, 5, 4)
        response = client.patch(
            self.api_url(alert), {"rule": "other", "key": "x"}, content_type="application/json"
        )
        alert.refresh_from_db()
        assert (alert.rule, alert.key) != ("other", "x"), "rule and key are the engine's"

    @pytest.mark.parametrize("how", ["page", "api"])
    def test_acknowledge(self, users, org_a, how):
        alert = self.make(org_a)
        client = client_for(users["staff"])
        if how == "page":
            from django.urls import reverse

            response = client.post(reverse("relationships:alert_acknowledge", args=[alert.pk]))
            assert response.status_code == 302
        else:
            url = self.api_url(alert) + "acknowledge/"
            assert client.post(url).status_code == 200
        alert.refresh_from_db()
        assert alert.acknowledged_by == users["staff"] and alert.acknowledged_at is not None
        assert alert.resolved_on is None, "acknowledged is not resolved: the rule decides that"
