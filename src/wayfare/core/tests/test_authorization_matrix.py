"""The authorization matrix itself (core/matrix.py): every resource declares what it expects, and the
matrix does fail when an answer differs from the declaration. The matrix runs per resource in the
battery (``ResourceTests.test_authorization_matrix``); its total prints in the terminal summary."""

from dataclasses import replace

import pytest

from wayfare.core import matrix
from wayfare.core.resources import Access, registry
from wayfare.parties.models import Organisation
from wayfare.parties.tests import test_resources as parties_tests

pytestmark = pytest.mark.django_db


def test_every_resource_declares_its_expectations_and_custom_actions():
    missing = [r.model.__name__ for r in registry.all() if r.access is None]
    assert not missing, f"declare Resource.access on: {missing}"
    for r in registry.all():
        names = {f"api.{a.__name__}" for a in r.viewset_class.get_extra_actions()}
        names |= {f"page.{name}" for name, _route in matrix.custom_routes(r)}
        undeclared = names - set(r.access.actions)
        assert not undeclared, f"{r.model.__name__}: declare {sorted(undeclared)} in Access.actions"


def test_a_resource_without_expectations_fails(org_a):
    resource = replace(registry.get(Organisation), access=None)
    count, violations = matrix.run(resource, parties_tests.OrganisationTests(), [], org_a)
    assert violations and "declares no access expectations" in violations[0]


def test_a_wrong_expectation_is_a_violation(org_a, org_b, make_consumer):
    """Declare that consumers see nothing of organisations: the matrix must object to every read."""
    resource = replace(registry.get(Organisation), access=Access(write=("Administrator",), consumer=()))
    people = [p for p in matrix.principals(org_a, org_b, make_consumer) if p.name == "consumer A"]
    count, violations = matrix.run(resource, parties_tests.OrganisationTests(), people, org_a)
    assert count > 15
    assert any("consumer A · detail" in v and "expected forbidden, got ok" in v for v in violations)
    assert any("consumer A · api list" in v for v in violations)
