"""Write operations of communication (issue #12 section 4) and the alert engine.

A plan's ``next_due`` is the last contact of the plan (or its start) plus its cadence, moved to the other
side's next working day (seed 003 4.1.2). ``alerts_refresh`` runs every declared alert rule
(``relationships.alerts``) and keeps one open alert per (rule, key) in step with what the rules find now.
The checks of the rules this part declares are here too (``missed_contacts`` ...)."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.core.exceptions import DomainError
from wayfare.core.services import record_create, record_delete, record_update
from wayfare.parties.models import OrganisationKind, Person

from ..alerts import AlertFinding, alert_rules
from ..calendar import add_working_days, next_working_day
from ..models import Alert, CommunicationPlan, Contact, Promise, ServiceRelationship

logger = logging.getLogger(__name__)

COMPLAINT_ANSWER_DAYS = 2  # their working days to answer a complaint (issue #12 section 4)


# -- communication plans --------------------------------------------------------------------------------
def plan_next_due(
    *,
    relationship: ServiceRelationship,
    starts_on: datetime.date,
    cadence_days: int,
    last_contact: datetime.date | None,
) -> datetime.date:
    """The last contact (or the start) plus the cadence, on the other side's next working day."""
    base = max(last_contact, starts_on) if last_contact else starts_on
    return next_working_day(relationship, base + datetime.timedelta(days=cadence_days))


def _last_contact(plan: CommunicationPlan) -> datetime.date | None:
    if plan.pk is None:
        return None
    return plan.contacts.aggregate(last=Max("occurred_on"))["last"]  # type: ignore[no-any-return]


def communication_plan_refresh(plan: CommunicationPlan, *, actor: Any) -> CommunicationPlan:
    """Set the plan's ``next_due`` after its contacts changed (a derived date: whoever logs a contact
    moves it, even without the right to edit the plan itself)."""
    due = plan_next_due(
        relationship=plan.relationship,
        starts_on=plan.starts_on,
        cadence_days=plan.cadence_days,
        last_contact=_last_contact(plan),
    )
    if plan.next_due != due:
        plan.next_due = due
        plan._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
        plan.save(update_fields=["next_due", "updated"])
    return plan


@transaction.atomic
def communication_plan_create(*, actor: Any, **fields: Any) -> CommunicationPlan:
    """A new plan; its first contact is due one cadence after its start."""
    relationship = fields.get("relationship")
    starts_on = fields.get("starts_on") or timezone.localdate()
    fields["starts_on"] = starts_on
    if relationship is not None and fields.get("cadence_days"):
        fields["next_due"] = plan_next_due(
            relationship=relationship,
            starts_on=starts_on,
            cadence_days=fields["cadence_days"],
            last_contact=None,
        )
    return record_create(model=CommunicationPlan, actor=actor, data=fields)  # type: ignore[return-value]


@transaction.atomic
def communication_plan_update(*, instance: CommunicationPlan, actor: Any, **fields: Any) -> CommunicationPlan:
    """Change a plan; a new start, cadence or relationship moves its next due date."""
    relationship = fields.get("relationship", instance.relationship)
    starts_on = fields.get("starts_on", instance.starts_on)
    cadence = fields.get("cadence_days", instance.cadence_days)
    if relationship is not None and starts_on and cadence:
        fields["next_due"] = plan_next_due(
            relationship=relationship,
            starts_on=starts_on,
            cadence_days=cadence,
            last_contact=_last_contact(instance),
        )
    return record_update(instance=instance, actor=actor, data=fields)  # type: ignore[return-value]


# -- contacts -------------------------------------------------------------------------------------------
def _answer(contact: Contact, *, actor: Any) -> None:
    """A contact that answers an earlier one marks that one answered (on the answer's date)."""
    earlier = contact.answers
    if earlier is None or (earlier.answered_on and earlier.answered_on <= contact.occurred_on):
        return
    earlier.answered_on = contact.occurred_on
    earlier._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    earlier.save(update_fields=["answered_on", "updated"])


@transaction.atomic
def contact_record(*, actor: Any, **fields: Any) -> Contact:
    """Log a contact: its plan's next contact moves one cadence on, and an earlier contact it answers
    counts as answered."""
    contact: Contact = record_create(model=Contact, actor=actor, data=fields)  # type: ignore[assignment]
    if contact.plan_id:
        communication_plan_refresh(contact.plan, actor=actor)  # type: ignore[arg-type]
    _answer(contact, actor=actor)
    return contact


