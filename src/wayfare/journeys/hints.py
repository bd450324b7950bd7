"""Behavioural checks of a journey map (004 2.4.2), shown as hints on the map: each reads the map
document (``selectors.journey_map_document``) and says where the design works against how people
remember and judge a journey (the peak-end rule, late pain, surprises, waiting without a choice)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def _as_is(stage: dict[str, Any]) -> float | None:
    scores = [e["as_is"] for e in stage.get("emotions", []) if e.get("as_is") is not None]
    return sum(scores) / len(scores) if scores else None


def journey_map_hints(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Hints as ``{"code", "stage", "message"}`` (``stage``: a stage id or ``None``), in map order."""
    stages = document.get("stages") or []
    hints: list[dict[str, Any]] = []
    if not stages:
        return hints
    scores = [_as_is(s) for s in stages]
    known = [s for s in scores if s is not None]
    late_from = len(stages) - max(1, len(stages) // 3)
    for index, stage in enumerate(stages):
        name = stage.get("name", "")
        score = scores[index]
        if index < late_from and score is not None and score < 0 and index < len(stages) // 3:
            hints.append(
                {
                    "code": "early_low",
                    "stage": stage["id"],
                    "message": _(
                        "“%(stage)s” is a low point early in the journey: that is forgivable, but fix it "
                        "early, before it colours the rest."
                    )
                    % {"stage": name},
                }
            )
        if index >= late_from and (stage.get("pain_points") or "").strip():
            hints.append(
                {
                    "code": "late_pain",
                    "stage": stage["id"],
                    "message": _(
                        "“%(stage)s” has a pain point late in the journey, where it weighs most on how "
                        "the whole journey is remembered."
                    )
                    % {"stage": name},
                }
            )
        for touchpoint in stage.get("touchpoints", []):
            if touchpoint.get("expected") is False:
                hints.append(
                    {
                        "code": "surprise",
                        "stage": stage["id"],
                        "message": _(
                            "“%(touchpoint)s” at “%(stage)s” is a step the consumer does not expect: "
                            "announce it, or make the surprise a pleasant one."
                        )
                        % {"touchpoint": touchpoint.get("name", ""), "stage": name},
                    }
                )
        if stage.get("consumer_waits") and not any(
            t.get("offers_choice") for t in stage.get("touchpoints", [])
        ):
            hints.append(
                {
                    "code": "wait_without_choice",
                    "stage": stage["id"],
                    "message": _(
                        "The consumer waits at “%(stage)s” and is offered no choice: waiting feels "
                        "shorter when people can choose something."
                    )
                    % {"stage": name},
                }
            )
        if index == len(stages) - 1 and score is not None and (score < 0 or score <= min(known)):
            if score < 0 or len(known) > 1 and score < max(known):
                hints.append(
                    {
                        "code": "low_end",
                        "stage": stage["id"],
                        "message": _(
                            "The journey ends on a low point at “%(stage)s”: people remember the peak "
                            "and the end, so end on a high."
                        )
                        % {"stage": name},
                    }
                )
    return hints
