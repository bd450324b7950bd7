"""The journey map file (JSON), version 1, that ``services.transfer.journey_map_import`` reads back::

    {"format": "wayfare.journey-map", "version": 1,
     "map": {"id", "name", "description", "scope", "translations",
             "relationship": {"id", "name"} | null, "personas": [{"id", "name"}],
             # staff only: "event_log": {"id", "name"} | null, "log_filters", "internal_notes"},
     "stages": [{"id", "position", "name", "step", "phase", <text fields>, "duration_minutes",
                 "consumer_waits", "translations", # staff only: "activities", "optional", backstage text}],
     "touchpoints": [{"id", "stage", "position", "name", "description", "channel", "kind",
                      "interaction_form", "lane", "third_party": {"id", "name"} | null, "aspect",
                      "expected", "offers_choice", "translations", # staff only: "activities"}],
     "emotions": [{"id", "stage", "persona": {"id", "name"}, "as_is", "to_be", "note"}],
     "links": [{"id", "source", "target", "kind", "label", "translations"}]}

Texts are in the base language with their ``translations``; related rows are named, with their id as a
hint. ``stage``, ``source`` and ``target`` are ids of rows of the same file. Comments on stages are not
part of the file (they are a conversation about the map, not the map).
A consumer's file holds what their document holds: no backstage field, touchpoint, link or activity.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from wayfare.core.access import restrict
from wayfare.core.translations import base_language

from ..selectors import STAGE_TEXT, journey_map_document

FORMAT = "wayfare.journey-map"
VERSION = 1
STAGE_FILE_FIELDS = ("position", "name", "step", "phase", *STAGE_TEXT, "duration_minutes", "consumer_waits")
STAGE_STAFF_FIELDS = ("activities", "optional")
TOUCHPOINT_FILE_FIELDS = (
    "position",
    "name",
    "description",
    "channel",
    "kind",
    "interaction_form",
    "lane",
    "third_party",
    "aspect",
    "expected",
    "offers_choice",
)


def document_file(document: dict[str, Any], user: Any) -> dict[str, Any]:
    """The file of a map document (made in the base language, see ``journey_map_file``)."""
    from wayfare.analytics.models import EventLog

    backstage = document["backstage"]
    source = document["map"]
    personas = {p["id"]: {"id": p["id"], "name": p["name"]} for p in source.get("personas", [])}
    doc_map: dict[str, Any] = {
        "id": source["id"],
        "name": source["name"],
        "description": source.get("description", ""),
        "scope": source.get("scope", ""),
        "translations": source.get("translations", {}),
        "relationship": source.get("relationship"),
        "personas": list(personas.values()),
    }
    if backstage:
        log = None
        if source.get("event_log"):
            found = restrict(EventLog.objects.filter(pk=source["event_log"]), user, "view").first()
            log = {"id": found.pk, "name": str(found)} if found is not None else None
        doc_map.update(
            event_log=log,
            log_filters=source.get("log_filters") or {},
            internal_notes=source.get("internal_notes", ""),
        )
    stages, touchpoints, emotions = [], [], []
    for stage in document["stages"]:
        row = {"id": stage["id"], **{name: stage[name] for name in STAGE_FILE_FIELDS if name in stage}}
        if backstage:
            row.update({name: stage[name] for name in STAGE_STAFF_FIELDS if name in stage})
        row["translations"] = stage.get("translations", {})
        stages.append(row)
        for touchpoint in stage["touchpoints"]:
            item = {"id": touchpoint["id"], "stage": stage["id"]}
            item.update({name: touchpoint.get(name) for name in TOUCHPOINT_FILE_FIELDS})
            if backstage:
                item["activities"] = touchpoint.get("activities") or []
            item["translations"] = touchpoint.get("translations", {})
            touchpoints.append(item)
        for emotion in stage["emotions"]:
            persona = personas.get(emotion["persona"], {"id": emotion["persona"], "name": ""})
            emotions.append(
                {
                    "id": emotion["id"],
                    "stage": stage["id"],
                    "persona": persona,
                    "as_is": emotion["as_is"],
                    "to_be": emotion["to_be"],
                    "note": emotion.get("note", ""),
                }
            )
    links = [
        {
            "id": link["id"],
            "source": link["source"],
            "target": link["target"],
            "kind": link["kind"],
            "label": link.get("label", ""),
            "translations": link.get("translations", {}),
        }
        for link in document["links"]
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "map": doc_map,
        "stages": stages,
        "touchpoints": touchpoints,
        "emotions": emotions,
        "links": links,
    }


def journey_map_file(journey_map: Any, user: Any) -> dict[str, Any] | None:
    """The file of ``journey_map`` as ``user`` may read it (``None``: nothing they may read). The
    document is made in the base language so that texts and their translations keep their places."""
    with translation.override(base_language()):
        document = journey_map_document(journey_map, user)
        return document_file(document, user) if document is not None else None
