"""A consumer account cannot reach a map's backstage by any URL (issue #13 section 4).

Walks the URL resolver: every pattern of the ``journeys`` namespace and every ``/api/journeys/`` route,
with each argument filled by the id of a row of the published map (or ``map``/``relationship`` for a
kind), so pages merged later are covered too. Each answer is a 403/404/redirect, or a body without any
backstage text."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from wayfare.core.access import SYSTEM
from wayfare.core.resources import registry
from wayfare.core.testing import client_for
from wayfare.core.versions import version_publish
from wayfare.journeys.models import JourneyMap

from .factories import (
    DesignWorkFactory,
    JohariEntryFactory,
    JourneyStageFactory,
    MapReviewAnswerFactory,
    StageCommentFactory,
    TouchpointFactory,
)

pytestmark = pytest.mark.django_db

SECRETS = (
    "SECRET-backstage-touchpoint",
    "SECRET-support-touchpoint",
    "SECRET-backstage-notes",
    "SECRET-support-process",
    "SECRET-comment",
    "SECRET-internal-notes",
    "SECRET-review",
    "SECRET-design",
    "SECRET-johari",
)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + _clean(str(entry.pattern)))
        elif isinstance(entry, URLPattern):
            yield prefix + _clean(str(entry.pattern)), entry


def _clean(pattern):
    return pattern.lstrip("^").rstrip("$")


def _journeys_routes():
    routes = []
    for route, entry in _walk(get_resolver().url_patterns):
        module = getattr(entry.callback, "__module__", "") or ""
        cls = getattr(entry.callback, "cls", None) or getattr(entry.callback, "view_class", None)
        owner = getattr(getattr(cls, "queryset", None), "model", None) if cls else None
        if (
            route.startswith("journeys/")
            or route.startswith("api/journeys/")
            or "journeys" in module
            or (owner is not None and owner._meta.app_label == "journeys")
        ):
            routes.append(route)
    return sorted(set(routes))


def _fill(route, ids):
    route = route.lstrip("^").rstrip("$").replace("\\.", ".")
    route = re.sub(r"\(\?P<format>[^)]*\)", "json", route)
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: f"<{m.group(1)}>", route)

    def value(match):
        name = match.group(2)
        if name == "kind":
            return "map"
        if name == "fmt":
            return "json"
        return str(ids.get(name, ids["pk"]))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route).replace("/.json", ".json")


@pytest.fixture
def published_map():
    stage = JourneyStageFactory(
        name="Pick up", backstage_notes="SECRET-backstage-notes", support_processes="SECRET-support-process"
    )
    journey_map = stage.journey_map
    JourneyMap.objects.filter(pk=journey_map.pk).update(internal_notes="SECRET-internal-notes")
    journey_map.refresh_from_db()
    TouchpointFactory(stage=stage, name="Unlock with the app", lane="frontstage")
    back = TouchpointFactory(stage=stage, name="SECRET-backstage-touchpoint", lane="backstage")
    TouchpointFactory(stage=stage, name="SECRET-support-touchpoint", lane="support")
    StageCommentFactory(stage=stage, text="SECRET-comment")
    MapReviewAnswerFactory(journey_map=journey_map, answer="SECRET-review")
    DesignWorkFactory(journey_map=journey_map, activity="SECRET-design")
    JohariEntryFactory(journey_map=journey_map, text="SECRET-johari")
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    return journey_map, stage, back


@pytest.mark.parametrize(
    "who",
    [
        "own",
        "other",
    ],
)
def test_a_consumer_reaches_no_backstage_by_any_url(published_map, make_consumer, org_b, who):
    journey_map, stage, back = published_map
    owner = journey_map.relationship.consumer if who == "own" else org_b
    client = client_for(make_consumer(f"consumer_{who}", owner))
    ids = {"pk": journey_map.pk, "map_pk": journey_map.pk, "stage_pk": stage.pk, "touchpoint_pk": back.pk}
    routes = _journeys_routes()
    assert any("blueprint" in r for r in routes)
    checked, leaks = [], []
    for route in routes:
        for pk in {journey_map.pk, stage.pk, back.pk}:
            url = _fill(route, {**ids, "pk": pk})
            response = client.get(url)
            checked.append((url, response.status_code))
            if response.status_code in (301, 302, 403, 404, 405):
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", "replace")
            leaks += [(url, secret) for secret in SECRETS if secret in text]
    assert leaks == []
    # The walk reached real pages: the consumer of the map's own relationship reads its blueprint.
    if who == "own":
        assert any("blueprint" in url and status == 200 for url, status in checked)
        assert any(url.startswith("/api/journeys/") and status == 200 for url, status in checked)
