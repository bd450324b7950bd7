"""The map editor's API: the map document, and batches of editor operations under the version check.

``GET /journeys/maps/<pk>/document/`` answers the document (ETag = the map's version) with ``hints``;
``POST`` a batch ``{"operations": [...], "version": "..."}`` (or ``If-Match``) answers the new document,
``undo`` (operations reverting the batch) and ``hints``; 409 on a stale version answers the current
document and ``changes`` (what changed since the client's version, from the change history); 400 names
the operation and field. A consumer reads the published document only; every write is 404 for them.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wayfare.core.access import is_consumer, restrict
from wayfare.core.concurrency import StaleVersion, etag, parse_if_match, version_time

from ..hints import journey_map_hints
from ..models import JourneyMap, JourneyStage, StageComment, StageEmotion, Touchpoint, TouchpointLink
from ..selectors import journey_map_document
from ..services.editor import JourneyMapEditor


def _answer(
    document: dict[str, Any], journey_map: JourneyMap, status: int = 200, **extra: Any
) -> JsonResponse:
    response = JsonResponse(
        {"document": document, "hints": journey_map_hints(document), **extra}, status=status
    )
    tag = etag(journey_map)
    if tag:
        response["ETag"] = tag
    return response


def _has_field(model: Any, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # a field of the history row only
        return False
    return True


def changes_since(journey_map: JourneyMap, version: str | None) -> list[dict[str, Any]]:
    """What changed in the map's rows since ``version``: who, when, which row, which fields."""
    since = version_time(version or "")
    if since is None:
        return []
    changes: list[dict[str, Any]] = []
    for model in (JourneyStage, Touchpoint, StageEmotion, TouchpointLink, StageComment):
        entries = model.history.filter(journey_map_id=journey_map.pk, history_date__gt=since)  # type: ignore[attr-defined]
        for entry in entries.select_related("history_user").order_by("history_date"):
            fields: list[str] = []
            previous = entry.prev_record if entry.history_type == "~" else None
            if previous is not None:
                fields = [c.field for c in entry.diff_against(previous).changes]
            by = entry.history_user.get_username() if entry.history_user else _("someone")
            name = str(getattr(entry, "name", "") or getattr(entry, "text", "") or "")
            labels = [
                str(getattr(model._meta.get_field(f), "verbose_name", f))
                for f in fields
                if _has_field(model, f)
            ]
            summary = {
                "+": _("%(by)s added the %(what)s “%(name)s”"),
                "~": _("%(by)s changed the %(what)s “%(name)s”"),
                "-": _("%(by)s deleted the %(what)s “%(name)s”"),
            }[entry.history_type] % {"by": by, "what": model._meta.verbose_name, "name": name}
            if labels:
                summary += ": " + ", ".join(labels)
            changes.append(
                {
                    "summary": summary,
                    "model": model._meta.model_name,
                    "id": entry.id,
                    "name": str(getattr(entry, "name", "") or getattr(entry, "text", "") or ""),
                    "type": {"+": "added", "~": "changed", "-": "deleted"}[entry.history_type],
                    "fields": fields,
                    "by": entry.history_user.get_username() if entry.history_user else "",
                    "at": entry.history_date.isoformat(),
                }
            )
    return sorted(changes, key=lambda c: c["at"])


@login_required
@require_http_methods(["GET", "POST"])
def journey_map_document_api(request: HttpRequest, pk: int) -> JsonResponse:
    journey_map = get_object_or_404(restrict(JourneyMap.objects.all(), request.user, "view"), pk=pk)
    if request.method == "GET":
        document = journey_map_document(journey_map, request.user)
        if document is None:
            raise Http404
        return _answer(document, journey_map)
    if (
        is_consumer(request.user)
        or not restrict(JourneyMap.objects.filter(pk=pk), request.user, "change").exists()
    ):
        raise Http404
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"errors": {"body": [_("The body is not JSON.")]}}, status=400)
    versions = parse_if_match(request.headers.get("If-Match"))
    version = (versions[0] if versions else None) or body.get("version")
    operations = body.get("operations")
    if not isinstance(operations, list):
        return JsonResponse({"errors": {"operations": [_("A list of operations.")]}}, status=400)
    try:
        editor = JourneyMapEditor(journey_map=journey_map, actor=request.user, version=version)
        editor.extend(operations)
        document, undo = editor.commit()
    except StaleVersion:
        journey_map.refresh_from_db()
        document = journey_map_document(journey_map, request.user) or {}
        return _answer(document, journey_map, 409, changes=changes_since(journey_map, version))
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"operations": exc.messages}
        return JsonResponse({"errors": errors}, status=400)
    journey_map.refresh_from_db()
    return _answer(document, journey_map, undo=undo)
