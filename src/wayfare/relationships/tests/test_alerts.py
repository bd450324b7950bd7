"""The alert engine and each rule of the communication part (issue #12 section 4; seed 003 4.3.2.3)."""

import datetime
import io

import pytest
from django.core.management import call_command

from wayfare.core.reminders import reminder_source, run_hooks
from wayfare.parties.tests.factories import PersonFactory, UserFactory
from wayfare.relationships.alerts import alert_rule_for
from wayfare.relationships.models import Alert
from wayfare.relationships.services.communication import (
    alerts_refresh,
    communication_plan_create,
    contact_record,
    promise_keep,
)

from .factories import ServiceRelationshipFactory
from .factories_communication import ContactFactory, PromiseFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)


def day(n):
    return MONDAY + datetime.timedelta(days=n)


@pytest.fixture
def relationship():
    return ServiceRelationshipFactory(started=datetime.date(2026, 1, 5))


@pytest.fixture
def owner():
    return UserFactory(roles=["Relationship manager"])


@pytest.fixture
def plan(relationship, owner):
    # starts Monday 2 March, every 14 days: due Monday 16 March
    return communication_plan_create(
        actor=owner,
        relationship=relationship,
        audience="Student union",
        channel="meeting",
        cadence_days=14,
        owner=owner,
        starts_on=MONDAY,
    )


def open_alerts(rule=None):
    qs = Alert.objects.filter(resolved_on__isnull=True)
    return qs.filter(rule=rule) if rule else qs


class TestMissedContact:
    def test_raised_once_when_the_planned_contact_is_past(self, plan, owner):
        assert plan.next_due == day(14)
        assert alerts_refresh(today=day(14))["raised"] == 0, "due today is not missed yet"
        counts = alerts_refresh(today=day(15))
        assert counts["raised"] == 1
        alert = open_alerts("missed_contact").get()
        assert alert.relationship == plan.relationship and alert.owner == owner and alert.raised_on == day(15)
        assert "Student union" in alert.description and "2026-03-16" in alert.description

    def test_running_twice_raises_nothing_twice(self, plan):
        alerts_refresh(today=day(15))
        counts = alerts_refresh(today=day(16))
        assert counts == {"raised": 0, "kept": 1, "resolved": 0}
        assert Alert.objects.filter(rule="missed_contact").count() == 1
        assert Alert.objects.get().raised_on == day(15), "kept, not raised again"

    def test_resolved_when_a_contact_is_logged(self, plan, owner):
        alerts_refresh(today=day(15))
        contact_record(
            actor=owner, relationship=plan.relationship, plan=plan, kind="meeting", occurred_on=day(16)
        )
        plan.refresh_from_db()
        assert plan.next_due == day(30), "one cadence after the contact"
        assert alerts_refresh(today=day(17))["resolved"] == 1
        assert not open_alerts().exists()
        assert Alert.objects.get().resolved_on == day(17)

    def test_a_contact_outside_the_plan_does_not_count(self, plan, owner):
        contact_record(actor=owner, relationship=plan.relationship, kind="email", occurred_on=day(15))
        alerts_refresh(today=day(16))
        assert open_alerts("missed_contact").exists()

    def test_inactive_plans_raise_nothing(self, plan):
        plan.active = False
        plan.save()
        alerts_refresh(today=day(30))
        assert not open_alerts().exists()

    def test_owner_falls_back_to_the_relationship_manager(self, relationship, owner):
        communication_plan_create(
            actor=owner,
            relationship=relationship,
            audience="Sponsors",
            channel="call",
            cadence_days=7,
            starts_on=MONDAY,
        )
        alerts_refresh(today=day(30))
        assert open_alerts("missed_contact").get().owner == relationship.manager

    def test_the_reminders_job_refreshes_alerts_first(self, plan):
        for hook in run_hooks():
            hook(day(15))
        assert open_alerts("missed_contact").count() == 1
        source = reminder_source("relationships.alert.raised_on")
        alert = open_alerts().get()
        assert list(source.recipients(alert)) == [plan.owner]
        assert alert in source.open_rows(Alert.objects.all())
        plans = reminder_source("relationships.communicationplan.next_due")
        assert plans.lead_days == 2 and list(plans.recipients(plan)) == [plan.owner]

    def test_command(self, plan):
        out = io.StringIO()
        call_command("alerts_refresh", "--today", "2026-03-17", stdout=out)
        call_command("alerts_refresh", "--today", "2026-03-17", stdout=out)
        assert "1 raised" in out.getvalue() and "0 raised, 1 still open" in out.getvalue()
        assert Alert.objects.count() == 1


