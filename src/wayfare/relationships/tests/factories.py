import factory

from wayfare.parties.tests.factories import OrganisationFactory, UserFactory
from wayfare.relationships.models import LadderStage, RelationshipType, ServiceRelationship


class ServiceRelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceRelationship

    name = factory.Sequence(lambda n: f"Relationship {n}")
    provider = factory.SubFactory(OrganisationFactory)
    consumer = factory.SubFactory(OrganisationFactory)
    relationship_type = RelationshipType.BASIC
    ladder_stage = LadderStage.ENVIRONMENT
    manager = factory.SubFactory(UserFactory)
