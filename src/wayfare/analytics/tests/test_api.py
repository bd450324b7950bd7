"""The analysis endpoints: figures on a small log computed by hand, filters, errors and access."""

import json

import pytest
from django.urls import reverse

from wayfare.analytics.services import event_log_import_run
from wayfare.core.testing import client_for
from wayfare.journeys.tests.factories import JourneyMapFactory, JourneyStageFactory

from .factories import EventLogFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def log():
    return event_log_import_run(event_log_id=EventLogFactory().pk)


def api(client, log, action, **params):
    return client.get(f"/api/analytics/event-logs/{log.pk}/{action}/", params)


def test_summary_and_variants(users, log):
    client = client_for(users["staff"])
    data = api(client, log, "summary").json()
    assert data["summary"]["events"] == 10 and data["n_variants"] == 3
    assert data["start_activities"] == {"Book": 2, "Pick up": 1}
    assert data["case_durations"]["max"] == 6 * 3600
    variants = api(client, log, "variants").json()["variants"]
    assert sorted(v["cases"] for v in variants) == [1, 1, 1]


def test_dfg_figures(users, log):
    edges = {(e["from"], e["to"]): e for e in api(client_for(users["staff"]), log, "dfg").json()["edges"]}
    book_pick = edges[("Book", "Pick up")]
    assert book_pick["frequency"] == 2 and book_pick["mean"] == 1.5 * 3600 and book_pick["max"] == 2 * 3600
    assert edges[("Pick up", "Pick up")]["frequency"] == 1


def test_filters_apply_to_every_analysis(users, log):
    client = client_for(users["staff"])
    data = api(client, log, "summary", start_activity="Book").json()
    assert data["summary"]["cases"] == 2
    data = api(client, log, "summary", start="2024-03-02", end="2024-03-03").json()
    assert data["summary"]["cases"] == 1
    variant = json.dumps(["Pick up", "Charge", "Return"])
    assert api(client, log, "variants", variant=variant).json()["n_variants"] == 1
    data = api(client, log, "activities", event_attr="resource=ana").json()
    assert "Charge" in data["activities"]
    assert data["rework"] == {}
    assert api(client, log, "summary", with_activity="Charge").json()["summary"]["cases"] == 1
    assert api(client, log, "summary", without_activity="Charge").json()["summary"]["cases"] == 2


def test_durations_histogram(users, log):
    data = api(client_for(users["staff"]), log, "durations", bins=3).json()
    assert sum(data["histogram"]["counts"]) == 3 and len(data["histogram"]["edges"]) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"start": "yesterday"},
        {"time_mode": "sideways"},
        {"variant": "[1, 2"},
        {"case_attr": "colour=red"},
        {"event_attr": "no-equals-sign"},
    ],
)
def test_bad_filters_answer_400(users, log, params):
    response = api(client_for(users["staff"]), log, "summary", **params)
    assert response.status_code == 400 and response.json()["code"] == "bad_filter"
    # Issue #15: the reason names the filter in words, never its parameter.
    message = str(response.json())
    assert not any(name in message for name in ("case_attr", "event_attr", "time_mode", "JSON")), message


def test_a_bad_attribute_filter_says_what_it_needs_in_the_readers_language(users, log):
    response = api(client_for(users["staff"]), log, "summary", event_attr="no-equals-sign")
    assert "An event attribute filter names an attribute and a value" in str(response.json())
    russian = client_for(users["staff"])
    russian.cookies["django_language"] = "ru"
    response = api(russian, log, "summary", case_attr="priority")
    assert "Фильтр по атрибуту случая" in str(response.json()), response.json()


def test_a_failed_log_says_it_failed_not_that_it_waits(users):
    from wayfare.analytics.services import event_log_import_run

    failed = event_log_import_run(event_log_id=EventLogFactory(case_column="ticket").pk)
    response = api(client_for(users["staff"]), failed, "summary")
    assert response.status_code == 400 and "import of this event log failed" in str(response.json())
    page = client_for(users["staff"]).get(reverse("analytics:explorer", args=[failed.pk])).content.decode()
    assert "import of this event log failed" in page and "not imported yet" not in page


def test_not_imported_log_answers_400(users):
    response = api(client_for(users["staff"]), EventLogFactory(), "summary")
    assert response.status_code == 400 and response.json()["code"] == "not_ready"


@pytest.mark.parametrize("role,status", [("staff_none", 403), ("consumer_own", 403), ("anonymous", 401)])
def test_analysis_access(users, log, role, status):
    assert api(client_for(users[role]), log, "dfg").status_code == status