@transaction.atomic
def contact_update(*, instance: Contact, actor: Any, **fields: Any) -> Contact:
    old_plan = instance.plan
    contact: Contact = record_update(instance=instance, actor=actor, data=fields)  # type: ignore[assignment]
    for plan in {p for p in (old_plan, contact.plan) if p is not None}:
        plan.refresh_from_db()
        communication_plan_refresh(plan, actor=actor)
    _answer(contact, actor=actor)
    return contact


@transaction.atomic
def contact_delete(*, instance: Contact, actor: Any) -> None:
    plan = instance.plan
    record_delete(instance=instance, actor=actor)
    if plan is not None:
        plan.refresh_from_db()
        communication_plan_refresh(plan, actor=actor)


@transaction.atomic
def promise_keep(*, promise: Promise, actor: Any, kept_on: datetime.date | None = None) -> Promise:
    """Mark a promise kept (today unless told); keeping it again changes nothing."""
    promise = Promise.objects.select_for_update(of=("self",)).get(pk=promise.pk)
    if promise.kept_on:
        return promise
    return record_update(  # type: ignore[return-value]
        instance=promise, actor=actor, data={"kept_on": kept_on or timezone.localdate()}
    )


# -- alerts ---------------------------------------------------------------------------------------------
def alert_create(*, actor: Any, **fields: Any) -> Alert:
    """Alerts come from their rules only (``alerts_refresh``), never by hand."""
    raise DomainError(
        _("Alerts are raised by their rules; they cannot be added by hand."), code="alert_by_hand"
    )


@transaction.atomic
def alert_acknowledge(*, alert: Alert, actor: Any, now: datetime.datetime | None = None) -> Alert:
    """Someone has seen the alert and takes care of it. It stays open until its rule no longer finds it."""
    alert = Alert.objects.select_for_update(of=("self",)).get(pk=alert.pk)
    if alert.acknowledged_at:
        return alert
    return record_update(  # type: ignore[return-value]
        instance=alert,
        actor=actor,
        data={
            "acknowledged_by": actor if getattr(actor, "pk", None) else None,
            "acknowledged_at": now or timezone.now(),
        },
    )


@transaction.atomic
def alerts_refresh(*, today: datetime.date | None = None) -> dict[str, int]:
    """Run every alert rule: raise an alert for each new (rule, key), keep (and bring up to date) those
    still found, resolve those no longer found. Running it twice raises nothing twice. A rule whose check
    fails is logged and skipped; its open alerts stay as they are."""
    today = today or timezone.localdate()
    counts = {"raised": 0, "kept": 0, "resolved": 0}
    for rule in alert_rules():
        try:
            found = {f.key: f for f in rule.check(today)}
        except Exception:  # one broken rule must not stop the others (the job runs unattended)
            logger.exception("alert rule %s failed", rule.code)
            continue
        open_alerts = {
            a.key: a
            for a in Alert.objects.select_for_update(of=("self",)).filter(
                rule=rule.code, resolved_on__isnull=True
            )
        }
        for key, finding in found.items():
            alert = open_alerts.get(key)
            if alert is None:
                alert = Alert(
                    relationship_id=finding.relationship_id,
                    rule=rule.code,
                    key=key,
                    params=finding.params,
                    owner_id=finding.owner_id,
                    due=finding.due,
                    raised_on=today,
                )
                alert.full_clean()
                alert.save()
                counts["raised"] += 1
                continue
            counts["kept"] += 1
            changed = [
                name
                for name, value in (
                    ("params", finding.params),
                    ("owner_id", finding.owner_id),
                    ("due", finding.due),
                )
                if getattr(alert, name) != value
            ]
            if changed:
                for name in changed:
                    setattr(alert, name, dict(finding.params) if name == "params" else getattr(finding, name))
                alert.save(update_fields=[n.removesuffix("_id") for n in changed] + ["updated"])
        for key, alert in open_alerts.items():
            if key not in found:
                alert.resolved_on = today
                alert.save(update_fields=["resolved_on", "updated"])
                counts["resolved"] += 1
    return counts


