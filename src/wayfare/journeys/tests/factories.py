"""Factories of the journey design studio. Every child row of a map gets its map from its stage."""

import factory

from wayfare.journeys.models import (
    AspirationKind,
    CultureProfile,
    CxQuestion,
    DesignStage,
    DesignWork,
    JohariEntry,
    JohariPane,
    JourneyMap,
    JourneyStage,
    MapReviewAnswer,
    Persona,
    PersonaAspiration,
    PersonaResearch,
    ResearchKind,
    Scenario,
    StageComment,
    StageEmotion,
    Touchpoint,
    TouchpointLink,
)
from wayfare.parties.tests.factories import UserFactory
from wayfare.relationships.tests.factories import ServiceRelationshipFactory


class PersonaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persona

    name = factory.Sequence(lambda n: f"Persona {n}")
    segment = "Students going out of town at weekends"
    goals = "Reach the festival on time"


class PersonaAspirationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonaAspiration

    persona = factory.SubFactory(PersonaFactory)
    kind = AspirationKind.FUNCTIONAL
    text = factory.Sequence(lambda n: f"Aspiration {n}")


class PersonaResearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonaResearch

    persona = factory.SubFactory(PersonaFactory)
    kind = ResearchKind.INTERVIEW
    title = factory.Sequence(lambda n: f"Interview {n}")


class CultureProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CultureProfile

    name = factory.Sequence(lambda n: f"Culture {n}")
    segment = "International students"


class JourneyMapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JourneyMap

    name = factory.Sequence(lambda n: f"Journey map {n}")
    relationship = factory.SubFactory(ServiceRelationshipFactory)


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    name = factory.Sequence(lambda n: f"Scenario {n}")
    persona = factory.SubFactory(PersonaFactory)
    goal = "Book a van for the weekend"


class JourneyStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JourneyStage

    journey_map = factory.SubFactory(JourneyMapFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Stage {n}")
    step = "engage"


class StageEmotionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageEmotion

    stage = factory.SubFactory(JourneyStageFactory)
    journey_map = factory.SelfAttribute("stage.journey_map")
    persona = factory.SubFactory(PersonaFactory)
    as_is = 1


class TouchpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Touchpoint

    stage = factory.SubFactory(JourneyStageFactory)
    journey_map = factory.SelfAttribute("stage.journey_map")
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Touchpoint {n}")
    channel = "app"


class TouchpointLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TouchpointLink

    source = factory.SubFactory(TouchpointFactory)
    journey_map = factory.SelfAttribute("source.journey_map")
    target = factory.SubFactory(TouchpointFactory, stage__journey_map=factory.SelfAttribute("...journey_map"))


class StageCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageComment

    stage = factory.SubFactory(JourneyStageFactory)
    journey_map = factory.SelfAttribute("stage.journey_map")
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Comment {n}")


class MapReviewAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MapReviewAnswer

    journey_map = factory.SubFactory(JourneyMapFactory)
    question = CxQuestion.DOING
    answer = "They look for a free car in the app."


class DesignWorkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DesignWork

    journey_map = factory.SubFactory(JourneyMapFactory)
    design_stage = DesignStage.EMPATHISE
    activity = factory.Sequence(lambda n: f"Interview round {n}")


class JohariEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JohariEntry

    journey_map = factory.SubFactory(JourneyMapFactory)
    pane = JohariPane.ASK
    text = factory.Sequence(lambda n: f"What do they expect at pick-up? {n}")
