"""The journey design studio in Chromium (issue #13): a CX designer builds a map with the editor (the
"Add stage" button, inline names, drag and drop, Alt+Arrow keys, Undo), publishes it and compares the
published version with the draft, downloads the PDF (in English and in Chinese), meets another designer's
edit as a conflict, and a consumer reads the published map without its backstage. Each path is checked
against the database."""

import re
import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from wayfare.core.resources import registry
from wayfare.core.versions import latest_published, versions_for
from wayfare.journeys.models import JourneyMap, JourneyStage, Touchpoint
from wayfare.parties.tests.factories import UserFactory

from .factories import JourneyMapFactory, JourneyStageFactory, PersonaFactory, TouchpointFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDITOR = "#journey-map-editor"
STAGE_NAMES = f"{EDITOR} [data-stage] > h3 [data-edit]"
HOSTILE = 'Collect the <b>van</b> "now"'


def _designer(username):
    return UserFactory(username=username, roles=["CX designer"])


def _map(**kwargs):
    journey_map = JourneyMapFactory(name="Weekend van hire", **kwargs)
    journey_map.personas.add(PersonaFactory(name="Festival student"))
    return journey_map


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _open(page, live_server, journey_map):
    page.goto(live_server.url + reverse("journeys:journeymap_detail", args=[journey_map.pk]))
    page.wait_for_selector(f"{EDITOR} .map-stages")


def _stage(page, index):
    return page.locator(f"{EDITOR} [data-stage]").nth(index)


def _rename(page, index, name):
    """Click the stage's name, type the new one, Enter; wait until the map is drawn with it."""
    stage = _stage(page, index)
    stage.locator("h3 [data-edit]").click()
    field = stage.locator("h3 input")
    field.fill(name)
    field.press("Enter")
    expect(page.locator(STAGE_NAMES).nth(index)).to_have_text(name)


def _db_stage_names(journey_map):
    return list(
        JourneyStage.objects.filter(journey_map=journey_map)
        .order_by("position")
        .values_list("name", flat=True)
    )


def _pdf(download, tmp_path, name):
    path = tmp_path / name
    download.save_as(path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return path.read_bytes(), text.stdout, fonts.stdout


def test_build_a_map_with_the_editor(live_server, page):
    journey_map = _map()
    _designer("ines")
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)
    expect(page.locator(f"{EDITOR} [data-stage]")).to_have_count(0)

    add_stage = page.get_by_role("button", name="Add stage")
    for count in (1, 2, 3):
        add_stage.click()
        expect(page.locator(f"{EDITOR} [data-stage]")).to_have_count(count)
    for index, name in enumerate(["Booking", "Pick-up", "Return"]):
        _rename(page, index, name)
    assert _db_stage_names(journey_map) == ["Booking", "Pick-up", "Return"]

    # Drag and drop: "Return" is dropped on "Booking" and takes its place.
    _stage(page, 2).drag_to(
        _stage(page, 0), source_position={"x": 6, "y": 6}, target_position={"x": 6, "y": 6}
    )
    expect(page.locator(STAGE_NAMES)).to_have_text(["Return", "Booking", "Pick-up"])
    assert _db_stage_names(journey_map) == ["Return", "Booking", "Pick-up"]

    # The keyboard: "Booking" focused, Alt+ArrowRight moves it one place to the right.
    _stage(page, 1).focus()
    page.keyboard.press("Alt+ArrowRight")
    expect(page.locator(STAGE_NAMES)).to_have_text(["Return", "Pick-up", "Booking"])
    assert _db_stage_names(journey_map) == ["Return", "Pick-up", "Booking"]
    expect(page.locator("[data-editor-live]")).to_have_text(re.compile(r"^Booking: moved to position 3$"))

    # A touchpoint added to "Return" moves to "Pick-up" with Alt+ArrowRight.
    _stage(page, 0).get_by_role("button", name="Add touchpoint").click()
    card = page.locator(f"{EDITOR} [data-card]")
    expect(card).to_have_count(1)
    touchpoint = Touchpoint.objects.get(journey_map=journey_map)
    by_name = {s.name: s for s in JourneyStage.objects.filter(journey_map=journey_map)}
    assert touchpoint.stage == by_name["Return"]
    card.focus()
    page.keyboard.press("Alt+ArrowRight")
    expect(_stage(page, 1).locator("[data-card]")).to_have_count(1)
    expect(_stage(page, 0).locator("[data-card]")).to_have_count(0)
    touchpoint.refresh_from_db()
    assert touchpoint.stage == by_name["Pick-up"]

    # Undo (the button) puts the touchpoint back; the stages keep their order.
    page.get_by_role("button", name="Undo").click()
    expect(_stage(page, 0).locator("[data-card]")).to_have_count(1)
    touchpoint.refresh_from_db()
    assert touchpoint.stage == by_name["Return"]
    assert touchpoint.position == 1
    positions = dict(JourneyStage.objects.filter(journey_map=journey_map).values_list("name", "position"))
    assert positions == {"Return": 1, "Pick-up": 2, "Booking": 3}

    # Ctrl+Z undoes the change before: the touchpoint was added, so it goes.
    page.locator("h1").first.click()
    page.keyboard.press("Control+z")
    expect(page.locator(f"{EDITOR} [data-card]")).to_have_count(0)
    assert not Touchpoint.objects.filter(journey_map=journey_map).exists()
    assert _db_stage_names(journey_map) == ["Return", "Pick-up", "Booking"]


