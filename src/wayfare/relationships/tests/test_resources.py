"""The standard battery for the relationships registers."""

from wayfare.core.testing import ResourceTests
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships.models import LadderEvidence, ServiceRelationship

from .factories import LadderEvidenceFactory, ServiceRelationshipFactory


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
            "counterpart_time_zone": "America/Sao_Paulo",
        }

    def invalid_data(self, owner):
        return {"name": "", "provider": owner.pk, "consumer": owner.pk, "relationship_type": "friendship"}


class LadderEvidenceTests(ResourceTests):
    model = LadderEvidence
    update_field = "evidence"

    def make(self, owner):
        return LadderEvidenceFactory(relationship__consumer=owner)

    def valid_data(self, owner):
        relationship = ServiceRelationshipFactory(consumer=owner)
        return {
            "relationship": relationship.pk,
            "stage": 2,
            "evidence": "First meeting at the campus fair",
            "reached_on": "2026-03-02",
        }

    def invalid_data(self, owner):
        return {"relationship": "", "stage": 9, "evidence": "", "reached_on": "someday"}
