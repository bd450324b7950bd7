"""The standard battery for every register of the journey design studio (core.testing.ResourceTests)."""

from wayfare.core.testing import ResourceTests
from wayfare.journeys.models import (
    JourneyMap,
    JourneyStage,
    StageComment,
    StageEmotion,
    Touchpoint,
    TouchpointLink,
)
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

from .factories import (
    JourneyMapFactory,
    JourneyStageFactory,
    PersonaFactory,
    StageCommentFactory,
    StageEmotionFactory,
    TouchpointFactory,
    TouchpointLinkFactory,
)


class JourneyMapTests(ResourceTests):
    """Maps are frontstage once published: a consumer of the relationship lists and opens them."""

    model = JourneyMap

    def make(self, owner):
        from wayfare.analytics.tests.factories import EventLogFactory
        from wayfare.core.access import SYSTEM
        from wayfare.core.resources import registry
        from wayfare.core.versions import version_publish

        journey_map = JourneyMapFactory(relationship__consumer=owner, event_log=EventLogFactory())
        journey_map.personas.add(PersonaFactory())
        version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
        journey_map.refresh_from_db()
        return journey_map

    def valid_data(self, owner):
        relationship = ServiceRelationshipFactory(consumer=owner)
        return {"name": "Weekend trip", "relationship": relationship.pk, "log_filters": "{}"}

    def invalid_data(self, owner):
        return {"name": "", "log_filters": "not json"}