class TestUnanswered:
    def test_contact_waiting_for_an_answer(self, relationship):
        contact = ContactFactory(relationship=relationship, occurred_on=MONDAY, answer_due=day(3))
        alerts_refresh(today=day(3))
        assert not open_alerts().exists()
        alerts_refresh(today=day(4))
        alert = open_alerts("unanswered").get()
        assert alert.owner == relationship.manager and "2026-03-05" in alert.description
        contact.answered_on = day(4)
        contact.save()
        alerts_refresh(today=day(5))
        assert not open_alerts().exists()

    def test_an_answering_contact_counts_as_the_answer(self, relationship, owner):
        asked = ContactFactory(relationship=relationship, occurred_on=MONDAY, answer_due=day(3))
        alerts_refresh(today=day(4))
        contact_record(
            actor=owner, relationship=relationship, kind="email", occurred_on=day(4), answers=asked
        )
        asked.refresh_from_db()
        assert asked.answered_on == day(4)
        assert alerts_refresh(today=day(5))["resolved"] == 1


class TestComplaint:
    def test_two_of_their_working_days(self, relationship):
        # a complaint on Friday: Monday and Tuesday are the two working days; late from Wednesday
        ContactFactory(relationship=relationship, occurred_on=day(4), is_complaint=True)
        alerts_refresh(today=day(8))
        assert not open_alerts().exists()
        alerts_refresh(today=day(9))
        alert = open_alerts("complaint_unanswered").get()
        assert alert_rule_for("complaint_unanswered").severity == "critical"
        assert "2026-03-10" in alert.description

    def test_their_holiday_gives_a_day_more(self, relationship):
        relationship.counterpart_holidays = ["2026-03-09"]
        relationship.save()
        ContactFactory(relationship=relationship, occurred_on=day(4), is_complaint=True)
        alerts_refresh(today=day(9))
        assert not open_alerts().exists()
        alerts_refresh(today=day(10))
        assert open_alerts("complaint_unanswered").exists()

    def test_an_answered_complaint_raises_nothing(self, relationship):
        ContactFactory(relationship=relationship, occurred_on=day(4), is_complaint=True, answered_on=day(5))
        alerts_refresh(today=day(20))
        assert not open_alerts().exists()

    def test_a_complaint_is_not_also_an_unanswered_contact(self, relationship):
        ContactFactory(relationship=relationship, occurred_on=day(4), is_complaint=True, answer_due=day(5))
        alerts_refresh(today=day(20))
        assert [a.rule for a in open_alerts()] == ["complaint_unanswered"]


