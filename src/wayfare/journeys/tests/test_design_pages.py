"""The review, design-work and Johari pages (issue #13 sections 2 and 4) and the journeys panel of the
relationship page, used through their forms as a designer, an analyst and a consumer would."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wayfare.core.access import SYSTEM
from wayfare.core.concurrency import version_of
from wayfare.core.resources import registry
from wayfare.core.testing import client_for
from wayfare.core.versions import version_publish
from wayfare.journeys.models import CxQuestion, DesignWork, JohariEntry, JourneyMap, MapReviewAnswer
from wayfare.parties.tests.factories import UserFactory

from .factories import (
    DesignWorkFactory,
    JohariEntryFactory,
    JourneyMapFactory,
    JourneyStageFactory,
    MapReviewAnswerFactory,
    StageEmotionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def designer():
    return UserFactory(username="designer", roles=["CX designer"])


@pytest.fixture
def journey_map():
    stage = JourneyStageFactory(name="Pick up", pain_points="The car is not where the app says", position=1)
    JourneyStageFactory(journey_map=stage.journey_map, name="Return", position=2)
    return stage.journey_map


def _review_post(journey_map, answers, versions=None):
    """The review form as the page sends it: every question, with the given answers."""
    data = {}
    for question in CxQuestion.values:
        answer, status, stage = answers.get(question, ("", "open", ""))
        data |= {
            f"{question}-answer": answer,
            f"{question}-status": status,
            f"{question}-stage": stage,
            f"{question}-version": (versions or {}).get(question, ""),
        }
    return data


def _versions(journey_map):
    return {a.question: version_of(a) for a in MapReviewAnswer.objects.filter(journey_map=journey_map)}


def test_the_review_lists_the_eight_questions_with_what_the_map_says(designer, journey_map):
    stage = journey_map.stages.get(name="Pick up")
    persona = StageEmotionFactory(stage=stage, as_is=-3, to_be=1).persona
    journey_map.personas.add(persona)
    MapReviewAnswerFactory(journey_map=journey_map, question="doing", answer="Books a car", status="answered")
    response = client_for(designer).get(reverse("journeys:map_review", args=[journey_map.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count('class="review-question"') == 8
    assert "1 of 8 questions answered" in text
    assert "Pick up: The car is not where the app says" in text  # barriers, from the pain points
    assert "Pick up: a low point (-3)" in text  # anxiety, from the emotion curve


def test_saving_the_review_writes_only_what_changed_in_one_go(designer, journey_map):
    stage = journey_map.stages.get(name="Return")
    client = client_for(designer)
    url = reverse("journeys:map_review", args=[journey_map.pk])
    response = client.post(
        url,
        _review_post(
            journey_map,
            {
                "doing": ("Books a car <b>now</b>", "answered", stage.pk),
                "anxiety": ("At pick-up", "action", ""),
            },
        ),
    )
    assert response.status_code == 302
    rows = {a.question: a for a in MapReviewAnswer.objects.filter(journey_map=journey_map)}
    assert set(rows) == {"doing", "anxiety"}
    assert rows["doing"].stage == stage and rows["anxiety"].status == "action"
    page = client.get(url).content.decode()
    assert "Books a car &lt;b&gt;now&lt;/b&gt;" in page
    assert "1 needs action" in page


def test_an_answered_question_without_its_answer_is_refused_and_nothing_is_saved(designer, journey_map):
    response = client_for(designer).post(
        reverse("journeys:map_review", args=[journey_map.pk]),
        _review_post(journey_map, {"doing": ("", "answered", ""), "anxiety": ("At pick-up", "action", "")}),
    )
    assert response.status_code == 400
    assert "An answered question needs its answer." in response.content.decode()
    assert "At pick-up" in response.content.decode()  # what was typed is kept
    assert not MapReviewAnswer.objects.exists()


def test_a_stage_of_another_map_is_not_a_choice(designer, journey_map):
    other = JourneyStageFactory(name="Elsewhere")
    response = client_for(designer).post(
        reverse("journeys:map_review", args=[journey_map.pk]),
        _review_post(journey_map, {"doing": ("Books", "answered", other.pk)}),
    )
    assert response.status_code == 400
    assert not MapReviewAnswer.objects.exists()


def test_two_designers_answering_the_same_question_the_second_sees_the_first(designer, journey_map):
    MapReviewAnswerFactory(journey_map=journey_map, question="doing", answer="Books a car", status="answered")
    opened = _versions(journey_map)
    url = reverse("journeys:map_review", args=[journey_map.pk])
    first, second = client_for(designer), client_for(UserFactory(username="tomas", roles=["CX designer"]))
    assert (
        first.post(
            url, _review_post(journey_map, {"doing": ("First's answer", "answered", "")}, opened)
        ).status_code
        == 302
    )
    response = second.post(
        url, _review_post(journey_map, {"doing": ("Second's answer", "answered", "")}, opened)
    )
    assert response.status_code == 409
    text = response.content.decode()
    assert "First&#x27;s answer" in text and "Second&#x27;s answer" in text  # theirs shown, mine kept
    assert MapReviewAnswer.objects.get(question="doing").answer == "First's answer"
    # Saving again from that page (it now carries the current version) is a conscious overwrite.
    response = second.post(
        url, _review_post(journey_map, {"doing": ("Second's answer", "answered", "")}, _versions(journey_map))
    )
    assert response.status_code == 302
    assert MapReviewAnswer.objects.get(question="doing").answer == "Second's answer"


def test_two_designers_answering_different_questions_both_keep_theirs(designer, journey_map):
    url = reverse("journeys:map_review", args=[journey_map.pk])
    first, second = client_for(designer), client_for(UserFactory(username="tomas", roles=["CX designer"]))
    assert first.post(url, _review_post(journey_map, {"doing": ("Books", "answered", "")})).status_code == 302
    assert (
        second.post(url, _review_post(journey_map, {"anxiety": ("Pick-up", "action", "")})).status_code == 302
    )
    assert set(MapReviewAnswer.objects.values_list("question", flat=True)) == {"doing", "anxiety"}


def test_an_analyst_reads_the_review_and_may_not_write_it(journey_map):
    analyst = UserFactory(username="ana", roles=["Analyst"])
    MapReviewAnswerFactory(journey_map=journey_map, answer="Books a car", status="answered")
    client = client_for(analyst)
    url = reverse("journeys:map_review", args=[journey_map.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Books a car" in page.content.decode() and "<textarea" not in page.content.decode()
    assert (
        client.post(url, _review_post(journey_map, {"doing": ("Changed", "answered", "")})).status_code == 403
    )
    assert MapReviewAnswer.objects.get().answer == "Books a car"


@pytest.mark.parametrize("name", ["journeys:map_review", "journeys:map_design", "journeys:map_johari"])
def test_a_consumer_never_reaches_the_backstage_pages(name, journey_map, make_consumer):
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    consumer = make_consumer("beatriz", journey_map.relationship.consumer)
    client = client_for(consumer)
    assert client.get(reverse("journeys:journeymap_detail", args=[journey_map.pk])).status_code == 200
    assert client.get(reverse(name, args=[journey_map.pk])).status_code == 404
    assert client.post(reverse(name, args=[journey_map.pk]), {"_do": "add"}).status_code == 404


def test_design_work_by_stage_with_the_principles_it_leaves_out(designer, journey_map):
    DesignWorkFactory(
        journey_map=journey_map, design_stage="empathise", principle="user_centred", activity="Interviews"
    )
    client = client_for(designer)
    url = reverse("journeys:map_design", args=[journey_map.pk])
    page = client.get(url).content.decode()
    assert page.count("data-design-stage=") == 5
    assert "No activity serves these principles yet: Co-creative, Sequencing, Evidencing, Holistic" in page
    response = client.post(
        url,
        {
            "_do": "add",
            "design_stage": "prototype",
            "principle": "evidencing",
            "activity": "Paper mock-up of the <script>receipt</script>",
            "status": "planned",
            "evidence_link": "https://example.org/mockup",
        },
    )
    assert response.status_code == 302
    work = DesignWork.objects.get(design_stage="prototype")
    assert work.principle == "evidencing" and work.journey_map == journey_map
    page = client.get(url).content.decode()
    assert "&lt;script&gt;receipt&lt;/script&gt;" in page and "<script>receipt" not in page
    assert "Co-creative, Sequencing, Holistic" in page


def test_design_work_with_a_bad_link_is_refused_in_its_column(designer, journey_map):
    response = client_for(designer).post(
        reverse("journeys:map_design", args=[journey_map.pk]),
        {
            "_do": "add",
            "design_stage": "test",
            "activity": "A/B test",
            "status": "planned",
            "evidence_link": "javascript:alert(1)",
        },
    )
    assert response.status_code == 400
    assert "A/B test" in response.content.decode()  # kept in the form
    assert not DesignWork.objects.exists()


def test_a_design_work_status_changes_under_its_version(designer, journey_map):
    work = DesignWorkFactory(journey_map=journey_map, status="planned")
    old = version_of(work)
    client = client_for(designer)
    url = reverse("journeys:map_design", args=[journey_map.pk])
    assert (
        client.post(url, {"_do": "status", "work": work.pk, "status": "doing", "version": old}).status_code
        == 302
    )
    work.refresh_from_db()
    assert work.status == "doing"
    client.post(url, {"_do": "status", "work": work.pk, "status": "done", "version": old})  # stale
    work.refresh_from_db()
    assert work.status == "doing"
    assert client.post(url, {"_do": "status", "work": work.pk, "status": "finished"}).status_code == 400
    other = DesignWorkFactory()  # another map's work is not reachable from this page
    assert client.post(url, {"_do": "status", "work": other.pk, "status": "done"}).status_code == 404


def test_the_johari_window_of_a_map_adds_moves_and_closes_entries(designer, journey_map):
    client = client_for(designer)
    url = reverse("journeys:map_johari", args=[journey_map.pk])
    page = client.get(url).content.decode()
    assert page.count('class="johari-pane') == 4
    assert (
        client.post(url, {"_do": "add", "pane": "ask", "text": "How far do they drive?"}).status_code == 302
    )
    entry = JohariEntry.objects.get()
    assert (entry.journey_map, entry.pane, entry.relationship) == (journey_map, "ask", None)
    response = client.post(
        url, {"_do": "update", "entry": entry.pk, "version": version_of(entry), "pane": "open", "done": "on"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.pane, entry.done) == ("open", True)
    assert client.post(url, {"_do": "add", "pane": "nowhere", "text": "x"}).status_code == 400
    assert client.post(url, {"_do": "add", "pane": "tell", "text": ""}).status_code == 400
    assert JohariEntry.objects.count() == 1


def test_the_johari_window_of_a_relationship_lists_its_maps_windows(designer, journey_map):
    relationship = journey_map.relationship
    JohariEntryFactory(journey_map=journey_map, text="About the map")
    JohariEntryFactory(
        journey_map=None, relationship=relationship, pane="tell", text="Our desk closes at six"
    )
    JohariEntryFactory(
        journey_map=None, relationship=JourneyMapFactory().relationship, text="Another relationship's"
    )
    client = client_for(designer)
    url = reverse("journeys:relationship_johari", args=[relationship.pk])
    page = client.get(url).content.decode()
    assert "Our desk closes at six" in page and "Another relationship" not in page
    assert reverse("journeys:map_johari", args=[journey_map.pk]) in page
    assert client.post(url, {"_do": "add", "pane": "unknown", "text": "Exam weeks"}).status_code == 302
    assert JohariEntry.objects.get(text="Exam weeks").relationship == relationship


def test_a_consumer_never_reaches_the_relationship_johari_window(journey_map, make_consumer):
    relationship = journey_map.relationship
    JohariEntryFactory(journey_map=None, relationship=relationship, text="SECRET")
    client = client_for(make_consumer("beatriz", relationship.consumer))
    assert client.get(reverse("journeys:relationship_johari", args=[relationship.pk])).status_code == 404


def test_the_relationship_page_lists_its_maps_and_the_johari_window(designer, journey_map, make_consumer):
    relationship = journey_map.relationship
    draft = JourneyMapFactory(relationship=relationship, name="Draft map of returns")
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=SYSTEM)
    JohariEntryFactory(
        journey_map=None, relationship=relationship, pane="tell", text="Our desk closes at six"
    )
    url = reverse("relationships:servicerelationship_detail", args=[relationship.pk])
    staff = client_for(designer).get(url).content.decode()
    assert str(journey_map) in staff and draft.name in staff
    assert reverse("journeys:relationship_johari", args=[relationship.pk]) in staff
    consumer = client_for(make_consumer("beatriz", relationship.consumer)).get(url)
    assert consumer.status_code == 200
    text = consumer.content.decode()
    assert str(journey_map) in text and draft.name not in text
    assert "relationship-johari" not in text


def test_a_publish_is_in_the_maps_history_and_keeps_its_version(designer, journey_map):
    journey_map.refresh_from_db()
    before = version_of(journey_map)
    version_publish(registry.get(JourneyMap), instance=journey_map, actor=designer)
    journey_map.refresh_from_db()
    assert journey_map.published_number == 1 and version_of(journey_map) == before
    entry = journey_map.history.first()
    assert entry.history_user == designer and entry.published_number == 1 and entry.history_type == "~"
