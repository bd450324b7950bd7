"""Declarations of the communication part (issue #12 section 4): the registers of plans, contacts,
promises and alerts, the alert rules (a missed contact, an unanswered contact point and the threats to
trust of seed 003 4.3.2.3), the reminders, the relationship-page panels and the health measures."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from wayfare.core.access import has_permission, restrict
from wayfare.core.reminders import on_run, remind
from wayfare.core.resources import Access, Resource, register

from ..alerts import alert_rule
from ..calendar import their_now, their_time
from ..forms_communication import AlertForm, CommunicationPlanForm, ContactForm, PromiseForm
from ..health import health_measure
from ..models import Alert, Channel, CommunicationPlan, Contact, ContactKind, Promise
from ..panels import relationship_panel
from ..services.communication import (
    alert_acknowledge,
    alert_create,
    alerts_refresh,
    communication_plan_create,
    communication_plan_update,
    contact_delete,
    contact_record,
    contact_update,
    missed_contacts,
    new_contact_people,
    overdue_promises,
    unanswered_complaints,
    unanswered_contacts,
)

MANAGERS = ("Administrator", "Relationship manager")


class AlertActions:
    """The one write on an alert besides reassigning it: acknowledging it."""

    @extend_schema(summary="Acknowledge an alert", request=None, responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: Any = None) -> Response:
        from django.shortcuts import get_object_or_404

        alert = get_object_or_404(restrict(Alert.objects.all(), request.user, "change"), pk=pk)
        alert = alert_acknowledge(alert=alert, actor=request.user)
        return Response(
            {
                "id": alert.pk,
                "acknowledged_by": alert.acknowledged_by_id,
                "acknowledged_at": alert.acknowledged_at.isoformat() if alert.acknowledged_at else None,
            }
        )


register(
    Resource(
        CommunicationPlan,
        columns=["relationship", "audience", "channel", "cadence_days", "owner", "next_due", "active"],
        filters=["relationship", "channel", "owner", "active"],
        search=["audience", "relationship__name"],
        form=CommunicationPlanForm,
        fields=CommunicationPlanForm.Meta.fields,
        detail_fields=[*CommunicationPlanForm.Meta.fields, "next_due"],
        select_related=["relationship", "owner"],
        create_service=communication_plan_create,
        update_service=communication_plan_update,
        display_parts=["audience"],
        backstage_fields=["notes"],
        access=Access(write=MANAGERS, consumer=("view",)),
        step="engage",
        slug="communication-plans",
    )
)
register(
    Resource(
        Contact,
        columns=[
            "occurred_on",
            "kind",
            "relationship",
            "participants",
            "listening_mode",
            "is_complaint",
            "is_escalation",
        ],
        filters=["relationship", "kind", "plan", "is_complaint", "is_escalation", "listening_mode"],
        search=["participants", "summary"],
        translated_fields=["summary"],
        form=ContactForm,
        fields=ContactForm.Meta.fields,
        select_related=["relationship"],
        create_service=contact_record,
        update_service=contact_update,
        delete_service=contact_delete,
        detail_template="relationships/contact_detail.html",
        access=Access(write=MANAGERS),
        step="engage",
        slug="contacts",
    )
)
register(
    Resource(
        Promise,
        columns=["what", "relationship", "promised_by", "due", "kept_on"],
        filters=["relationship", "promised_by"],
        search=["what"],
        translated_fields=["what"],
        form=PromiseForm,
        fields=PromiseForm.Meta.fields,
        select_related=["relationship", "promised_by"],
        access=Access(write=MANAGERS),
        step="engage",
        slug="promises",
    )
)
register(
    Resource(
        Alert,
        columns=["raised_on", "rule", "relationship", "owner", "due", "resolved_on", "acknowledged_at"],
        filters=["relationship", "rule", "owner", "resolved"],
        search=["key", "relationship__name"],
        form=AlertForm,
        fields=AlertForm.Meta.fields,
        detail_fields=[
            "relationship",
            "rule",
            "raised_on",
            "owner",
            "due",
            "resolved_on",
            "acknowledged_by",
            "acknowledged_at",
        ],
        select_related=["relationship", "owner"],
        create_service=alert_create,
        importable=False,
        detail_template="relationships/alert_detail.html",
        viewset_mixin=AlertActions,
        access=Access(
            write=MANAGERS,
            actions={"api.acknowledge": ("change", None), "page.alert_acknowledge": ("change", None)},
        ),
        step="engage",
        slug="alerts",
    )
)


# -- alert rules ---------------------------------------------------------------------------------------
def _channel(code: str) -> str:
    try:
        return str(Channel(code).label)
    except ValueError:
        return code


def _kind(code: str) -> str:
    try:
        return str(ContactKind(code).label)
    except ValueError:
        return code


def _in_reader_language(params: dict[str, Any], name: str) -> str:
    """A text the rule kept in params, in the reader's language when it was translated."""
    from django.utils.translation import get_language

    language = (get_language() or "").lower()
    return str((params.get(f"{name}_translated") or {}).get(language) or params.get(name, ""))


