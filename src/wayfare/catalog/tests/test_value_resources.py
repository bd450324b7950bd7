"""The standard battery for value-driver trees and their drivers."""

from wayfare.catalog.models import ValueDriverNode, ValueDriverTree
from wayfare.core.testing import ResourceTests

from .factories import NeedFactory, ProductFactory, ServiceOfferingFactory
from .factories_value import ValueDriverNodeFactory, ValueDriverTreeFactory


class ValueDriverTreeTests(ResourceTests):
    model = ValueDriverTree

    def make(self, owner):
        return ValueDriverTreeFactory(name=f"Value drivers of {owner}", need=NeedFactory(organisation=owner))

    def valid_data(self, owner):
        return {
            "name": f"Weekend trips for {owner}",
            "need": NeedFactory(organisation=owner).pk,
            "approach": "bottom_up",
        }

    def invalid_data(self, owner):
        return {"name": "", "need": "", "approach": "sideways"}


class ValueDriverNodeTests(ResourceTests):
    model = ValueDriverNode
    update_field = "text"

    def make(self, owner):
        tree = ValueDriverTreeFactory(need=NeedFactory(organisation=owner))
        purpose = ValueDriverNodeFactory(tree=tree, text=f"The purpose of {owner}")
        offering = ServiceOfferingFactory(offered_to=owner, state="published")
        return ValueDriverNodeFactory(
            tree=tree,
            parent=purpose,
            layer="resource",
            text=f"The fleet of {owner}",
            offering=offering,
            product=ProductFactory(),
        )

    def valid_data(self, owner):
        tree = ValueDriverTreeFactory(need=NeedFactory(organisation=owner))
        return {"tree": tree.pk, "layer": "purpose", "text": f"Students of {owner} stay"}

    def invalid_data(self, owner):
        # A top-down tree: only the purpose stands without a parent.
        tree = ValueDriverTreeFactory(need=NeedFactory(organisation=owner))
        return {"tree": tree.pk, "layer": "utility", "text": "A van from Friday to Monday"}
