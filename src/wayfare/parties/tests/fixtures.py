"""Pytest fixtures the parties app gives the core test battery (registered in the root conftest.py), so
core's battery names organisations and consumer accounts without importing an app (issue #11).

- ``org_a``, ``org_b``: two consumer organisations;
- ``make_consumer``: a callable ``(username, organisation, roles=("Consumer",))`` giving a login account
  of a person of that organisation.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def org_a(db):
    from .factories import OrganisationFactory

    return OrganisationFactory(name="Consumer A")


@pytest.fixture
def org_b(db):
    from .factories import OrganisationFactory

    return OrganisationFactory(name="Consumer B")


@pytest.fixture
def make_consumer(db):
    from .factories import PersonFactory

    def make(username: str, organisation: Any, roles: tuple[str, ...] = ("Consumer",)) -> Any:
        from wayfare.core.testing import make_user

        user = make_user(username, roles)
        PersonFactory(name=f"{username} person", organisation=organisation, user=user)
        return user

    return make
