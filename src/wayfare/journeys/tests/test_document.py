"""The map document: staff read the live map with its backstage; a consumer reads only the published
version of a map of their relationship, without anything below the line of visibility."""

import pytest

from wayfare.core.access import SYSTEM
from wayfare.core.resources import registry
from wayfare.core.testing import make_user
from wayfare.core.versions import version_publish
from wayfare.journeys.models import JourneyMap
from wayfare.journeys.selectors import journey_map_document

from .factories import JourneyStageFactory, StageCommentFactory, TouchpointFactory, TouchpointLinkFactory

pytestmark = pytest.mark.django_db


def _map_with_backstage():
    stage = JourneyStageFactory(
        name="Pick up", backstage_notes="Cleaner checks the car", activities=["Unlock"]
    )
    front = TouchpointFactory(stage=stage, name="Unlock with the app", lane="frontstage")
    back = TouchpointFactory(stage=stage, name="Charge check", lane="backstage")
    TouchpointLinkFactory(source=front, target=back)
    StageCommentFactory(stage=stage, text="Ask the cleaning partner")
    return stage.journey_map


def test_staff_read_the_live_map_with_backstage():
    journey_map = _map_with_backstage()
    doc = journey_map_document(journey_map, make_user("designer", ["CX designer"]))
    assert doc["source"] == "live" and doc["backstage"]
    (stage,) = doc["stages"]
    assert [t["name"] for t in stage["touchpoints"]] == ["Unlock with the app", "Charge check"]
    assert stage["backstage_notes"] == "Cleaner checks the car"
    assert [c["text"] for c in stage["comments"]] == ["Ask the cleaning partner"]
    assert len(doc["links"]) == 1


def test_a_consumer_reads_only_the_published_frontstage(make_consumer):
    journey_map = _map_with_backstage()
    consumer = make_consumer("katrina", journey_map.relationship.consumer)
    assert not JourneyMap.objects.restrict(consumer).exists()  # never published: not even listed
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    journey_map.refresh_from_db()
    assert journey_map.published_number == 1
    TouchpointFactory(stage=journey_map.stages.get(), name="Added after publishing", lane="frontstage")
    visible = JourneyMap.objects.restrict(consumer).get()
    doc = journey_map_document(visible, consumer)
    assert doc["source"] == "published" and not doc["backstage"]
    (stage,) = doc["stages"]
    assert [t["name"] for t in stage["touchpoints"]] == ["Unlock with the app"]
    for hidden in ("backstage_notes", "activities", "comments", "support_processes"):
        assert hidden not in stage
    assert "internal_notes" not in doc["map"] and "event_log" not in doc["map"]
    assert doc["links"] == []
