"""Factories of the suppliers part: a supplier relationship has one of our own (internal) organisations as
its consumer; ``owner`` in the battery is the supplier (the provider side)."""

import datetime

import factory

from wayfare.parties.models import OrganisationKind
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships.models import (
    ComplianceStatus,
    CriterionDimension,
    ExperienceFactor,
    ExperienceFactorImportance,
    ExperienceProfile,
    IntegrationModel,
    IntegrationStance,
    RelationshipDependency,
    ServiceIntegration,
    SupplierAssessment,
    SupplierCompliance,
    SupplierCriterion,
    SupplierPerformance,
    SupplierScore,
)

from .factories import ServiceRelationshipFactory


class InternalOrganisationFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Our unit {n}")
    kind = OrganisationKind.INTERNAL


class SupplierRelationshipFactory(ServiceRelationshipFactory):
    """A relationship where we are the consumer."""

    name = factory.Sequence(lambda n: f"Supply {n}")
    consumer = factory.SubFactory(InternalOrganisationFactory)


class ServiceIntegrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceIntegration

    organisation = factory.SubFactory(InternalOrganisationFactory)
    integration_model = IntegrationModel.GUARDIAN
    stance = IntegrationStance.HUB
    integrator = factory.SubFactory(OrganisationFactory)
    notes = "How we integrate"


class SupplierCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierCriterion

    name = factory.Sequence(lambda n: f"Criterion {n}")
    dimension = CriterionDimension.DEPENDENCY
    weight = 2


class SupplierAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierAssessment

    relationship = factory.SubFactory(SupplierRelationshipFactory)
    dependency_level = 2
    risk_level = 2
    reviewed_on = datetime.date(2026, 9, 1)
    next_review = datetime.date(2027, 3, 1)
    notes = "Profile notes"


class SupplierScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierScore

    assessment = factory.SubFactory(SupplierAssessmentFactory)
    criterion = factory.SubFactory(SupplierCriterionFactory)
    score = 3
    note = "Scored"


class SupplierPerformanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierPerformance

    relationship = factory.SubFactory(SupplierRelationshipFactory)
    measured_on = factory.LazyFunction(datetime.date.today)
    period = "2026-10"
    measure = factory.Sequence(lambda n: f"Availability {n}")
    unit = "%"
    target = 95
    actual = 97


class SupplierComplianceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierCompliance

    relationship = factory.SubFactory(SupplierRelationshipFactory)
    requirement = factory.Sequence(lambda n: f"Requirement {n}")
    status = ComplianceStatus.COMPLIANT
    checked_on = datetime.date(2026, 9, 1)
    next_check = datetime.date(2027, 3, 1)


class RelationshipDependencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelationshipDependency

    dependent = factory.SubFactory(ServiceRelationshipFactory)
    depends_on = factory.SubFactory(SupplierRelationshipFactory)
    critical = False
    note = "Needs it"


class ExperienceProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExperienceProfile

    name = factory.Sequence(lambda n: f"Profile {n}")
    relationship = factory.SubFactory(ServiceRelationshipFactory)
    description = "Who they are"


class ExperienceFactorImportanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExperienceFactorImportance

    profile = factory.SubFactory(ExperienceProfileFactory)
    factor = ExperienceFactor.PRICE_COST
    importance = 4
    note = "Matters"