def test_drag_a_card_to_another_stage(live_server, page):
    journey_map = _map()
    first = JourneyStageFactory(journey_map=journey_map, position=1, name="Booking")
    second = JourneyStageFactory(journey_map=journey_map, position=2, name="Pick-up")
    moved = TouchpointFactory(stage=first, position=1, name="Confirmation e-mail")
    TouchpointFactory(stage=second, position=1, name="Find the van")
    TouchpointFactory(stage=second, position=2, name="Unlock with the app")
    _designer("ines")
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)
    card = page.locator(f"{EDITOR} [data-card='{moved.pk}']")
    target = _stage(page, 1).locator("[data-card]").nth(1)
    card.drag_to(target, source_position={"x": 4, "y": 4}, target_position={"x": 4, "y": 4})
    expect(_stage(page, 1).locator("[data-card] strong")).to_have_text(
        ["Find the van", "Confirmation e-mail", "Unlock with the app"]
    )
    expect(_stage(page, 0).locator("[data-card]")).to_have_count(0)
    order = Touchpoint.objects.filter(stage=second).order_by("position").values_list("name", flat=True)
    assert list(order) == ["Find the van", "Confirmation e-mail", "Unlock with the app"]
    assert not Touchpoint.objects.filter(stage=first).exists()


def test_publish_edit_and_compare(live_server, page):
    journey_map = _map()
    JourneyStageFactory(journey_map=journey_map, position=1, name="Booking")
    JourneyStageFactory(journey_map=journey_map, position=2, name="Pick-up")
    _designer("ines")
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)

    page.locator(".map-toolbar").get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**{reverse('journeys:journeymap_versions', args=[journey_map.pk])}")
    page.fill("#version-note", "First round with the students")
    page.get_by_role("button", name="Publish as the next version").click()
    expect(page.locator("main")).to_contain_text("The record as it is now is published version 1.")
    journey_map.refresh_from_db()
    assert journey_map.published_number == 1
    published = latest_published(registry.get(JourneyMap), journey_map)
    assert published is not None and published.note == "First round with the students"

    page.locator("nav[aria-label=breadcrumb]").get_by_role("link", name="Weekend van hire").click()
    page.wait_for_selector(f"{EDITOR} .map-stages")
    _rename(page, 1, "Collect the van")
    assert _db_stage_names(journey_map) == ["Booking", "Collect the van"]

    page.locator(".map-toolbar").get_by_role("link", name="Versions").click()
    expect(page.locator("main")).to_contain_text("Changed since version 1 was published")
    assert versions_for(registry.get(JourneyMap), journey_map).count() == 1
    # A: the published version (checked first), B: the map as it is now.
    assert page.locator(f"input[name=a][value='{published.pk}']").is_checked()
    page.get_by_role("button", name="Compare A with B").click()
    page.wait_for_url("**/versions/compare/**")
    row = page.locator("section tr.changed").filter(has_text="Collect the van")
    expect(row).to_have_count(1)
    cells = row.locator("td")
    expect(cells.nth(2)).to_have_text("Pick-up")
    expect(cells.nth(3)).to_have_text("Collect the van")
    expect(cells.nth(1)).to_have_text(re.compile("name", re.I))
    # The stage left alone is no change.
    expect(page.locator("section tr.changed").filter(has_text="Booking")).to_have_count(0)


def test_download_the_pdf(live_server, page, tmp_path):
    journey_map = _map()
    for position, name in enumerate(["Booking", "Pick-up", "Return"], 1):
        JourneyStageFactory(journey_map=journey_map, position=position, name=name)
    _designer("ines")
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)
    with page.expect_download() as info:
        page.locator(".map-toolbar").get_by_role("link", name="PDF", exact=True).click()
    content, text, _fonts = _pdf(info.value, tmp_path, "map.pdf")
    assert content.startswith(b"%PDF")
    assert info.value.suggested_filename.endswith(".pdf")
    for name in ("Booking", "Pick-up", "Return"):
        assert name in text
    assert "Weekend van hire" in text


def test_download_the_pdf_in_chinese(live_server, page, tmp_path):
    journey_map = _map()
    for position, name in enumerate(["预订", "取车", "还车"], 1):
        JourneyStageFactory(journey_map=journey_map, position=position, name=name)
    _designer("ines")
    page.context.add_cookies([{"name": "django_language", "value": "zh-hans", "url": live_server.url}])
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)
    assert page.locator("html").get_attribute("lang").lower().startswith("zh")
    expect(page.locator(".map-toolbar").get_by_role("button", name="添加阶段")).to_be_visible()  # "Add stage"
    # The name typed in the page in Chinese reaches the PDF too.
    _rename(page, 2, "交还")
    assert _db_stage_names(journey_map) == ["预订", "取车", "交还"]
    with page.expect_download() as info:
        page.locator(".map-toolbar").get_by_role("link", name="PDF", exact=True).click()
    _content, text, fonts = _pdf(info.value, tmp_path, "map-zh.pdf")
    for name in ("预订", "取车", "交还"):
        assert name in text
    assert "还车" not in text  # the old name is gone
    assert "阶段" in text  # the column of labels, "Stage", in the reader's language
    # The Chinese is drawn in Noto Sans CJK, embedded (pdffonts writes the name with hyphens).
    cjk = [line for line in fonts.splitlines() if re.search(r"Noto[- ]?Sans[- ]?CJK", line)]
    assert cjk, fonts
    assert all(" yes " in line for line in cjk), fonts


