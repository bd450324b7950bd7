"""The journey map as the reference of an event log (issue #13 section 3): the definition analytics reads,
the incident map's conformance equal to the analytics conformance of the same log, the maps of a log as
a user may see them, a map made from a variant, and the migration of designed journeys into maps."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wayfare.analytics.demo import STAGES
from wayfare.analytics.engine import ColumnMapping, EventLogAnalysis, import_csv
from wayfare.analytics.engine.conformance import DesignedJourney, DesignedStage, conformance
from wayfare.analytics.tests.factories import EventLogFactory
from wayfare.core.exceptions import DomainError
from wayfare.journeys.reference import journey_map_definition, journey_maps_for_log
from wayfare.journeys.services.reference import journey_map_create_from_variant

from .factories import JourneyMapFactory, JourneyStageFactory, TouchpointFactory

HELPDESK = Path(__file__).resolve().parents[2] / "analytics" / "demo_data" / "helpdesk.csv"


def _incident_map(event_log=None):
    """The demo's incident map: the stages of ``analytics.demo.STAGES``, the first activity of each on
    the stage itself and the others on its touchpoints (both belong to the stage)."""
    journey_map = JourneyMapFactory(name="Incident resolution", event_log=event_log)
    for position, (name, activities, optional) in enumerate(STAGES, start=1):
        stage = JourneyStageFactory(
            journey_map=journey_map,
            position=position,
            name=name,
            activities=activities[:1],
            optional=optional,
        )
        for n, activity in enumerate(activities[1:], start=1):
            TouchpointFactory(stage=stage, journey_map=journey_map, position=n, activities=[activity])
    return journey_map


@pytest.mark.django_db
def test_definition_takes_the_stages_and_their_touchpoints_activities_in_order():
    journey_map = _incident_map()
    definition = journey_map_definition(journey_map)
    assert [(s.name, list(s.activities), s.optional) for s in definition.stages] == [
        (name, activities, optional) for name, activities, optional in STAGES
    ]


@pytest.mark.django_db
def test_a_map_without_activities_or_with_an_activity_twice_is_refused():
    journey_map = JourneyMapFactory()
    JourneyStageFactory(journey_map=journey_map, position=1, activities=[])
    with pytest.raises(DomainError):
        journey_map_definition(journey_map)
    JourneyStageFactory(journey_map=journey_map, position=2, activities=["a"])
    JourneyStageFactory(journey_map=journey_map, position=3, activities=["a"])
    with pytest.raises(DomainError):
        journey_map_definition(journey_map)


@pytest.mark.django_db
def test_incident_map_conformance_equals_the_analytics_conformance_of_the_helpdesk_log(tmp_path):
    """The issue's check: the map's conformance is the engine's conformance of the same stages built
    directly, on the real Helpdesk log."""
    dest = tmp_path / "helpdesk.parquet"
    import_csv(HELPDESK, dest, ColumnMapping("case_id", "activity", "timestamp", "resource"))
    direct = DesignedJourney(
        stages=tuple(DesignedStage(name, tuple(acts), optional) for name, acts, optional in STAGES)
    )
    with EventLogAnalysis.from_parquet(dest) as analysis:
        expected = conformance(analysis.con, analysis.events_view, direct)
        got = conformance(analysis.con, analysis.events_view, journey_map_definition(_incident_map()))
    assert got == expected
    assert expected["cases"] == 4580 and 0 < expected["conforming_cases"] < expected["cases"]


@pytest.mark.django_db
def test_the_analytics_selector_reads_the_map(users):
    from wayfare.analytics.selectors import event_log_conformance
    from wayfare.analytics.services import event_log_import_run

    log = event_log_import_run(event_log_id=EventLogFactory().pk)
    journey_map = JourneyMapFactory(event_log=log)
    for position, name in enumerate(["Book", "Pick up", "Return"], start=1):
        JourneyStageFactory(journey_map=journey_map, position=position, name=name, activities=[name])
    result = event_log_conformance(log, journey_map)
    assert result["cases"] == 3 and result["conforming_cases"] == 1


@pytest.mark.django_db
def test_maps_of_a_log_go_through_restrict(users):
    log = EventLogFactory()
    mine = JourneyMapFactory(event_log=log)
    JourneyMapFactory()  # of no log
    assert list(journey_maps_for_log(log, users["staff"])) == [mine]
    assert list(journey_maps_for_log(log, users["staff_none"])) == []
    assert list(journey_maps_for_log(log, users["consumer_other"])) == []


@pytest.mark.django_db
def test_a_map_from_a_variant_has_one_stage_per_activity(users):
    log = EventLogFactory()
    journey_map = journey_map_create_from_variant(
        event_log=log,
        name="Happy path",
        activities=["Book", "Pick up", "Pick up", "Return"],
        actor=users["staff"],
    )
    assert journey_map.event_log == log
    assert list(journey_map.stages.values_list("position", "name", "activities")) == [
        (1, "Book", ["Book"]),
        (2, "Pick up", ["Pick up"]),
        (3, "Return", ["Return"]),
    ]
    with pytest.raises(DomainError):
        journey_map_create_from_variant(event_log=log, name="Empty", activities=[], actor=users["staff"])


@pytest.mark.django_db(transaction=True)
def test_migration_turns_designed_journeys_into_journey_maps():
    before = [
        ("analytics", "0004_record_translations"),
        ("journeys", "0001_initial"),
        ("core", "0004_reminders"),
    ]
    after = [("journeys", "0002_designed_journeys")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    EventLog = old.get_model("analytics", "EventLog")
    Journey = old.get_model("analytics", "DesignedJourney")
    Stage = old.get_model("analytics", "DesignedStage")
    Map = old.get_model("journeys", "JourneyMap")
    Version = old.get_model("core", "Version")
    ContentType = old.get_model("contenttypes", "ContentType")
    log = EventLog.objects.create(name="Tickets")
    Map.objects.create(name="Incident path")  # the name is taken: the log's name is added
    journey = Journey.objects.create(
        name="Incident path",
        event_log=log,
        description="Call to closure",
        translations={"ru": {"name": "Путь"}},
    )
    first = Stage.objects.create(journey=journey, position=1, name="Log", activities="Insert ticket\n")
    Stage.objects.create(
        journey=journey, position=2, name="Resolve", activities="Resolve ticket\n Closed", optional=True
    )
    kind, _ = ContentType.objects.get_or_create(app_label="analytics", model="designedjourney")
    snapshot = {
        "fields": {"name": "Incident path", "description": "Old", "translations": {}},
        "children": {
            "stages": {
                str(first.pk): {
                    "display": "1. Log",
                    "fields": {"position": 1, "name": "Log", "activities": "Insert ticket"},
                }
            }
        },
    }
    Version.objects.create(
        content_type=kind, object_id=journey.pk, state="published", number=1, data=snapshot
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    JourneyMap = new.get_model("journeys", "JourneyMap")
    journey_map = JourneyMap.objects.get(name="Incident path (Tickets)")
    assert journey_map.event_log_id == log.pk and journey_map.description == "Call to closure"
    assert journey_map.translations == {"ru": {"name": "Путь"}}
    assert journey_map.published_number == 1
    stages = list(
        journey_map.stages.order_by("position").values_list("position", "name", "activities", "optional")
    )
    assert stages == [
        (1, "Log", ["Insert ticket"], False),
        (2, "Resolve", ["Resolve ticket", "Closed"], True),
    ]
    version = new.get_model("core", "Version").objects.get(number=1)
    assert (version.content_type.app_label, version.content_type.model) == ("journeys", "journeymap")
    assert version.object_id == journey_map.pk
    (stage_row,) = version.data["children"]["stages"].values()
    assert stage_row["fields"]["activities"] == ["Insert ticket"]
    assert str(journey_map.stages.get(position=1).pk) in version.data["children"]["stages"]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
