"""The Offer step of the demo story: it loads twice without changing anything, the published offerings
state the needs they serve, and the university's people see the catalogue their roles allow."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from wayfare.catalog.models import OfferingState, RiskAcceptance, ServiceOffering
from wayfare.catalog.selectors import catalogue_audiences
from wayfare.core.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())


def _counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_app_config("catalog").get_models()}


def test_loading_the_demo_twice_changes_nothing(demo):
    first = _counts()
    assert first["catalog.ServiceOffering"] == 5 and first["catalog.RiskAcceptance"] == 1
    call_command("demo", stdout=io.StringIO())
    assert _counts() == first


def test_published_offerings_state_their_needs_and_the_draft_cannot_be_published(demo):
    for offering in ServiceOffering.objects.filter(state=OfferingState.PUBLISHED):
        assert offering.needs.exists() and offering.elements.exists()
    draft = ServiceOffering.objects.get(state=OfferingState.DRAFT, name="Long-stay commuting")
    from wayfare.catalog.services.offerings import offering_publish_refusal

    assert offering_publish_refusal(draft) is not None


def test_the_universitys_people_see_what_their_roles_allow(demo):
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["beatriz", "otavio", "katrina", "radhika"])
    }
    assert catalogue_audiences(users["katrina"]) == ["user"]
    assert catalogue_audiences(users["beatriz"]) == ["user", "customer"]
    assert catalogue_audiences(users["otavio"]) == ["user", "customer", "sponsor"]
    page = (
        client_for(users["beatriz"]).get(reverse("catalog:catalogue") + "?audience=customer").content.decode()
    )
    assert "Weekend vans for students" in page and "Accept this risk for my organisation" in page
    assert RiskAcceptance.objects.get().person.name == "Beatriz Lima"
    # Axle's people are not offered the university's offerings.
    axle = client_for(users["radhika"]).get(reverse("catalog:catalogue")).content.decode()
    assert "Weekend vans for students" not in axle
