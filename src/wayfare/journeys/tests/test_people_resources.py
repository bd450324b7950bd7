"""The standard battery for the people part's registers (issue #13 section 1). All are backstage design
material with no owning organisation."""

from wayfare.core.testing import ResourceTests
from wayfare.journeys.models import CultureProfile, Persona, PersonaAspiration, PersonaResearch, Scenario
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

from .factories import (
    CultureProfileFactory,
    JourneyMapFactory,
    PersonaAspirationFactory,
    PersonaFactory,
    PersonaResearchFactory,
    ScenarioFactory,
)


class PersonaTests(ResourceTests):
    model = Persona

    def make(self, owner):
        return PersonaFactory(relationship=ServiceRelationshipFactory())

    def valid_data(self, owner):
        return {"name": "Katrina", "segment": "Students", "goals": "Reach the festival"}

    def invalid_data(self, owner):
        return {"name": "", "is_machine": "on", "family": "Two sisters"}


class PersonaAspirationTests(ResourceTests):
    model = PersonaAspiration
    update_field = "text"

    def make(self, owner):
        return PersonaAspirationFactory()

    def valid_data(self, owner):
        return {"persona": PersonaFactory().pk, "kind": "social", "text": "Be seen travelling green"}

    def invalid_data(self, owner):
        return {"persona": PersonaFactory().pk, "kind": "nonsense", "text": ""}


class PersonaResearchTests(ResourceTests):
    model = PersonaResearch
    update_field = "title"

    def make(self, owner):
        return PersonaResearchFactory()

    def valid_data(self, owner):
        return {
            "persona": PersonaFactory().pk,
            "kind": "interview",
            "title": "Talk with car poolers",
            "held_on": "2026-11-02",
        }

    def invalid_data(self, owner):
        return {"persona": PersonaFactory().pk, "kind": "interview", "title": "", "link": "not a link"}


class ScenarioTests(ResourceTests):
    model = Scenario

    def make(self, owner):
        return ScenarioFactory(journey_map=JourneyMapFactory())

    def valid_data(self, owner):
        return {"name": "Weekend festival", "persona": PersonaFactory().pk, "position": 1, "goal": "Go"}

    def invalid_data(self, owner):
        return {"name": "", "position": 1}


class CultureProfileTests(ResourceTests):
    model = CultureProfile

    def make(self, owner):
        return CultureProfileFactory(persona=PersonaFactory())

    def valid_data(self, owner):
        scales = dict.fromkeys(
            ["communicating", "evaluating", "persuading", "leading", "deciding", "trusting", "disagreeing"], 4
        )
        return {"name": "Finnish staff", "segment": "Staff", "scheduling": 2, **scales}

    def invalid_data(self, owner):
        return {"name": "Nobody", "segment": "", "communicating": 11}
