"""The standard battery for the registers of the suppliers part (issue #12 sections 3 and 6). The owner
of a supplier record is the supplier, the provider side of a relationship whose consumer is us."""

from wayfare.core.testing import ResourceTests
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships.models import (
    ExperienceFactorImportance,
    ExperienceProfile,
    RelationshipDependency,
    ServiceIntegration,
    SupplierAssessment,
    SupplierCompliance,
    SupplierCriterion,
    SupplierPerformance,
    SupplierScore,
)

from .factories import ServiceRelationshipFactory
from .factories_suppliers import (
    ExperienceFactorImportanceFactory,
    ExperienceProfileFactory,
    InternalOrganisationFactory,
    RelationshipDependencyFactory,
    ServiceIntegrationFactory,
    SupplierAssessmentFactory,
    SupplierComplianceFactory,
    SupplierCriterionFactory,
    SupplierPerformanceFactory,
    SupplierRelationshipFactory,
    SupplierScoreFactory,
)


class ServiceIntegrationTests(ResourceTests):
    model = ServiceIntegration
    update_field = "notes"

    def make(self, owner):
        return ServiceIntegrationFactory(integrator=owner)

    def valid_data(self, owner):
        return {
            "organisation": InternalOrganisationFactory().pk,
            "integration_model": "service_guardian",
            "stance": "hub",
            "integrator": owner.pk,
            "notes": "Axle's desk takes our incidents",
        }

    def invalid_data(self, owner):
        return {"organisation": OrganisationFactory().pk, "integration_model": "nobody", "stance": "hub"}


class SupplierCriterionTests(ResourceTests):
    model = SupplierCriterion

    def make(self, owner):
        return SupplierCriterionFactory()

    def valid_data(self, owner):
        return {"name": "How hard to replace", "dimension": "risk", "weight": 3}

    def invalid_data(self, owner):
        return {"name": "", "dimension": "mood", "weight": 0}


class SupplierAssessmentTests(ResourceTests):
    model = SupplierAssessment
    update_field = "notes"

    def make(self, owner):
        return SupplierAssessmentFactory(relationship__provider=owner)

    def valid_data(self, owner):
        return {
            "relationship": SupplierRelationshipFactory(provider=owner).pk,
            "dependency_level": 4,
            "risk_level": 2,
            "managed_by_us": True,
            "reviewed_on": "2026-10-01",
            "next_review": "2027-04-01",
            "notes": "Important, easy to source",
        }

    def invalid_data(self, owner):
        return {
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "dependency_level": 9,
            "risk_level": 1,
        }


class SupplierScoreTests(ResourceTests):
    model = SupplierScore
    update_field = "note"

    def make(self, owner):
        return SupplierScoreFactory(assessment__relationship__provider=owner)

    def valid_data(self, owner):
        return {
            "assessment": SupplierAssessmentFactory(relationship__provider=owner).pk,
            "criterion": SupplierCriterionFactory().pk,
            "score": 4,
            "note": "Few alternatives",
        }

    def invalid_data(self, owner):
        return {"assessment": "", "criterion": SupplierCriterionFactory().pk, "score": 7}


class SupplierPerformanceTests(ResourceTests):
    model = SupplierPerformance
    update_field = "measure"

    def make(self, owner):
        return SupplierPerformanceFactory(relationship__provider=owner)

    def valid_data(self, owner):
        return {
            "relationship": SupplierRelationshipFactory(provider=owner).pk,
            "measured_on": "2026-10-31",
            "period": "2026-10",
            "measure": "Stations working",
            "unit": "%",
            "direction": "at_least",
            "target": "95",
            "actual": "81",
        }

    def invalid_data(self, owner):
        return {"relationship": ServiceRelationshipFactory(consumer=owner).pk, "measure": "", "target": "x"}


class SupplierComplianceTests(ResourceTests):
    model = SupplierCompliance
    update_field = "requirement"

    def make(self, owner):
        return SupplierComplianceFactory(relationship__provider=owner)

    def valid_data(self, owner):
        return {
            "relationship": SupplierRelationshipFactory(provider=owner).pk,
            "requirement": "Green products only",
            "status": "compliant",
            "checked_on": "2026-09-15",
            "evidence": "Product sheets seen",
            "next_check": "2027-03-15",
        }

    def invalid_data(self, owner):
        return {
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "requirement": "",
            "status": "maybe",
        }


class RelationshipDependencyTests(ResourceTests):
    model = RelationshipDependency
    update_field = "note"

    def make(self, owner):
        return RelationshipDependencyFactory(dependent__consumer=owner)

    def valid_data(self, owner):
        return {
            "dependent": ServiceRelationshipFactory(consumer=owner).pk,
            "depends_on": SupplierRelationshipFactory().pk,
            "critical": True,
            "note": "No charging, no trips",
        }

    def invalid_data(self, owner):
        same = ServiceRelationshipFactory(consumer=owner).pk
        return {"dependent": same, "depends_on": same}


class ExperienceProfileTests(ResourceTests):
    model = ExperienceProfile

    def make(self, owner):
        return ExperienceProfileFactory(relationship__consumer=owner)

    def valid_data(self, owner):
        return {
            "name": "The university's students",
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "description": "Cost first",
        }

    def invalid_data(self, owner):
        return {
            "name": "",
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "segment": "Students",
        }


class ExperienceFactorImportanceTests(ResourceTests):
    model = ExperienceFactorImportance
    update_field = "note"

    def make(self, owner):
        return ExperienceFactorImportanceFactory(profile__relationship__consumer=owner)

    def valid_data(self, owner):
        return {
            "profile": ExperienceProfileFactory(relationship__consumer=owner).pk,
            "factor": "service_quality",
            "aspect": "usability",
            "importance": 5,
            "note": "Self-service pick-up must be easy",
        }

    def invalid_data(self, owner):
        return {
            "profile": ExperienceProfileFactory(relationship__consumer=owner).pk,
            "factor": "price_cost",
            "aspect": "usability",
            "importance": 9,
        }