alert_rule(
    "missed_contact",
    _("Planned contact missed"),
    check=missed_contacts,
    describe=lambda p: str(
        _("The planned contact “%(audience)s” (%(channel)s) was due on %(due)s; none was logged since.")
        % {"channel": _channel(p["channel"]), "audience": p["audience"], "due": p["due"]}
    ),
    description=_(
        "An active communication plan's next contact is past and no contact of the plan was logged since."
    ),
)
alert_rule(
    "unanswered",
    _("Contact not answered in time"),
    check=unanswered_contacts,
    describe=lambda p: str(
        _("The %(kind)s of %(date)s expected our answer by %(answer_due)s.")
        % {"kind": _kind(p["kind"]), "date": p["date"], "answer_due": p["answer_due"]}
    ),
    description=_("A contact waits for our answer past the date they expected it."),
)
alert_rule(
    "complaint_unanswered",
    _("Complaint without answer"),
    check=unanswered_complaints,
    describe=lambda p: str(
        _("The complaint of %(date)s has had no answer; it was due by %(deadline)s.")
        % {"date": p["date"], "deadline": p["deadline"]}
    ),
    description=_(
        "A complaint is still unanswered two of their working days later (or after its answer date)."
    ),
    severity="critical",
)
alert_rule(
    "new_contact_person",
    _("New contact person not introduced"),
    check=new_contact_people,
    describe=lambda p: str(
        _("%(name)s joined their side on %(since)s and has not been introduced or met yet.")
        % {"name": p["name"], "since": p["since"]}
    ),
    description=_(
        "A person of the other side's organisation, added after the relationship started, whom no contact "
        "introduced or met. New people change a relationship: meet them early."
    ),
)
alert_rule(
    "overdue_promise",
    _("Promise overdue"),
    check=overdue_promises,
    describe=lambda p: str(
        _("We promised “%(what)s” by %(due)s.") % {"what": _in_reader_language(p, "what"), "due": p["due"]}
    ),
    description=_("Something we promised the other side is past its date and not kept."),
)

# The periodic reminders job refreshes the alerts first, so a new alert reaches its owner in the same run.
on_run(lambda today: alerts_refresh(today=today))


# -- reminders -----------------------------------------------------------------------------------------
def _open_alerts(qs: QuerySet) -> QuerySet:
    return qs.filter(resolved_on__isnull=True)


def _active_plans(qs: QuerySet) -> QuerySet:
    return qs.filter(active=True)


remind(
    Alert,
    "raised_on",
    label=_("An alert on a relationship needs you"),
    recipients=lambda a: [a.owner or a.relationship.manager],
    open_rows=_open_alerts,
)
remind(
    CommunicationPlan,
    "next_due",
    label=_("A planned contact is due"),
    recipients=lambda p: [p.owner or p.relationship.manager],
    open_rows=_active_plans,
    lead_days=2,
)


# -- relationship page panels --------------------------------------------------------------------------
def contacts_panel(request: Any, relationship: Any) -> dict[str, Any] | None:
    user = request.user
    plans = list(
        CommunicationPlan.objects.restrict(user, "view")
        .filter(relationship=relationship, active=True, next_due__isnull=False)
        .select_related("owner")
        .order_by("next_due")[:5]
    )
    contacts = Contact.objects.restrict(user, "view").filter(relationship=relationship)
    today = timezone.localdate()
    next_plan = plans[0] if plans else None
    return {
        "relationship": relationship,
        "plans": plans,
        "next_plan": next_plan,
        "today": today,
        "their_now": their_now(relationship) if relationship.counterpart_time_zone else None,
        "last_contacts": list(contacts[:5]),
        "open_complaints": list(contacts.filter(is_complaint=True, answered_on__isnull=True)),
        "may_add": has_permission(user, Contact, "add"),
    }


def alerts_panel(request: Any, relationship: Any) -> dict[str, Any] | None:
    user = request.user
    alerts = list(
        Alert.objects.restrict(user, "view")
        .filter(relationship=relationship, resolved_on__isnull=True)
        .select_related("owner", "acknowledged_by")
    )
    may_ack = set(
        Alert.objects.restrict(user, "change")
        .filter(pk__in=[a.pk for a in alerts])
        .values_list("pk", flat=True)
    )
    for alert in alerts:
        alert.may_acknowledge = alert.pk in may_ack and not alert.acknowledged_at  # type: ignore[attr-defined]
    return {"relationship": relationship, "alerts": alerts}


relationship_panel(
    "alerts", "relationships/panels/alerts.html", order=10, context=alerts_panel, staff_only=True
)
relationship_panel(
    "contacts", "relationships/panels/contacts.html", order=20, context=contacts_panel, staff_only=True
)


# -- health measures -----------------------------------------------------------------------------------
def contact_cadence(relationship: Any, today: datetime.date | None = None) -> float | None:
    """The share of active plans whose next contact is not overdue; ``None`` without active plans."""
    today = today or timezone.localdate()
    plans = list(relationship.communication_plans.filter(active=True).values_list("next_due", flat=True))
    if not plans:
        return None
    on_time = sum(1 for due in plans if due is None or due >= today)
    return round(100 * on_time / len(plans), 1)


def open_alerts_score(relationship: Any) -> float | None:
    """100 minus 25 for each open alert, never below 0. Never missing: the alert engine checks every
    relationship on each run, so "no open alert" is a reading (all is well), not an absence of data."""
    count = relationship.alerts.filter(resolved_on__isnull=True).count()
    return float(max(0, 100 - 25 * count))


health_measure(
    "contact_cadence",
    _("Contact cadence"),
    weight=2,
    compute=contact_cadence,
    description=_(
        "Share of the active communication plans whose next contact is not overdue. Missing when the "
        "relationship has no active plan."
    ),
    order=40,
)
health_measure(
    "open_alerts",
    _("Open alerts"),
    weight=2,
    compute=open_alerts_score,
    description=_(
        "100 with no open alert, 25 less for each open one, down to 0. Never missing: every relationship is "
        "checked on each run, so no alert means nothing was found."
    ),
    order=50,
)


def their_local(contact_or_plan: Any) -> datetime.datetime | None:
    """For templates: a contact's time as their local time."""
    return their_time(contact_or_plan.relationship, contact_or_plan.occurred_on, contact_or_plan.time)
