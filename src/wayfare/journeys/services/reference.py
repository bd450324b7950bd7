"""Writing a journey map from an event log (issue #13 section 3): the explorer's "use as designed path"."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.exceptions import DomainError
from wayfare.core.services import record_create

from ..models import JourneyMap, JourneyStage


@transaction.atomic
def journey_map_create_from_variant(
    *, event_log: Any, name: str, activities: list[str], actor: Any
) -> JourneyMap:
    """A journey map whose reference log is ``event_log``, with one stage per activity of an observed
    variant, in its order. A variant may repeat an activity (rework); a stage names each activity once,
    so repeats after the first are left out. Everything is written in one transaction or not at all."""
    path = list(dict.fromkeys(a for a in activities if a))
    if not path:
        raise DomainError(_("A designed path needs at least one activity."), code="empty_path")
    journey_map = record_create(model=JourneyMap, actor=actor, data={"event_log": event_log, "name": name})
    for position, activity in enumerate(path, start=1):
        record_create(
            model=JourneyStage,
            actor=actor,
            data={
                "journey_map": journey_map,
                "position": position,
                "name": activity[:200],
                "activities": [activity],
            },
        )
    assert isinstance(journey_map, JourneyMap)
    return journey_map
