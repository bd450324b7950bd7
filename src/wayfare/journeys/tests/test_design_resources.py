"""The standard battery for the design registers: review answers, design work, Johari entries."""

from wayfare.core.testing import ResourceTests
from wayfare.journeys.models import DesignWork, JohariEntry, MapReviewAnswer

from .factories import DesignWorkFactory, JohariEntryFactory, JourneyMapFactory, MapReviewAnswerFactory


class MapReviewAnswerTests(ResourceTests):
    model = MapReviewAnswer
    update_field = "answer"

    def make(self, owner):
        return MapReviewAnswerFactory(journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        journey_map = JourneyMapFactory(relationship__consumer=owner)
        return {
            "journey_map": journey_map.pk,
            "question": "anxiety",
            "status": "answered",
            "answer": "At pick-up",
        }

    def invalid_data(self, owner):
        return {"journey_map": "", "question": "bogus", "status": "open"}


class DesignWorkTests(ResourceTests):
    model = DesignWork
    update_field = "activity"

    def make(self, owner):
        return DesignWorkFactory(journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        journey_map = JourneyMapFactory(relationship__consumer=owner)
        return {
            "journey_map": journey_map.pk,
            "design_stage": "prototype",
            "principle": "evidencing",
            "activity": "Paper prototype of the return flow",
            "status": "planned",
        }

    def invalid_data(self, owner):
        return {"journey_map": "", "design_stage": "dream", "activity": ""}


class JohariEntryTests(ResourceTests):
    model = JohariEntry
    update_field = "text"

    def make(self, owner):
        return JohariEntryFactory(journey_map__relationship__consumer=owner)

    def valid_data(self, owner):
        journey_map = JourneyMapFactory(relationship__consumer=owner)
        return {"journey_map": journey_map.pk, "pane": "tell", "text": "Charging rules at the campus"}

    def invalid_data(self, owner):
        return {"journey_map": "", "pane": "nowhere", "text": ""}
