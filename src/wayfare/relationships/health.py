"""The health score of a relationship: weighted measures, each declared by the part that knows it.

A part declares a measure once (usually in its ``resources`` module)::

    health_measure("trust", _("Trust score"), weight=3, compute=latest_trust_score,
                   description=_("Overall score of the latest three Cs assessment."))

``compute(relationship)`` answers a score from 0 to 100, or ``None`` when the measure cannot be taken
(no assessment yet): a missing measure is shown as missing, never as zero, and it is left out of the
weighted average (Gainsight's scorecards: sum of weight x score over the sum of the weights present).
How the score is combined and judged is ``relationship_health`` below.

The verdict (documented on the relationship page's help too):

- the score is sum(weight x score) / sum(weights) over the measures that could be taken, 0 to 100;
- 70 or more: **healthy**; 40 to 69: **watch**; under 40: **at risk**;
- any single measure under 25 caps the verdict at **watch** (one very bad sign is never hidden by good
  averages; a score under 40 stays **at risk**);
- no measure could be taken: **not measured** (no score at all, never 0).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


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


HEALTHY_FROM = 70  # a score of 70 or more is healthy
WATCH_FROM = 40  # 40 to 69: watch; under 40: at risk
CAP_BELOW = 25  # any one measure under 25 caps the verdict at "watch"


class Verdict(models.TextChoices):
    HEALTHY = "healthy", _("Healthy")
    WATCH = "watch", _("Watch")
    AT_RISK = "at_risk", _("At risk")
    NOT_MEASURED = "not_measured", _("Not measured")


@dataclass(frozen=True)
class MeasureResult:
    measure: HealthMeasure
    score: float | None  # None: missing (left out of the average, shown as missing)

    @property
    def missing(self) -> bool:
        return self.score is None


@dataclass(frozen=True)
class Health:
    score: float | None
    verdict: str
    results: list[MeasureResult]
    capped: bool = False  # the verdict was capped at "watch" by one measure under CAP_BELOW

    @property
    def verdict_label(self) -> Any:
        return Verdict(self.verdict).label

    @property
    def measured(self) -> list[MeasureResult]:
        return [r for r in self.results if not r.missing]

    @property
    def missing(self) -> list[MeasureResult]:
        return [r for r in self.results if r.missing]


def judge(score: float | None, results: list[MeasureResult]) -> tuple[str, bool]:
    """The verdict of a combined score (see the module's docstring) and whether it was capped."""
    if score is None:
        return Verdict.NOT_MEASURED, False
    verdict = (
        Verdict.HEALTHY
        if score >= HEALTHY_FROM
        else Verdict.WATCH
        if score >= WATCH_FROM
        else Verdict.AT_RISK
    )
    low = any(r.score is not None and r.score < CAP_BELOW for r in results)
    if low and verdict == Verdict.HEALTHY:
        return Verdict.WATCH, True
    return verdict, False


def relationship_health(relationship: Any, measures: list[HealthMeasure] | None = None) -> Health:
    """Combine the declared measures (or ``measures``) for one relationship: sum(weight x score) over the
    sum of the weights of the measures present, each score clamped to 0-100. A measure answering ``None``
    is missing: shown as missing, left out of both sums, never counted as 0. Thresholds: 70 or more
    healthy, 40-69 watch, under 40 at risk; any single measure under 25 caps the verdict at watch;
    nothing measured is "not measured" with no score."""
    results = []
    for measure in health_measures() if measures is None else measures:
        value = measure.compute(relationship)
        results.append(MeasureResult(measure, None if value is None else max(0.0, min(100.0, float(value)))))
    present = [(r.measure.weight, r.score) for r in results if r.score is not None]
    weights = sum(weight for weight, _value in present)
    score = round(sum(weight * value for weight, value in present) / weights, 1) if present else None
    verdict, capped = judge(score, results)
    return Health(score, verdict, results, capped)


# The ladder stage a relationship should have reached by each journey step (003 Table 4.7: stages 3 and 4
# run alongside Offer and Agree; readiness is assessed before onboarding).
EXPECTED_STAGE = {
    "explore": 1,
    "engage": 2,
    "offer": 3,
    "agree": 4,
    "onboard": 5,
    "cocreate": 5,
    "realize": 5,
}


BASIC_ENOUGH = 3  # a basic relationship (commodity, standard contract) need not climb further


def ladder_progress(relationship: Any) -> float | None:
    """The ladder stage reached against the stage expected at the relationship's journey step, 0-100
    (being ahead counts as 100; a basic relationship is expected to reach stage 3 at most); missing when no stage has been reached or recorded yet."""
    if relationship.ladder_stage is None:
        return None
    expected = EXPECTED_STAGE.get(relationship.journey_step)
    if not expected:
        return None
    if relationship.relationship_type == "basic":
        expected = min(expected, BASIC_ENOUGH)
    return min(100.0, 100.0 * relationship.ladder_stage / expected)
