"""The reminders page on a phone (390 px) in all three languages: no sideways scroll; the header's count
shows on the folded menu (issue #12 section 5)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from wayfare.core import reminders as reminders_module
from wayfare.core.reminders import remind, reminders_run
from wayfare.parties.tests.factories import OrganisationFactory, UserFactory
from wayfare.relationships.models import ServiceRelationship
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_reminders_page_fits_a_phone(live_server, browser, monkeypatch):
    monkeypatch.setattr(reminders_module, "_SOURCES", {})
    monkeypatch.setattr(reminders_module, "_HOOKS", [])
    remind(
        ServiceRelationship,
        "started",
        label="Revisit this relationship and its stakeholders before the quarterly review",
        recipients=lambda r: [r.manager],
    )
    user = UserFactory(username="mariana", roles=["Administrator"])
    organisation = OrganisationFactory(name="Зелёный кампус 绿色校园 with a rather long name for a phone")
    for days in (3, 0):
        ServiceRelationshipFactory(
            name=f"Разрешение инцидентов и бронирование {days} " + "Долгоеназваниебезпробелов" * 3,
            consumer=organisation,
            manager=user,
            started=timezone.localdate() - timedelta(days=days),
        )
    reminders_run()
    for language in ("en", "zh-hans", "ru"):
        context, page = _login(browser, live_server.url, language)
        try:
            assert page.locator(".site-menu > summary .badge").inner_text() == "2"
            page.goto(f"{live_server.url}/reminders/")
            assert page.locator("li.reminder").count() == 2
            for menu in ("folded", "open"):
                overflow = page.evaluate(SIDEWAYS)
                assert overflow <= 0, f"reminders ({language}, menu {menu}) scrolls sideways by {overflow}px"
                page.click(".site-menu > summary")
        finally:
            context.close()
    context, page = _login(browser, live_server.url, "en")
    try:
        page.goto(f"{live_server.url}/reminders/")
        page.locator("li.reminder").first.get_by_role("button", name="Done").click()
        page.wait_for_url(f"{live_server.url}/reminders/")
        assert page.locator("li.reminder").count() == 1
        assert page.locator(".site-menu > summary .badge").inner_text() == "1"
    finally:
        context.close()


def _login(browser, url, language):
    context = browser.new_context(viewport=PHONE)
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page = context.new_page()
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", "mariana")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{url}/")
    return context, page
