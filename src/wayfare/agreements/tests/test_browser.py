"""Agreements in Chromium: the university's sponsor opens a proposed agreement from their own account,
sees which aspects it leaves without a term, signs version 1 and sees their side signed; a user without
the customer or sponsor role sees why they may not sign; the page fits a phone."""

import pytest
from playwright.sync_api import expect

from wayfare.agreements.models import AgreementSignOff, AgreementState
from wayfare.agreements.services import agreement_propose
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind

from .factories import AgreementTermFactory, agreement_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _consumer(username, organisation, *roles):
    from wayfare.core.testing import make_user
    from wayfare.parties.tests.factories import PersonFactory

    user = make_user(username, ("Consumer",))
    person = PersonFactory(name=f"{username} person", organisation=organisation, user=user)
    for role in roles:
        ConsumerRole.objects.create(person=person, organisation=organisation, role=role)
    return user


@pytest.fixture
def proposed(db):
    from wayfare.core.testing import make_user
    from wayfare.parties.tests.factories import OrganisationFactory

    university = OrganisationFactory(name="Campus University")
    agreement = agreement_for(university, state=AgreementState.DRAFT, name="Campus car sharing levels")
    AgreementTermFactory(agreement=agreement, aspect="warranty", metric="Incident response", target=1)
    return agreement_propose(instance=agreement, actor=make_user("slm-b", ["Service level manager"]))


def test_the_sponsor_signs_from_their_own_account(live_server, page, proposed):
    university = proposed.relationship.consumer
    _consumer("otavio-b", university, ConsumerRoleKind.SPONSOR)
    _login(page, live_server, "otavio-b")
    page.goto(f"{live_server.url}{proposed.get_absolute_url()}")
    expect(page.locator("[data-coverage] li.missing")).to_have_count(3)
    expect(page.locator('[data-side="consumer"]')).to_contain_text("Has not signed version 1 yet.")
    page.get_by_role("button", name="Sign version 1").click()
    expect(page.locator('[data-side="consumer"]')).to_contain_text("Signed version 1: otavio-b person")
    expect(page.get_by_role("button", name="Sign version 1")).to_have_count(0)
    (signed,) = AgreementSignOff.objects.all()
    assert (signed.side, signed.version) == ("consumer", 1)


def test_a_user_without_the_role_is_told_why_and_the_page_fits_a_phone(live_server, page, proposed):
    _consumer("katrina-b", proposed.relationship.consumer, ConsumerRoleKind.USER)
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server, "katrina-b")
    page.goto(f"{live_server.url}{proposed.get_absolute_url()}")
    expect(page.locator("[data-sign-refusal]")).to_contain_text("neither role")
    expect(page.get_by_role("button", name="Sign version 1")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
