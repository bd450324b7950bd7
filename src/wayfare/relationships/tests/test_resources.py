"""The standard battery for the relationships registers."""

from wayfare.core.testing import ResourceTests
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships.models import ServiceRelationship

from .factories import ServiceRelationshipFactory


class ServiceRelationshipTests(ResourceTests):
    model = ServiceRelationship

    def make(self, owner):
        return ServiceRelationshipFactory(consumer=owner)

    def valid_data(self, owner):
        return {
            "name": "Campus car sharing",
            "provider": OrganisationFactory().pk,
            "consumer": owner.pk,
            "relationship_type": "cooperative",
            "journey_step": "engage",
            "counterpart_time_zone": "America/Sao_Paulo",
        }

    def invalid_data(self, owner):
        return {"name": "", "provider": owner.pk, "consumer": owner.pk, "relationship_type": "friendship"}
