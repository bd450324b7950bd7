"""Read-heavy queries of journey analytics: every figure comes from the engine (DuckDB over the log's
Parquet file), filtered as the request asks. Callers pass rows already narrowed by ``restrict()``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb
from django.core.cache import cache
from django.http import QueryDict
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from wayfare.core.exceptions import DomainError

from .engine import EventFilter, EventLogAnalysis, _duckdb
from .limits import explorer_limits
from .models import EventLog

FILTER_PARAMS = (
    "start",
    "end",
    "time_mode",
    "start_activity",
    "end_activity",
    "variant",
    "case_attr",
    "event_attr",
)


# The filters' names as a reader knows them (a bad value is named in words, never as its parameter).
FILTER_LABELS = {
    "start": _("The start of the time window"),
    "end": _("The end of the time window"),
    "case_attr": _("A case attribute filter"),
    "event_attr": _("An event attribute filter"),
}


def _moment(value: str, name: str) -> datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        day = parse_date(value)
        if day is not None:
            parsed = datetime(day.year, day.month, day.day)
    if parsed is None:
        raise DomainError(
            _("%(name)s is not a date or time: “%(value)s”."),
            code="bad_filter",
            params={"name": FILTER_LABELS[name], "value": value},
        )
    if parsed.tzinfo is not None:
        from datetime import UTC

        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _pairs(values: list[str], name: str, known: list[str]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise DomainError(
                _("%(name)s names an attribute and a value, as in “priority=high”; “%(value)s” does not."),
                code="bad_filter",
                params={"name": FILTER_LABELS[name], "value": item},
            )
        if key not in known:
            raise DomainError(
                _("The log has no attribute “%(attribute)s”."), code="bad_filter", params={"attribute": key}
            )
        result.setdefault(key, []).append(value)
    return result


def event_filter_from_params(params: QueryDict, event_log: EventLog) -> EventFilter:
    """Turn query parameters into an engine filter; bad values raise a DomainError (400 in the API)."""
    time_mode = params.get("time_mode") or "contained"
    if time_mode not in ("contained", "intersecting"):
        raise DomainError(
            _("Cases are kept when they lie inside the time window or when they overlap it; choose one."),
            code="bad_filter",
        )
    variants = []
    for raw in params.getlist("variant"):
        try:
            variant = json.loads(raw)
        except ValueError:
            variant = None
        if not isinstance(variant, list) or not all(isinstance(a, str) for a in variant):
            raise DomainError(
                _("A variant filter lists the variant's activities in order; this one could not be read."),
                code="bad_filter",
            )
        variants.append(variant)
    known = list(event_log.attributes or []) + ["resource"]
    return EventFilter(
        start=_moment(str(params.get("start")), "start") if params.get("start") else None,
        end=_moment(str(params.get("end")), "end") if params.get("end") else None,
        time_mode=time_mode,  # type: ignore[arg-type]
        case_attributes=_pairs(params.getlist("case_attr"), "case_attr", known),
        event_attributes=_pairs(params.getlist("event_attr"), "event_attr", known),
        variants=variants or None,
        start_activities=params.getlist("start_activity") or None,
        end_activities=params.getlist("end_activity") or None,
        with_activities=params.getlist("with_activity") or None,
        without_activities=params.getlist("without_activity") or None,
    )


@contextmanager
def event_log_analysis(event_log: EventLog, params: QueryDict | None = None) -> Iterator[EventLogAnalysis]:
    """The analysis of a ready log, filtered by ``params``; closes DuckDB afterwards."""
    if not event_log.is_ready:
        raise DomainError(event_log.not_ready_message, code="not_ready")
    flt = event_filter_from_params(params or QueryDict(), event_log)
    try:
        with EventLogAnalysis.from_parquet(event_log.parquet_path) as analysis:
            if flt == EventFilter():
                yield analysis
            else:
                yield analysis.filtered(flt)
    except duckdb.OutOfMemoryException as exc:
        # The engine's memory is capped (analytics.limits); a log beyond it is a clear answer, not a 500.
        raise DomainError(
            _(
                "This analysis needs more memory than the %(limit)s an analysis may use. Narrow the filters, "
                "or ask an administrator to raise WAYFARE_DUCKDB_MEMORY_LIMIT."
            ),
            code="analysis_memory",
            params={"limit": _duckdb.MEMORY_LIMIT},
        ) from exc


def _int_param(params: QueryDict, name: str, default: int | None, low: int, high: int) -> int | None:
    raw = params.get(name, "")
    if not raw:
        return default
    if not raw.isdigit():
        raise DomainError(_("%(name)s must be a whole number."), code="bad_parameter", params={"name": name})
    return max(low, min(int(raw), high))


# Every list in an answer is bounded (issue #11: a 10.7 M-event log's explorer answer was 42.7 MB): the
# most frequent rows up to the settings' caps (``analytics.limits``), with ``<key>_total`` (how many there
# are) and ``<key>_truncated`` beside each list. The rows shown are exactly those of the whole answer.


def _bounded_ends(a: EventLogAnalysis, cap: int) -> dict[str, Any]:
    starts, ends = a.n_start_activities(), a.n_end_activities()
    return {
        "start_activities": a.start_activities(cap),
        "start_activities_total": starts,
        "start_activities_truncated": starts > cap,
        "end_activities": a.end_activities(cap),
        "end_activities_total": ends,
        "end_activities_truncated": ends > cap,
    }


def _summary(a: EventLogAnalysis, params: QueryDict) -> dict[str, Any]:
    return {
        "summary": a.summary(),
        "n_variants": a.n_variants(),
        "case_durations": a.case_durations(),
        **_bounded_ends(a, explorer_limits().activities),
    }


def _variants(a: EventLogAnalysis, params: QueryDict) -> dict[str, Any]:
    """The most frequent variants: ``limit`` of them (at most the cap; the cap when not given), with
    how many cases the variants left out hold."""
    cap = explorer_limits().variants
    limit = _int_param(params, "limit", cap, 1, cap) or cap
    total = a.n_variants()
    variants = a.variants(limit)
    cases = a.n_cases()
    return {
        "n_variants": total,
        "variants": variants,
        "variants_total": total,
        "variants_truncated": total > len(variants),
        "variants_others_cases": cases - sum(v["cases"] for v in variants),
    }


def _dfg(a: EventLogAnalysis, params: QueryDict) -> dict[str, Any]:
    """The most frequent paths; the activities listed are the most frequent ones plus every activity
    a listed path touches (so a drawn path always has both its boxes)."""
    caps = explorer_limits()
    edges, n_edges = a.dfg(caps.paths), a.n_dfg_edges()
    activities = a.activity_counts(caps.activities)
    touched = {e["from"] for e in edges} | {e["to"] for e in edges}
    missing = touched - activities.keys()
    if missing:
        activities.update(a.activity_names(missing))
        activities = dict(sorted(activities.items(), key=lambda kv: (-kv[1]["events"], kv[0])))
    n_activities = a.n_activities()
    return {
        "edges": edges,
        "edges_total": n_edges,
        "edges_truncated": n_edges > len(edges),
        "activities": activities,
        "activities_total": n_activities,
        "activities_truncated": n_activities > len(activities),
        **_bounded_ends(a, caps.activities),
    }


def _durations(a: EventLogAnalysis, params: QueryDict) -> dict[str, Any]:
    bins = _int_param(params, "bins", 30, 1, 200)
    return {"case_durations": a.case_durations(), "histogram": a.duration_histogram(bins or 30)}


def _activities(a: EventLogAnalysis, params: QueryDict) -> dict[str, Any]:
    cap = explorer_limits().activities
    n_activities, n_rework = a.n_activities(), a.n_rework()
    return {
        "activities": a.activity_counts(cap),
        "activities_total": n_activities,
        "activities_truncated": n_activities > cap,
        "rework": a.rework(cap),
        "rework_total": n_rework,
        "rework_truncated": n_rework > cap,
    }


def _attributes(a: EventLogAnalysis, params: QueryDict) -> dict[str, Any]:
    return a.attribute_values(_int_param(params, "limit", 50, 1, 500) or 50)


ANALYSES = {
    "summary": _summary,
    "variants": _variants,
    "dfg": _dfg,
    "durations": _durations,
    "activities": _activities,
    "attributes": _attributes,
}
# What the explorer page draws at once, computed on one materialisation of the log.
EXPLORER_PARTS = ("summary", "variants", "dfg", "durations", "activities")
CACHE_SECONDS = 600


def _cache_key(event_log: EventLog, names: tuple[str, ...], params: QueryDict) -> str:
    """Results are cached per log file version (its modification time), analysis and parameters."""
    stat = event_log.parquet_path.stat()
    version = f"{stat.st_mtime_ns}-{stat.st_size}"
    query = json.dumps(sorted((k, params.getlist(k)) for k in params), ensure_ascii=False)
    caps = explorer_limits()  # a change of the caps must not answer from the cache
    digest = hashlib.sha256(f"{names}|{query}|{caps}".encode()).hexdigest()[:32]
    return f"wayfare:analytics:{event_log.pk}:{version}:{digest}"


def event_log_analyses(
    event_log: EventLog, names: tuple[str, ...], params: QueryDict | None = None
) -> dict[str, Any]:
    """The named analyses of a ready log under the request's filters, as JSON-ready data.

    All of them share one DuckDB session (the per-case sequences are built once); the answer is cached,
    since a log's file never changes until it is imported again.
    """
    params = params or QueryDict()
    unknown = [n for n in names if n not in ANALYSES]
    if unknown:
        raise ValueError(f"unknown analyses {unknown}")
    if not event_log.is_ready:
        raise DomainError(event_log.not_ready_message, code="not_ready")
    key = _cache_key(event_log, names, params)
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    with event_log_analysis(event_log, params) as analysis:
        result = {name: ANALYSES[name](analysis, params) for name in names}
    cache.set(key, result, CACHE_SECONDS)
    return result


def event_log_case(event_log: EventLog, case_id: str) -> list[dict[str, Any]]:
    """The events of one case of a ready log, in journey order (filters do not apply: the whole case)."""
    if not event_log.is_ready:
        raise DomainError(event_log.not_ready_message, code="not_ready")
    with EventLogAnalysis.from_parquet(event_log.parquet_path) as analysis:
        return analysis.case_events(case_id)


def event_log_activity_names(event_log: EventLog) -> list[str]:
    """The activities a ready log holds, by name (empty while it is not imported)."""
    if not event_log.is_ready:
        return []
    return sorted(event_log_analyses(event_log, ("activities",))["activities"]["activities"])


def event_log_conformance(
    event_log: EventLog, journey_map: Any, params: QueryDict | None = None
) -> dict[str, Any]:
    """Conformance of the log's cases (filtered by ``params``) with a journey map, the designed journey
    (read through ``journeys.reference``)."""
    from wayfare.journeys.reference import journey_map_definition

    from .engine.conformance import conformance

    definition = journey_map_definition(journey_map)
    with event_log_analysis(event_log, params) as analysis:
        return conformance(analysis.con, analysis.events_view, definition)
