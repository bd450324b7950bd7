"""Write operations on stakeholders and their positions (issue #12 section 2), and the read the
stakeholder map draws from.

What they keep true: a stakeholder's ``influence`` and ``interest`` are those of its latest position
(latest ``assessed_on``, then latest written); every change of them is a new ``StakeholderPosition``
with its date, so the map can show where a stakeholder came from; ``approach`` always follows the
current position (``approach_for``: 3 and above count as high).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import restrict
from wayfare.core.exceptions import AccessError
from wayfare.core.services import record_create, record_update

from ..models import SCALE, Stakeholder, StakeholderApproach, StakeholderPosition, approach_for

_KEEP: Any = object()  # ``revisit_by`` not given: leave it as it is


def _check_scale(name: str, value: Any) -> int:
    """A whole number on the 1-5 scale (an int, or its digits as text from a form or JSON)."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not SCALE[0] <= number <= SCALE[1]:
        raise ValidationError(
            {name: _("Give a whole number from %(low)s to %(high)s.") % {"low": SCALE[0], "high": SCALE[1]}}
        )
    return number


def _check_dates(assessed_on: datetime.date, revisit_by: datetime.date | None) -> None:
    today = timezone.localdate()
    if assessed_on > today:
        raise ValidationError({"assessed_on": _("An assessment cannot be dated in the future.")})
    if revisit_by is not None and revisit_by < assessed_on:
        raise ValidationError({"revisit_by": _("The revisit date comes after the assessment.")})


def _may_change(stakeholder: Stakeholder, actor: Any) -> None:
    if not restrict(Stakeholder.objects.filter(pk=stakeholder.pk), actor, "change").exists():
        raise AccessError(_("You may not re-assess this stakeholder."))


def _latest(stakeholder: Stakeholder) -> StakeholderPosition | None:
    return stakeholder.positions.order_by("-assessed_on", "-pk").first()


