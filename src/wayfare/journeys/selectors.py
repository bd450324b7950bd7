"""Reading journey maps: the *map document*, the one shape every view of a map is drawn from (the
editor, the consumer's read-only view, the blueprint, behavioural hints, exports and the JSON file).

``journey_map_document(journey_map, user)`` builds it from a version snapshot (``core.versions``): the
live map for provider staff, the latest *published* version for a consumer's people, with the backstage
left out (touchpoints below the line of visibility, links touching them, backstage fields of the map and
its stages, comments). Text fields come in the reader's language (``translations`` in the snapshot); every row also carries its
``translations`` (those of the fields the reader may read), for the JSON file (exports).

Shape (JSON-ready)::

    {"map": {"id", "name", "description", "scope", "relationship": {"id", "name"} | None,
             "personas": [{"id", "name", "is_machine"}], "version", "published_number",
             # staff only:
             "event_log": id | None, "log_filters": {...}, "internal_notes"},
     "stages": [{"id", "position", "name", "step", "step_label", "phase", "phase_label",
                 <every text field of JourneyStage>, "duration_minutes",
                 "emotions": [{"id", "persona", "as_is", "to_be", "note"}],
                 "touchpoints": [{"id", "position", "name", "description", "channel", "channel_label",
                                  "kind", "kind_label", "interaction_form", "interaction_form_label",
                                  "lane", "lane_label", "backstage", "third_party": {"id", "name"} | None,
                                  "aspect", "aspect_label", "expected", "offers_choice",
                                  # staff only: "activities"
                                  }],
                 # staff only: "activities", "optional", "backstage_notes", "support_processes",
                 # "data_sources", "comments": [{"id", "author", "text", "resolved", "created"}]
                 }],
     "links": [{"id", "source", "target", "kind", "kind_label", "label"}],
     "source": "live" | "published", "backstage": bool}
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

from wayfare.core.access import is_consumer, restrict
from wayfare.core.concurrency import version_of
from wayfare.core.related import Seen
from wayfare.core.resources import registry
from wayfare.core.translations import base_language
from wayfare.core.versions import latest_published, snapshot
from wayfare.parties.models import Organisation
from wayfare.relationships.models import JourneyStep, ServiceRelationship

from .models import (
    BACKSTAGE_LANES,
    Aspect,
    Channel,
    InteractionForm,
    JourneyMap,
    Lane,
    LinkKind,
    Persona,
    Phase,
    StageComment,
    TouchpointKind,
)

# What a consumer never reads of a map or of its stages (issue #13 section 4).
MAP_BACKSTAGE = ("event_log", "log_filters", "internal_notes")
STAGE_BACKSTAGE = ("activities", "optional", "backstage_notes", "support_processes", "data_sources")
STAGE_TEXT = (
    "customer_actions",
    "thoughts",
    "pain_points",
    "opportunities",
    "moments_of_truth",
    "provider_teams",
    "consumer_goals",
    "provider_goals",
    "data_sources",
    "past_improvements",
    "support_processes",
    "backstage_notes",
)
TOUCHPOINT_TEXT = ("name", "description")


def _text(fields: dict[str, Any], name: str, language: str) -> Any:
    value = fields.get(name, "")
    if language == base_language():
        return value
    text = ((fields.get("translations") or {}).get(language) or {}).get(name)
    return text if isinstance(text, str) and text.strip() else value


def _label(choices: Any, value: Any) -> str:
    return str(dict(choices.choices).get(value, "")) if value else ""


def _translations(fields: dict[str, Any], hidden: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
    """The snapshot's translations of a row, without those of the fields the reader may not read."""
    return {
        language: {name: text for name, text in texts.items() if name not in hidden}
        for language, texts in (fields.get("translations") or {}).items()
        if isinstance(texts, dict)
    }


def _sorted(rows: dict[str, Any], *keys: str) -> list[tuple[int, dict[str, Any]]]:
    items = [(int(pk), row["fields"]) for pk, row in rows.items()]
    return sorted(items, key=lambda item: tuple(item[1].get(k) or 0 for k in keys) + (item[0],))


def journey_map_snapshot(journey_map: JourneyMap, user: Any) -> tuple[dict[str, Any], str] | None:
    """The snapshot the reader sees and where it comes from: ``(data, "live")`` for provider staff,
    ``(data, "published")`` for a consumer (``None`` if the map has no published version)."""
    resource = registry.get(JourneyMap)
    if not is_consumer(user):
        return snapshot(resource, journey_map), "live"
    published = latest_published(resource, journey_map)
    return (published.data, "published") if published is not None else None


