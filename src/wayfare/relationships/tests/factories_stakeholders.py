"""Factories of the stakeholders part (issue #12 section 2)."""

import datetime

import factory

from wayfare.relationships.models import (
    Stakeholder,
    StakeholderCategory,
    StakeholderKind,
    StakeholderPosition,
    StakeholderSide,
    approach_for,
)

from .factories import ServiceRelationshipFactory


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder
        skip_postgeneration_save = True

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    name = factory.Sequence(lambda n: f"Stakeholder {n}")
    kind = StakeholderKind.PERSON
    side = StakeholderSide.EXTERNAL
    category = StakeholderCategory.CUSTOMER
    influence = 4
    interest = 2
    approach = factory.LazyAttribute(lambda o: approach_for(o.influence, o.interest))

    @factory.post_generation
    def first_position(self, create, extracted, **kwargs):
        """Every stakeholder starts with the position it was added at (as ``stakeholder_create`` writes)."""
        if create and extracted is not False:
            StakeholderPosition.objects.create(
                stakeholder=self,
                assessed_on=extracted or datetime.date(2026, 9, 1),
                influence=self.influence,
                interest=self.interest,
                approach=self.approach,
            )


class StakeholderPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderPosition

    stakeholder = factory.SubFactory(StakeholderFactory)
    assessed_on = datetime.date(2026, 10, 1)
    influence = 3
    interest = 3
    approach = factory.LazyAttribute(lambda o: approach_for(o.influence, o.interest))
