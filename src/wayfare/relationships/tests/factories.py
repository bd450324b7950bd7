import datetime

import factory

from wayfare.parties.tests.factories import OrganisationFactory, UserFactory
from wayfare.relationships.models import (
    JourneyStep,
    LadderEvidence,
    LadderStage,
    RelationshipStepChange,
    RelationshipType,
    ServiceRelationship,
)


class ServiceRelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceRelationship

    name = factory.Sequence(lambda n: f"Relationship {n}")
    provider = factory.SubFactory(OrganisationFactory)
    consumer = factory.SubFactory(OrganisationFactory)
    relationship_type = RelationshipType.BASIC
    ladder_stage = LadderStage.ENVIRONMENT
    manager = factory.SubFactory(UserFactory)


class LadderEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LadderEvidence

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    stage = LadderStage.TRUST
    evidence = factory.Sequence(lambda n: f"Evidence {n}")
    reached_on = factory.LazyFunction(datetime.date.today)


class RelationshipStepChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelationshipStepChange

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    from_step = JourneyStep.EXPLORE
    to_step = JourneyStep.ENGAGE
    changed_on = factory.LazyFunction(datetime.date.today)
