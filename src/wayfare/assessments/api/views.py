"""The assessment's answers through the API, saved at once like the fill-in page:
``PUT /api/assessments/assessments/<id>/answers/`` with ``{"answers": [{"item": id, "value": n or null,
"comment": "..."}]}`` (``If-Match``: the version the client started from; a stale one answers 412)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from wayfare.core.concurrency import etag

from ..services import assessment_answers_save, assessment_scores


def _parsed(raw: Any) -> dict[int, tuple[int | None, str]] | None:
    if not isinstance(raw, list):
        return None
    answers: dict[int, tuple[int | None, str]] = {}
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("item"), int):
            return None
        value = entry.get("value")
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            return None
        comment = entry.get("comment") or ""
        if not isinstance(comment, str):
            return None
        answers[entry["item"]] = (value, comment[:5000])
    return answers


class AssessmentActions:
    """Custom actions on the assessment viewset (the row comes through ``restrict()``)."""

    @extend_schema(summary="Save every answer of the assessment at once", request=None)
    @action(detail=True, methods=["put"])
    def answers(self, request: Request, pk: Any = None) -> Response:
        assessment = self.get_object()  # type: ignore[attr-defined]
        answers = _parsed(request.data.get("answers") if hasattr(request.data, "get") else None)
        if answers is None:
            message = _('Send {"answers": [{"item": id, "value": number or null, "comment": text}]}.')
            return Response({"answers": [message]}, status=400)
        saved = assessment_answers_save(
            assessment=assessment,
            actor=request.user,
            answers=answers,
            expected_version=self._expected_version(assessment),  # type: ignore[attr-defined]
        )
        scores = assessment_scores(saved)
        body = {
            "id": saved.pk,
            "overall": scores.overall,
            "level": scores.level,
            "sections": [{"id": s.section.pk, "score": s.score} for s in scores.sections],
        }
        return Response(body, headers={"ETag": etag(saved) or ""})
