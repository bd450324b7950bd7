"""Every declared resource has its test class (the battery), and declarations are consistent."""

import pkgutil
from importlib import import_module

from wayfare.core.navigation import STEP_BY_SLUG
from wayfare.core.resources import registry
from wayfare.core.testing import ResourceTests


def test_every_resource_has_a_test_class():
    tested = set()
    for app_label in {r.app_label for r in registry.all()}:
        # the app's batteries: tests/test_resources.py and, in a larger app, tests/test_<part>_resources.py
        package = import_module(f"wayfare.{app_label}.tests")
        names = [
            name
            for _finder, name, _is_pkg in pkgutil.iter_modules(package.__path__)
            if name == "test_resources" or (name.startswith("test_") and name.endswith("_resources"))
        ]
        for name in names:
            module = import_module(f"{package.__name__}.{name}")
            tested |= {
                obj.model
                for obj in vars(module).values()
                if isinstance(obj, type) and issubclass(obj, ResourceTests) and obj.model is not None
            }
    missing = [r.model.__name__ for r in registry.all() if r.model not in tested]
    assert not missing, f"resources without a ResourceTests class: {missing}"


def test_declared_names_exist_on_the_model():
    for r in registry.all():
        field_names = {f.name for f in r.model._meta.get_fields()}
        for name in [*r.columns, *r.filters, *r.editable_fields]:
            assert name in field_names, f"{r.model.__name__}.{name}"
        assert r.step is None or r.step in STEP_BY_SLUG, r.step
