"""A service level manager in Chromium opens a value-driver tree: the chart draws every driver from the
purpose down, saves as PNG named after the tree, folds a branch when a driver is clicked, and does not
make a phone's page scroll sideways."""

import pytest
from django.urls import reverse

from wayfare.parties.tests.factories import UserFactory

from .factories import NeedFactory, ServiceOfferingFactory
from .factories_value import ValueDriverNodeFactory, ValueDriverTreeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART = "echarts.getInstanceByDom(document.getElementById('value-tree-chart'))"
OPTION = f"() => {CHART}.getOption()"


def _tree():
    tree = ValueDriverTreeFactory(name="Weekends away", need=NeedFactory(title="Trips out of town"))
    purpose = ValueDriverNodeFactory(tree=tree, text="Students feel at home and stay")
    trips = ValueDriverNodeFactory(tree=tree, parent=purpose, layer="objective", text="Weekend trips")
    festivals = ValueDriverNodeFactory(tree=tree, parent=trips, layer="outcome", text="Festival weekends")
    van = ValueDriverNodeFactory(
        tree=tree,
        parent=festivals,
        layer="utility",
        text="A van from Friday to Monday",
        offering=ServiceOfferingFactory(name="Weekend vans"),
    )
    for name in ("eCampus fleet", "Axle booking app", "Campus bays", "Chargers", "Roadside partner"):
        ValueDriverNodeFactory(tree=tree, parent=van, layer="resource", text=name)
    ValueDriverNodeFactory(tree=tree, parent=purpose, layer="objective", text="Fewer drop-outs")
    return tree, trips


def _login(page, live_server):
    UserFactory(username="sol", roles=["Service level manager"])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "sol")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")


def test_the_tree_draws_folds_and_fits_a_phone(live_server, page):
    tree, trips = _tree()
    _login(page, live_server)
    url = live_server.url + reverse("catalog:valuedrivertree_detail", args=[tree.pk])
    page.goto(url)
    page.wait_for_selector("#value-tree-chart[data-ready='1']")
    assert page.locator("#value-tree-chart canvas").count() >= 1
    root = page.evaluate(OPTION + ".series[0].data[0]")
    assert (root["name"], root["layer"]) == ("Students feel at home and stay", "purpose")
    names = page.evaluate(
        OPTION
        + ".series[0].data.flatMap(function walk(d) { return [d.name].concat((d.children || []).flatMap(walk)); })"
    )
    assert len(names) == 10 and "Axle booking app" in names and "Fewer drop-outs" in names
    assert page.evaluate(OPTION + ".series[0].orient") == "TB"
    save = page.evaluate(OPTION + ".toolbox[0].feature.saveAsImage")
    assert (save["name"], save["type"]) == ("Weekends away", "png")
    assert page.locator("#value-tree-table tbody tr").count() == 10
    assert page.locator("#value-key li").count() == 7

    # A click on "Weekend trips" folds what lies below it.
    assert page.get_attribute("#value-tree-chart", "data-collapsed") == "0"
    at = page.evaluate(
        f"""(id) => {{
            const chart = {CHART};
            const data = chart.getModel().getSeriesByIndex(0).getData();
            let index = -1;
            data.tree.eachNode((n) => {{ if (n.getValue() === id) index = n.dataIndex; }});
            const [x, y] = data.getItemGraphicEl(index).transformCoordToGlobal(0, 0);
            return {{ x, y }};
        }}""",
        trips.pk,
    )
    page.locator("#value-tree-chart").scroll_into_view_if_needed()
    box = page.locator("#value-tree-chart").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_selector("#value-tree-chart[data-collapsed='1']")

    # A phone: the chart scrolls in its frame; the page itself does not scroll sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    page.wait_for_selector("#value-tree-chart[data-ready='1']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    frame = page.evaluate(
        "(() => { const f = document.getElementById('value-tree-scroll');"
        " return [f.scrollWidth, f.clientWidth, f.scrollLeft]; })()"
    )
    assert frame[0] > frame[1]  # six leaves side by side need more than a phone's width
    assert abs(frame[2] - (frame[0] - frame[1]) / 2) <= 1  # opened with the purpose in view
