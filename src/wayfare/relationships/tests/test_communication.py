"""Communication plans and contacts: the other side's calendar (seed 003 4.1.2), the plan's next due date,
what consumers may see, the relationship-page panels and the health measures (issue #12 section 4)."""

import datetime

import pytest
from django.test import RequestFactory, override_settings
from django.urls import reverse

from wayfare.core.testing import client_for, make_user
from wayfare.relationships import calendar
from wayfare.relationships.models import Alert, CommunicationPlan
from wayfare.relationships.panels import panels_for
from wayfare.relationships.resources.communication import contact_cadence, open_alerts_score
from wayfare.relationships.services.communication import (
    alerts_refresh,
    communication_plan_create,
    communication_plan_update,
    contact_record,
)

from .factories import ServiceRelationshipFactory
from .factories_communication import AlertFactory, CommunicationPlanFactory, ContactFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)


def day(n):
    return MONDAY + datetime.timedelta(days=n)


@pytest.fixture
def manager():
    return make_user("rm", ["Relationship manager"])


class TestTheirCalendar:
    def test_weekend_moves_to_monday(self):
        rel = ServiceRelationshipFactory.build()
        assert calendar.next_working_day(rel, day(5)) == day(7)  # Saturday -> Monday
        assert calendar.next_working_day(rel, day(2)) == day(2)

    def test_their_working_days_and_holidays(self):
        rel = ServiceRelationshipFactory.build(
            counterpart_working_days=[6, 0, 1, 2, 3], counterpart_holidays=["2026-03-08"]
        )
        assert calendar.next_working_day(rel, day(4)) == day(7), "Friday, Saturday off; Sunday a holiday"
        assert calendar.add_working_days(rel, day(3), 2) == day(7) + datetime.timedelta(days=1)

    @override_settings(TIME_ZONE="UTC")
    def test_warnings_for_their_day_off_and_hours(self):
        rel = ServiceRelationshipFactory.build(
            counterpart_time_zone="Asia/Tokyo", counterpart_holidays=["2026-03-03"]
        )
        assert calendar.timing_warnings(rel, MONDAY, datetime.time(2, 0)) == []  # 11:00 in Tokyo
        late = calendar.timing_warnings(rel, MONDAY, datetime.time(10, 0))  # 19:00 in Tokyo
        assert len(late) == 1 and "19:00" in late[0]
        assert any("holiday" in w for w in calendar.timing_warnings(rel, day(1), None))
        saturday = calendar.timing_warnings(rel, day(5), datetime.time(1, 0))
        assert any("working days" in w for w in saturday)
        # 23:00 UTC on Friday is Saturday 08:00 in Tokyo: their day off and before their hours
        assert len(calendar.timing_warnings(rel, day(4), datetime.time(23, 0))) == 2

    def test_their_now(self):
        rel = ServiceRelationshipFactory.build(counterpart_time_zone="America/Sao_Paulo")
        now = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC)
        assert calendar.their_now(rel, now).hour == 9


class TestNextDue:
    def test_plan_due_on_their_next_working_day(self, manager):
        rel = ServiceRelationshipFactory(counterpart_holidays=["2026-03-09"])
        plan = communication_plan_create(
            actor=manager,
            relationship=rel,
            audience="Sponsors",
            channel="call",
            cadence_days=5,
            starts_on=MONDAY,
        )
        assert plan.next_due == day(8), "Saturday, then their holiday on Monday: Tuesday"

    def test_contact_and_plan_changes_move_it(self, manager):
        rel = ServiceRelationshipFactory()
        plan = communication_plan_create(
            actor=manager,
            relationship=rel,
            audience="Sponsors",
            channel="call",
            cadence_days=7,
            starts_on=MONDAY,
        )
        assert plan.next_due == day(7)
        contact_record(actor=manager, relationship=rel, plan=plan, kind="call", occurred_on=day(3))
        plan.refresh_from_db()
        assert plan.next_due == day(10)
        plan = communication_plan_update(instance=plan, actor=manager, cadence_days=14)
        assert plan.next_due == day(17)

    def test_contact_form_warns_but_saves(self, manager):
        rel = ServiceRelationshipFactory()
        client = client_for(manager)
        response = client.get(
            reverse("relationships:contact_timing"),
            {"relationship": rel.pk, "occurred_on": "2026-03-07", "time": "10:00"},
        )
        assert response.status_code == 200 and "working days" in response.content.decode()
        response = client.post(
            reverse("relationships:contact_add"),
            {"relationship": rel.pk, "kind": "visit", "occurred_on": "2026-03-07", "participants": "Beatriz"},
        )
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
        assert "not one of their working days" in page


@pytest.fixture
def story(org_a, make_consumer):
    """A relationship of consumer A with a plan, a contact and an open alert."""
    rel = ServiceRelationshipFactory(consumer=org_a)
    plan = CommunicationPlanFactory(relationship=rel, notes="They prefer mornings", audience="Campus office")
    contact = ContactFactory(relationship=rel, summary="Complaint about a charger", is_complaint=True)
    alert = AlertFactory(relationship=rel)
    return {
        "rel": rel,
        "plan": plan,
        "contact": contact,
        "alert": alert,
        "consumer": make_consumer("cons", org_a),
    }


