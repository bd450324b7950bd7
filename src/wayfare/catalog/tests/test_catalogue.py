"""Offerings in the catalogue (issue #14 sections 1 and 2): published only with stated needs, seen by
each audience as it should, risks accepted only by the customer."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wayfare.catalog.models import RiskAcceptance, ServiceOffering
from wayfare.catalog.selectors import catalogue_audiences
from wayfare.core.testing import client_for
from wayfare.parties.models import ConsumerRole, Person
from wayfare.parties.tests.factories import OrganisationFactory, PersonFactory, UserFactory

from .factories import (
    ChargeFactory,
    NeedFactory,
    OfferingEffectFactory,
    OfferingElementFactory,
    ProductFactory,
    ServiceOfferingFactory,
    customer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(username="sol", roles=["Service level manager"])


@pytest.fixture
def university():
    return OrganisationFactory(name="Campus University")


@pytest.fixture
def offering(university):
    offering = ServiceOfferingFactory(
        name="Weekend van hire", offered_to=university, state="published", what_it_does="Vans by the day"
    )
    OfferingElementFactory(offering=offering, kind="access", name="A van from the campus bay")
    ChargeFactory(offering=offering, name="Day rate", amount="189.00", unit="per_day")
    OfferingEffectFactory(
        offering=offering, category="outcome", direction="supported", description="Festival weekends"
    )
    OfferingEffectFactory(
        offering=offering,
        category="cost",
        direction="introduced",
        description="Report damage at pick-up",
        cost_kind="time",
        amount="5",
        amount_unit="minutes per trip",
        borne_by="consumer",
    )
    OfferingEffectFactory(
        offering=offering,
        category="risk",
        direction="introduced",
        description="Paying for damage one did not cause",
    )
    return offering


def _consumer(make_consumer, name, organisation, *roles):
    user = make_consumer(name, organisation)
    person = Person.objects.get(user=user)
    for role in roles:
        ConsumerRole.objects.create(person=person, organisation=organisation, role=role)
    return user


def _transition(client, offering, name):
    return client.post(reverse("catalog:serviceoffering_transition", args=[offering.pk, name]))


def test_an_offering_is_published_only_once_its_needs_are_stated(manager, university):
    offering = ServiceOfferingFactory(offered_to=university)
    client = client_for(manager)
    _transition(client, offering, "publish")
    offering.refresh_from_db()
    assert offering.state == "draft"
    api = client.post(reverse("api:catalog-serviceoffering-transition-publish", args=[offering.pk]))
    assert api.status_code == 409 and "needs it serves" in api.content.decode()
    offering.needs.add(NeedFactory(organisation=university))
    api = client.post(reverse("api:catalog-serviceoffering-transition-publish", args=[offering.pk]))
    assert api.status_code == 409 and "made of" in api.content.decode()  # no element yet
    OfferingElementFactory(offering=offering)
    _transition(client, offering, "publish")
    offering.refresh_from_db()
    assert offering.state == "published" and offering.published_on is not None


def test_audiences_follow_the_consumer_roles(make_consumer, university, manager):
    assert catalogue_audiences(manager) == ["user", "customer", "sponsor", "technical"]
    assert catalogue_audiences(_consumer(make_consumer, "katrina", university)) == ["user"]
    assert catalogue_audiences(_consumer(make_consumer, "dean", university, "customer")) == [
        "user",
        "customer",
    ]
    sponsor = _consumer(make_consumer, "bursar", university, "sponsor")
    assert catalogue_audiences(sponsor) == ["user", "customer", "sponsor"]
    # A role for another organisation widens nothing.
    other = _consumer(make_consumer, "elsewhere", OrganisationFactory())
    ConsumerRole.objects.create(
        person=Person.objects.get(user=other), organisation=university, role="sponsor"
    )
    assert catalogue_audiences(other) == ["user"]


def test_a_user_sees_what_it_does_and_no_cost_figure(make_consumer, university, offering):
    client = client_for(_consumer(make_consumer, "katrina", university))
    page = client.get(reverse("catalog:catalogue"))
    text = page.content.decode()
    assert page.status_code == 200 and "Weekend van hire" in text and "Vans by the day" in text
    assert (
        "A van from the campus bay" in text and "Paying for damage one did not cause" in text
    )  # risks stated
    assert "189.00" not in text and "Report damage at pick-up" not in text and "Festival weekends" not in text
    assert client.get(reverse("catalog:catalogue") + "?audience=sponsor").status_code == 404
    assert client.get(reverse("catalog:catalogue") + "?audience=technical").status_code == 404
    # The generic API gives the consumer no charge, cost or risk row either.
    for name in ("charge", "offeringeffect"):
        assert client.get(reverse(f"api:catalog-{name}-list")).status_code == 403


def test_a_sponsor_sees_charges_and_costs(make_consumer, university, offering):
    client = client_for(_consumer(make_consumer, "bursar", university, "sponsor"))
    text = client.get(reverse("catalog:catalogue") + "?audience=sponsor").content.decode()
    assert "189.00 BRL" in text and "Report damage at pick-up" in text and "5.00 minutes per trip" in text
    assert "Festival weekends" in text


def test_a_consumer_sees_only_published_offerings_meant_for_it(make_consumer, university, offering):
    ServiceOfferingFactory(name="Draft long-stay offer", offered_to=university)
    ServiceOfferingFactory(name="Axle fleet leasing", offered_to=OrganisationFactory(), state="published")
    client = client_for(_consumer(make_consumer, "katrina", university))
    text = client.get(reverse("catalog:catalogue")).content.decode()
    assert (
        "Weekend van hire" in text
        and "Draft long-stay offer" not in text
        and "Axle fleet leasing" not in text
    )
    stranger = client_for(_consumer(make_consumer, "stranger", OrganisationFactory()))
    assert "Weekend van hire" not in stranger.get(reverse("catalog:catalogue")).content.decode()
    risk = offering.effects.get(category="risk")
    assert stranger.post(reverse("catalog:risk_accept", args=[risk.pk])).status_code == 404


def test_only_a_customer_accepts_a_risk_and_only_once(make_consumer, university, offering):
    risk = offering.effects.get(category="risk")
    url = reverse("catalog:risk_accept", args=[risk.pk])
    user = client_for(_consumer(make_consumer, "katrina", university))
    refused = user.post(url, follow=True).content.decode()
    assert "Only a customer of the organisation decides" in refused
    assert not RiskAcceptance.objects.exists()
    dean_user = _consumer(make_consumer, "dean", university, "customer")
    dean = client_for(dean_user)
    page = dean.get(reverse("catalog:catalogue") + "?audience=customer").content.decode()
    assert "Accept this risk for my organisation" in page
    assert dean.post(url, {"note": "Fine with the photo check"}).status_code == 302
    acceptance = RiskAcceptance.objects.get()
    assert acceptance.person.user == dean_user and acceptance.organisation == university
    assert acceptance.recorded_by == dean_user and acceptance.note == "Fine with the photo check"
    page = dean.get(reverse("catalog:catalogue") + "?audience=customer").content.decode()
    assert "Accepted by dean person for Campus University" in page
    dean.post(url)
    assert RiskAcceptance.objects.count() == 1
    # A risk the offering removes is not for accepting.
    removed = OfferingEffectFactory(
        offering=offering, category="risk", direction="removed", description="Car breakdowns"
    )
    dean.post(reverse("catalog:risk_accept", args=[removed.pk]))
    assert RiskAcceptance.objects.count() == 1


def test_staff_record_an_acceptance_only_for_a_customer(manager, university, offering):
    risk = offering.effects.get(category="risk")
    client = client_for(manager)
    data = {"effect": risk.pk, "organisation": university.pk, "accepted_on": "2026-11-30"}
    response = client.post(
        reverse("catalog:riskacceptance_add"), {**data, "person": PersonFactory(organisation=university).pk}
    )
    assert response.status_code == 400 and "holds no customer role" in response.content.decode()
    outsider = OrganisationFactory()
    response = client.post(
        reverse("catalog:riskacceptance_add"),
        {**data, "organisation": outsider.pk, "person": customer_of(outsider).pk},
    )
    assert response.status_code == 400 and "not offered to this organisation" in response.content.decode()
    customer = customer_of(university)
    assert (
        client.post(reverse("catalog:riskacceptance_add"), {**data, "person": customer.pk}).status_code == 302
    )
    acceptance = RiskAcceptance.objects.get()
    # What was accepted, by whom and when stays as it was; only the note may change.
    api = reverse("api:catalog-riskacceptance-detail", args=[acceptance.pk])
    other = customer_of(university)
    assert client.patch(api, {"person": other.pk}, content_type="application/json").status_code == 400
    assert client.patch(api, {"note": "Seen again"}, content_type="application/json").status_code == 200
    acceptance.refresh_from_db()
    assert acceptance.person == customer and acceptance.note == "Seen again"


def test_effects_take_the_directions_of_their_category(manager, offering):
    client = client_for(manager)
    add = reverse("catalog:offeringeffect_add")
    response = client.post(
        add, {"offering": offering.pk, "category": "outcome", "direction": "removed", "description": "x"}
    )
    assert (
        response.status_code == 400
        and "Outcome takes one of: Supported, Affected" in response.content.decode()
    )
    response = client.post(
        add,
        {"offering": offering.pk, "category": "cost", "direction": "removed", "description": "Desk staff"},
    )
    assert response.status_code == 400 and "money, time or resources" in response.content.decode()


def test_a_product_never_uses_itself(manager):
    a, b = ProductFactory(name="Booking app"), ProductFactory(name="Payment module")
    client = client_for(manager)
    api = reverse("api:catalog-product-detail", args=[a.pk])
    assert client.patch(api, {"uses_products": [b.pk]}, content_type="application/json").status_code == 200
    back = reverse("api:catalog-product-detail", args=[b.pk])
    response = client.patch(back, {"uses_products": [a.pk]}, content_type="application/json")
    assert response.status_code == 400 and "cannot use itself" in response.content.decode()
    assert client.patch(api, {"uses_products": [a.pk]}, content_type="application/json").status_code == 400


def test_hostile_text_is_shown_as_text(make_consumer, university, offering):
    ServiceOffering.objects.filter(pk=offering.pk).update(what_it_does="<script>alert('x')</script>")
    client = client_for(_consumer(make_consumer, "katrina", university))
    text = client.get(reverse("catalog:catalogue") + "?q=%3Cb%3E").content.decode()
    assert "&lt;b&gt;" in text or "No offering matches" in text
    text = client.get(reverse("catalog:catalogue")).content.decode()
    assert "<script>alert" not in text and "&lt;script&gt;" in text


def test_search_and_filters(manager, offering, university):
    ServiceOfferingFactory(name="Long-stay offer", offered_to=university, state="published")
    client = client_for(manager)
    text = client.get(reverse("catalog:catalogue") + "?q=van").content.decode()
    assert "Weekend van hire" in text and "Long-stay offer" not in text
    text = client.get(reverse("catalog:catalogue") + "?kind=access").content.decode()
    assert "Weekend van hire" in text and "Long-stay offer" not in text
    text = client.get(reverse("catalog:catalogue") + "?audience=technical").content.decode()
    assert "Technical interfaces" not in text or "Weekend van hire" in text


def test_the_api_gives_each_audience_its_view(make_consumer, university, offering):
    url = reverse("api:catalog-serviceoffering-catalogue")
    user = client_for(_consumer(make_consumer, "katrina", university))
    body = user.get(url).json()
    assert body["audiences"] == ["user"] and body["offerings"][0]["what_it_does"] == "Vans by the day"
    assert "charges" not in body["offerings"][0] and "costs" not in body["offerings"][0]
    assert user.get(url + "?audience=sponsor").status_code == 404
    sponsor = client_for(_consumer(make_consumer, "bursar", university, "sponsor"))
    costs = sponsor.get(url + "?audience=sponsor").json()["offerings"][0]
    assert costs["charges"][0]["amount"] == "189.00" and costs["costs"][0]["cost_kind"] == "time"
    stranger = client_for(_consumer(make_consumer, "stranger", OrganisationFactory()))
    assert stranger.get(url).json()["offerings"] == []
