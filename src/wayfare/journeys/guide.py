"""What the review and design pages tell a designer (004 2.3.4 and 2.4.1, in our own words): what each
design-thinking stage is for and what people usually do at it, what each of Stickdorn's principles asks,
and, for each of the eight customer-experience questions, what the map already says about it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from .hints import journey_map_hints
from .models import CxQuestion, DesignPrinciple, DesignStage

DESIGN_STAGES: dict[str, dict[str, Any]] = {
    DesignStage.EMPATHISE: {
        "purpose": _(
            "Learn how the consumer's people live the journey today, in their own words and places."
        ),
        "activities": [
            _("Interviews and shadowing of customers, users and sponsors"),
            _("A day in the life of a persona"),
            _("Reading the event log and complaints for where journeys stall"),
        ],
    },
    DesignStage.DEFINE: {
        "purpose": _("Say which problem the journey must solve, and for whom, before looking for answers."),
        "activities": [
            _("A problem statement per persona"),
            _("The as-is journey map with its pain points"),
            _("Choosing the moments of truth to work on"),
        ],
    },
    DesignStage.IDEATE: {
        "purpose": _("Find many ways to solve it, together with the consumer, and keep the promising ones."),
        "activities": [
            _("A co-creation workshop with the consumer's people"),
            _("The to-be journey map"),
            _("Sorting ideas by value and effort"),
        ],
    },
    DesignStage.PROTOTYPE: {
        "purpose": _("Make an idea tangible, cheaply, so people can react to it."),
        "activities": [
            _("Paper or clickable mock-ups of a touchpoint"),
            _("A walk-through of the service blueprint with frontstage staff"),
            _("A pilot with a few users"),
        ],
    },
    DesignStage.TEST: {
        "purpose": _("Try the prototype with real people and measure whether the experience improved."),
        "activities": [
            _("Usability sessions and A/B tests"),
            _("Comparing the observed journey with the designed one"),
            _("A survey after the pilot"),
        ],
    },
}

PRINCIPLES: dict[str, Any] = {
    DesignPrinciple.USER_CENTRED: _("Seen through the eyes of the people who use the service."),
    DesignPrinciple.CO_CREATIVE: _("Designed with everyone who takes part in the service, not for them."),
    DesignPrinciple.SEQUENCING: _("Shown as a sequence of linked actions over time, with a rhythm."),
    DesignPrinciple.EVIDENCING: _("Backstage work made visible to the consumer through tangible evidence."),
    DesignPrinciple.HOLISTIC: _("The whole environment of the service considered, not one touchpoint."),
}

# For each question: the stage fields of the map that already speak to it.
QUESTION_FIELDS: dict[str, tuple[str, ...]] = {
    CxQuestion.DOING: ("customer_actions",),
    CxQuestion.MOTIVATION: ("moments_of_truth", "consumer_goals"),
    CxQuestion.EMOTIONS: (),
    CxQuestion.QUESTIONS: ("thoughts",),
    CxQuestion.ANXIETY: ("pain_points",),
    CxQuestion.ABANDON: (),
    CxQuestion.BARRIERS: ("pain_points",),
    CxQuestion.COST_RISK: (),
}


def _first_line(text: str) -> str:
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def review_evidence(document: dict[str, Any]) -> dict[str, list[str]]:
    """Per question, short lines of what the map holds on it: "stage: text"."""
    stages = document.get("stages") or []
    result: dict[str, list[str]] = {q: [] for q in CxQuestion.values}
    for question, fields in QUESTION_FIELDS.items():
        for stage in stages:
            for name in fields:
                line = _first_line(stage.get(name, ""))
                if line:
                    result[question].append(f"{stage['name']}: {line}")
    for stage in stages:
        scores = [e["as_is"] for e in stage.get("emotions", []) if e.get("as_is") is not None]
        if scores:
            low = min(scores)
            result[CxQuestion.EMOTIONS].append(
                str(
                    _("%(stage)s: from %(low)+d to %(high)+d")
                    % {"stage": stage["name"], "low": low, "high": max(scores)}
                )
            )
            if low <= -2:
                result[CxQuestion.ANXIETY].append(
                    str(_("%(stage)s: a low point (%(score)+d)") % {"stage": stage["name"], "score": low})
                )
        if stage.get("consumer_waits") and stage.get("duration_minutes"):
            result[CxQuestion.COST_RISK].append(
                str(
                    _("%(stage)s: the consumer waits %(minutes)s minutes")
                    % {"stage": stage["name"], "minutes": stage["duration_minutes"]}
                )
            )
    for hint in journey_map_hints(document):
        if hint["code"] in ("surprise", "wait_without_choice"):
            result[CxQuestion.ABANDON].append(hint["message"])
    return result