def document_from_snapshot(
    journey_map: JourneyMap, data: dict[str, Any], *, user: Any, backstage: bool, source: str
) -> dict[str, Any]:
    """The map document of a snapshot (see the module docstring); ``backstage=False`` leaves out all
    that lies below the line of visibility."""
    language = (get_language() or base_language()).lower()
    seen = Seen(user)
    fields = data.get("fields", {})
    children = data.get("children", {})

    persona_ids = fields.get("personas") or []
    personas = {p.pk: p for p in Persona.objects.filter(pk__in=persona_ids)}
    relationship = None
    if fields.get("relationship"):
        rel = ServiceRelationship.objects.filter(pk=fields["relationship"]).first()
        if rel is not None:
            relationship = {"id": rel.pk, "name": str(seen.label(rel))}
    third_party_ids = {
        row["fields"].get("third_party") for row in children.get("touchpoints", {}).values()
    } - {None}
    third_parties = {o.pk: o for o in Organisation.objects.filter(pk__in=third_party_ids)}
    seen.prime_objects(third_parties.values())

    doc_map: dict[str, Any] = {
        "id": journey_map.pk,
        "name": _text(fields, "name", language),
        "description": _text(fields, "description", language),
        "scope": _text(fields, "scope", language),
        "relationship": relationship,
        "personas": [
            {"id": pk, "name": personas[pk].translated("name"), "is_machine": personas[pk].is_machine}
            for pk in persona_ids
            if pk in personas
        ],
        "translations": _translations(fields, () if backstage else MAP_BACKSTAGE),
        "version": version_of(journey_map),
        "published_number": journey_map.published_number,
    }
    if backstage:
        doc_map.update({name: fields.get(name) for name in MAP_BACKSTAGE})

    stages: dict[int, dict[str, Any]] = {}
    for pk, f in _sorted(children.get("stages", {}), "position"):
        stage: dict[str, Any] = {
            "id": pk,
            "position": f.get("position"),
            "name": _text(f, "name", language),
            "step": f.get("step", ""),
            "step_label": _label(JourneyStep, f.get("step")),
            "phase": f.get("phase", ""),
            "phase_label": _label(Phase, f.get("phase")),
            "duration_minutes": f.get("duration_minutes"),
            "consumer_waits": f.get("consumer_waits", False),
            **{name: _text(f, name, language) for name in STAGE_TEXT},
            "activities": f.get("activities") or [],
            "optional": f.get("optional", False),
            "translations": _translations(f, () if backstage else STAGE_BACKSTAGE),
            "emotions": [],
            "touchpoints": [],
        }
        if not backstage:
            for name in STAGE_BACKSTAGE:
                stage.pop(name, None)
        stages[pk] = stage

    for pk, f in _sorted(children.get("emotions", {}), "persona"):
        if f.get("stage") in stages:
            stages[f["stage"]]["emotions"].append(
                {
                    "id": pk,
                    "persona": f.get("persona"),
                    "as_is": f.get("as_is"),
                    "to_be": f.get("to_be"),
                    "note": f.get("note", ""),
                }
            )

    shown_touchpoints: set[int] = set()
    for pk, f in _sorted(children.get("touchpoints", {}), "position"):
        if f.get("stage") not in stages:
            continue
        is_backstage = f.get("lane") in BACKSTAGE_LANES
        if is_backstage and not backstage:
            continue
        third = third_parties.get(f.get("third_party") or 0)
        touchpoint = {
            "id": pk,
            "position": f.get("position"),
            **{name: _text(f, name, language) for name in TOUCHPOINT_TEXT},
            "channel": f.get("channel", ""),
            "channel_label": _label(Channel, f.get("channel")),
            "kind": f.get("kind", ""),
            "kind_label": _label(TouchpointKind, f.get("kind")),
            "interaction_form": f.get("interaction_form", ""),
            "interaction_form_label": _label(InteractionForm, f.get("interaction_form")),
            "lane": f.get("lane", ""),
            "lane_label": _label(Lane, f.get("lane")),
            "backstage": is_backstage,
            "third_party": {"id": third.pk, "name": str(seen.label(third))} if third is not None else None,
            "aspect": f.get("aspect", ""),
            "aspect_label": _label(Aspect, f.get("aspect")),
            "expected": f.get("expected", True),
            "offers_choice": f.get("offers_choice", False),
            "translations": _translations(f),
        }
        if backstage:
            touchpoint["activities"] = f.get("activities") or []
        stages[f["stage"]]["touchpoints"].append(touchpoint)
        shown_touchpoints.add(pk)

    links = [
        {
            "id": pk,
            "source": f.get("source"),
            "target": f.get("target"),
            "kind": f.get("kind", ""),
            "kind_label": _label(LinkKind, f.get("kind")),
            "label": _text(f, "label", language),
            "translations": _translations(f),
        }
        for pk, f in _sorted(children.get("links", {}))
        if f.get("source") in shown_touchpoints and f.get("target") in shown_touchpoints
    ]

    if backstage and source == "live":
        comments = StageComment.objects.filter(journey_map=journey_map).select_related("author")
        for stage in stages.values():
            stage["comments"] = []
        for comment in comments:
            if comment.stage_id in stages:
                stages[comment.stage_id]["comments"].append(
                    {
                        "id": comment.pk,
                        "author": str(seen.account(comment.author)),
                        "text": comment.text,
                        "resolved": comment.resolved,
                        "created": comment.created.isoformat(),
                    }
                )

    return {
        "map": doc_map,
        "stages": list(stages.values()),
        "links": links,
        "source": source,
        "backstage": backstage,
    }


def journey_map_document(journey_map: JourneyMap, user: Any) -> dict[str, Any] | None:
    """The map as ``user`` may read it (see the module docstring), or ``None`` when a consumer's
    relationship has no published version of it. The caller fetched ``journey_map`` through
    ``restrict(..., "view")``."""
    found = journey_map_snapshot(journey_map, user)
    if found is None:
        return None
    data, source = found
    return document_from_snapshot(
        journey_map, data, user=user, backstage=not is_consumer(user), source=source
    )


def journey_map_list(user: Any) -> Any:
    return restrict(JourneyMap.objects.all(), user, "view").select_related("relationship")
