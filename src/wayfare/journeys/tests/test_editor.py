"""The map editor service and its API (issue #13 section 2)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wayfare.core.concurrency import StaleVersion, version_of
from wayfare.core.testing import client_for, make_user
from wayfare.journeys.models import JourneyStage, StageComment, Touchpoint, TouchpointLink
from wayfare.journeys.services.editor import JourneyMapEditor

from .factories import JourneyMapFactory, JourneyStageFactory, PersonaFactory, TouchpointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return make_user("designer", ["Administrator"])


@pytest.fixture
def journey_map():
    m = JourneyMapFactory()
    a = JourneyStageFactory(journey_map=m, position=1, name="Find")
    b = JourneyStageFactory(journey_map=m, position=2, name="Book")
    TouchpointFactory(stage=a, position=1, name="Advert")
    TouchpointFactory(stage=a, position=2, name="App search")
    TouchpointFactory(stage=b, position=1, name="Booking form")
    m.refresh_from_db()  # making its rows moved the map's version
    return m


def commit(m, staff, *ops, version=None):
    m.refresh_from_db()
    return (
        JourneyMapEditor(journey_map=m, actor=staff, version=version or version_of(m))
        .extend(list(ops))
        .commit()
    )


def names(m):
    return [s.name for s in JourneyStage.objects.filter(journey_map=m).order_by("position")]


def test_add_update_move_delete_stage_renumbers(journey_map, staff):
    before = version_of(journey_map)
    doc, undo = commit(
        journey_map,
        staff,
        {"op": "add_stage", "ref": "n", "data": {"name": "Pick up", "step": "engage"}, "position": 1},
        {"op": "update_stage", "id": "n", "data": {"pain_points": "No car nearby"}},
    )
    assert [s["name"] for s in doc["stages"]] == ["Pick up", "Find", "Book"]
    assert [s["position"] for s in doc["stages"]] == [1, 2, 3]
    assert doc["stages"][0]["pain_points"] == "No car nearby"
    journey_map.refresh_from_db()
    assert version_of(journey_map) != before
    new = JourneyStage.objects.get(name="Pick up")
    assert new.history.first().history_user == staff
    commit(journey_map, staff, {"op": "move_stage", "id": new.pk, "position": 3})
    assert names(journey_map) == ["Find", "Book", "Pick up"]
    commit(journey_map, staff, {"op": "delete_stage", "id": new.pk})
    assert names(journey_map) == ["Find", "Book"]


def test_touchpoint_moves_within_and_across_stages(journey_map, staff):
    find, book = JourneyStage.objects.filter(journey_map=journey_map).order_by("position")
    advert = Touchpoint.objects.get(name="Advert")
    commit(journey_map, staff, {"op": "move_touchpoint", "id": advert.pk, "position": 2})
    assert list(find.touchpoints.order_by("position").values_list("name", flat=True)) == [
        "App search",
        "Advert",
    ]
    commit(journey_map, staff, {"op": "move_touchpoint", "id": advert.pk, "stage": book.pk, "position": 1})
    assert list(book.touchpoints.order_by("position").values_list("name", "position")) == [
        ("Advert", 1),
        ("Booking form", 2),
    ]
    assert list(find.touchpoints.values_list("position", flat=True)) == [1]


def test_error_rolls_back_and_names_the_field(journey_map, staff):
    with pytest.raises(ValidationError) as info:
        commit(
            journey_map,
            staff,
            {"op": "add_stage", "data": {"name": "Fine"}},
            {"op": "add_stage", "data": {"name": "", "phase": "never"}},
        )
    assert "operations[1].name" in info.value.message_dict
    assert names(journey_map) == ["Find", "Book"]


def test_activities_need_a_log(journey_map, staff):
    stage = JourneyStage.objects.get(name="Find")
    with pytest.raises(ValidationError) as info:
        commit(journey_map, staff, {"op": "update_stage", "id": stage.pk, "data": {"activities": ["Search"]}})
    assert f"stages[{stage.pk}].activities" in info.value.message_dict
    stage.refresh_from_db()
    assert stage.activities == []


def test_undo_restores_a_deleted_stage_with_its_children(journey_map, staff):
    find = JourneyStage.objects.get(name="Find")
    advert, search = find.touchpoints.order_by("position")
    persona = PersonaFactory()
    journey_map.personas.add(persona)
    commit(
        journey_map,
        staff,
        {"op": "add_link", "source": advert.pk, "target": search.pk, "kind": "loop"},
        {"op": "set_emotion", "stage": find.pk, "persona": persona.pk, "as_is": -2, "to_be": 1},
        {"op": "add_comment", "stage": find.pk, "text": "Check the advert wording"},
    )
    _doc, undo = commit(journey_map, staff, {"op": "delete_stage", "id": find.pk})
    assert names(journey_map) == ["Book"]
    doc, _undo = commit(journey_map, staff, *undo)
    assert [s["name"] for s in doc["stages"]] == ["Find", "Book"]
    restored = doc["stages"][0]
    assert [t["name"] for t in restored["touchpoints"]] == ["Advert", "App search"]
    assert restored["emotions"][0]["as_is"] == -2 and restored["emotions"][0]["to_be"] == 1
    assert TouchpointLink.objects.filter(source=advert.pk, target=search.pk, kind="loop").exists()
    assert StageComment.objects.filter(stage=find.pk).count() == 1


def test_undo_of_update_and_move(journey_map, staff):
    book = JourneyStage.objects.get(name="Book")
    _doc, undo = commit(
        journey_map,
        staff,
        {"op": "update_stage", "id": book.pk, "data": {"name": "Reserve"}},
        {"op": "move_stage", "id": book.pk, "position": 1},
    )
    assert names(journey_map) == ["Reserve", "Find"]
    commit(journey_map, staff, *undo)
    assert names(journey_map) == ["Find", "Book"]


def test_machine_persona_has_no_emotion(journey_map, staff):
    robot = PersonaFactory(is_machine=True)
    journey_map.personas.add(robot)
    stage = JourneyStage.objects.get(name="Find")
    with pytest.raises(ValidationError):
        commit(journey_map, staff, {"op": "set_emotion", "stage": stage.pk, "persona": robot.pk, "as_is": 1})


def test_stale_version_is_refused_and_nothing_written(journey_map, staff):
    old = version_of(journey_map)
    stage = JourneyStage.objects.get(name="Find")
    commit(journey_map, staff, {"op": "update_stage", "id": stage.pk, "data": {"thoughts": "Where?"}})
    with pytest.raises(StaleVersion):
        commit(journey_map, staff, {"op": "update_stage", "id": stage.pk, "data": {"name": "X"}}, version=old)
    assert names(journey_map) == ["Find", "Book"]


# -- API -------------------------------------------------------------------------------------------
def url(m):
    return reverse("journeys:map_document", args=[m.pk])


def post(client, m, ops, version):
    return client.post(
        url(m),
        json.dumps({"operations": ops}),
        content_type="application/json",
        headers={"If-Match": f'"{version}"'},
    )


def test_api_etag_and_two_concurrent_edits_both_survive(journey_map, staff):
    alice, bob = client_for(staff), client_for(make_user("bob", ["Administrator"]))
    find, book = JourneyStage.objects.filter(journey_map=journey_map).order_by("position")
    got = alice.get(url(journey_map))
    assert got.status_code == 200 and got["ETag"] == f'"{version_of(journey_map)}"'
    assert "hints" in got.json() and got.json()["document"]["stages"][0]["name"] == "Find"
    version = got.json()["document"]["map"]["version"]
    first = post(
        alice, journey_map, [{"op": "update_stage", "id": find.pk, "data": {"name": "Discover"}}], version
    )
    assert first.status_code == 200 and first.json()["undo"]
    second = post(
        bob, journey_map, [{"op": "update_stage", "id": book.pk, "data": {"name": "Reserve"}}], version
    )
    assert second.status_code == 409
    body = second.json()
    assert body["document"]["stages"][0]["name"] == "Discover"
    assert any(
        c["id"] == find.pk and "name" in c["fields"] and c["by"] == "designer" for c in body["changes"]
    )
    again = post(
        bob,
        journey_map,
        [{"op": "update_stage", "id": book.pk, "data": {"name": "Reserve"}}],
        body["document"]["map"]["version"],
    )
    assert again.status_code == 200
    assert names(journey_map) == ["Discover", "Reserve"]


def test_api_same_field_conflict_is_shown(journey_map, staff):
    alice, bob = client_for(staff), client_for(make_user("bob", ["Administrator"]))
    find = JourneyStage.objects.get(name="Find")
    version = version_of(journey_map)
    post(alice, journey_map, [{"op": "update_stage", "id": find.pk, "data": {"name": "Discover"}}], version)
    clash = post(
        bob, journey_map, [{"op": "update_stage", "id": find.pk, "data": {"name": "Search"}}], version
    )
    assert clash.status_code == 409
    assert [c for c in clash.json()["changes"] if c["id"] == find.pk and c["fields"] == ["name"]]
    assert names(journey_map) == ["Discover", "Book"]


def test_api_bad_op_is_400_with_field(journey_map, staff):
    client = client_for(staff)
    response = post(client, journey_map, [{"op": "add_stage", "data": {"name": ""}}], version_of(journey_map))
    assert response.status_code == 400 and "operations[0].name" in response.json()["errors"]


def test_api_consumer_reads_published_only_and_never_writes(journey_map, staff, make_consumer):
    from wayfare.core.resources import registry
    from wayfare.core.versions import version_publish
    from wayfare.journeys.models import JourneyMap

    find = JourneyStage.objects.get(name="Find")
    TouchpointFactory(stage=find, position=3, name="Dispatcher check", lane="backstage")
    consumer = client_for(make_consumer("cons", journey_map.relationship.consumer))
    assert consumer.get(url(journey_map)).status_code == 404
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=staff)
    got = consumer.get(url(journey_map))
    assert got.status_code == 200
    text = got.content.decode()
    assert "Dispatcher check" not in text and "backstage_notes" not in text and "comments" not in text
    response = post(consumer, journey_map, [{"op": "delete_stage", "id": find.pk}], version_of(journey_map))
    assert response.status_code == 404
    assert JourneyStage.objects.filter(pk=find.pk).exists()


def test_map_page_carries_the_editor(journey_map, staff):
    response = client_for(staff).get(reverse("journeys:journeymap_detail", args=[journey_map.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="journey-map-editor"' in text and url(journey_map) in text and "journeys/editor.js" in text


@pytest.mark.parametrize("way", ["stage form", "touchpoint api", "delete stage"])
def test_a_change_outside_the_editor_moves_the_maps_version(journey_map, staff, way):
    """An editor open on the map meets the version check when a row changes by its own form or the API."""
    editor = client_for(staff)
    version = editor.get(url(journey_map)).json()["document"]["map"]["version"]
    find = JourneyStage.objects.get(journey_map=journey_map, name="Find")
    other = client_for(make_user("bob", ["Administrator"]))
    if way == "stage form":
        page = other.get(reverse("journeys:journeystage_edit", args=[find.pk]))
        form = page.context["form"]
        data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
        data |= {"name": "Discover", "journey_map": journey_map.pk, "_version": version_of(find)}
        response = other.post(reverse("journeys:journeystage_edit", args=[find.pk]), data)
        assert response.status_code == 302, response.content.decode()[:2000]
    elif way == "touchpoint api":
        tp = Touchpoint.objects.get(name="Advert")
        response = other.patch(
            reverse("api:journeys-touchpoint-detail", args=[tp.pk]),
            {"name": "Poster"},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
    else:
        response = other.delete(reverse("api:journeys-journeystage-detail", args=[find.pk]))
        assert response.status_code == 204, response.content
    clash = post(editor, journey_map, [{"op": "add_stage", "data": {"name": "Late"}}], version)
    assert clash.status_code == 409
    assert "Late" not in names(journey_map)
