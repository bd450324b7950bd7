"""The standard battery for each register of the catalog app."""

from wayfare.catalog.models import (
    Charge,
    Need,
    OfferingEffect,
    OfferingElement,
    Product,
    Requirement,
    RiskAcceptance,
    Service,
    ServiceOffering,
)
from wayfare.core.testing import ResourceTests
from wayfare.parties.tests.factories import OrganisationFactory, UserFactory

from .factories import (
    ChargeFactory,
    NeedFactory,
    OfferingEffectFactory,
    OfferingElementFactory,
    ProductFactory,
    RequirementFactory,
    RiskAcceptanceFactory,
    ServiceFactory,
    ServiceOfferingFactory,
    customer_of,
)


class ServiceTests(ResourceTests):
    model = Service

    def make(self, owner):
        return ServiceFactory(owner=UserFactory())

    def valid_data(self, owner):
        return {
            "name": f"Car sharing for {owner}",
            "provider": OrganisationFactory().pk,
            "kind": "external",
            "status": "live",
        }

    def invalid_data(self, owner):
        return {"name": "", "provider": "", "kind": "sideways"}


class ProductTests(ResourceTests):
    model = Product

    def make(self, owner):
        product = ProductFactory()
        product.uses_services.add(ServiceFactory())
        return product

    def valid_data(self, owner):
        return {"name": f"Booking app for {owner}", "provider": OrganisationFactory().pk}

    def invalid_data(self, owner):
        return {"name": "", "provider": ""}


class NeedTests(ResourceTests):
    model = Need
    update_field = "title"

    def make(self, owner):
        from wayfare.relationships.tests.factories import ServiceRelationshipFactory

        return NeedFactory(organisation=owner, relationship=ServiceRelationshipFactory(consumer=owner))

    def valid_data(self, owner):
        return {"organisation": owner.pk, "title": "Move house without a car", "status": "stated"}

    def invalid_data(self, owner):
        return {"organisation": "", "title": "", "status": "forgotten"}


class RequirementTests(ResourceTests):
    model = Requirement
    update_field = "text"

    def make(self, owner):
        return RequirementFactory(need__organisation=owner)

    def valid_data(self, owner):
        return {
            "need": NeedFactory(organisation=owner).pk,
            "text": "A big car for furniture",
            "kind": "utility",
            "priority": "must",
        }

    def invalid_data(self, owner):
        return {"need": "", "text": "", "priority": "maybe"}


class ServiceOfferingTests(ResourceTests):
    model = ServiceOffering

    def make(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner, state="published")
        offering.needs.add(NeedFactory(organisation=owner))
        return offering

    def valid_data(self, owner):
        return {
            "name": f"Weekend vans for {owner}",
            "service": ServiceFactory().pk,
            "target_group": "Students",
        }

    def invalid_data(self, owner):
        return {"name": "", "service": "", "target_group": ""}


class OfferingElementTests(ResourceTests):
    model = OfferingElement

    def make(self, owner):
        return OfferingElementFactory(
            offering__offered_to=owner, offering__state="published", product=ProductFactory()
        )

    def valid_data(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner, state="published")
        return {"offering": offering.pk, "kind": "action", "name": "Roadside help"}

    def invalid_data(self, owner):
        return {"offering": "", "kind": "gift", "name": ""}


class ChargeTests(ResourceTests):
    model = Charge

    def make(self, owner):
        return ChargeFactory(offering__offered_to=owner)

    def valid_data(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner)
        return {
            "offering": offering.pk,
            "name": "Deposit",
            "amount": "200.00",
            "currency": "BRL",
            "unit": "one_off",
        }

    def invalid_data(self, owner):
        return {"offering": "", "name": "Deposit", "amount": "-5", "currency": "reais", "unit": "one_off"}


class OfferingEffectTests(ResourceTests):
    model = OfferingEffect
    update_field = "description"

    def make(self, owner):
        return OfferingEffectFactory(offering__offered_to=owner)

    def valid_data(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner)
        return {
            "offering": offering.pk,
            "category": "cost",
            "direction": "introduced",
            "description": "Time to report damage at pick-up",
            "cost_kind": "time",
            "amount": "5",
            "amount_unit": "minutes per trip",
            "borne_by": "consumer",
        }

    def invalid_data(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner)
        return {"offering": offering.pk, "category": "outcome", "direction": "removed", "description": "x"}


class RiskAcceptanceTests(ResourceTests):
    model = RiskAcceptance
    update_field = "note"

    def make(self, owner):
        acceptance = RiskAcceptanceFactory(organisation=owner)
        acceptance.effect.offering.target_organisations.add(owner)
        return acceptance

    def valid_data(self, owner):
        effect = OfferingEffectFactory(
            offering__offered_to=owner, category="risk", direction="introduced", description="Shared cars"
        )
        return {
            "effect": effect.pk,
            "organisation": owner.pk,
            "person": customer_of(owner).pk,
            "accepted_on": "2026-11-30",
            "note": "Accepted at the quarterly review",
        }

    def invalid_data(self, owner):
        effect = OfferingEffectFactory(offering__offered_to=owner, category="risk", direction="introduced")
        # A person without the customer role may not accept.
        from wayfare.parties.tests.factories import PersonFactory

        return {
            "effect": effect.pk,
            "organisation": owner.pk,
            "person": PersonFactory(organisation=owner).pk,
            "accepted_on": "2026-11-30",
        }

    def updated_value(self):
        return "Reviewed again"
