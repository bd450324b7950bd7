import factory

from wayfare.catalog.models import (
    BusinessCase,
    BusinessCaseOption,
    Charge,
    DemandMeasure,
    DemandRecord,
    Need,
    OfferingEffect,
    OfferingElement,
    Product,
    Requirement,
    RiskAcceptance,
    Service,
    ServiceOffering,
)
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Service {n}")
    provider = factory.SubFactory(OrganisationFactory)
    utility = "Cars to borrow by the hour"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    name = factory.Sequence(lambda n: f"Product {n}")
    provider = factory.SubFactory(OrganisationFactory)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Get out of town at weekends {n}")


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    need = factory.SubFactory(NeedFactory)
    text = factory.Sequence(lambda n: f"A car within 10 minutes' walk {n}")


class ServiceOfferingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceOffering
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Offering {n}")
    service = factory.SubFactory(ServiceFactory)
    target_group = "Students"

    @factory.post_generation
    def offered_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_organisations.set(extracted if isinstance(extracted, (list, tuple)) else [extracted])


class OfferingElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferingElement

    offering = factory.SubFactory(ServiceOfferingFactory)
    kind = "access"
    name = factory.Sequence(lambda n: f"Access to the fleet {n}")


class ChargeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Charge

    offering = factory.SubFactory(ServiceOfferingFactory)
    name = factory.Sequence(lambda n: f"Hourly rate {n}")
    amount = "12.50"
    unit = "per_hour"


class OfferingEffectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferingEffect

    offering = factory.SubFactory(ServiceOfferingFactory)
    category = "outcome"
    direction = "supported"
    description = factory.Sequence(lambda n: f"Weekend trips without a car of one's own {n}")


def customer_of(organisation, **kwargs):
    """A person holding the customer role for ``organisation``."""
    person = PersonFactory(organisation=organisation, **kwargs)
    ConsumerRole.objects.create(person=person, organisation=organisation, role=ConsumerRoleKind.CUSTOMER)
    return person


class RiskAcceptanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiskAcceptance

    effect = factory.SubFactory(
        OfferingEffectFactory, category="risk", direction="introduced", description="Self-reported damage"
    )
    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.LazyAttribute(lambda o: customer_of(o.organisation))
    accepted_on = "2026-11-20"


class DemandRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemandRecord

    offering = factory.SubFactory(ServiceOfferingFactory)
    name = factory.Sequence(lambda n: f"Start of term {n}")
    starts = "2027-02-01"
    ends = "2027-02-28"
    demand = "120"
    capacity = "80"
    unit = "bookings per week"


class DemandMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemandMeasure

    record = factory.SubFactory(DemandRecordFactory)
    kind = "capacity"
    description = factory.Sequence(lambda n: f"Two more desk staff {n}")
    effect = "30"


class BusinessCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessCase

    need = factory.SubFactory(NeedFactory)
    title = factory.Sequence(lambda n: f"Vans for weekends {n}")


class BusinessCaseOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessCaseOption

    case = factory.SubFactory(BusinessCaseFactory)
    name = factory.Sequence(lambda n: f"Lease six vans {n}")
    one_off_cost = "50000"
    yearly_cost = "20000"
    yearly_benefit = "120000"