class JourneyStageTests(ResourceTests):
    model = JourneyStage

    def make(self, owner):
        return JourneyStageFactory(journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        journey_map = JourneyMapFactory(relationship__consumer=owner)
        return {
            "journey_map": journey_map.pk,
            "position": 1,
            "name": "Find the service",
            "phase": "before",
        }

    def invalid_data(self, owner):
        return {"position": 1, "name": "", "phase": "sometime"}


class StageEmotionTests(ResourceTests):
    model = StageEmotion
    update_field = "note"

    def make(self, owner):
        return StageEmotionFactory(stage__journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        stage = JourneyStageFactory(journey_map__relationship__consumer=owner)
        return {
            "journey_map": stage.journey_map_id,
            "stage": stage.pk,
            "persona": PersonaFactory().pk,
            "as_is": -2,
            "to_be": 2,
        }

    def invalid_data(self, owner):
        stage = JourneyStageFactory(journey_map__relationship__consumer=owner)
        return {
            "journey_map": stage.journey_map_id,
            "stage": stage.pk,
            "persona": PersonaFactory().pk,
            "as_is": 9,
        }


class TouchpointTests(ResourceTests):
    model = Touchpoint

    def make(self, owner):
        return TouchpointFactory(
            stage__journey_map__relationship__consumer=owner,
            third_party=OrganisationFactory(),
            interaction_form="use",
        )

    def valid_data(self, owner):
        stage = JourneyStageFactory(journey_map__relationship__consumer=owner)
        return {
            "journey_map": stage.journey_map_id,
            "stage": stage.pk,
            "position": 1,
            "name": "Advert",
            "channel": "advert",
            "kind": "touchpoint",
            "lane": "frontstage",
            "aspect": "brand",
            "expected": "on",
        }

    def invalid_data(self, owner):
        stage = JourneyStageFactory(journey_map__relationship__consumer=owner)
        return {
            "journey_map": stage.journey_map_id,
            "stage": stage.pk,
            "position": 1,
            "name": "Advert",
            "channel": "advert",
            "kind": "touchpoint",
            "interaction_form": "goods",
            "lane": "frontstage",
            "aspect": "brand",
        }


class TouchpointLinkTests(ResourceTests):
    model = TouchpointLink
    update_field = "label"

    def make(self, owner):
        return TouchpointLinkFactory(source__stage__journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        source = TouchpointFactory(stage__journey_map__relationship__consumer=owner)
        target = TouchpointFactory(stage__journey_map=source.journey_map)
        return {
            "journey_map": source.journey_map_id,
            "source": source.pk,
            "target": target.pk,
            "kind": "loop",
            "label": "Try again",
        }

    def invalid_data(self, owner):
        source = TouchpointFactory(stage__journey_map__relationship__consumer=owner)
        return {
            "journey_map": source.journey_map_id,
            "source": source.pk,
            "target": source.pk,
            "kind": "loop",
        }


class StageCommentTests(ResourceTests):
    model = StageComment
    update_field = "text"

    def make(self, owner):
        return StageCommentFactory(stage__journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        stage = JourneyStageFactory(journey_map__relationship__consumer=owner)
        return {"journey_map": stage.journey_map_id, "stage": stage.pk, "text": "Ask the desk"}

    def invalid_data(self, owner):
        stage = JourneyStageFactory(journey_map__relationship__consumer=owner)
        return {"journey_map": stage.journey_map_id, "stage": stage.pk, "text": ""}


def test_stage_activities_are_chosen_from_the_maps_log_once(db, tmp_path, settings):
    """The stage form offers the map's log activities only, and refuses one another stage has."""
    from unittest import mock

    from wayfare.core.access import SYSTEM
    from wayfare.journeys.forms_maps import JourneyStageForm

    first = JourneyStageFactory(activities=["Insert ticket"])
    journey_map = first.journey_map
    with mock.patch("wayfare.journeys.forms_maps._log_activities", return_value=["Insert ticket", "Closed"]):
        form = JourneyStageForm(
            user=SYSTEM,
            data={
                "journey_map": journey_map.pk,
                "position": 2,
                "name": "Close",
                "phase": "after",
                "activities": ["Closed", "Typed by hand"],
            },
        )
        assert not form.is_valid() and "activities" in form.errors  # not a choice of the log
        form = JourneyStageForm(
            user=SYSTEM,
            data={
                "journey_map": journey_map.pk,
                "position": 2,
                "name": "Close",
                "phase": "after",
                "activities": ["Insert ticket"],
            },
        )
        assert not form.is_valid() and "belongs to stage" in str(form.errors.get("activities")), form.errors
        form = JourneyStageForm(
            user=SYSTEM,
            data={
                "journey_map": journey_map.pk,
                "position": 2,
                "name": "Close",
                "phase": "after",
                "activities": ["Closed"],
            },
        )
        assert form.is_valid(), form.errors
        assert form.save().activities == ["Closed"]


def test_a_touchpoint_may_not_take_an_activity_of_another_stage(db):
    """The touchpoint form applies the editor's rule: its activities count as its stage's."""
    from unittest import mock

    from wayfare.core.access import SYSTEM
    from wayfare.journeys.forms_maps import TouchpointForm

    first = JourneyStageFactory(activities=["Insert ticket"], position=1)
    second = JourneyStageFactory(journey_map=first.journey_map, position=2, name="Close")
    data = {
        "journey_map": first.journey_map_id,
        "stage": second.pk,
        "position": 1,
        "name": "Desk",
        "channel": "phone",
        "kind": "touchpoint",
        "lane": "frontstage",
        "aspect": "journey",
        "expected": "on",
    }
    with mock.patch("wayfare.journeys.forms_maps._log_activities", return_value=["Insert ticket", "Closed"]):
        form = TouchpointForm(user=SYSTEM, data={**data, "activities": ["Insert ticket"]})
        assert not form.is_valid() and "belongs to stage" in str(form.errors.get("activities")), form.errors
        form = TouchpointForm(user=SYSTEM, data={**data, "activities": ["Closed"]})
        assert form.is_valid(), form.errors
        # On the stage that names it already, a touchpoint may name it too (the same stage).
        form = TouchpointForm(user=SYSTEM, data={**data, "stage": first.pk, "activities": ["Insert ticket"]})
        assert form.is_valid(), form.errors
