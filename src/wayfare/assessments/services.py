"""Writes and scores of assessments (issue #12 section 3).

Scores, as documented on every assessment page:

- an item's answer is put on 0-100 (its scale's lowest option is 0, its highest 100); an unanswered item
  (not applicable) is left out, never counted as zero;
- a section's score is the weighted mean of its answered items (item weights); a section with no answers
  has no score (missing, not 0);
- the overall score is the weighted mean of the sections that have a score (section weights);
- a section is *met* when its score is at least ``MET`` (75); a gap is an item scoring below ``GAP`` (50);
- templates whose levels build on each other (seed 003 Table 4.15): the level reached is the highest level
  L such that every section of L and of every level below L is met. A higher level met above a lower one
  that is not met does not count.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import restrict
from wayfare.core.concurrency import lock_current
from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.services import record_create

from .models import (
    ActionStatus,
    Assessment,
    AssessmentAnswer,
    AssessmentState,
    AssessmentTemplate,
    FollowUpAction,
    TemplateItem,
    TemplateSection,
)
from .subjects import subject_declaration

MET = 75.0
GAP = 50.0


class AssessmentClosed(DomainError):
    code = "assessment_completed"


# -- scores ------------------------------------------------------------------------------------------
@dataclass
class ItemScore:
    item: TemplateItem
    value: int | None
    comment: str
    score: float | None

    @property
    def label(self) -> str:
        return self.item.scale.label_of(self.value) if self.value is not None else ""


@dataclass
class SectionScore:
    section: TemplateSection
    score: float | None
    answered: int
    total: int
    items: list[ItemScore] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.score is not None and self.score >= MET


@dataclass
class Scores:
    sections: list[SectionScore]
    overall: float | None
    level: int | None  # for templates whose levels build on each other; 0: no level reached
    levels: list[int]

    def by_section(self) -> dict[int, float | None]:
        return {s.section.pk: s.score for s in self.sections}


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _s, w in pairs)
    if not pairs or total <= 0:
        return None
    return sum(s * w for s, w in pairs) / total


def level_reached(sections: list[SectionScore]) -> tuple[int, list[int]]:
    """The highest level whose sections, and those of all lower levels, are met (0: none)."""
    levels = sorted({s.section.level for s in sections if s.section.level is not None})
    reached = 0
    for level in levels:
        if all(s.met for s in sections if s.section.level == level):
            reached = level
        else:
            break
    return reached, levels


def template_structure(template: AssessmentTemplate) -> list[TemplateSection]:
    """The template's sections with their items and scales (three queries)."""
    from django.db.models import Prefetch

    items = TemplateItem.objects.select_related("scale").order_by("position", "pk")
    return list(
        template.sections.order_by("position", "pk").prefetch_related(Prefetch("items", queryset=items))
    )


def assessment_scores(assessment: Assessment, structure: list[TemplateSection] | None = None) -> Scores:
    structure = structure if structure is not None else template_structure(assessment.template)
    answers = {a.item_id: a for a in assessment.answers.all()}
    sections = []
    for section in structure:
        items = []
        pairs = []
        for item in section.items.all():
            answer = answers.get(item.pk)
            value = answer.value if answer else None
            score = item.scale.normalised(value)
            items.append(ItemScore(item, value, answer.comment if answer else "", score))
            if score is not None and item.weight > 0:
                pairs.append((score, item.weight))
        sections.append(SectionScore(section, _weighted(pairs), len(pairs), len(items), items))
    overall = _weighted(
        [(s.score, s.section.weight) for s in sections if s.score is not None and s.section.weight > 0]
    )
    level: int | None = None
    levels: list[int] = []
    if assessment.template.cumulative_levels:
        level, levels = level_reached(sections)
    return Scores(sections, overall, level, levels)


@dataclass
class SectionDelta:
    section: TemplateSection
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass
class Comparison:
    first: Assessment
    second: Assessment
    sections: list[SectionDelta]
    overall_before: float | None
    overall_after: float | None

    @property
    def overall_delta(self) -> float | None:
        if self.overall_before is None or self.overall_after is None:
            return None
        return self.overall_after - self.overall_before


def assessments_compare(first: Assessment, second: Assessment) -> Comparison:
    """Per section and overall, ``second`` minus ``first`` (a missing score on either side: no delta).
    For the four dimensions answered for each party, the delta is the gap between the two parties."""
    if first.template_id != second.template_id:
        raise DomainError(_("Only assessments of the same template can be compared."))
    structure = template_structure(first.template)
    a, b = assessment_scores(first, structure), assessment_scores(second, structure)
    after = b.by_section()
    sections = [SectionDelta(s.section, s.score, after.get(s.section.pk)) for s in a.sections]
    return Comparison(first, second, sections, a.overall, b.overall)


def assessment_gaps(assessment: Assessment) -> list[ItemScore]:
    """The items that scored below ``GAP`` (unanswered items are no gap: nothing is known of them)."""
    scores = assessment_scores(assessment)
    return [i for s in scores.sections for i in s.items if i.score is not None and i.score < GAP]


# -- writes ------------------------------------------------------------------------------------------
def _may_change(assessment: Assessment, actor: Any) -> None:
    if not restrict(Assessment.objects.filter(pk=assessment.pk), actor, "change").exists():
        raise AccessError(_("You may not change this assessment."))


