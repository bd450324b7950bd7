"""Write operations on service relationships (issue #12 section 1): moving along the journey, with its
history, and climbing the relationship ladder with evidence."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission, restrict
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.services import record_create, record_update

from ..models import JourneyStep, LadderEvidence, RelationshipStepChange, ServiceRelationship

__all__ = [
    "ladder_evidence_record",
    "ladder_evidence_update",
    "relationship_create",
    "relationship_step_move",
]


@transaction.atomic
def relationship_create(*, actor: Any, **fields: Any) -> ServiceRelationship:
    """Record a relationship at the journey step it is at now (journeys start midway); its history starts
    with that step."""
    relationship: Any = record_create(model=ServiceRelationship, actor=actor, data=fields)
    user = actor if getattr(actor, "pk", None) else None
    start = RelationshipStepChange(
        relationship=relationship,
        from_step="",
        to_step=relationship.journey_step,
        changed_on=timezone.localdate(),
        changed_by=user,
        created_by=user,
    )
    start.full_clean()
    start._history_user = user  # type: ignore[attr-defined]
    start.save()
    return relationship  # type: ignore[no-any-return]


def _may_change(relationship: ServiceRelationship, actor: Any) -> ServiceRelationship:
    """The relationship, read again and locked, if the actor may change it."""
    rows = restrict(ServiceRelationship.objects.filter(pk=relationship.pk), actor, "change")
    current = rows.select_for_update(of=("self",)).first()
    if current is None or not has_permission(actor, ServiceRelationship, "change"):
        raise AccessError(_("You may not change this relationship."))
    return current


@transaction.atomic
def relationship_step_move(
    *,
    relationship: ServiceRelationship,
    step: str,
    note: str = "",
    actor: Any,
    changed_on: datetime.date | None = None,
) -> RelationshipStepChange:
    """Move the relationship to another journey step, any of the seven, forwards or back (journeys rarely
    go in order), and keep the move in its history. Moving to the step it is already at is an error."""
    if step not in JourneyStep.values:
        raise DomainError(
            _("%(step)s is not a step of the journey."), code="unknown_step", params={"step": step}
        )
    current = _may_change(relationship, actor)
    if current.journey_step == step:
        raise DomainError(
            _("The relationship is already at the step %(step)s."),
            code="same_step",
            params={"step": JourneyStep(step).label},
        )
    change = RelationshipStepChange(
        relationship=current,
        from_step=current.journey_step,
        to_step=step,
        changed_on=changed_on or timezone.localdate(),
        note=note,
        changed_by=actor if getattr(actor, "pk", None) else None,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    change.full_clean()
    change._history_user = change.changed_by  # type: ignore[attr-defined]
    change.save()
    record_update(instance=current, actor=actor, data={"journey_step": step})
    relationship.journey_step = step
    return change


def _climb(relationship: ServiceRelationship, stage: int, actor: Any) -> None:
    """Evidence of a stage above the current one moves the relationship up to it; evidence of an earlier
    stage is kept without moving the relationship back."""
    current = _may_change(relationship, actor)
    if current.ladder_stage is None or stage > current.ladder_stage:
        record_update(instance=current, actor=actor, data={"ladder_stage": stage})


@transaction.atomic
def ladder_evidence_record(*, actor: Any, relationship: ServiceRelationship, **fields: Any) -> LadderEvidence:
    """Record what shows that the relationship reached a stage of the ladder (003 Table 4.7); a stage
    above the current one becomes the relationship's current stage."""
    fields.setdefault("reached_on", timezone.localdate())
    evidence: Any = record_create(
        model=LadderEvidence, actor=actor, data={"relationship": relationship, **fields}
    )
    _climb(evidence.relationship, evidence.stage, actor)
    return evidence  # type: ignore[no-any-return]


@transaction.atomic
def ladder_evidence_update(*, instance: LadderEvidence, actor: Any, **fields: Any) -> LadderEvidence:
    """Change recorded evidence; moved to a higher stage, it moves the relationship up as when recorded."""
    evidence: Any = record_update(instance=instance, actor=actor, data=fields)
    _climb(evidence.relationship, evidence.stage, actor)
    return evidence  # type: ignore[no-any-return]
