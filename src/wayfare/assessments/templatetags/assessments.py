"""The assessment page's report: section scores, overall, level reached, radar and history data, all read
for the reader (``restrict()``: a consumer's history holds only their own side's assessments)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from wayfare.core.access import has_permission

from ..models import Assessment, AssessmentState
from ..services import GAP, MET, assessment_history, assessment_scores, template_structure

register = template.Library()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@register.simple_tag(takes_context=True)
def assessment_report(context: Any, assessment: Assessment) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    structure = template_structure(assessment.template)
    scores = assessment_scores(assessment, structure)
    history = assessment_history(user, assessment)
    labels = [str(s.section.translated("title")) for s in scores.sections]
    may_change = has_permission(user, Assessment, "change")
    draft = assessment.state == AssessmentState.DRAFT
    return {
        "scores": scores,
        "met": int(MET),
        "gap": int(GAP),
        "radar": {
            "indicators": labels,
            "values": [_round(s.score) for s in scores.sections],
            "name": str(assessment),
        },
        "history": {
            "dates": [row.assessed_on.isoformat() for row, _s in history],
            "overall": [_round(s.overall) for _row, s in history],
            "sections": [
                {"name": label, "values": [_round(s.sections[i].score) for _row, s in history]}
                for i, label in enumerate(labels)
            ],
        },
        "history_count": len(history),
        "fill_url": reverse("assessments:assessment_fill", args=[assessment.pk])
        if may_change and draft
        else None,
        "gaps_url": reverse("assessments:assessment_gaps", args=[assessment.pk]) if may_change else None,
        "compare_url": reverse("assessments:assessment_compare", args=[assessment.pk])
        if len(history) > 1
        else None,
        "subject_link": _subject_link(assessment, user),
    }


def _subject_link(assessment: Assessment, user: Any) -> tuple[str, str | None] | None:
    subject = assessment.subject
    if subject is None:
        return None
    model = type(subject)
    manager: Any = model._default_manager
    if hasattr(manager, "restrict") and manager.restrict(user, "view").filter(pk=subject.pk).exists():
        url = subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else None
        label = subject.translated("name") if hasattr(subject, "translated") else str(subject)
        return (str(label), url)
    return None


@register.filter
def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


@register.filter
def signed(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:+.0f}"


@register.filter
def tr(obj: Any, name: str) -> Any:
    """A record's text field in the reader's language (``core.translations``)."""
    return obj.translated(name) if hasattr(obj, "translated") else getattr(obj, name, "")