# -- the checks of this part's alert rules --------------------------------------------------------------
def missed_contacts(today: datetime.date) -> Iterator[AlertFinding]:
    """Active plans whose next contact was due before today, with no contact of the plan since."""
    since = Contact.objects.filter(plan=OuterRef("pk"), occurred_on__gte=OuterRef("next_due"))
    plans = (
        CommunicationPlan.objects.filter(active=True, next_due__lt=today)
        .annotate(done=Exists(since))
        .filter(done=False)
        .select_related("relationship")
    )
    for plan in plans:
        assert plan.next_due is not None
        yield AlertFinding(
            relationship_id=plan.relationship_id,
            key=f"plan:{plan.pk}:{plan.next_due.isoformat()}",
            params={
                "plan": plan.pk,
                "audience": plan.audience,
                "channel": plan.channel,
                "due": plan.next_due.isoformat(),
            },
            owner_id=plan.owner_id or plan.relationship.manager_id,
            due=today,
        )


def unanswered_contacts(today: datetime.date) -> Iterator[AlertFinding]:
    """Contacts (other than complaints, which have their own rule) still waiting for our answer after
    the date they expected it."""
    rows = Contact.objects.filter(
        answer_due__lt=today, answered_on__isnull=True, is_complaint=False
    ).select_related("relationship")
    for contact in rows:
        assert contact.answer_due is not None
        yield AlertFinding(
            relationship_id=contact.relationship_id,
            key=f"contact:{contact.pk}",
            params={
                "contact": contact.pk,
                "kind": contact.kind,
                "date": contact.occurred_on.isoformat(),
                "answer_due": contact.answer_due.isoformat(),
            },
            owner_id=contact.relationship.manager_id,
            due=today,
        )


def complaint_deadline(contact: Contact) -> datetime.date:
    """When a complaint must be answered: its ``answer_due``, else two of their working days after it."""
    if contact.answer_due:
        return contact.answer_due
    return add_working_days(contact.relationship, contact.occurred_on, COMPLAINT_ANSWER_DAYS)


def unanswered_complaints(today: datetime.date) -> Iterator[AlertFinding]:
    rows = Contact.objects.filter(is_complaint=True, answered_on__isnull=True, occurred_on__lt=today)
    for contact in rows.select_related("relationship"):
        deadline = complaint_deadline(contact)
        if deadline < today:
            yield AlertFinding(
                relationship_id=contact.relationship_id,
                key=f"complaint:{contact.pk}",
                params={
                    "contact": contact.pk,
                    "date": contact.occurred_on.isoformat(),
                    "deadline": deadline.isoformat(),
                },
                owner_id=contact.relationship.manager_id,
                due=today,
            )


def counterpart_id(relationship: ServiceRelationship) -> int:
    """The other side's organisation: the consumer, unless the consumer is one of ours (then the
    provider: a supplier relationship)."""
    if (
        relationship.consumer.kind == OrganisationKind.INTERNAL
        and relationship.provider.kind != OrganisationKind.INTERNAL
    ):
        return relationship.provider_id
    return relationship.consumer_id


def new_contact_people(today: datetime.date) -> Iterator[AlertFinding]:
    """People of the other side added after the relationship started whom no contact introduced or
    met (003 4.3.2.3: a new person changes the relationship; engage them early)."""
    relationships = ServiceRelationship.objects.select_related("consumer", "provider")
    for relationship in relationships:
        start = relationship.started or timezone.localdate(relationship.created)
        met = Contact.objects.filter(relationship=relationship).filter(
            Q(introduces=OuterRef("pk")) | Q(people=OuterRef("pk"))
        )
        people = (
            Person.objects.filter(organisation_id=counterpart_id(relationship), created__date__gt=start)
            .annotate(met=Exists(met))
            .filter(met=False)
        )
        for person in people:
            yield AlertFinding(
                relationship_id=relationship.pk,
                key=f"person:{relationship.pk}:{person.pk}",
                params={
                    "person": person.pk,
                    "name": person.name,
                    "since": timezone.localdate(person.created).isoformat(),
                },
                owner_id=relationship.manager_id,
                due=today,
            )


def overdue_promises(today: datetime.date) -> Iterator[AlertFinding]:
    rows = Promise.objects.filter(due__lt=today, kept_on__isnull=True).select_related("relationship")
    for promise in rows:
        yield AlertFinding(
            relationship_id=promise.relationship_id,
            key=f"promise:{promise.pk}",
            params={
                "promise": promise.pk,
                "what": promise.what,
                "what_translated": {
                    code: texts["what"]
                    for code, texts in (promise.translations or {}).items()
                    if isinstance(texts, dict) and texts.get("what")
                },
                "due": promise.due.isoformat(),
            },
            owner_id=promise.promised_by_id or promise.relationship.manager_id,
            due=today,
        )
