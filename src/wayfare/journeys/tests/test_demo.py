"""The journey studio's part of the demo story: it loads twice without changing anything, Katrina has
every persona field in the three languages, both maps tag stages with the steps they claim, the incident
map names only activities of the service desk's log, and the university's consumer reads the published
end-to-end map without its backstage."""

import csv
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wayfare.analytics.demo import DATA
from wayfare.core.models import Version
from wayfare.journeys.demo_parts import LANGUAGES, incident, maps
from wayfare.journeys.models import PERSONA_TEXT_FIELDS, JourneyMap, Persona, Touchpoint
from wayfare.journeys.selectors import journey_map_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())


def _counts():
    """Rows of the studio (with their change history) and its map versions. (The parties' demo grants
    the demo logins again on every run, which writes audit entries: not this part's to count.)"""
    counts = {m._meta.label: m._default_manager.count() for m in apps.get_app_config("journeys").get_models()}
    counts["core.Version"] = Version.objects.count()
    return counts


def test_loading_the_demo_twice_changes_nothing(demo):
    first = _counts()
    assert first["journeys.JourneyMap"] >= 2 and first["journeys.Persona"] >= 3
    stamps = sorted(JourneyMap.objects.values_list("updated", flat=True))
    call_command("demo", stdout=io.StringIO())
    assert _counts() == first
    assert sorted(JourneyMap.objects.values_list("updated", flat=True)) == stamps


def test_katrina_has_every_persona_field_in_three_languages(demo):
    katrina = Persona.objects.get(name="Katrina")
    assert not katrina.is_machine
    assert katrina.segment == "Students going out of town at weekends"
    for name in (*PERSONA_TEXT_FIELDS, "segment", "summary"):
        assert getattr(katrina, name).strip(), name
        for code in LANGUAGES:
            assert katrina.translations[code][name].strip(), (code, name)
    assert set(katrina.aspirations.values_list("kind", flat=True)) == {"functional", "social", "emotional"}
    assert katrina.research.count() >= 3 and katrina.culture_profiles.exists()
    assert Persona.objects.filter(is_machine=True).exists()
    assert katrina.scenarios.filter(journey_map__name=maps.MAP_NAME).count() == 5


@pytest.mark.parametrize("part", [maps, incident])
def test_each_map_has_stages_on_the_steps_it_claims(demo, part):
    journey_map = JourneyMap.objects.get(name=part.MAP_NAME)
    steps = set(journey_map.stages.values_list("step", flat=True))
    assert steps == set(part.CLAIMED_STEPS)
    for stage in journey_map.stages.all():
        for code in LANGUAGES:
            assert stage.translations[code]["name"].strip()


def test_the_end_to_end_map_shows_the_story(demo):
    journey_map = JourneyMap.objects.get(name=maps.MAP_NAME)
    assert set(journey_map.stages.values_list("phase", flat=True)) == {"before", "during", "after"}
    advert = journey_map.touchpoints.get(channel="advert")
    assert advert.kind == "touchpoint" and not advert.interaction_form
    assert journey_map.touchpoints.filter(third_party__name="Rota Assist").exists()
    assert set(journey_map.links.values_list("kind", flat=True)) == {"alternative", "loop"}
    emotions = list(journey_map.emotions.order_by("stage__position"))
    low = min(emotions, key=lambda e: e.as_is)
    assert low.stage.touchpoints.filter(third_party__name="São Paulo City Council").exists()
    assert emotions[-1].to_be > emotions[-1].as_is
    assert journey_map.stages.filter(consumer_waits=True).exists()
    assert journey_map.review.exists() and journey_map.johari_entries.exists()
    assert journey_map.design_work.values("design_stage").distinct().count() >= 4


def test_the_incident_map_names_only_activities_of_the_log(demo):
    with DATA.open(newline="") as handle:
        log_activities = {row["activity"] for row in csv.DictReader(handle)}
    journey_map = JourneyMap.objects.get(name=incident.MAP_NAME)
    assert journey_map.event_log.name == "Service desk ticket history"
    named = {a for stage in journey_map.stages.all() for a in stage.activities}
    named |= {a for t in Touchpoint.objects.filter(journey_map=journey_map) for a in t.activities}
    assert named and named <= log_activities
    assert journey_map.touchpoints.filter(lane="backstage").count() >= 4


def test_the_university_reads_the_published_map_without_its_backstage(demo):
    beatriz = get_user_model().objects.get(username="beatriz")
    visible = JourneyMap.objects.restrict(beatriz)
    journey_map = visible.get(name=maps.MAP_NAME)
    assert not visible.filter(name=incident.MAP_NAME).exists()
    assert journey_map.published_number == 1
    document = journey_map_document(journey_map, beatriz)
    assert document["source"] == "published" and not document["backstage"]
    touchpoints = [t for stage in document["stages"] for t in stage["touchpoints"]]
    assert touchpoints and not any(t["backstage"] for t in touchpoints)
    names = {t["name"] for t in touchpoints}
    hidden = set(
        journey_map.touchpoints.filter(lane__in=["backstage", "support"]).values_list("name", flat=True)
    )
    assert hidden and not names & hidden
    # the designers have an edit since version 1 to compare
    staff = journey_map_document(journey_map, get_user_model().objects.get(username="tomas"))
    assert staff["stages"][-1]["opportunities"] != document["stages"][-1]["opportunities"]


@pytest.mark.parametrize(
    ("language", "first_stage"), [("zh-hans", "得知 eCampus"), ("ru", "Знакомство с eCampus")]
)
def test_the_map_reads_in_the_readers_language(demo, language, first_stage):
    from django.utils import translation

    beatriz = get_user_model().objects.get(username="beatriz")
    journey_map = JourneyMap.objects.restrict(beatriz).get(name=maps.MAP_NAME)
    with translation.override(language):
        document = journey_map_document(journey_map, beatriz)
    assert document["map"]["name"] == journey_map.translations[language]["name"]
    assert document["stages"][0]["name"] == first_stage
    for stage in document["stages"]:
        for touchpoint in stage["touchpoints"]:
            assert touchpoint["name"] != Touchpoint.objects.get(pk=touchpoint["id"]).name
