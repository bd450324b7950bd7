"""The standard battery for the stakeholder and stakeholder-position registers."""

import datetime

from wayfare.core.testing import ResourceTests
from wayfare.relationships.models import Stakeholder, StakeholderPosition

from .factories import ServiceRelationshipFactory
from .factories_stakeholders import StakeholderFactory


class StakeholderTests(ResourceTests):
    model = Stakeholder

    def make(self, owner):
        return StakeholderFactory(relationship__consumer=owner)

    def valid_data(self, owner):
        return {
            "relationship": ServiceRelationshipFactory(consumer=owner).pk,
            "name": "Campus sponsor",
            "kind": "person",
            "side": "external",
            "category": "customer",
            "influence": 4,
            "interest": 3,
            "functional_aspiration": "Parking that pays for itself",
        }

    def invalid_data(self, owner):
        return {
            "name": "",
            "kind": "robot",
            "side": "external",
            "category": "board",
            "influence": 9,
            "interest": 0,
        }


class StakeholderPositionTests(ResourceTests):
    model = StakeholderPosition
    update_field = "note"

    def make(self, owner):
        return StakeholderFactory(relationship__consumer=owner).positions.get()

    def valid_data(self, owner):
        return {
            "stakeholder": StakeholderFactory(relationship__consumer=owner, first_position=False).pk,
            "assessed_on": datetime.date(2026, 10, 15).isoformat(),
            "influence": 5,
            "interest": 4,
            "note": "After the discount deal",
        }

    def invalid_data(self, owner):
        return {"stakeholder": "", "assessed_on": "2999-01-01", "influence": 7, "interest": 3}
