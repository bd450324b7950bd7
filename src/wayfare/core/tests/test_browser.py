"""A person in Chromium: log in, switch to Chinese and to Russian, create an organisation, find it."""

import pytest
from django.utils import translation

from wayfare.parties.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _label(text: str, language: str) -> str:
    with translation.override(language):
        return str(translation.gettext(text))


def test_login_switch_language_create_and_find_organisation(live_server, page):
    UserFactory(username="mariana", roles=["Administrator"])
    page.goto(f"{live_server.url}/")
    page.fill("input[name=username]", "mariana")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")

    for language, html_lang in (("zh-hans", "zh-Hans"), ("ru", "ru")):
        page.select_option("#language-select", language)
        page.wait_for_selector(f"html[lang={html_lang}]")
        explore = _label("Explore", language)
        assert explore != "Explore", "the step names must be translated"
        assert page.locator("nav.steps").inner_text().count(explore) == 1

    page.goto(f"{live_server.url}/parties/organisations/add/")
    page.fill("input[name=name]", "Зелёный кампус 绿色校园")
    page.select_option("select[name=kind]", "external")
    page.select_option("select[name=country]", "BR")
    page.click("main form button[type=submit]")
    page.wait_for_selector("h1:has-text('Зелёный кампус 绿色校园')")

    page.goto(f"{live_server.url}/parties/organisations/")
    page.fill("input[name=q]", "绿色")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    row = page.locator("#results tbody tr").first
    assert "Зелёный кампус 绿色校园" in row.inner_text()


def _log_in(page, url: str) -> None:
    page.goto(f"{url}/")
    page.fill("input[name=username]", "mariana")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{url}/")


def test_language_by_keyboard_waits_for_enter(live_server, page):
    """Arrow keys on the language list do not reload the page at every press: the choice is sent with
    Enter (or the button, which appears)."""
    UserFactory(username="mariana", roles=["Administrator"])
    _log_in(page, live_server.url)
    switch = page.locator(".language-form button")
    assert switch.is_hidden()
    page.focus("#language-select")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("html").get_attribute("lang") == "en"  # nothing sent yet
    assert switch.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_selector("html[lang=ru]")


def test_language_switch_works_without_javascript(live_server, browser):
    UserFactory(username="mariana", roles=["Administrator"])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        _log_in(page, live_server.url)
        page.select_option("#language-select", "zh-hans")
        page.click(".language-form button")
        page.wait_for_selector("html[lang=zh-Hans]")
    finally:
        context.close()
