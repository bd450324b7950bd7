"""The standard battery for demand, demand measures, business cases and their options."""

from wayfare.catalog.models import BusinessCase, BusinessCaseOption, DemandMeasure, DemandRecord
from wayfare.core.testing import ResourceTests
from wayfare.parties.tests.factories import UserFactory

from .factories import (
    BusinessCaseFactory,
    BusinessCaseOptionFactory,
    DemandMeasureFactory,
    DemandRecordFactory,
    NeedFactory,
    ServiceOfferingFactory,
)


class DemandRecordTests(ResourceTests):
    model = DemandRecord

    def make(self, owner):
        return DemandRecordFactory(offering__offered_to=owner)

    def valid_data(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner)
        return {
            "offering": offering.pk,
            "name": "Graduation month",
            "starts": "2027-06-01",
            "ends": "2027-06-30",
            "demand": "40",
            "capacity": "80",
            "unit": "bookings per week",
        }

    def invalid_data(self, owner):
        offering = ServiceOfferingFactory(offered_to=owner)
        return {
            "offering": offering.pk,
            "name": "x",
            "starts": "2027-06-30",
            "ends": "2027-06-01",
            "demand": "-1",
            "capacity": "1",
            "unit": "u",
        }


class DemandMeasureTests(ResourceTests):
    model = DemandMeasure
    update_field = "description"

    def make(self, owner):
        return DemandMeasureFactory(record__offering__offered_to=owner, owner=UserFactory())

    def valid_data(self, owner):
        record = DemandRecordFactory(offering__offered_to=owner)
        return {
            "record": record.pk,
            "kind": "shape",
            "description": "Low prices for new students in March",
            "effect": "-15",
            "status": "planned",
        }

    def invalid_data(self, owner):
        return {"record": "", "kind": "guess", "description": ""}


class BusinessCaseTests(ResourceTests):
    model = BusinessCase
    update_field = "title"

    def make(self, owner):
        case = BusinessCaseFactory(need__organisation=owner)
        case.chosen = BusinessCaseOptionFactory(case=case)
        case.decided_by = UserFactory()
        case.save()
        return case

    def valid_data(self, owner):
        return {
            "title": "Long-stay commuting",
            "need": NeedFactory(organisation=owner).pk,
            "horizon_years": 3,
            "currency": "BRL",
        }

    def invalid_data(self, owner):
        return {"title": "", "need": "", "horizon_years": 0}


class BusinessCaseOptionTests(ResourceTests):
    model = BusinessCaseOption

    def make(self, owner):
        return BusinessCaseOptionFactory(case__need__organisation=owner)

    def valid_data(self, owner):
        case = BusinessCaseFactory(need__organisation=owner)
        return {
            "case": case.pk,
            "name": "Do nothing",
            "do_nothing": "on",
            "one_off_cost": "0",
            "yearly_cost": "0",
            "yearly_benefit": "0",
        }

    def invalid_data(self, owner):
        return {"case": "", "name": "", "one_off_cost": "-3"}
