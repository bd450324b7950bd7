"""The health score of a relationship: weighted measures, each declared by the part that knows it.

A part declares a measure once (usually in its ``resources`` module)::

    health_measure("trust", _("Trust score"), weight=3, compute=latest_trust_score,
                   description=_("Overall score of the latest three Cs assessment."))

``compute(relationship)`` answers a score from 0 to 100, or ``None`` when the measure cannot be taken
(no assessment yet): a missing measure is shown as missing, never as zero, and it is left out of the
weighted average (Gainsight's scorecards: sum of weight x score over the sum of the weights present).
How the score is combined and judged is ``relationship_health`` (issue #12, part "relationships").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class HealthMeasure:
    key: str
    label: str | Promise
    weight: float
    compute: Callable[[Any], float | None]
    description: str | Promise = ""
    order: int = 100


_MEASURES: dict[str, HealthMeasure] = {}


def health_measure(
    key: str,
    label: str | Promise,
    *,
    weight: float,
    compute: Callable[[Any], float | None],
    description: str | Promise = "",
    order: int = 100,
) -> HealthMeasure:
    if key in _MEASURES:
        raise ValueError(f"health measure {key!r} is declared twice")
    if weight <= 0:
        raise ValueError("a health measure's weight is positive")
    measure = HealthMeasure(key, label, weight, compute, description, order)
    _MEASURES[key] = measure
    return measure


def health_measures() -> list[HealthMeasure]:
    return sorted(_MEASURES.values(), key=lambda m: (m.order, m.key))
