"""What can be assessed: any app declares its subjects, usually in its ``resources`` module::

    assessment_subject(ServiceRelationship, organisation=counterpart_of, kind=lambda r: r.relationship_type,
                       references={"three_cs": latest_three_cs, "stakeholder_map": map_link})

``organisation(obj)`` answers the counterpart organisation that owns the subject's assessments (consumers of
that organisation see the ones their side made); ``kind(obj)`` the relationship type used for a template's
relevance (seed 003 Table 4.14); each ``references[key](obj, user)`` answers ``(label, url)`` of the record
an item names (Table 4.17), or ``None`` when there is none the user may open; a reference whose target
does not exist yet may answer a note as its label with no url.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models.signals import pre_delete


@dataclass(frozen=True)
class AssessmentSubject:
    model: type[models.Model]
    organisation: Callable[[Any], Any]
    kind: Callable[[Any], str] | None = None
    references: dict[str, Callable[[Any, Any], tuple[Any, str | None] | None]] = field(default_factory=dict)


_SUBJECTS: dict[type[models.Model], AssessmentSubject] = {}


def assessment_subject(
    model: type[models.Model],
    *,
    organisation: Callable[[Any], Any],
    kind: Callable[[Any], str] | None = None,
    references: dict[str, Callable[[Any, Any], tuple[Any, str | None] | None]] | None = None,
) -> AssessmentSubject:
    if model in _SUBJECTS:
        raise ValueError(f"{model.__name__} is declared as an assessment subject twice")
    declaration = AssessmentSubject(model, organisation, kind, dict(references or {}))
    _SUBJECTS[model] = declaration
    pre_delete.connect(
        _delete_assessments, sender=model, dispatch_uid=f"assessments-subject-{model._meta.label}"
    )
    return declaration


def _delete_assessments(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """A subject's assessments go with it, as its own rows would (a generic relation has no cascade)."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Assessment

    content_type = ContentType.objects.get_for_model(sender)
    Assessment.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def subject_declaration(model: type[models.Model] | None) -> AssessmentSubject | None:
    return _SUBJECTS.get(model) if model is not None else None  # type: ignore[arg-type]


def subject_models() -> list[type[models.Model]]:
    return list(_SUBJECTS)


def subject_kind(subject: Any) -> str | None:
    declaration = subject_declaration(type(subject))
    return declaration.kind(subject) if declaration and declaration.kind else None


def subject_reference(subject: Any, key: str, user: Any) -> tuple[Any, str | None] | None:
    declaration = subject_declaration(type(subject))
    if declaration is None or not key or key not in declaration.references:
        return None
    return declaration.references[key](subject, user)
