"""Import of a journey map file: a round trip loses nothing, a bad file names its field and writes
nothing, a big file is refused before parsing."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wayfare.core.testing import make_user
from wayfare.journeys.exports import journey_map_file
from wayfare.journeys.models import JourneyMap, JourneyStage, Touchpoint
from wayfare.journeys.services.transfer import MAX_BYTES, TransferFailed, journey_map_import

from .test_exports import build_map

pytestmark = pytest.mark.django_db


@pytest.fixture
def designer():
    return make_user("designer", ["CX designer"])


def _normal(data):
    """The file without ids and the map's name (both change on import): ids become positions."""
    data = copy.deepcopy(data)
    stages = {s["id"]: i for i, s in enumerate(data["stages"])}
    touchpoints = {t["id"]: i for i, t in enumerate(data["touchpoints"])}
    data["map"].pop("id")
    data["map"].pop("name")
    for s in data["stages"]:
        s.pop("id")
    for t in data["touchpoints"]:
        t.pop("id")
        t["stage"] = stages[t["stage"]]
    for e in data["emotions"]:
        e.pop("id")
        e["stage"] = stages[e["stage"]]
    for link in data["links"]:
        link.pop("id")
        link["source"], link["target"] = touchpoints[link["source"]], touchpoints[link["target"]]
    return data


def test_round_trip_loses_nothing(designer):
    journey_map = build_map()
    stage = journey_map.stages.order_by("position").first()
    stage.translations = {"zh-hans": {"name": "发现服务"}, "ru": {"name": "Найти сервис"}}
    stage.save()
    exported = journey_map_file(journey_map, designer)
    imported = journey_map_import(data=json.dumps(exported), actor=designer)
    assert imported.pk != journey_map.pk and imported.name == f"{journey_map.name} (2)"
    again = journey_map_file(imported, designer)
    assert _normal(again) == _normal(exported)


def _count():
    return JourneyMap.objects.count(), JourneyStage.objects.count(), Touchpoint.objects.count()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["stages"][1].update(phase="sometime"),
            "stages[1].phase: 'sometime' is not one of before, during, after",
        ),
        (
            lambda d: d["touchpoints"][0].update(channel="pigeon"),
            "touchpoints[0].channel: 'pigeon' is not one of",
        ),
        (lambda d: d["touchpoints"][0].update(stage=999999), "touchpoints[0].stage:"),
        (lambda d: d["emotions"][0].update(as_is=9), "emotions[0].as_is: 9 is not between -3 and 3"),
        (
            lambda d: d["map"]["personas"][0].update(name="Nobody"),
            "map.personas[0]: no persona named 'Nobody'",
        ),
        (lambda d: d["stages"][0].update(activities=["Unlock"]), "stages[0].activities:"),
        (lambda d: d["links"][0].update(target="x"), "links[0].target:"),
        (lambda d: d.update(format="other"), "format:"),
        (lambda d: d.update(version=2), "version:"),
    ],
)
def test_a_bad_file_names_the_field_and_writes_nothing(designer, change, message):
    data = journey_map_file(build_map(), designer)
    change(data)
    before = _count()
    with pytest.raises(TransferFailed) as failed:
        journey_map_import(data=json.dumps(data), actor=designer)
    assert any(message in error for error in failed.value.errors), failed.value.errors
    assert _count() == before


def test_syntax_errors_give_line_and_column_and_big_files_are_refused(designer):
    with pytest.raises(TransferFailed, match="line 2, column"):
        journey_map_import(data='{"format":\n  oops}', actor=designer)
    with pytest.raises(TransferFailed, match="larger than 2 MB"):
        journey_map_import(data=b" " * (MAX_BYTES + 1), actor=designer)


def test_import_into_replaces_the_content_with_the_version_check(designer):
    source = build_map()
    data = journey_map_file(source, designer)
    target = JourneyMap.objects.create(name="Target map", relationship=source.relationship)
    result = journey_map_import(data=data, actor=designer, into=target)
    assert result.pk == target.pk and result.name == "Target map"
    assert [s.name for s in target.stages.order_by("position")] == ["Find the service", "Pick up the van"]
    from wayfare.core.concurrency import StaleVersion

    with pytest.raises(StaleVersion):
        journey_map_import(data=data, actor=designer, into=target, expected_version="stale")


def test_import_page_lists_errors_and_hides_from_consumers(client, designer, make_consumer, org_a):
    client.force_login(designer)
    url = reverse("journeys:map_import")
    page = client.get(url)
    assert page.status_code == 200 and b'enctype="multipart/form-data"' in page.content
    bad = SimpleUploadedFile("map.json", b'{"format": "wayfare.journey-map", "version": 1, "map": {}}')
    response = client.post(url, {"file": bad})
    assert response.status_code == 200 and b"map.name" in response.content and b"<li>" in response.content
    good = journey_map_file(build_map(), designer)
    response = client.post(
        url, {"file": SimpleUploadedFile("m.json", json.dumps(good).encode()), "name": "Imported"}
    )
    assert response.status_code == 302 and JourneyMap.objects.filter(name="Imported").exists()
    client.force_login(make_consumer("katrina", org_a))
    assert client.get(url).status_code == 404
    client.force_login(make_user("nobody"))
    assert client.get(url).status_code == 403


def test_import_into_a_map_keeps_its_comments_on_the_stage_of_the_same_name(designer):
    from wayfare.journeys.models import StageComment

    source = build_map()
    data = journey_map_file(source, designer)
    # The target has the same stages in another order, one of them gone from the file, with comments.
    target = JourneyMap.objects.create(name="Target map", relationship=source.relationship)
    pick = JourneyStage.objects.create(journey_map=target, position=1, name="Pick up the van")
    gone = JourneyStage.objects.create(journey_map=target, position=2, name="Old stage")
    StageComment.objects.create(journey_map=target, stage=pick, text="Keys at the desk?", author=designer)
    StageComment.objects.create(journey_map=target, stage=gone, text="Merge with pick-up", resolved=True)
    target.refresh_from_db()
    journey_map_import(data=data, actor=designer, into=target, expected_version=None)
    stages = {s.name: s for s in target.stages.all()}
    assert list(stages) == ["Find the service", "Pick up the van"]
    kept = {c.text: c for c in StageComment.objects.filter(journey_map=target)}
    assert kept["Keys at the desk?"].stage == stages["Pick up the van"]
    assert kept["Keys at the desk?"].author == designer
    # A comment whose stage is gone lands on the stage at its old position, still resolved.
    assert (
        kept["Merge with pick-up"].stage == stages["Pick up the van"] and kept["Merge with pick-up"].resolved
    )
    assert JourneyStage.objects.filter(journey_map=target).count() == 2
