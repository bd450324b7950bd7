"""The catalogue in Chromium: a university customer reads the customer view, accepts a risk with a note,
and sees it accepted; a user's phone shows the user view only, without sideways scrolling."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from wayfare.catalog.models import RiskAcceptance
from wayfare.parties.models import ConsumerRole, Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offering(db):
    from wayfare.parties.tests.factories import OrganisationFactory

    from .factories import (
        ChargeFactory,
        OfferingEffectFactory,
        OfferingElementFactory,
        ServiceOfferingFactory,
    )

    university = OrganisationFactory(name="Campus University")
    offering = ServiceOfferingFactory(name="Weekend van hire", offered_to=university, state="published")
    OfferingElementFactory(offering=offering, kind="access", name="A van from the campus bay")
    ChargeFactory(offering=offering, name="Day rate", amount="189.00", unit="per_day")
    OfferingEffectFactory(
        offering=offering,
        category="risk",
        direction="introduced",
        description="Paying for damage one did not cause",
    )
    return offering


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _make(username, organisation, *roles):
    from wayfare.core.testing import make_user
    from wayfare.parties.tests.factories import PersonFactory

    user = make_user(username, ("Consumer",))
    user.set_password("pw")
    user.save()
    person = PersonFactory(name=f"{username} person", organisation=organisation, user=user)
    for role in roles:
        ConsumerRole.objects.create(person=person, organisation=organisation, role=role)
    return user


def test_a_customer_accepts_a_risk_in_the_catalogue(live_server, page, offering):
    university = offering.target_organisations.get()
    _make("dean", university, "customer")
    _login(page, live_server, "dean")
    page.goto(live_server.url + reverse("catalog:catalogue"))
    expect(page.locator("nav.tabs a")).to_have_count(2)  # users and customers
    page.locator("nav.tabs [data-audience=customer]").click()
    entry = page.locator(f"[data-offering='{offering.pk}']")
    expect(entry).to_contain_text("189.00 BRL")
    entry.get_by_placeholder("A note (optional)").fill("Fine with the photo check")
    entry.get_by_role("button", name="Accept this risk for my organisation").click()
    expect(page.locator("main")).to_contain_text("You accepted this risk for your organisation")
    expect(entry).to_contain_text("Accepted by dean person for Campus University")
    acceptance = RiskAcceptance.objects.get()
    assert (
        acceptance.person == Person.objects.get(user__username="dean")
        and acceptance.note == "Fine with the photo check"
    )


def test_a_user_on_a_phone_sees_the_user_view_only(live_server, browser, offering):
    university = offering.target_organisations.get()
    _make("katrina", university)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        _login(page, live_server, "katrina")
        page.goto(live_server.url + reverse("catalog:catalogue"))
        expect(page.locator("nav.tabs a")).to_have_count(1)
        expect(page.locator("main")).to_contain_text("A van from the campus bay")
        expect(page.locator("main")).not_to_contain_text("189.00")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()


def test_the_four_views_render_different_fields(live_server, page, offering):
    """Staff switch between the four audience views: each shows what its audience needs and not the
    others' fields (users: how to ask; customers: performance and charges; sponsors: costs; IT:
    interfaces)."""
    from wayfare.core.testing import make_user

    from .factories import OfferingEffectFactory

    offering.what_it_does = "Lends a van for a weekend away"
    offering.how_to_ask = "Book in the app on Thursday"
    offering.performance = "Vans ready by Friday 16:00"
    offering.technical = "Bookings reach the fleet system by webhook"
    offering.save()
    OfferingEffectFactory(
        offering=offering,
        category="cost",
        direction="introduced",
        description="Fuel for the trip",
        amount="60",
    )
    make_user("cat-admin", ["Administrator"])
    _login(page, live_server, "cat-admin")
    page.goto(live_server.url + reverse("catalog:catalogue"))
    expect(page.locator("nav.tabs a")).to_have_count(4)
    entry = page.locator(f"[data-offering='{offering.pk}']")
    shown = {
        "user": ["Book in the app on Thursday"],
        "customer": ["Vans ready by Friday 16:00", "189.00 BRL"],
        "sponsor": ["Fuel for the trip", "189.00 BRL"],
        "technical": ["Bookings reach the fleet system by webhook"],
    }
    every = {text for texts in shown.values() for text in texts}
    for audience, texts in shown.items():
        page.locator(f"nav.tabs [data-audience={audience}]").click()
        expect(page.locator(f"nav.tabs [data-audience={audience}]")).to_have_attribute("aria-current", "page")
        for text in texts:
            expect(entry).to_contain_text(text)
        for text in every - set(texts):
            expect(entry).not_to_contain_text(text)
        expect(entry).to_contain_text("Paying for damage one did not cause")  # risks in every view