def test_two_designers_edit_the_same_stage(live_server, page, browser):
    journey_map = _map()
    stage = JourneyStageFactory(journey_map=journey_map, position=1, name="Pick-up")
    JourneyStageFactory(journey_map=journey_map, position=2, name="Return")
    journey_map.save()  # the map's version moves past the rows made here, as the editor's writes move it
    _designer("ines")
    _designer("tomas")
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)
    other_context = browser.new_context()
    try:
        other = other_context.new_page()
        _login(other, live_server, "tomas")
        _open(other, live_server, journey_map)

        _rename(page, 0, HOSTILE)
        stage.refresh_from_db()
        assert stage.name == HOSTILE

        # Tomas still has the map as it was, and renames the same stage.
        expect(other.locator(STAGE_NAMES).first).to_have_text("Pick-up")
        other_stage = _stage(other, 0)
        other_stage.locator("h3 [data-edit]").click()
        other_stage.locator("h3 input").fill("Fetch the van")
        other_stage.locator("h3 input").press("Enter")
        box = other.locator("[data-editor-conflict]")
        expect(box).to_be_visible()
        # The one change since Tomas opened the map: Ines's, named with her.
        expect(box.locator("[data-editor-changes] li")).to_have_count(1)
        expect(box.locator("[data-editor-changes] li")).to_contain_text(
            re.compile(r"^ines changed the journey stage “.*”: name$")
        )
        expect(box).to_contain_text(HOSTILE)
        expect(box.locator("[data-editor-kept]")).to_contain_text("Fetch the van")
        assert box.locator("b").count() == 0 and other.locator(f"{EDITOR} b").count() == 0
        # Ines's name is kept (as text, not as markup), and Tomas now sees it on his map.
        stage.refresh_from_db()
        assert stage.name == HOSTILE
        expect(other.locator(STAGE_NAMES).first).to_have_text(HOSTILE)

        box.get_by_role("button", name="Apply my edit again").click()
        expect(other.locator(STAGE_NAMES).first).to_have_text("Fetch the van")
        expect(box).to_be_hidden()
        stage.refresh_from_db()
        assert stage.name == "Fetch the van"
        assert stage.history.first().history_user.username == "tomas"
    finally:
        other_context.close()


def test_a_consumer_reads_the_published_map(live_server, page, browser, make_consumer):
    journey_map = _map()
    stage = JourneyStageFactory(journey_map=journey_map, position=1, name="Pick-up")
    TouchpointFactory(stage=stage, name="Unlock with the app", lane="frontstage", expected=False)
    TouchpointFactory(stage=stage, name="Charge the van overnight", lane="backstage")
    _designer("ines")
    consumer = make_consumer("noor", journey_map.relationship.consumer)
    hint = "is a step the consumer does not expect"

    # The designer sees the hint, the line of visibility and the backstage card; then publishes.
    _login(page, live_server, "ines")
    _open(page, live_server, journey_map)
    expect(page.locator(f"{EDITOR} .map-hint")).to_contain_text(hint)
    expect(page.locator(EDITOR)).to_contain_text("Line of visibility")
    expect(page.locator(EDITOR)).to_contain_text("Charge the van overnight")
    page.locator(".map-toolbar").get_by_role("button", name="Publish").click()
    page.get_by_role("button", name="Publish as the next version").click()
    expect(page.locator("main")).to_contain_text("The record as it is now is published version 1.")
    journey_map.refresh_from_db()
    assert journey_map.published_number == 1
    assert JourneyMap.objects.restrict(consumer).filter(pk=journey_map.pk).exists()

    context = browser.new_context()
    try:
        reader = context.new_page()
        _login(reader, live_server, "noor")
        _open(reader, live_server, journey_map)
        expect(reader.locator(STAGE_NAMES)).to_have_text(["Pick-up"])
        expect(reader.locator(EDITOR)).to_contain_text("Unlock with the app")
        assert reader.locator(f"{EDITOR} [data-edit][role=button]").count() == 0
        assert reader.get_by_role("button", name="Add stage").count() == 0
        assert reader.get_by_role("button", name="Undo").count() == 0
        assert reader.get_by_role("button", name="Add touchpoint").count() == 0
        body = reader.locator("body").inner_text()
        assert "Line of visibility" not in body
        assert "Charge the van overnight" not in body
        assert hint not in body
        assert reader.locator(".map-hint").count() == 0
    finally:
        context.close()
