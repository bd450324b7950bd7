"""How Wayfare reads in Chromium on a phone (390 px) and a laptop (1366 px), in all three languages (#11):
no page scrolls sideways, the menu folds on a phone and opens with a tap (also without scripts), the
Russian header keeps to one row of tools and one of steps, and browser CSV files carry no live formula."""

import pytest

from wayfare.analytics.services import event_log_import_run
from wayfare.analytics.tests.factories import EventLogFactory
from wayfare.journeys.tests.factories import JourneyStageFactory
from wayfare.parties.tests.factories import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "zh-hans", "ru")
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}


def _admin():
    return UserFactory(
        username="mariana",
        first_name="Mariana",
        last_name="Souza",
        is_staff=True,
        roles=["Administrator", "Analyst"],
    )


def _context(browser, url, viewport, language="en", **kwargs):
    context = browser.new_context(viewport=viewport, **kwargs)
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    page = context.new_page()
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", "mariana")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{url}/")
    return context, page


def _pages(url):
    organisation = OrganisationFactory(name="Зелёный кампус 绿色校园 with a rather long name for a phone")
    log = event_log_import_run(event_log_id=EventLogFactory().pk)
    # The generated version and delete pages carry the longest breadcrumbs and headings.
    stage = JourneyStageFactory(journey_map__event_log=log, journey_map__name="Разрешение инцидента (проект)")
    journey = stage.journey_map.pk
    from wayfare.relationships.tests.factories import ServiceRelationshipFactory

    relationship = ServiceRelationshipFactory(
        name="Совместное использование машин в кампусе 校园汽车共享", consumer=organisation
    ).pk
    return {
        "relationship": f"{url}/relationships/relationships/{relationship}/",
        "stakeholder map": f"{url}/relationships/relationships/{relationship}/stakeholder-map/",
        "chain": f"{url}/relationships/chain/",
        "relationship types": f"{url}/relationships/types/",
        "suppliers": f"{url}/relationships/suppliers/",
        "reminders": f"{url}/reminders/",
        "home": f"{url}/",
        "list": f"{url}/parties/organisations/",
        "detail": f"{url}/parties/organisations/{organisation.pk}/",
        "event logs": f"{url}/analytics/event-logs/",
        "event log": f"{url}/analytics/event-logs/{log.pk}/",
        "explorer": f"{url}/analytics/event-logs/{log.pk}/explore/",
        "versions": f"{url}/journeys/maps/{journey}/versions/",
        "compare": f"{url}/journeys/maps/{journey}/versions/compare/",
        "delete": f"{url}/parties/organisations/{organisation.pk}/delete/",
    }


def _open(page, address):
    page.goto(address)
    if "/explore/" in address:
        page.wait_for_selector("body[data-explorer-ready='1']")
        page.wait_for_function("!document.body.hasAttribute('aria-busy')")


SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_no_page_scrolls_sideways_on_a_phone_and_the_russian_header_fits_a_laptop(live_server, browser):
    _admin()
    pages = _pages(live_server.url)
    for language in LANGUAGES:
        context, page = _context(browser, live_server.url, PHONE, language)
        try:
            for name, address in pages.items():
                _open(page, address)
                for menu in ("folded", "open"):
                    overflow = page.evaluate(SIDEWAYS)
                    assert overflow <= 0, (
                        f"{name} ({language}, 390 px, menu {menu}) scrolls sideways by {overflow}px"
                    )
                    page.click(".site-menu > summary")
        finally:
            context.close()

    context, page = _context(browser, live_server.url, LAPTOP, "ru")
    try:
        for name, address in pages.items():
            _open(page, address)
            assert page.evaluate(SIDEWAYS) <= 0, name
            assert page.locator(".site-menu > summary").is_hidden()  # a laptop shows the menu itself
            # one row of tools beside the brand, one row of steps: the items of a row share their middle
            for row in ("nav.steps li:not(.divider)", "nav.tools li"):
                middles = page.eval_on_selector_all(
                    row,
                    "items => items.map(i => { const r = i.getBoundingClientRect(); return (r.top + r.bottom) / 2; })",
                )
                assert len(middles) > 1 and max(middles) - min(middles) < 8, (
                    f"{name}: {row} wraps ({middles})"
                )
            header = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
            line = page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('nav.steps a')).lineHeight)"
            )
            assert header < 4 * line, f"{name}: the header is {header}px tall"
    finally:
        context.close()


