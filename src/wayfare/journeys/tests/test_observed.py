"""Per-stage figures of a map's event log (issue #13 section 3), computed by hand on tiny logs, and the
``journeys:map_observed`` answer: staff only, empty while the map has no ready log."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pyarrow as pa
import pytest
from django.urls import reverse

from wayfare.analytics.engine import EventLogAnalysis
from wayfare.analytics.engine.conformance import DesignedJourney, DesignedStage, stage_breakdown
from wayfare.analytics.services import event_log_import_run
from wayfare.analytics.tests.factories import EventLogFactory
from wayfare.core.testing import client_for

from .factories import JourneyMapFactory, JourneyStageFactory, TouchpointFactory

T0 = datetime(2024, 1, 1, 9, 0)


def _table(cases):
    rows = [(case, act, T0 + timedelta(hours=h)) for case, events in cases.items() for act, h in events]
    return pa.table(
        {
            "row_no": pa.array(range(1, len(rows) + 1), pa.int64()),
            "case_id": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": pa.array([r[2] for r in rows], pa.timestamp("us")),
            "resource": pa.array([None] * len(rows), pa.string()),
        }
    )


def test_stage_breakdown_by_hand():
    journey = DesignedJourney(
        stages=(
            DesignedStage("A", ("a",)),
            DesignedStage("B", ("b",)),
            DesignedStage("C", ("c",), optional=True),
        )
    )
    cases = {
        "k1": [("a", 0), ("b", 1), ("c", 3)],  # A 1 h, B 2 h, C 0 h
        "k2": [("b", 0), ("a", 2), ("b", 3)],  # A out of order (3 -> 1 h), B re-entered (2 h + 0 h)
        "k3": [("a", 0), ("a", 4)],  # A repeated in its visit (4 h), B skipped
        "k4": [("x", 0)],  # reaches nothing
    }
    with EventLogAnalysis.from_arrow(_table(cases)) as analysis:
        a, b, c = stage_breakdown(analysis.con, analysis.events_view, journey)
    assert a == {
        "stage": "A",
        "cases": 3,
        "share": 0.75,
        "median_dwell_seconds": 3600.0 * 1,  # 1 h, 1 h, 4 h
        "skipped_share": 0.25,
        "repeated_share": 0.25,
        "out_of_order_share": 0.25,
    }
    assert b["cases"] == 2 and b["share"] == 0.5 and b["median_dwell_seconds"] == 7200.0
    assert b["skipped_share"] == 0.5 and b["repeated_share"] == 0.25 and b["out_of_order_share"] == 0.0
    # optional: never counted as skipped
    assert c["cases"] == 1 and c["median_dwell_seconds"] == 0.0 and c["skipped_share"] == 0.0


@pytest.fixture
def mapped(db):
    """The small bookings log (analytics factories) and a map of it: Book, Pick up (through a
    touchpoint), Return."""
    log = event_log_import_run(event_log_id=EventLogFactory().pk)
    journey_map = JourneyMapFactory(event_log=log)
    book = JourneyStageFactory(journey_map=journey_map, position=1, name="Book", activities=["Book"])
    pick_up = JourneyStageFactory(journey_map=journey_map, position=2, name="Pick up", activities=[])
    TouchpointFactory(stage=pick_up, journey_map=journey_map, position=1, activities=["Pick up"])
    back = JourneyStageFactory(journey_map=journey_map, position=3, name="Return", activities=["Return"])
    JourneyStageFactory(journey_map=journey_map, position=4, name="Feedback", activities=[])
    return journey_map, book, pick_up, back


def test_observed_answer_per_stage(users, mapped):
    journey_map, book, pick_up, back = mapped
    response = client_for(users["staff"]).get(reverse("journeys:map_observed", args=[journey_map.pk]))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["log"] == {"id": journey_map.event_log.pk, "name": journey_map.event_log.name}
    assert data["conformance"]["cases"] == 3 and data["conformance"]["conforming_cases"] == 1
    stages = data["stages"]
    assert set(stages) == {str(book.pk), str(pick_up.pk), str(back.pk)}  # Feedback names no activity
    # c1 Book 9-10, c2 Book 9-11; c3 never books
    assert stages[str(book.pk)] | {"explorer_url": ""} == {
        "cases": 2,
        "share": pytest.approx(2 / 3),
        "median_dwell_seconds": 5400.0,
        "skipped_share": pytest.approx(1 / 3),
        "repeated_share": 0.0,
        "out_of_order_share": 0.0,
        "explorer_url": "",
    }
    # c1 10-12, c2 11:00-15:00 (picked up twice: repeated), c3 8-10 (Charge is not a stage's)
    picked = stages[str(pick_up.pk)]
    assert picked["cases"] == 3 and picked["median_dwell_seconds"] == 7200.0
    assert picked["repeated_share"] == pytest.approx(1 / 3) and picked["skipped_share"] == 0.0
    assert stages[str(back.pk)]["median_dwell_seconds"] == 0.0
    url = urlsplit(picked["explorer_url"])
    assert url.path == reverse("analytics:explorer", args=[journey_map.event_log.pk])
    assert parse_qs(url.query) == {"with_activity": ["Pick up"]}


def test_the_maps_filters_apply(users, mapped):
    journey_map = mapped[0]
    journey_map.log_filters = {"start_activity": "Book"}
    journey_map.save()
    data = client_for(users["staff"]).get(reverse("journeys:map_observed", args=[journey_map.pk])).json()
    assert data["conformance"]["cases"] == 2
    book = data["stages"][str(mapped[1].pk)]
    assert book["share"] == 1.0 and book["skipped_share"] == 0.0
    assert parse_qs(urlsplit(book["explorer_url"]).query) == {
        "start_activity": ["Book"],
        "with_activity": ["Book"],
    }
    response = client_for(users["staff"]).get(
        reverse("journeys:map_observed", args=[journey_map.pk]), {"start": "not a date"}
    )
    assert response.status_code == 400


def test_the_explorer_answers_the_stage_filter(users, mapped):
    journey_map, book = mapped[0], mapped[1]
    data = client_for(users["staff"]).get(reverse("journeys:map_observed", args=[journey_map.pk])).json()
    url = urlsplit(data["stages"][str(book.pk)]["explorer_url"])
    log = journey_map.event_log
    api = f"/api/analytics/event-logs/{log.pk}/summary/?{url.query}"
    assert client_for(users["staff"]).get(api).json()["summary"]["cases"] == 2
    assert client_for(users["staff"]).get(url.path + "?" + url.query).status_code == 200


def test_a_map_without_a_ready_log_answers_empty(users, db):
    journey_map = JourneyMapFactory()
    url = reverse("journeys:map_observed", args=[journey_map.pk])
    assert client_for(users["staff"]).get(url).json() == {"log": None, "conformance": None, "stages": {}}
    journey_map.event_log = EventLogFactory()  # pending, never imported
    journey_map.save()
    assert client_for(users["staff"]).get(url).json()["log"] is None


@pytest.mark.parametrize("role,status", [("consumer_own", 404), ("consumer_other", 404), ("anonymous", 302)])
def test_consumers_never_reach_the_observed_figures(users, mapped, role, status):
    journey_map = mapped[0]
    journey_map.published_number = 1
    journey_map.relationship = None
    journey_map.save()
    url = reverse("journeys:map_observed", args=[journey_map.pk])
    assert client_for(users[role]).get(url).status_code == status


def test_the_blueprint_shows_the_observed_median_beside_the_designed_time(users, mapped):
    journey_map, book, pick_up, back = mapped
    page = client_for(users["staff"]).get(reverse("journeys:map_blueprint", args=[journey_map.pk]))
    text = page.content.decode()
    assert 'data-observed="90"' in text and "observed median: 90 minutes" in text  # Book: 5400 s
    assert 'data-observed="120"' in text  # Pick up: 7200 s
