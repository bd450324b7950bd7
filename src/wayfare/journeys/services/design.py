"""Writes of a map's review, its design work and the Johari window (issue #13 sections 2 and 4).

Each goes through the core's declared write path (``resource_create`` / ``resource_update``: full_clean,
history, the row rule re-checked after the write) and checks first that the actor may write that model
at all; the answers of a review are saved in one transaction, each under its own version, so two people
answering different questions both keep their answers, and a second writer of the same answer is told."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission
from wayfare.core.concurrency import StaleVersion
from wayfare.core.exceptions import AccessError
from wayfare.core.resources import registry
from wayfare.core.services import resource_create, resource_update

from ..models import (
    CxQuestion,
    DesignWork,
    JohariEntry,
    JourneyMap,
    JourneyStage,
    MapReviewAnswer,
    ReviewStatus,
)


def _may(actor: Any, model: type, action: str) -> None:
    if not has_permission(actor, model, action):
        raise AccessError(_("You may not change this."))


@dataclass(frozen=True)
class ReviewInput:
    """What the review page sends for one question: ``version`` is the answer's version when the page
    was opened ("" when it had no answer yet)."""

    answer: str
    status: str
    stage: JourneyStage | None
    version: str


@transaction.atomic
def map_review_save(
    *, journey_map: JourneyMap, actor: Any, answers: dict[str, ReviewInput]
) -> list[MapReviewAnswer]:
    """Save the answers that differ from what is stored, each checked against the version it was read
    at; ``StaleVersion`` (nothing saved) when someone else saved one of them in between."""
    resource = registry.get(MapReviewAnswer)
    current = {a.question: a for a in journey_map.review.all()}
    saved: list[Any] = []
    for question, given in answers.items():
        if question not in CxQuestion.values:
            continue
        if given.stage is not None and given.stage.journey_map_id != journey_map.pk:
            raise AccessError(_("That stage is not on this map."))
        data = {"answer": given.answer, "status": given.status, "stage": given.stage}
        existing = current.get(question)
        if existing is None:
            if given.version:  # it had an answer when the page was opened: deleted since
                raise StaleVersion(None)
            if not given.answer and given.status == ReviewStatus.OPEN and given.stage is None:
                continue  # nothing to keep
            _may(actor, MapReviewAnswer, "add")
            try:
                with transaction.atomic():
                    saved.append(
                        resource_create(
                            resource,
                            actor=actor,
                            data={"journey_map": journey_map, "question": question, **data},
                        )
                    )
            except IntegrityError as exc:  # someone answered it first
                raise StaleVersion(
                    MapReviewAnswer.objects.filter(journey_map=journey_map, question=question).first()
                ) from exc
            continue
        if (existing.answer, existing.status, existing.stage_id) == (
            given.answer,
            given.status,
            getattr(given.stage, "pk", None),
        ):
            continue
        _may(actor, MapReviewAnswer, "change")
        saved.append(
            resource_update(
                resource, instance=existing, actor=actor, data=data, expected_version=given.version or None
            )
        )
    return saved


def map_review_summary(journey_map: JourneyMap) -> dict[str, int]:
    """How far the review is: answered (with a text), needing action, still open, of eight."""
    rows = list(journey_map.review.all())
    answered = sum(1 for r in rows if r.status != ReviewStatus.OPEN and r.answer.strip())
    action = sum(1 for r in rows if r.status == ReviewStatus.ACTION)
    return {"answered": answered, "action": action, "total": len(CxQuestion.values)}


def design_work_add(*, journey_map: JourneyMap, actor: Any, data: dict[str, Any]) -> DesignWork:
    _may(actor, DesignWork, "add")
    return resource_create(registry.get(DesignWork), actor=actor, data={**data, "journey_map": journey_map})  # type: ignore[return-value]


def design_work_set_status(
    *, work: DesignWork, actor: Any, status: str, expected_version: str | None
) -> DesignWork:
    _may(actor, DesignWork, "change")
    return resource_update(  # type: ignore[return-value]
        registry.get(DesignWork),
        instance=work,
        actor=actor,
        data={"status": status},
        expected_version=expected_version,
    )


def johari_entry_add(*, owner: Any, actor: Any, data: dict[str, Any]) -> JohariEntry:
    """An entry in a pane of the Johari window of ``owner`` (a journey map or a relationship)."""
    _may(actor, JohariEntry, "add")
    key = "journey_map" if isinstance(owner, JourneyMap) else "relationship"
    return resource_create(registry.get(JohariEntry), actor=actor, data={**data, key: owner})  # type: ignore[return-value]


def johari_entry_update(
    *, entry: JohariEntry, actor: Any, data: dict[str, Any], expected_version: str | None
) -> JohariEntry:
    """Move an entry to another pane (what was unknown becomes known), or mark it done."""
    _may(actor, JohariEntry, "change")
    allowed = {k: v for k, v in data.items() if k in ("pane", "done", "text", "action")}
    return resource_update(  # type: ignore[return-value]
        registry.get(JohariEntry),
        instance=entry,
        actor=actor,
        data=allowed,
        expected_version=expected_version,
    )
