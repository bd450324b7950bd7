import factory

from wayfare.agreements.models import (
    Agreement,
    AgreementState,
    AgreementTerm,
    ValuePlanItem,
)
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory
from wayfare.relationships.tests.factories import ServiceRelationshipFactory


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    name = factory.Sequence(lambda n: f"Agreement {n}")
    relationship = factory.SubFactory(ServiceRelationshipFactory)
    basis = "agreement"
    kind = "service_level"
    state = AgreementState.PROPOSED


def agreement_for(consumer, **kwargs):
    """An agreement of a relationship in which ``consumer`` consumes (a new provider serves it)."""
    relationship = ServiceRelationshipFactory(consumer=consumer, provider=OrganisationFactory())
    return AgreementFactory(relationship=relationship, **kwargs)


class AgreementTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementTerm

    agreement = factory.SubFactory(AgreementFactory)
    aspect = "warranty"
    metric = factory.Sequence(lambda n: f"Incident response time {n}")
    comparator = "at_most"
    target = 1
    unit = "hours"
    measured_how = "From the desk's tickets"


class ValuePlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ValuePlanItem

    agreement = factory.SubFactory(AgreementFactory)
    indicator = factory.Sequence(lambda n: f"Bookings per student {n}")
    expected_on = "2027-03-31"


def signer_of(organisation, role=ConsumerRoleKind.CUSTOMER, **kwargs):
    """A person of ``organisation`` holding ``role`` there (customer or sponsor may sign)."""
    person = PersonFactory(organisation=organisation, **kwargs)
    ConsumerRole.objects.create(person=person, organisation=organisation, role=role)
    return person