def _write_position(
    *,
    stakeholder: Stakeholder,
    influence: int,
    interest: int,
    assessed_on: datetime.date,
    note: str,
    actor: Any,
) -> StakeholderPosition:
    position = StakeholderPosition(
        stakeholder=stakeholder,
        influence=influence,
        interest=interest,
        assessed_on=assessed_on,
        note=note or "",
        assessed_by=actor if getattr(actor, "pk", None) else None,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    position.full_clean()
    position._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    position.save()
    return position


@transaction.atomic
def stakeholder_create(
    *,
    actor: Any,
    influence: int,
    interest: int,
    assessed_on: datetime.date | None = None,
    note: str = "",
    **fields: Any,
) -> Stakeholder:
    """Add a stakeholder and its first position (dated ``assessed_on``, today by default)."""
    influence, interest = _check_scale("influence", influence), _check_scale("interest", interest)
    assessed_on = assessed_on or timezone.localdate()
    _check_dates(assessed_on, None)
    stakeholder = record_create(
        model=Stakeholder,
        actor=actor,
        data={
            **fields,
            "influence": influence,
            "interest": interest,
            "approach": approach_for(influence, interest),
        },
    )
    assert isinstance(stakeholder, Stakeholder)
    _write_position(
        stakeholder=stakeholder,
        influence=influence,
        interest=interest,
        assessed_on=assessed_on,
        note=note,
        actor=actor,
    )
    return stakeholder


@transaction.atomic
def stakeholder_update(*, instance: Stakeholder, actor: Any, **fields: Any) -> Stakeholder:
    """Change a stakeholder's fields. A new influence or interest is a re-assessment dated today (a new
    position), never an overwrite of the old one."""
    influence = _check_scale("influence", fields.pop("influence", instance.influence))
    interest = _check_scale("interest", fields.pop("interest", instance.interest))
    if (influence, interest) != (instance.influence, instance.interest):
        _may_change(instance, actor)
        _write_position(
            stakeholder=instance,
            influence=influence,
            interest=interest,
            assessed_on=timezone.localdate(),
            note="",
            actor=actor,
        )
    data = {
        **fields,
        "influence": influence,
        "interest": interest,
        "approach": approach_for(influence, interest),
    }
    saved = record_update(instance=instance, actor=actor, data=data)
    assert isinstance(saved, Stakeholder)
    return saved


@transaction.atomic
def stakeholder_reassess(
    *,
    stakeholder: Stakeholder,
    influence: Any,
    interest: Any,
    assessed_on: datetime.date | None = None,
    note: str = "",
    revisit_by: Any = _KEEP,
    actor: Any,
) -> StakeholderPosition:
    """Record where a stakeholder stands now (or stood on ``assessed_on``, never a future date): a new
    position, kept beside the earlier ones. When it is the latest position, the stakeholder's current
    influence, interest and approach follow it; ``revisit_by``, when given (``None`` clears it), is set
    in the same transaction. A late entry for an earlier date joins the history only."""
    influence, interest = _check_scale("influence", influence), _check_scale("interest", interest)
    assessed_on = assessed_on or timezone.localdate()
    _check_dates(assessed_on, None if revisit_by is _KEEP else revisit_by)
    current = Stakeholder.objects.select_for_update(of=("self",)).get(pk=stakeholder.pk)
    _may_change(current, actor)
    latest = _latest(current)
    position = _write_position(
        stakeholder=current,
        influence=influence,
        interest=interest,
        assessed_on=assessed_on,
        note=note,
        actor=actor,
    )
    data: dict[str, Any] = {}
    if latest is None or assessed_on >= latest.assessed_on:
        data = {"influence": influence, "interest": interest, "approach": position.approach}
    if revisit_by is not _KEEP:
        data["revisit_by"] = revisit_by
    if data:
        record_update(instance=current, actor=actor, data=data)
    return position


def _follow_latest(stakeholder: Stakeholder, actor: Any) -> None:
    latest = _latest(stakeholder)
    if latest is not None:
        record_update(
            instance=stakeholder,
            actor=actor,
            data={"influence": latest.influence, "interest": latest.interest, "approach": latest.approach},
        )


@transaction.atomic
def stakeholder_position_create(
    *,
    actor: Any,
    stakeholder: Stakeholder,
    influence: Any,
    interest: Any,
    assessed_on: datetime.date | None = None,
    note: str = "",
) -> StakeholderPosition:
    """A position added from its own register or API: the same re-assessment as on the map."""
    return stakeholder_reassess(
        stakeholder=stakeholder,
        influence=influence,
        interest=interest,
        assessed_on=assessed_on,
        note=note,
        actor=actor,
    )


@transaction.atomic
def stakeholder_position_update(
    *, instance: StakeholderPosition, actor: Any, **fields: Any
) -> StakeholderPosition:
    """A recorded position stays as it was assessed; only its note may be corrected. A new view of the
    stakeholder is a new assessment."""
    fixed = ("stakeholder", "assessed_on", "influence", "interest")
    for name in fixed:
        if name in fields:
            value = fields[name]
            old = getattr(instance, f"{name}_id" if name == "stakeholder" else name)
            if getattr(value, "pk", value) != old:
                raise ValidationError(
                    {name: _("A recorded position is kept as assessed: record a new assessment instead.")}
                )
    _may_change(instance.stakeholder, actor)
    saved = record_update(
        instance=instance,
        actor=actor,
        data={k: v for k, v in fields.items() if k in ("note", "translations")},
    )
    assert isinstance(saved, StakeholderPosition)
    return saved


@transaction.atomic
def stakeholder_position_delete(*, instance: StakeholderPosition, actor: Any) -> None:
    """Remove a position recorded by mistake; the stakeholder's current position goes back to the
    latest one left (with none left it keeps its values)."""
    stakeholder = Stakeholder.objects.select_for_update(of=("self",)).get(pk=instance.stakeholder_id)
    _may_change(stakeholder, actor)
    instance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    instance.delete()
    _follow_latest(stakeholder, actor)


# -- reads ---------------------------------------------------------------------------------------


def stakeholders_visible(*, user: Any, relationship: Any | None) -> Any:
    """The stakeholders of a relationship (or, ``None``, of our own organisation) that ``user`` may see,
    each with its positions, latest first."""
    qs = restrict(Stakeholder.objects.all(), user, "view")
    qs = (
        qs.filter(relationship=relationship)
        if relationship is not None
        else qs.filter(relationship__isnull=True)
    )
    positions = StakeholderPosition.objects.order_by("-assessed_on", "-pk")
    return (
        qs.select_related("relationship")
        .prefetch_related(Prefetch("positions", queryset=positions))
        .order_by("name")
    )


def stakeholder_map_point(stakeholder: Stakeholder, *, today: datetime.date | None = None) -> dict[str, Any]:
    """One stakeholder as the map draws it (JSON-safe): its current place and, if it moved, the place
    of the assessment before."""
    today = today or timezone.localdate()
    positions = list(stakeholder.positions.all())
    previous = positions[1] if len(positions) > 1 else None
    latest = positions[0] if positions else None
    return {
        "id": stakeholder.pk,
        "name": str(stakeholder.translated("name")),
        "kind": stakeholder.get_kind_display(),
        "category": stakeholder.get_category_display(),
        "side": stakeholder.get_side_display(),
        "influence": stakeholder.influence,
        "interest": stakeholder.interest,
        "approach": stakeholder.approach,
        "approachLabel": str(StakeholderApproach(stakeholder.approach).label) if stakeholder.approach else "",
        "assessedOn": latest.assessed_on.isoformat() if latest else None,
        "previous": (
            {
                "influence": previous.influence,
                "interest": previous.interest,
                "assessedOn": previous.assessed_on.isoformat(),
            }
            if previous
            and (previous.influence, previous.interest) != (stakeholder.influence, stakeholder.interest)
            else None
        ),
        "revisitBy": stakeholder.revisit_by.isoformat() if stakeholder.revisit_by else None,
        "overdue": bool(stakeholder.revisit_by and stakeholder.revisit_by < today),
        "url": stakeholder.get_absolute_url(),
        "reassess": reverse("api:relationships-stakeholder-reassess", args=[stakeholder.pk]),
    }


def stakeholder_map_points(*, user: Any, relationship: Any | None) -> list[dict[str, Any]]:
    today = timezone.localdate()
    return [
        stakeholder_map_point(s, today=today)
        for s in stakeholders_visible(user=user, relationship=relationship)
    ]


def stakeholder_summary(*, user: Any, relationship: Any | None) -> dict[str, Any]:
    """Counts per approach and the revisits that are due (today or earlier), for the relationship page."""
    today = timezone.localdate()
    qs = restrict(Stakeholder.objects.all(), user, "view")
    qs = (
        qs.filter(relationship=relationship)
        if relationship is not None
        else qs.filter(relationship__isnull=True)
    )
    rows = list(qs.values_list("approach", "revisit_by"))
    counts = {choice.value: 0 for choice in StakeholderApproach}
    for approach, _revisit in rows:
        if approach in counts:
            counts[approach] += 1
    return {
        "total": len(rows),
        "approaches": [(choice, counts[choice.value]) for choice in StakeholderApproach],
        "revisits_due": sum(1 for _a, revisit in rows if revisit is not None and revisit <= today),
    }


def stakeholders_current_share(relationship: Any, *, today: datetime.date | None = None) -> float | None:
    """The health measure: the share (0-100) of the relationship's stakeholders whose revisit date has
    not passed (no date counts as not overdue); ``None`` when it has no stakeholders. A system read: the
    health score is the provider's."""
    today = today or timezone.localdate()
    dates = list(Stakeholder.objects.filter(relationship=relationship).values_list("revisit_by", flat=True))
    if not dates:
        return None
    current = sum(1 for d in dates if d is None or d >= today)
    return round(100.0 * current / len(dates), 1)