class TestConsumers:
    def test_never_see_contacts_or_alerts(self, story):
        client = client_for(story["consumer"])
        for name, obj in (("contact", story["contact"]), ("alert", story["alert"])):
            assert client.get(reverse(f"relationships:{name}_list")).status_code == 403
            assert client.get(reverse(f"relationships:{name}_list") + "?_export=csv").status_code == 403
            assert client.get(reverse(f"relationships:{name}_detail", args=[obj.pk])).status_code in (
                403,
                404,
            )
            assert client.get(reverse(f"api:relationships-{name}-list")).status_code == 403
            assert client.get(reverse(f"api:relationships-{name}-detail", args=[obj.pk])).status_code in (
                403,
                404,
            )
        ack = reverse("relationships:alert_acknowledge", args=[story["alert"].pk])
        assert client.post(ack).status_code == 403
        story["alert"].refresh_from_db()
        assert story["alert"].acknowledged_at is None

    def test_panels_are_left_out_for_consumers(self, story):
        request = RequestFactory().get("/")
        request.user = story["consumer"]
        keys = [panel.key for panel, _ctx in panels_for(request, story["rel"])]
        assert "alerts" not in keys and "contacts" not in keys

    def test_see_the_plans_of_their_relationship_without_notes(self, story, org_b):
        other = CommunicationPlanFactory(relationship=ServiceRelationshipFactory(consumer=org_b))
        client = client_for(story["consumer"])
        api = client.get(reverse("api:relationships-communicationplan-list")).json()["results"]
        assert [row["id"] for row in api] == [story["plan"].pk]
        assert "notes" not in api[0]
        page = client.get(reverse("relationships:communicationplan_detail", args=[story["plan"].pk]))
        assert page.status_code == 200 and "They prefer mornings" not in page.content.decode()
        assert (
            client.get(reverse("relationships:communicationplan_detail", args=[other.pk])).status_code == 404
        )
        export = client.get(reverse("relationships:communicationplan_list") + "?_export=csv").content.decode(
            "utf-8-sig"
        )
        assert "Campus office" in export and "They prefer mornings" not in export

    def test_a_plan_is_visible_to_the_provider_side_too(self, org_a, make_consumer):
        rel = ServiceRelationshipFactory(provider=org_a)
        plan = CommunicationPlanFactory(relationship=rel)
        client = client_for(make_consumer("prov", org_a))
        assert (
            client.get(reverse("relationships:communicationplan_detail", args=[plan.pk])).status_code == 200
        )


class TestPanelsForStaff:
    def test_alerts_and_contacts_panels(self, story, manager):
        request = RequestFactory().get("/")
        request.user = manager
        shown = {panel.key: ctx for panel, ctx in panels_for(request, story["rel"])}
        assert [a.pk for a in shown["alerts"]["alerts"]] == [story["alert"].pk]
        assert shown["alerts"]["alerts"][0].may_acknowledge
        assert shown["contacts"]["next_plan"] == story["plan"]
        assert shown["contacts"]["open_complaints"] == [story["contact"]]
        from django.template.loader import render_to_string

        html = render_to_string("relationships/panels/alerts.html", {**shown["alerts"], "request": request})
        assert reverse("relationships:alert_acknowledge", args=[story["alert"].pk]) in html
        html = render_to_string(
            "relationships/panels/contacts.html", {**shown["contacts"], "request": request}
        )
        assert "Campus office" in html and "Complaint about a charger" in html

    def test_acknowledge_from_the_page_comes_back(self, story, manager):
        url = reverse("relationships:alert_acknowledge", args=[story["alert"].pk])
        response = client_for(manager).post(url, {"next": "/relationships/"})
        assert response.status_code == 302 and response["Location"] == "/relationships/"
        response = client_for(manager).post(url, {"next": "//evil.example/"})
        assert "evil" not in response["Location"]


class TestHealth:
    def test_contact_cadence(self):
        rel = ServiceRelationshipFactory()
        assert contact_cadence(rel, today=MONDAY) is None, "no plan: missing, not zero"
        CommunicationPlanFactory(relationship=rel, next_due=day(-1))
        CommunicationPlanFactory(relationship=rel, next_due=day(3))
        CommunicationPlanFactory(relationship=rel, next_due=day(-9), active=False)
        assert contact_cadence(rel, today=MONDAY) == 50.0

    def test_open_alerts(self):
        rel = ServiceRelationshipFactory()
        assert open_alerts_score(rel) == 100.0
        for _ in range(3):
            AlertFactory(relationship=rel)
        AlertFactory(relationship=rel, resolved_on=MONDAY)
        assert open_alerts_score(rel) == 25.0
        for _ in range(2):
            AlertFactory(relationship=rel)
        assert open_alerts_score(rel) == 0.0


def test_missed_contact_end_to_end(manager):
    """A missed planned contact raises an alert shown on the relationship page's panel."""
    rel = ServiceRelationshipFactory(manager=manager)
    plan = communication_plan_create(
        actor=manager,
        relationship=rel,
        audience="Quarterly review",
        channel="meeting",
        cadence_days=91,
        starts_on=datetime.date(2026, 1, 5),
    )
    alerts_refresh(today=plan.next_due + datetime.timedelta(days=3))
    alert = Alert.objects.get(relationship=rel)
    assert alert.owner == manager
    assert CommunicationPlan.objects.get().next_due == plan.next_due