def test_conformance_endpoint(users, log):
    journey = JourneyMapFactory(event_log=log)
    for position, name in enumerate(["Book", "Pick up", "Return"], 1):
        JourneyStageFactory(journey_map=journey, position=position, name=name, activities=[name])
    client = client_for(users["staff"])
    data = api(client, log, "conformance", journey_map=journey.pk).json()
    assert data["cases"] == 3
    assert data["conforming_cases"] == 1  # c1 only: c2 repeats Pick up, c3 skips Book and adds Charge
    kinds = {d["kind"] for d in data["deviations"]}
    assert {"skipped", "unexpected"} <= kinds
    other = JourneyMapFactory()  # a map of no log, or of another log, is not this log's
    assert api(client, log, "conformance", journey_map=other.pk).status_code == 404
    assert api(client, log, "conformance", journey_map="x").status_code == 400


def test_explorer_page(users, log):
    client = client_for(users["staff"])
    page = client.get(f"/analytics/event-logs/{log.pk}/explore/")
    assert page.status_code == 200
    assert b"explorer-config" in page.content and b"echarts.min.js" in page.content
    assert (
        client_for(users["consumer_own"]).get(f"/analytics/event-logs/{log.pk}/explore/").status_code == 403
    )


def test_journey_map_from_a_variant(users, log):
    client = client_for(users["staff"])
    url = f"/api/analytics/event-logs/{log.pk}/from-variant/"
    body = {"name": "Happy path", "activities": ["Book", "Pick up", "Pick up", "Return"]}
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    journey_id = response.json()["id"]
    assert response.json()["stages"] == 3  # the repeated Pick up is named once
    data = api(client, log, "conformance", journey_map=journey_id).json()
    assert data["conforming_cases"] == 1  # c1; c2 repeats Pick up, c3 starts elsewhere
    assert client.post(url, body | {"activities": []}, content_type="application/json").status_code == 400
    missing = "/api/analytics/event-logs/999999/from-variant/"
    assert client.post(missing, body, content_type="application/json").status_code == 404
    duplicate = client.post(url, body, content_type="application/json")
    assert duplicate.status_code == 400  # the name is taken; nothing half-written
    from wayfare.journeys.models import JourneyMap, JourneyStage

    assert JourneyMap.objects.filter(event_log=log).count() == 1
    assert JourneyStage.objects.filter(journey_map__event_log=log).count() == 3
    assert list(JourneyStage.objects.order_by("position").values_list("activities", flat=True)) == [
        ["Book"],
        ["Pick up"],
        ["Return"],
    ]
    reader = client_for(users["staff_none"])
    assert reader.post(url, body | {"name": "Other"}, content_type="application/json").status_code == 403


def test_attribute_values(users, log):
    data = api(client_for(users["staff"]), log, "attributes").json()
    assert data["resource"][0] == {"value": "ana", "events": 6, "cases": 3}
    assert {v["value"] for v in data["resource"]} == {"ana", "bo"}


def test_explorer_bundle_equals_the_single_endpoints(users, log):
    client = client_for(users["staff"])
    bundle = api(client, log, "explorer", limit=2, start_activity="Book").json()
    assert set(bundle) == {"summary", "variants", "dfg", "durations", "activities"}
    for name in bundle:
        assert bundle[name] == api(client, log, name, limit=2, start_activity="Book").json(), name
    assert len(bundle["variants"]["variants"]) == 2
    assert api(client, log, "variants", limit="many").status_code == 400


def test_answers_are_cached_per_log_version(users, log, monkeypatch):
    from wayfare.analytics import selectors

    calls = []
    original = selectors.event_log_analysis

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(selectors, "event_log_analysis", counting)
    client = client_for(users["staff"])
    first = api(client, log, "summary", end_activity="Return").json()
    assert api(client, log, "summary", end_activity="Return").json() == first
    assert len(calls) == 1
    event_log_import_run(event_log_id=log.pk)  # a new file version is analysed afresh
    api(client, log, "summary", end_activity="Return")
    assert len(calls) == 2


def test_one_case_in_journey_order(users, log):
    client = client_for(users["staff"])
    data = api(client, log, "case", id="c2", start_activity="Book").json()  # filters do not cut a case
    assert data["case"] == "c2"
    assert [(e["activity"], e["resource"]) for e in data["events"]] == [
        ("Book", "bo"),
        ("Pick up", "bo"),
        ("Pick up", "ana"),
        ("Return", "ana"),
    ]
    assert data["events"][0]["timestamp"] == "2024-03-02T09:00:00Z"
    assert api(client, log, "case", id="nope").status_code == 404
    assert api(client, log, "case").status_code == 400
    assert api(client_for(users["consumer_own"]), log, "case", id="c2").status_code == 403
