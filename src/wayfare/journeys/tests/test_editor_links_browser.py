"""A CX designer in Chromium links touchpoints of a journey map (a loop back to an earlier stage), deletes
the link, and sets a persona's emotions on the map, all without reloading the page; the emotion curve
follows and Undo restores the earlier score. Hostile touchpoint names read as text, a phone does not
scroll the page sideways, and a consumer reads the scores without any control to change them."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from wayfare.core.access import SYSTEM
from wayfare.core.resources import registry
from wayfare.core.versions import version_publish
from wayfare.journeys.models import JourneyMap, StageEmotion, TouchpointLink
from wayfare.parties.tests.factories import UserFactory

from .factories import (
    JourneyMapFactory,
    JourneyStageFactory,
    PersonaFactory,
    StageEmotionFactory,
    TouchpointFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SERIES = "() => echarts.getInstanceByDom(document.querySelector('[data-editor-emotions]')).getOption().series"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def journey_map():
    m = JourneyMapFactory(name="Campus car sharing")
    find = JourneyStageFactory(journey_map=m, position=1, name="Find a car")
    book = JourneyStageFactory(journey_map=m, position=2, name="Book")
    TouchpointFactory(stage=find, position=1, name="App search")
    TouchpointFactory(stage=book, position=1, name="Booking form")
    TouchpointFactory(stage=book, position=2, name="Payment")
    student = PersonaFactory(name="Student")
    robot = PersonaFactory(name="Fleet robot", is_machine=True)
    m.personas.add(student, robot)
    StageEmotionFactory(stage=book, persona=student, as_is=1, to_be=None)
    return m


def _login(page, url, username):
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{url}/")


def _open(page, live_server, journey_map, username="dana"):
    _login(page, live_server.url, username)
    page.goto(live_server.url + reverse("journeys:journeymap_detail", args=[journey_map.pk]))
    page.wait_for_selector("#journey-map-editor [data-card]")


def _card(page, name):
    return page.locator("#journey-map-editor [data-card]", has=page.get_by_text(name, exact=True))


def _version(page):
    return page.get_attribute("#journey-map-editor", "data-version")


def _saved(page, before):
    """Wait until the page has drawn the document of a newer version of the map than ``before``."""
    page.wait_for_function(
        "(v) => document.getElementById('journey-map-editor').dataset.version !== v", arg=before
    )


def _saving(page, action):
    before = _version(page)
    action()
    _saved(page, before)


def _row(page, stage, persona):
    return page.locator(f"[data-emotions='{stage.pk}'] [data-persona='{persona.pk}']")


def _series(page, persona, which):
    data = page.evaluate(SERIES + f".find(s => s.name === {persona + ' · ' + which!r}).data")
    return [None if v in (None, "-") else v for v in data]


def test_link_loop_back_and_set_emotions(live_server, page, journey_map):
    UserFactory(username="dana", roles=["CX designer"])
    find, book = journey_map.stages.order_by("position")
    search = find.touchpoints.get()
    payment = book.touchpoints.get(name="Payment")
    student = journey_map.personas.get(is_machine=False)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(page, live_server, journey_map)
    page.evaluate("() => { window.__notReloaded = true; }")
    posts = []
    page.on("request", lambda r: r.method == "POST" and posts.append(r.url))

    # The picker lists every other touchpoint as "stage · touchpoint", never the card itself.
    card = _card(page, "Payment")
    card.locator("summary", has_text="Link to…").click()
    options = card.locator("select[name=target] option").all_inner_texts()
    assert options[1:] == ["Find a car · App search", "Book · Booking form"]
    # A target in an earlier stage suggests a loop back; the designer confirms it and names it.
    card.locator("select[name=target]").select_option(str(search.pk))
    assert card.locator("select[name=kind]").input_value() == "loop"
    card.locator("select[name=kind]").select_option(label="Loop back")
    card.locator("input[name=label]").fill("Card declined, look again")
    card.get_by_role("button", name="Save link").click()
    group = page.locator("[data-links] [data-link-kind=loop]")
    group.wait_for()
    assert group.locator("h4").inner_text() == "Loop back (1)"
    assert group.locator("li .map-link-path").inner_text() == "Book · Payment → Find a car · App search"
    assert group.locator("li .map-link-label").inner_text() == "Card declined, look again"
    link = TouchpointLink.objects.get()
    assert (link.source_id, link.target_id, link.kind, link.label) == (
        payment.pk,
        search.pk,
        "loop",
        "Card declined, look again",
    )
    assert _card(page, "Payment").locator("[data-badge=out]").inner_text() == "→ 1"
    assert _card(page, "App search").locator("[data-badge=in]").inner_text() == "← 1"
    assert _card(page, "Booking form").locator("[data-badge]").count() == 0

    # The same link again: the server's 400 shows in the error box, the form keeps its values.
    card = _card(page, "Payment")
    card.locator("summary", has_text="Link to…").click()
    card.locator("select[name=target]").select_option(str(search.pk))
    card.get_by_role("button", name="Save link").click()
    box = page.locator("[data-editor-conflict]")
    box.wait_for(state="visible")
    assert "These touchpoints are linked already." in box.inner_text()
    assert "operations[" not in box.inner_text()
    assert card.locator("select[name=target]").input_value() == str(search.pk)
    assert TouchpointLink.objects.count() == 1

    # Delete the link from the list under the map.
    page.get_by_role("button", name="Delete link: Book · Payment → Find a car · App search").click()
    page.locator("[data-links]").wait_for(state="detached")
    assert not TouchpointLink.objects.exists()
    assert _card(page, "Payment").locator("[data-badge]").count() == 0

    # Emotions: the human persona has two selects per stage, the machine none.
    assert page.locator("[data-emotions] [data-persona]").count() == 2
    assert _row(page, find, student).locator("select[name=as_is]").input_value() == ""
    assert _series(page, "Student", "as it is") == [None, 1]
    _saving(page, lambda: _row(page, find, student).locator("select[name=as_is]").select_option("-2"))
    _saving(page, lambda: _row(page, find, student).locator("select[name=to_be]").select_option("2"))
    emotion = StageEmotion.objects.get(stage=find, persona=student)
    assert (emotion.as_is, emotion.to_be) == (-2, 2)
    assert _row(page, find, student).locator("select[name=to_be]").input_value() == "2"
    assert _series(page, "Student", "as it is") == [-2, 1]
    assert _series(page, "Student", "to be") == [2, None]
    assert not any("Fleet robot" in s["name"] for s in page.evaluate(SERIES))

    # Both scores unset: the row is cleared.
    _saving(page, lambda: _row(page, book, student).locator("select[name=as_is]").select_option(""))
    assert not StageEmotion.objects.filter(stage=book).exists()
    assert _series(page, "Student", "as it is") == [-2, None]
    # A to-be score alone is refused before it is sent.
    sent = len(posts)
    _row(page, book, student).locator("select[name=to_be]").select_option("1")
    expect(page.locator("[data-editor-conflict]")).to_contain_text("A to-be score needs an as-is score.")
    assert len(posts) == sent
    assert not StageEmotion.objects.filter(stage=book).exists()

    # Undo restores the earlier values: the book stage's score comes back, then the to-be of "Find a car".
    _saving(page, lambda: page.locator("[data-editor-undo]").click())
    assert StageEmotion.objects.get(stage=book, persona=student).as_is == 1
    assert _row(page, book, student).locator("select[name=as_is]").input_value() == "1"
    assert _series(page, "Student", "as it is") == [-2, 1]
    _saving(page, lambda: page.locator("[data-editor-undo]").click())
    emotion.refresh_from_db()
    assert (emotion.as_is, emotion.to_be) == (-2, None)
    assert _row(page, find, student).locator("select[name=to_be]").input_value() == ""
    assert _row(page, find, student).locator("select[name=as_is]").input_value() == "-2"
    assert _series(page, "Student", "to be") == [None, None]
    assert len(posts) == sent + 2

    assert page.evaluate("() => window.__notReloaded") is True
    assert dialogs == []


def test_hostile_names_read_as_text_and_the_phone_does_not_scroll_sideways(live_server, browser, journey_map):
    hostile = "<img src=x onerror=alert(1)>"
    stage = journey_map.stages.order_by("position").first()
    TouchpointFactory(stage=stage, position=2, name=hostile)
    journey_map.stages.filter(pk=stage.pk).update(name='Find "a car" <b>now</b>')
    UserFactory(username="dana", roles=["CX designer"])
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(page, live_server, journey_map)
    card = _card(page, "Payment")
    card.locator("summary", has_text="Link to…").click()
    options = card.locator("select[name=target] option").all_inner_texts()
    assert f'Find "a car" <b>now</b> · {hostile}' in options
    assert page.locator("#journey-map-editor img, #journey-map-editor b").count() == 0
    # Link to it: the list shows the name as text too.
    option = card.locator("select[name=target] option", has_text=hostile)
    card.locator("select[name=target]").select_option(option.get_attribute("value"))
    card.locator("input[name=label]").fill("<script>alert(2)</script>")
    card.get_by_role("button", name="Save link").click()
    page.locator("[data-links] li").wait_for()
    assert page.locator("[data-links] .map-link-path").inner_text().endswith(hostile)
    assert page.locator("[data-links] .map-link-label").inner_text() == "<script>alert(2)</script>"
    assert page.locator("#journey-map-editor img, #journey-map-editor script").count() == 0
    assert TouchpointLink.objects.get().target.name == hostile
    # Nothing overflows the page sideways at 390 px (the map scrolls inside its own box).
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[0] <= width[1], width
    assert dialogs == []
    context.close()


def test_a_consumer_reads_the_scores_only(live_server, page, journey_map, make_consumer):
    find, book = journey_map.stages.order_by("position")
    student = journey_map.personas.get(is_machine=False)
    StageEmotionFactory(stage=find, persona=student, as_is=-1, to_be=3)
    link = TouchpointLink.objects.create(
        journey_map=journey_map,
        source=book.touchpoints.get(name="Payment"),
        target=find.touchpoints.get(),
        kind="loop",
    )
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    make_consumer("carla", journey_map.relationship.consumer)
    _open(page, live_server, journey_map, username="carla")
    assert page.locator("#journey-map-editor select, #journey-map-editor details").count() == 0
    assert page.locator("[data-links] button").count() == 0
    assert page.locator(f"[data-link='{link.pk}'] .map-link-path").inner_text() == (
        "Book · Payment → Find a car · App search"
    )
    rows = page.locator("[data-emotions] [data-persona]")
    assert rows.count() == 2
    assert page.locator(f"[data-emotions='{find.pk}']").inner_text() == "Student: as it is -1 · to be +3"
    assert page.locator(f"[data-emotions='{book.pk}']").inner_text() == "Student: as it is +1"
    assert _series(page, "Student", "as it is") == [-1, 1]
