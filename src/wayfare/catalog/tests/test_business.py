"""Demand against capacity and business cases (issue #14 section 3), used through their pages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from wayfare.catalog.models import BusinessCase, ReturnEstimate
from wayfare.core.testing import client_for
from wayfare.parties.tests.factories import UserFactory

from .factories import (
    BusinessCaseFactory,
    BusinessCaseOptionFactory,
    DemandMeasureFactory,
    DemandRecordFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(username="sol", roles=["Service level manager"])


def test_the_return_estimate_shows_its_formula():
    estimate = ReturnEstimate(
        years=3, one_off=Decimal(50000), yearly_cost=Decimal(20000), yearly_benefit=Decimal(120000)
    )
    assert estimate.cost == 110000 and estimate.benefit == 360000 and estimate.net == 250000
    assert estimate.roi == Decimal(250000) / Decimal(110000)
    assert estimate.payback_years == Decimal(50000) / Decimal(100000)
    assert estimate.formula() == "ROI = (3 × 120,000 − (50,000 + 3 × 20,000)) ÷ (50,000 + 3 × 20,000) = 227 %"
    nothing = ReturnEstimate(years=3, one_off=Decimal(0), yearly_cost=Decimal(0), yearly_benefit=Decimal(0))
    assert nothing.roi is None and nothing.payback_years is None and nothing.formula().endswith("= —")


def _run(client, case, name):
    return client.post(reverse("api:catalog-businesscase-transition-" + name, args=[case.pk]))


def test_a_case_is_decided_only_against_doing_nothing_and_records_who_and_when(manager):
    case = BusinessCaseFactory()
    lease = BusinessCaseOptionFactory(case=case, name="Lease six vans")
    client = client_for(manager)
    refused = _run(client, case, "approve")
    assert refused.status_code == 409 and "do nothing" in refused.content.decode()
    nothing = BusinessCaseOptionFactory(
        case=case, name="Do nothing", do_nothing=True, one_off_cost=0, yearly_cost=0, yearly_benefit=0
    )
    assert "Choose the option" in _run(client, case, "approve").content.decode()
    BusinessCase.objects.filter(pk=case.pk).update(chosen=nothing)
    assert "reject the case instead" in _run(client, case, "approve").content.decode()
    BusinessCase.objects.filter(pk=case.pk).update(chosen=lease)
    assert _run(client, case, "approve").status_code == 200
    case.refresh_from_db()
    assert (case.decision, case.decided_by) == ("approved", manager) and case.decided_on is not None
    assert _run(client, case, "reopen").status_code == 200
    case.refresh_from_db()
    assert (case.decision, case.decided_by, case.decided_on) == ("open", None, None)
    assert case.history.filter(decision="approved").exists()  # the history keeps the decision


def test_the_chosen_option_is_one_of_the_case(manager):
    case, other = BusinessCaseFactory(), BusinessCaseOptionFactory()
    response = client_for(manager).patch(
        reverse("api:catalog-businesscase-detail", args=[case.pk]),
        {"chosen": other.pk},
        content_type="application/json",
    )
    assert response.status_code == 400 and "own options" in response.content.decode()


def test_the_case_page_puts_options_side_by_side(manager):
    case = BusinessCaseFactory(title="Weekend vans")
    BusinessCaseOptionFactory(
        case=case,
        name="Do nothing",
        do_nothing=True,
        one_off_cost=0,
        yearly_cost=0,
        yearly_benefit=0,
        risks="Students leave",
    )
    BusinessCaseOptionFactory(case=case, name="Lease six vans", residual_risk="Chargers on the way fail")
    text = client_for(manager).get(reverse("catalog:businesscase_detail", args=[case.pk])).content.decode()
    assert text.index("Do nothing") < text.index("Lease six vans")
    assert "Students leave" in text and "Chargers on the way fail" in text
    assert "ROI = (3 × 120,000 − (50,000 + 3 × 20,000))" in text and "227 %" in text


def test_demand_against_capacity_with_the_measures(manager):
    record = DemandRecordFactory(demand="120", capacity="80")
    DemandMeasureFactory(record=record, kind="capacity", effect="30", description="Two more desk staff")
    DemandMeasureFactory(record=record, kind="shape", effect="-15", description="Low prices in March")
    DemandMeasureFactory(
        record=record, kind="capacity", effect="100", status="dropped", description="A second bay"
    )
    text = client_for(manager).get(reverse("catalog:demandrecord_detail", args=[record.pk])).content.decode()
    assert "Demand is 1.50 times the capacity" in text
    assert "data-capacity-after>110" in text and "data-demand-after>105" in text
    assert "Two more desk staff" in text and "Low prices in March" in text


def test_a_period_that_ends_before_it_starts_is_refused(manager):
    record = DemandRecordFactory()
    response = client_for(manager).patch(
        reverse("api:catalog-demandrecord-detail", args=[record.pk]),
        {"ends": "2020-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "ends before it starts" in response.content.decode()


def test_consumers_see_no_demand_or_business_case(make_consumer):
    case = BusinessCaseFactory()
    record = DemandRecordFactory(offering__offered_to=case.need.organisation, offering__state="published")
    client = client_for(make_consumer("katrina", case.need.organisation))
    assert client.get(reverse("catalog:businesscase_detail", args=[case.pk])).status_code in (403, 404)
    assert client.get(reverse("catalog:demandrecord_detail", args=[record.pk])).status_code in (403, 404)