class TestNewContactPerson:
    def test_raised_until_introduced(self, relationship, owner):
        newcomer = PersonFactory(organisation=relationship.consumer, name="Otávio Santos")
        PersonFactory(organisation=relationship.provider)  # our own side: no alert
        alerts_refresh(today=day(1))
        alert = open_alerts("new_contact_person").get()
        assert alert.relationship == relationship and "Otávio Santos" in alert.description
        contact_record(
            actor=owner, relationship=relationship, kind="meeting", occurred_on=day(2), introduces=newcomer
        )
        alerts_refresh(today=day(3))
        assert not open_alerts().exists()

    def test_meeting_them_counts_too(self, relationship, owner):
        newcomer = PersonFactory(organisation=relationship.consumer)
        contact = contact_record(actor=owner, relationship=relationship, kind="meeting", occurred_on=day(2))
        contact.people.set([newcomer])
        alerts_refresh(today=day(3))
        assert not open_alerts().exists()

    def test_people_known_before_the_relationship_started_raise_nothing(self):
        relationship = ServiceRelationshipFactory(started=datetime.date.today() + datetime.timedelta(days=1))
        PersonFactory(organisation=relationship.consumer)
        alerts_refresh(today=day(3))
        assert not open_alerts().exists()

    def test_on_a_supplier_relationship_the_other_side_is_the_provider(self):
        from wayfare.parties.models import OrganisationKind

        relationship = ServiceRelationshipFactory(started=datetime.date(2026, 1, 5))
        relationship.consumer.kind = OrganisationKind.INTERNAL
        relationship.consumer.save()
        PersonFactory(organisation=relationship.consumer)
        assert alerts_refresh(today=day(3))["raised"] == 0
        PersonFactory(organisation=relationship.provider)
        assert alerts_refresh(today=day(3))["raised"] == 1


class TestOverduePromise:
    def test_raised_and_resolved_when_kept(self, relationship, owner):
        promise = PromiseFactory(
            relationship=relationship,
            what="Fix the charger",
            due=day(5),
            promised_by=owner,
            translations={"ru": {"what": "Починить зарядку"}},
        )
        alerts_refresh(today=day(5))
        assert not open_alerts().exists()
        alerts_refresh(today=day(6))
        alert = open_alerts("overdue_promise").get()
        assert alert.owner == owner and "Fix the charger" in alert.description
        from django.utils import translation

        with translation.override("ru"):
            assert "Починить зарядку" in alert.description
        promise_keep(promise=promise, actor=owner, kept_on=day(7))
        promise_keep(promise=promise, actor=owner, kept_on=day(9))
        promise.refresh_from_db()
        assert promise.kept_on == day(7), "keeping it again changes nothing"
        alerts_refresh(today=day(8))
        assert not open_alerts().exists()


def test_one_open_alert_per_rule_and_key(relationship):
    from django.core.exceptions import ValidationError

    Alert.objects.create(relationship=relationship, rule="missed_contact", key="k", raised_on=MONDAY)
    duplicate = Alert(relationship=relationship, rule="missed_contact", key="k", raised_on=MONDAY)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    Alert.objects.filter(key="k").update(resolved_on=day(1))
    duplicate.full_clean()  # once resolved, the same case may be raised again


def test_a_failing_rule_does_not_stop_the_others(plan, monkeypatch):
    from wayfare.relationships import alerts

    def broken(today):
        raise RuntimeError("boom")

    rule = alerts._RULES["unanswered"]
    monkeypatch.setitem(
        alerts._RULES, "unanswered", rule.__class__(rule.code, rule.label, broken, rule.describe)
    )
    assert alerts_refresh(today=day(15))["raised"] == 1


@pytest.mark.django_db
def test_a_missed_contact_reaches_its_owner_once_through_the_reminders_job(plan, owner, mailoutbox):
    """Issue #12 end to end: the periodic job refreshes the alerts, the missed contact becomes a reminder
    for the plan's owner, one e-mail says so, and a second run sends nothing more."""
    from wayfare.core.reminder_store import Reminder
    from wayfare.core.reminders import reminders_run

    owner.email = "owner@example.org"
    owner.save()
    first = reminders_run(today=day(20))
    assert open_alerts("missed_contact").count() == 1
    alert = open_alerts("missed_contact").get()
    assert Reminder.objects.filter(recipient=owner, object_id=alert.pk).exists()
    assert first.emailed >= 1
    assert [m.to for m in mailoutbox] == [["owner@example.org"]]
    second = reminders_run(today=day(20))
    assert second.emailed == 0 and len(mailoutbox) == 1
    assert open_alerts("missed_contact").count() == 1
