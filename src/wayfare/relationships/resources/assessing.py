"""Declarations of the assessing part (issue #12): the service relationship as a subject of the assessment
engine (``wayfare.assessments``), its page's assessments panel with the suggestions of seed 003 Table 4.14,
the trust health measure and the falling-trust alert (a threat to trust, 4.3.2.3)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wayfare.assessments.models import (
    ActionStatus,
    Assessment,
    AssessmentState,
    AssessmentTemplate,
    FollowUpAction,
    Relevance,
)
from wayfare.assessments.services import assessment_scores, assessments_of, latest_completed
from wayfare.assessments.subjects import assessment_subject
from wayfare.core.access import SYSTEM, has_permission, restrict

from ..alerts import AlertFinding, alert_rule
from ..health import health_measure
from ..models import ServiceRelationship
from ..panels import relationship_panel

THREE_CS = ("three_cs_provider", "three_cs_customer")
FALL = 10.0  # points of the overall three Cs score that count as falling trust
RECENT_DAYS = 365


def counterpart_of(relationship: ServiceRelationship) -> Any:
    """The side that is not us (an internal organisation); the consumer when both sides are external."""
    if relationship.consumer.kind == "internal" and relationship.provider.kind != "internal":
        return relationship.provider
    return relationship.consumer


def _three_cs_reference(relationship: ServiceRelationship, user: Any) -> tuple[Any, str | None] | None:
    latest = latest_completed(user, relationship, THREE_CS)
    if latest is None:
        return None
    scores = assessment_scores(latest)
    overall = "—" if scores.overall is None else f"{scores.overall:.0f}"
    label = _("%(assessment)s: overall %(score)s") % {"assessment": latest, "score": overall}
    return (label, latest.get_absolute_url())


def _stakeholder_map(relationship: ServiceRelationship, user: Any) -> tuple[Any, str | None] | None:
    try:
        url = reverse("relationships:stakeholder_map", args=[relationship.pk])
    except NoReverseMatch:
        return None
    return (_("Stakeholder map"), url)


def _communication_plan(relationship: ServiceRelationship, user: Any) -> tuple[Any, str | None] | None:
    try:
        url = reverse("relationships:communicationplan_list")
    except NoReverseMatch:
        return None
    return (_("Communication plan"), url + "?" + urlencode({"relationship": relationship.pk}))


def _risks(relationship: ServiceRelationship, user: Any) -> tuple[Any, str | None] | None:
    return (_("No risk register yet: record the risks in the comment."), None)


assessment_subject(
    ServiceRelationship,
    organisation=counterpart_of,
    kind=lambda r: r.relationship_type,
    references={
        "three_cs": _three_cs_reference,
        "stakeholder_map": _stakeholder_map,
        "communication_plan": _communication_plan,
        "risks": _risks,
    },
)


# -- the relationship page's panel -------------------------------------------------------------------
RELEVANCE_ORDER = {Relevance.CRITICAL: 0, Relevance.MODERATE: 1, Relevance.LIGHT: 2, Relevance.NOT_NEEDED: 3}


def suggestions(relationship: ServiceRelationship, user: Any) -> list[dict[str, Any]]:
    """Every template with its relevance for this relationship's type (Table 4.14), the latest assessment
    of it the user may see with its overall score, and whether one was done in the last 12 months."""
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    rows = list(assessments_of(user, relationship).prefetch_related("answers"))
    latest: dict[int, Assessment] = {}
    for row in rows:  # newest first
        latest.setdefault(row.template_id, row)
    templates = restrict(AssessmentTemplate.objects.all(), user, "view")
    result = []
    for template in templates:
        relevance = template.relevance_for(relationship.relationship_type)
        last = latest.get(template.pk)
        result.append(
            {
                "template": template,
                "relevance": relevance,
                "relevance_label": Relevance(relevance).label,
                "latest": last,
                "overall": assessment_scores(last).overall if last is not None else None,
                "recent": bool(last and last.assessed_on >= since),
                "due": relevance in (Relevance.CRITICAL, Relevance.MODERATE)
                and not (last and last.assessed_on >= since),
            }
        )
    result.sort(key=lambda r: (RELEVANCE_ORDER.get(r["relevance"], 9), str(r["template"])))
    return result


def panel_context(request: Any, relationship: ServiceRelationship) -> dict[str, Any] | None:
    user = request.user
    if not has_permission(user, Assessment, "view"):
        return None
    may_add = has_permission(user, Assessment, "add")
    content_type = ContentType.objects.get_for_model(ServiceRelationship)
    rows = suggestions(relationship, user)
    for row in rows:
        row["start_url"] = (
            reverse("assessments:assessment_add")
            + "?"
            + urlencode(
                {
                    "template": row["template"].pk,
                    "content_type": content_type.pk,
                    "object_id": relationship.pk,
                    "next": request.get_full_path(),
                }
            )
            if may_add
            else None
        )
    actions = (
        restrict(FollowUpAction.objects.all(), user, "view")
        .filter(
            status=ActionStatus.OPEN,
            assessment__content_type=content_type,
            assessment__object_id=relationship.pk,
        )
        .select_related("owner", "assessment__template")
        .order_by("due", "pk")
    )
    return {
        "assessment_rows": rows,
        "open_actions": list(actions),
        "relationship_type": relationship.get_relationship_type_display(),
        "list_url": reverse("assessments:assessment_list"),
    }


relationship_panel(
    "assessments", "relationships/panels/assessments.html", order=40, context=panel_context, staff_only=True
)


# -- health and alerts -------------------------------------------------------------------------------
def latest_trust_score(relationship: ServiceRelationship) -> float | None:
    """The overall score of the latest completed three Cs assessment of the relationship (either side's),
    0-100; ``None`` when there is none."""
    latest = latest_completed(SYSTEM, relationship, THREE_CS)
    return assessment_scores(latest).overall if latest is not None else None


health_measure(
    "trust",
    _("Trust score"),
    weight=3,
    compute=latest_trust_score,
    description=_(
        "Overall score of the latest completed three Cs assessment (competence, commitment, consistency)."
    ),
    order=10,
)


def falling_trust(today: datetime.date) -> Iterable[AlertFinding]:
    """A completed three Cs assessment whose overall score is ``FALL`` points or more below the previous
    completed one of the same template and relationship."""
    content_type = ContentType.objects.get_for_model(ServiceRelationship)
    rows = (
        Assessment.objects.filter(
            content_type=content_type, template__code__in=THREE_CS, state=AssessmentState.COMPLETED
        )
        .select_related("template")
        .prefetch_related("answers")
        .order_by("object_id", "template_id", "-assessed_on", "-pk")
    )
    pairs: dict[tuple[int, int], list[Assessment]] = {}
    for row in rows:
        group = pairs.setdefault((row.object_id, row.template_id), [])
        if len(group) < 2:
            group.append(row)
    managers = dict(
        ServiceRelationship.objects.filter(pk__in={k[0] for k in pairs}).values_list("pk", "manager_id")
    )
    for (relationship_id, _template), group in pairs.items():
        if len(group) < 2 or relationship_id not in managers:
            continue
        latest, previous = group
        now, before = assessment_scores(latest).overall, assessment_scores(previous).overall
        if now is None or before is None or before - now < FALL:
            continue
        yield AlertFinding(
            relationship_id=relationship_id,
            key=f"assessment:{latest.pk}",
            params={
                "template": latest.template.name,
                "now": round(now),
                "before": round(before),
                "date": latest.assessed_on.isoformat(),
            },
            owner_id=managers[relationship_id],
        )


alert_rule(
    "falling_trust",
    _("Falling trust score"),
    check=falling_trust,
    describe=lambda p: str(
        _("The three Cs score fell from %(before)s to %(now)s (%(template)s, %(date)s).") % p
    ),
    description=_("The latest three Cs assessment scores 10 points or more below the one before it."),
)