def _menu_links(page):
    return page.locator("nav.steps a", has_text="Journeys")


def test_the_menu_folds_on_a_phone_and_opens_with_a_tap(live_server, browser):
    _admin()
    context, page = _context(browser, live_server.url, PHONE)
    try:
        summary = page.locator(".site-menu > summary")
        assert summary.is_visible()
        assert _menu_links(page).is_hidden()
        assert page.locator(".site-header").bounding_box()["height"] < 80  # brand and menu button: one row
        summary.click()
        for label in ("Journeys", "Analytics", "Log out"):  # no Admin entry: the admin is for superusers
            assert page.locator(".site-menu-body", has_text=label).is_visible()
        assert _menu_links(page).is_visible()
        summary.click()
        assert _menu_links(page).is_hidden()
        page.set_viewport_size(LAPTOP)  # a window widened: the menu opens itself, without its button
        page.wait_for_selector(".site-menu[open]")
        assert summary.is_hidden() and _menu_links(page).is_visible()
    finally:
        context.close()

    # Without scripts the menu is served open and its summary still folds and unfolds it.
    context, page = _context(browser, live_server.url, PHONE, java_script_enabled=False)
    try:
        assert _menu_links(page).is_visible()
        page.click(".site-menu > summary")
        assert _menu_links(page).is_hidden()
        page.click(".site-menu > summary")
        assert _menu_links(page).is_visible()
    finally:
        context.close()


CELLS = ["=1+1", "+SUM(A1:A2)", "-2", "-1.5", "+3", "@cmd", "\tx", "\rx", "-", "--x", "plain", "a=b", "1e-3"]


def test_browser_csv_neutralises_formula_cells(live_server, browser):
    _admin()
    context, page = _context(browser, live_server.url, LAPTOP)
    try:
        page.evaluate(
            """cells => {
                const table = document.createElement("table");
                table.id = "formula-table";
                table.innerHTML = "<thead><tr><th>Value</th><th>Raw</th></tr></thead><tbody></tbody>";
                cells.forEach(text => {
                    const row = table.tBodies[0].insertRow();
                    row.insertCell().textContent = "x" + text;  // shown text, replaced by data-value
                    row.cells[0].setAttribute("data-value", text);
                    row.insertCell().textContent = text.trim() === text ? text : "y";
                });
                const button = document.createElement("button");
                button.setAttribute("data-csv-table", "formula-table");
                button.setAttribute("data-csv-name", "formulas.csv");
                button.id = "formula-download";
                document.querySelector("main").append(table, button);
                Wayfare.csv.bindButtons();
            }""",
            CELLS,
        )
        with page.expect_download() as download:
            page.click("#formula-download")
        assert download.value.suggested_filename == "formulas.csv"
        text = download.value.path().read_bytes().decode("utf-8-sig")
    finally:
        context.close()
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["Value", "Raw"]
    written = [row[0] for row in rows[1:]]
    assert written == [
        "'=1+1",
        "'+SUM(A1:A2)",
        "-2",  # a negative number stays a number
        "-1.5",
        "+3",
        "'@cmd",
        "'\tx",
        "'\rx",
        "'-",
        "'--x",
        "plain",
        "a=b",  # only the first character counts
        "1e-3",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_browser_formats_agree_with_the_server(live_server, browser, language):
    """Wayfare.format writes a moment as the server's lists and pages do, and its words (units of a
    duration) come from the djangojs catalogue in the page's language."""
    import datetime

    from django.utils import formats, translation

    _admin()
    moment = datetime.datetime(2026, 12, 1, 22, 40, tzinfo=datetime.UTC)
    with translation.override(language):
        server = formats.date_format(moment, "DATETIME_FORMAT")
        # The unit words come from the browser's catalogue (djangojs), which the page uses.
        js = translation.trans_real.DjangoTranslation(language, domain="djangojs")
        expected = js.gettext("%(days)s d %(hours)s h") % {"days": 3, "hours": 4}
    context, page = _context(browser, live_server.url, LAPTOP, language)
    try:
        shown = page.evaluate("Wayfare.format.dateTime('2026-12-01T22:40:00Z')")
        duration = page.evaluate("Wayfare.format.duration(3 * 86400 + 4 * 3600)")
    finally:
        context.close()
    assert shown.replace("\xa0", " ") == server.replace("\xa0", " ")
    assert duration == expected.replace(" ", "\xa0")  # one value: no line break inside it
