"""The service blueprint: backstage below the line of visibility for staff; none of it for a consumer."""

import pytest
from django.urls import reverse

from wayfare.core.access import SYSTEM
from wayfare.core.resources import registry
from wayfare.core.testing import client_for, make_user
from wayfare.core.versions import version_publish
from wayfare.journeys.models import JourneyMap

from .factories import JourneyStageFactory, TouchpointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey_map():
    stage = JourneyStageFactory(
        name="Pick up",
        customer_actions="Walk to the car",
        support_processes="Fleet database",
        duration_minutes=10,
    )
    TouchpointFactory(stage=stage, name="Unlock with the app", lane="frontstage")
    TouchpointFactory(stage=stage, name="Charge check by the cleaner", lane="backstage")
    TouchpointFactory(stage=stage, name="Telematics unit", lane="support")
    version_publish(registry.get(JourneyMap), instance=stage.journey_map, actor=SYSTEM)
    return stage.journey_map


def test_backstage_lies_below_the_line_of_visibility(journey_map):
    url = reverse("journeys:map_blueprint", args=[journey_map.pk])
    body = client_for(make_user("designer", ["CX designer"])).get(url).content.decode()
    order = [
        body.index(text)
        for text in (
            "Walk to the car",
            "Unlock with the app",
            'data-lane="line"',
            "Charge check by the cleaner",
            "Fleet database",
            "Telematics unit",
        )
    ]
    assert order == sorted(order)


def test_a_consumer_sees_no_backstage(journey_map, make_consumer):
    consumer = make_consumer("katrina", journey_map.relationship.consumer)
    url = reverse("journeys:map_blueprint", args=[journey_map.pk])
    response = client_for(consumer).get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Unlock with the app" in body and "Walk to the car" in body
    for hidden in ("Charge check by the cleaner", "Telematics unit", "Fleet database", 'data-lane="line"'):
        assert hidden not in body


def test_another_organisation_gets_404(journey_map, make_consumer, org_b):
    url = reverse("journeys:map_blueprint", args=[journey_map.pk])
    assert client_for(make_consumer("other", org_b)).get(url).status_code == 404
