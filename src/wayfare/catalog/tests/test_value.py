"""Value-driver trees (issue #14 section 3): the layer rules, what a consumer's people see of a tree, the
form that adds a driver on the tree's page and the data the chart draws."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wayfare.catalog.models import ValueDriverNode
from wayfare.catalog.services.value import value_node_add
from wayfare.core.exceptions import AccessError
from wayfare.core.testing import client_for
from wayfare.parties.tests.factories import UserFactory

from .factories import NeedFactory, ProductFactory, ServiceOfferingFactory
from .factories_value import ValueDriverNodeFactory, ValueDriverTreeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(username="sol", roles=["Service level manager"])


@pytest.fixture
def tree(org_a):
    return ValueDriverTreeFactory(name="Weekends away", need=NeedFactory(organisation=org_a, title="Trips"))


@pytest.fixture
def purpose(tree):
    return ValueDriverNodeFactory(tree=tree, text="Students feel at home and stay")


def node(tree, layer, parent=None, **fields):
    """A driver checked as a form or the API would, then saved."""
    fields.setdefault("text", f"A {layer}")
    result = ValueDriverNode(tree=tree, parent=parent, layer=layer, **fields)
    result.full_clean()
    result.save()
    return result


def refused(tree, layer, parent=None, **fields):
    with pytest.raises(ValidationError) as caught:
        ValueDriverNode(tree=tree, parent=parent, layer=layer, text="x", **fields).full_clean()
    return caught.value.message_dict


# -- the layer rules ------------------------------------------------------------------------------
def test_each_layer_lies_below_the_one_above(tree, purpose):
    objective = node(tree, "objective", purpose)
    outcome = node(tree, "outcome", objective)
    experience = node(tree, "experience", objective)
    utility = node(tree, "utility", outcome)
    warranty = node(tree, "warranty", experience)
    resource = node(tree, "resource", warranty)
    assert [n.level for n in (purpose, objective, outcome, experience, utility, warranty, resource)] == [
        0, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip
    node(tree, "resource", purpose)  # a layer may be skipped
    assert "layer" in refused(tree, "experience", outcome)  # outcome and experience are one level
    assert "layer" in refused(tree, "warranty", utility)  # and so are utility and warranty
    assert "layer" in refused(tree, "objective", utility)  # never climbing
    assert "layer" in refused(tree, "purpose", purpose)


def test_a_top_down_tree_starts_from_the_purpose_a_bottom_up_one_anywhere(tree, org_a):
    assert "parent" in refused(tree, "resource")
    bottom_up = ValueDriverTreeFactory(need=tree.need, approach="bottom_up")
    fleet = node(bottom_up, "resource")
    van = node(bottom_up, "utility")
    fleet.parent = van
    fleet.full_clean()  # what it serves is put above it later


def test_the_parent_is_in_the_same_tree(tree, purpose):
    other = ValueDriverTreeFactory(need=tree.need)
    errors = refused(other, "objective", purpose)
    assert errors == {"parent": ["The parent must be a driver of the same tree."]}


def test_a_cycle_is_refused(tree, purpose):
    objective = node(tree, "objective", purpose)
    outcome = node(tree, "outcome", objective)
    purpose.parent = outcome
    with pytest.raises(ValidationError) as caught:
        purpose.full_clean()
    assert caught.value.message_dict == {
        "parent": ["A driver cannot lie below itself, directly or through others."]
    }
    purpose.parent = purpose
    with pytest.raises(ValidationError, match="cannot lie below itself"):
        purpose.full_clean()


def test_a_driver_with_drivers_below_keeps_above_them(tree, purpose):
    objective = node(tree, "objective", purpose)
    node(tree, "outcome", objective)
    objective.layer = "warranty"
    with pytest.raises(ValidationError) as caught:
        objective.full_clean()
    assert "layer" in caught.value.message_dict
    objective.layer = "objective"
    objective.full_clean()


def test_offerings_and_products_only_where_the_provider_delivers(tree, purpose):
    offering, product = ServiceOfferingFactory(), ProductFactory()
    objective = node(tree, "objective", purpose)
    assert "offering" in refused(tree, "objective", purpose, offering=offering)
    assert "offering" in refused(tree, "outcome", objective, offering=offering)
    for layer in ("utility", "warranty", "resource"):
        node(tree, layer, objective, offering=offering)
    assert "product" in refused(tree, "utility", objective, product=product)
    node(tree, "resource", objective, product=product, offering=offering)


def test_a_new_driver_goes_last_among_its_siblings(tree, purpose, manager):
    first = value_node_add(tree=tree, actor=manager, parent=purpose, layer="objective", text="Trips")
    second = value_node_add(tree=tree, actor=manager, parent=purpose, layer="objective", text="Stay")
    assert (first.position, second.position) == (0, 1)
    assert second.created_by == manager and second.history.first().history_user == manager


def test_only_writers_add_drivers(tree, purpose, org_a, make_consumer):
    for actor in (UserFactory(username="ro", roles=["Read-only"]), make_consumer("c", org_a)):
        with pytest.raises(AccessError):
            value_node_add(tree=tree, actor=actor, parent=purpose, layer="objective", text="Trips")
    assert tree.nodes.count() == 1


# -- what consumers see ---------------------------------------------------------------------------
@pytest.fixture
def linked(tree, purpose, org_a):
    objective = node(tree, "objective", purpose)
    published = ServiceOfferingFactory(name="Weekend vans", offered_to=org_a, state="published")
    draft = ServiceOfferingFactory(name="Secret night vans", offered_to=org_a, state="draft")
    node(tree, "utility", objective, offering=published)
    hidden = node(tree, "warranty", objective, offering=draft)
    return published, draft, hidden


def test_a_consumer_sees_their_needs_tree_without_unpublished_offerings(tree, linked, org_a, make_consumer):
    published, draft, hidden = linked
    client = client_for(make_consumer("ana", org_a))
    page = client.get(reverse("catalog:valuedrivertree_detail", args=[tree.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Students feel at home and stay" in text and "Weekend vans" in text
    assert "Secret night vans" not in text
    assert page.context["node_form"] is None and 'id="value-node-form"' not in text
    flat = _flatten(page.context["tree_config"]["root"])
    assert {d["offering"]["name"] for d in flat if d["offering"]} == {"Weekend vans"}
    # The drivers' own pages, list and API say no more.
    for url in (
        reverse("catalog:valuedrivernode_detail", args=[hidden.pk]),
        reverse("catalog:valuedrivernode_list"),
        reverse("catalog:valuedrivernode_list") + "?_export=csv",
        reverse("api:catalog-valuedrivernode-list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Secret night vans" not in response.content.decode("utf-8-sig"), url


def test_staff_see_every_offering_linked(tree, linked, manager):
    published, draft, _hidden = linked
    page = client_for(manager).get(reverse("catalog:valuedrivertree_detail", args=[tree.pk]))
    flat = _flatten(page.context["tree_config"]["root"])
    offerings = {d["offering"]["name"]: d["offering"]["url"] for d in flat if d["offering"]}
    assert offerings == {
        "Weekend vans": published.get_absolute_url(),
        "Secret night vans": draft.get_absolute_url(),
    }
    assert f'href="{draft.get_absolute_url()}"' in page.content.decode()


def test_another_organisations_consumer_gets_404(tree, purpose, org_b, make_consumer):
    client = client_for(make_consumer("boris", org_b))
    assert client.get(reverse("catalog:valuedrivertree_detail", args=[tree.pk])).status_code == 404
    assert client.get(reverse("catalog:valuedrivernode_detail", args=[purpose.pk])).status_code == 404
    response = client.post(
        reverse("catalog:valuedrivertree_detail", args=[tree.pk]),
        {"node-parent": purpose.pk, "node-layer": "objective", "node-text": "Sneaked in"},
    )
    assert response.status_code in (403, 404) and tree.nodes.count() == 1


# -- the form on the tree's page ------------------------------------------------------------------
def test_the_form_adds_a_driver(tree, purpose, manager):
    offering = ServiceOfferingFactory(name="Weekend vans")
    url = reverse("catalog:valuedrivertree_detail", args=[tree.pk])
    client = client_for(manager)
    objective = node(tree, "objective", purpose)
    response = client.post(
        url,
        {
            "node-parent": objective.pk,
            "node-layer": "utility",
            "node-text": "A van from Friday to Monday",
            "node-offering": offering.pk,
        },
    )
    assert response.status_code == 302 and response["Location"].startswith(url)
    added = tree.nodes.get(text="A van from Friday to Monday")
    assert (added.parent, added.layer, added.offering, added.created_by) == (
        objective,
        "utility",
        offering,
        manager,
    )
    page = client.get(url)
    assert "A van from Friday to Monday" in page.content.decode()


def test_a_refused_driver_shows_why_next_to_the_form_and_saves_nothing(tree, purpose, manager):
    url = reverse("catalog:valuedrivertree_detail", args=[tree.pk])
    client = client_for(manager)
    before = ValueDriverNode.objects.count()
    cases = [
        ({"node-layer": "utility", "node-text": "Loose"}, "parent", "hangs below another one"),
        ({"node-parent": purpose.pk, "node-layer": "purpose", "node-text": "Twice"}, "layer", "cannot lie below"),
        (
            {"node-parent": purpose.pk, "node-layer": "objective", "node-text": "Trips",
             "node-offering": ServiceOfferingFactory().pk},
            "offering",
            "Link an offering only",
        ),
        ({"node-parent": purpose.pk, "node-layer": "objective", "node-text": ""}, "text", "required"),
    ]  # fmt: skip
    for data, field, words in cases:
        response = client.post(url, data)
        assert response.status_code == 400, data
        form = response.context["node_form"]
        assert field in form.errors and words in " ".join(form.errors[field]), form.errors
        assert words in response.content.decode()
    assert ValueDriverNode.objects.count() == before


def test_the_parent_choices_are_the_trees_own_drivers(tree, purpose, manager):
    elsewhere = ValueDriverNodeFactory(text="Another tree's purpose")
    response = client_for(manager).post(
        reverse("catalog:valuedrivertree_detail", args=[tree.pk]),
        {"node-parent": elsewhere.pk, "node-layer": "objective", "node-text": "Trips"},
    )
    assert response.status_code == 400 and "parent" in response.context["node_form"].errors
    assert not ValueDriverNode.objects.filter(text="Trips").exists()


def test_read_only_staff_see_the_tree_but_no_form(tree, purpose):
    client = client_for(UserFactory(username="reader", roles=["Read-only"]))
    url = reverse("catalog:valuedrivertree_detail", args=[tree.pk])
    page = client.get(url)
    assert page.status_code == 200 and page.context["node_form"] is None
    assert client.post(url, {"node-layer": "purpose", "node-text": "x"}).status_code == 403


# -- the chart's data -----------------------------------------------------------------------------
def _flatten(item):
    return [item, *[d for child in item["children"] for d in _flatten(child)]]


def test_the_chart_data_is_the_tree_top_down(tree, purpose, manager):
    objective = node(tree, "objective", purpose)
    node(tree, "outcome", objective, text="Festival weekends")
    node(tree, "objective", purpose, text="Fewer drop-outs")
    page = client_for(manager).get(reverse("catalog:valuedrivertree_detail", args=[tree.pk]))
    config = page.context["tree_config"]
    root = config["root"]
    assert (root["id"], root["layer"], root["layerLabel"]) == (purpose.pk, "purpose", "purpose")
    assert [c["name"] for c in root["children"]] == ["A objective", "Fewer drop-outs"]
    assert root["children"][0]["children"][0]["name"] == "Festival weekends"
    assert config["fileName"] == "Weekends away" and config["count"] == 4
    assert [layer["key"] for layer in config["layers"]] == [
        "purpose", "objective", "outcome", "experience", "utility", "warranty", "resource",
    ]  # fmt: skip
    embedded = page.content.decode().split('<script id="value-tree-config" type="application/json">')[1]
    assert json.loads(embedded.split("</script>")[0]) == json.loads(json.dumps(config))
    rows = page.context["tree_rows"]
    assert [r["layer"] for r in rows] == ["purpose", "objective", "objective", "outcome"]
    assert rows[3]["parent"] == "A objective"
    assert "Start from the consumer&#x27;s purpose." in page.content.decode()


def test_several_branches_hang_under_the_need(manager, org_a):
    tree = ValueDriverTreeFactory(need=NeedFactory(organisation=org_a, title="Trips"), approach="bottom_up")
    node(tree, "resource", text="Fleet")
    node(tree, "resource", text="App")
    page = client_for(manager).get(reverse("catalog:valuedrivertree_detail", args=[tree.pk]))
    root = page.context["tree_config"]["root"]
    assert (root["id"], root["layer"], root["name"]) == (None, "need", "Trips")
    assert [c["name"] for c in root["children"]] == ["Fleet", "App"]
    assert "Start from the products and services." in page.content.decode()


def test_hostile_text_is_escaped(tree, manager):
    ValueDriverNodeFactory(tree=tree, text='<script>alert("x")</script>')
    text = client_for(manager).get(reverse("catalog:valuedrivertree_detail", args=[tree.pk])).content.decode()
    assert '<script>alert("x")</script>' not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text


# -- the demo -------------------------------------------------------------------------------------
def test_the_demo_tree_is_top_down_in_three_languages():
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from wayfare.catalog.models import ValueDriverTree

    call_command("demo", stdout=io.StringIO())
    tree = ValueDriverTree.objects.get(need__title="Students get out of town at weekends without a car")
    assert tree.approach == "top_down"
    nodes = list(tree.nodes.all())
    assert len(nodes) == 10
    (root,) = [n for n in nodes if n.parent_id is None]
    assert root.layer == "purpose" and root.text.startswith("The university wants international students")
    for n in [*nodes]:
        assert n.translations["zh-hans"]["text"] and n.translations["ru"]["text"], n.text
    for driver in ("eCampus fleet", "Axle booking app"):
        leaf = tree.nodes.get(text=driver)
        assert (leaf.layer, leaf.product.name, leaf.offering.name) == (
            "resource",
            driver,
            "Weekend vans for students",
        )
    assert tree.translations["zh-hans"]["name"] and tree.translations["ru"]["name"]
    beatriz = get_user_model().objects.get(username="beatriz")
    page = client_for(beatriz).get(reverse("catalog:valuedrivertree_detail", args=[tree.pk]))
    assert page.status_code == 200 and "Weekend vans for students" in page.content.decode()
    call_command("demo", stdout=io.StringIO())
    assert tree.nodes.count() == 10 and tree.history.count() == 1