@transaction.atomic
def assessment_create(*, actor: Any, **fields: Any) -> Assessment:
    """A new draft assessment of a subject the actor may see; the counterpart organisation follows
    from the subject's declaration."""
    content_type = fields.get("content_type")
    model = content_type.model_class() if isinstance(content_type, ContentType) else None
    if model is not None and subject_declaration(model) is not None:
        visible = restrict(model._default_manager.filter(pk=fields.get("object_id")), actor, "view")
        if not visible.exists():
            raise ValidationError({"object_id": _("No such record.")})
    return record_create(model=Assessment, actor=actor, data=fields)  # type: ignore[return-value]


@transaction.atomic
def assessment_answers_save(
    *,
    assessment: Assessment,
    actor: Any,
    answers: dict[int, tuple[int | None, str]],
    expected_version: str | None = None,
) -> Assessment:
    """Save every answer of the form at once (item id -> (value or None, comment)), all or nothing.
    ``expected_version`` is the assessment's version the form was opened at: if someone saved it since,
    ``StaleVersion`` is raised and nothing is written."""
    current: Assessment = lock_current(assessment, expected_version)  # type: ignore[assignment]
    _may_change(current, actor)
    if current.state != AssessmentState.DRAFT:
        raise AssessmentClosed(_("A completed assessment cannot be changed."))
    items = {
        i.pk: i
        for i in TemplateItem.objects.filter(section__template=current.template_id).select_related("scale")
    }
    existing = {a.item_id: a for a in current.answers.all()}
    history_user = actor if getattr(actor, "pk", None) else None
    errors: dict[str, list[str]] = {}
    for item_id, (value, comment) in answers.items():
        item = items.get(item_id)
        if item is None:
            raise ValidationError(_("An answer names an item that is not part of this template."))
        if value is not None and value not in item.scale.values():
            errors.setdefault(f"item_{item_id}", []).append(str(_("Not one of the scale's options.")))
            continue
        answer = existing.get(item_id) or AssessmentAnswer(assessment=current, item=item)
        if answer.pk and answer.value == value and answer.comment == (comment or ""):
            continue
        answer.value, answer.comment = value, comment or ""
        answer.full_clean()
        answer._history_user = history_user  # type: ignore[attr-defined]
        answer.save()
    if errors:
        raise ValidationError(errors)
    current._history_user = history_user  # type: ignore[attr-defined]
    current.save(update_fields=["updated"])  # a new version: a form opened before is now stale
    return current


def assessment_unanswered(assessment: Assessment) -> Any:
    """Guard of "complete": why an assessment cannot be completed yet (``None`` when it can)."""
    if not assessment.answers.filter(value__isnull=False).exists():
        return _("Answer at least one item before completing the assessment.")
    return None


@transaction.atomic
def assessment_complete(*, instance: Assessment, actor: Any) -> Assessment:
    """Close the assessment: its answers become a record that no longer changes."""
    if not instance.answers.filter(value__isnull=False).exists():
        raise ValidationError(_("Answer at least one item before completing the assessment."))
    instance.state = AssessmentState.COMPLETED
    instance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    instance.save(update_fields=["state", "updated"])
    return instance


@transaction.atomic
def follow_up_actions_create(
    *, assessment: Assessment, actor: Any, actions: list[dict[str, Any]]
) -> list[FollowUpAction]:
    """Turn gaps into follow-up actions (each ``{"item", "title", "owner", "due"}``), all or nothing: an
    invalid one rolls back every action of the call."""
    _may_change(assessment, actor)
    if not actions:
        raise ValidationError(_("Choose at least one gap."))
    created = []
    for data in actions:
        created.append(
            record_create(
                model=FollowUpAction,
                actor=actor,
                data={"assessment": assessment, "status": ActionStatus.OPEN, **data},
            )
        )
    return created  # type: ignore[return-value]


# -- selectors ----------------------------------------------------------------------------------------
def assessments_of(user: Any, subject: Any, template: AssessmentTemplate | None = None) -> Any:
    """The assessments of ``subject`` the user may see, newest first."""
    qs = restrict(Assessment.objects.all(), user, "view").filter(
        content_type=ContentType.objects.get_for_model(type(subject)), object_id=subject.pk
    )
    if template is not None:
        qs = qs.filter(template=template)
    return qs.select_related("template").order_by("-assessed_on", "-pk")


def assessment_history(user: Any, assessment: Assessment) -> list[tuple[Assessment, Scores]]:
    """The subject's assessments of the same template (that the user may see), oldest first, scored."""
    rows = list(
        restrict(Assessment.objects.all(), user, "view")
        .filter(
            content_type_id=assessment.content_type_id,
            object_id=assessment.object_id,
            template_id=assessment.template_id,
        )
        .prefetch_related("answers")
        .select_related("template")
        .order_by("assessed_on", "pk")
    )
    structure = template_structure(assessment.template)
    return [(row, assessment_scores(row, structure)) for row in rows]


def latest_completed(user: Any, subject: Any, codes: tuple[str, ...]) -> Assessment | None:
    return (
        assessments_of(user, subject)
        .filter(template__code__in=codes, state=AssessmentState.COMPLETED)
        .first()
    )


def default_due() -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=30)
