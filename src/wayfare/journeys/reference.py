"""The journey map as the reference of an observed event log (issue #13 section 3): what journey analytics
reads of a map, and the per-stage figures of the map's log shown on the map.

Analytics reads maps only through these selectors. ``journey_map_definition`` turns a map into the
engine's designed journey: a stage's activities are its own ``activities`` followed by those of its
touchpoints (in their order, each once), and its ``optional`` flag is kept; stages naming no activity are
left out (they have nothing to hold the log against)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wayfare.analytics.engine.conformance import DesignedJourney, DesignedStage
from wayfare.core.access import is_consumer, restrict
from wayfare.core.exceptions import DomainError

from .models import JourneyMap


def journey_map_stage_activities(journey_map: JourneyMap) -> list[tuple[Any, list[str]]]:
    """Each stage of the map in order, with its activities (its own, then its touchpoints')."""
    result = []
    for stage in journey_map.stages.order_by("position").prefetch_related("touchpoints"):
        names = list(stage.activities or [])
        for touchpoint in sorted(stage.touchpoints.all(), key=lambda t: t.position):
            names.extend(touchpoint.activities or [])
        result.append((stage, list(dict.fromkeys(a for a in names if a))))
    return result


def activity_problems(
    journey_map: JourneyMap,
    *,
    known: set[str] | None = None,
    stage: Any = None,
    stage_names: set[str] | None = None,
    touchpoint: Any = None,
    touchpoint_names: set[str] | None = None,
) -> dict[Any, list[str]]:
    """The one rule for the log activities a map names (the editor, the stage and touchpoint forms): each
    is an activity of the map's log, and belongs to one stage only (its own or one of its touchpoints'),
    so conformance can tell the stages apart. Answers the problems per stage (its pk; ``"new"`` for an
    unsaved ``stage``), in the map's order.

    ``stage``/``stage_names``: the stage being edited with the activities it is to name;
    ``touchpoint``/``touchpoint_names``: likewise a touchpoint (its ``stage_id`` says where it goes).
    ``known``: the log's activity names, when the caller has them already (a form, from its choices)."""
    from wayfare.analytics.selectors import event_log_activity_names

    no_log = known is None and not journey_map.event_log_id
    if known is None:
        log = journey_map.event_log
        known = set(event_log_activity_names(log)) if log is not None and log.is_ready else set()
    sets: dict[Any, set[str]] = {}
    names_of: dict[Any, str] = {}
    order: list[Any] = []
    for row in journey_map.stages.order_by("position"):
        key = row.pk
        order.append(key)
        names_of[key] = str(row.translated("name"))
        own = stage_names if stage is not None and stage.pk == key else row.activities
        sets[key] = set(own or [])
    if stage is not None and stage.pk is None:
        order.append("new")
        names_of["new"] = str(stage.name)
        sets["new"] = set(stage_names or [])
    for card in journey_map.touchpoints.all():
        if touchpoint is not None and card.pk == touchpoint.pk:
            continue
        if card.stage_id in sets:
            sets[card.stage_id] |= set(card.activities or [])
    if touchpoint is not None and touchpoint_names:
        sets.setdefault(touchpoint.stage_id, set()).update(touchpoint_names)
    problems: dict[Any, list[str]] = {}
    owner: dict[str, Any] = {}
    for key in order:
        for name in sorted(sets.get(key, ())):
            if no_log:
                problems.setdefault(key, []).append(
                    str(_("The map has no event log, so its stages name no activities."))
                )
                break
            if name not in known:
                message = _("“%(activity)s” is not an activity of the map's event log.") % {"activity": name}
            elif name in owner:
                message = _("“%(activity)s” belongs to stage “%(stage)s” already.") % {
                    "activity": name,
                    "stage": names_of[owner[name]],
                }
            else:
                owner[name] = key
                continue
            problems.setdefault(key, []).append(str(message))
    return problems


def journey_map_definition(journey_map: JourneyMap) -> DesignedJourney:
    """The map as the engine's designed journey; a map naming no activity, or one activity in two
    stages, is a DomainError."""
    stages = tuple(
        DesignedStage(name=str(stage.translated("name")), activities=tuple(names), optional=stage.optional)
        for stage, names in journey_map_stage_activities(journey_map)
        if names
    )
    if not stages:
        raise DomainError(
            _("No stage of the journey map names an activity of the log yet."), code="no_stages"
        )
    try:
        return DesignedJourney(stages=stages)
    except ValueError as exc:
        raise DomainError(str(exc), code="bad_journey") from exc


def journey_maps_for_log(event_log: Any, user: Any) -> Any:
    """The journey maps whose reference log is ``event_log``, as ``user`` may read them."""
    return restrict(JourneyMap.objects.filter(event_log=event_log), user, "view").order_by("name")


def _filter_params(journey_map: JourneyMap, params: QueryDict | None) -> QueryDict:
    """The map's ``log_filters`` (explorer parameters: a value or a list of values each), with the
    request's own parameters on top."""
    query = QueryDict(mutable=True)
    for key, value in (journey_map.log_filters or {}).items():
        for item in value if isinstance(value, list) else [value]:
            query.appendlist(str(key), str(item))
    for key in params or {}:
        query.setlist(key, params.getlist(key))  # type: ignore[union-attr]
    return query


def journey_map_conformance(journey_map: JourneyMap, params: QueryDict | None = None) -> dict[str, Any]:
    """The analytics conformance of the map's log (its filters applied) against the map."""
    from wayfare.analytics.selectors import event_log_conformance

    if journey_map.event_log is None:
        raise DomainError(_("The journey map has no event log."), code="no_log")
    return event_log_conformance(journey_map.event_log, journey_map, _filter_params(journey_map, params))


def journey_map_observed(
    journey_map: JourneyMap, user: Any, params: QueryDict | None = None
) -> dict[str, Any]:
    """What the map's log shows per stage (``journeys:map_observed``): ``{"log", "conformance",
    "stages": {"<stage id>": {...}}}``. ``log`` and ``conformance`` are None while the map has no ready
    log that ``user`` may read (a consumer's people never read a log); stages naming no activity have no
    figures."""
    from wayfare.analytics.engine.conformance import conformance, stage_breakdown
    from wayfare.analytics.models import EventLog
    from wayfare.analytics.selectors import event_log_analysis

    empty: dict[str, Any] = {"log": None, "conformance": None, "stages": {}}
    if journey_map.event_log_id is None or is_consumer(user):
        return empty
    event_log = restrict(EventLog.objects.filter(pk=journey_map.event_log_id), user, "view").first()
    if event_log is None or not event_log.is_ready:
        return empty
    log = {"id": event_log.pk, "name": str(event_log)}
    stages = [(stage, names) for stage, names in journey_map_stage_activities(journey_map) if names]
    if not stages:
        return {**empty, "log": log}
    definition = journey_map_definition(journey_map)
    query = _filter_params(journey_map, params)
    with event_log_analysis(event_log, query) as analysis:
        checked = conformance(analysis.con, analysis.events_view, definition)
        figures = stage_breakdown(analysis.con, analysis.events_view, definition)
    explorer = reverse("analytics:explorer", args=[event_log.pk])
    result = {}
    for (stage, names), row in zip(stages, figures, strict=True):
        row = {k: v for k, v in row.items() if k != "stage"}
        pairs = [(k, v) for k in query for v in query.getlist(k) if k not in ("with_activity", "map")]
        pairs += [("with_activity", a) for a in names]
        row["explorer_url"] = f"{explorer}?{urlencode(pairs)}"
        result[str(stage.pk)] = row
    return {"log": log, "conformance": checked, "stages": result}
