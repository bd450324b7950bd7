"""Service relationships (issue #12 section 1): journey step moves with history, the ladder with
evidence, the health score, the chain graph and the guide pages."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import translation

from wayfare.core.exceptions import AccessError, DomainError
from wayfare.core.testing import client_for, make_user
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships import health
from wayfare.relationships.health import HealthMeasure, ladder_progress, relationship_health
from wayfare.relationships.models import JourneyStep, LadderEvidence, LadderStage, RelationshipStepChange
from wayfare.relationships.services.relationship import ladder_evidence_record, relationship_step_move

from .factories import LadderEvidenceFactory, ServiceRelationshipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return make_user("rm", ["Relationship manager"])


# -- journey step moves ----------------------------------------------------------------------------
def test_step_moves_back_and_forth_with_history(manager):
    rel = ServiceRelationshipFactory(journey_step=JourneyStep.ENGAGE)
    relationship_step_move(relationship=rel, step="offer", note="Needs are clear", actor=manager)
    relationship_step_move(relationship=rel, step="agree", note="", actor=manager)
    back = relationship_step_move(relationship=rel, step="offer", note="Scope reopened", actor=manager)
    rel.refresh_from_db()
    assert rel.journey_step == "offer"
    assert back.backwards and back.from_step == "agree" and back.changed_by == manager
    moves = list(RelationshipStepChange.objects.filter(relationship=rel).order_by("pk"))
    assert [(m.from_step, m.to_step) for m in moves] == [
        ("engage", "offer"),
        ("offer", "agree"),
        ("agree", "offer"),
    ]
    assert moves[0].note == "Needs are clear"
    assert rel.history.first().history_user == manager


def test_any_step_can_be_reached_directly(manager):
    rel = ServiceRelationshipFactory(journey_step=JourneyStep.EXPLORE)
    relationship_step_move(relationship=rel, step="realize", actor=manager)
    rel.refresh_from_db()
    assert rel.journey_step == "realize"


def test_same_or_unknown_step_is_refused(manager):
    rel = ServiceRelationshipFactory(journey_step=JourneyStep.ENGAGE)
    with pytest.raises(DomainError) as same:
        relationship_step_move(relationship=rel, step="engage", actor=manager)
    assert same.value.code == "same_step"
    with pytest.raises(DomainError) as unknown:
        relationship_step_move(relationship=rel, step="nowhere", actor=manager)
    assert unknown.value.code == "unknown_step"
    assert not RelationshipStepChange.objects.exists()


def test_step_move_needs_change_permission(org_a, make_consumer):
    rel = ServiceRelationshipFactory(consumer=org_a)
    for actor in (make_user("reader", ["Analyst"]), make_consumer("c", org_a)):
        with pytest.raises(AccessError):
            relationship_step_move(relationship=rel, step="offer", actor=actor)
    assert not RelationshipStepChange.objects.exists()


def test_edit_form_no_longer_edits_the_step(manager):
    rel = ServiceRelationshipFactory(journey_step=JourneyStep.ENGAGE)
    client = client_for(manager)
    form = client.get(reverse("relationships:servicerelationship_edit", args=[rel.pk])).context["form"]
    assert "journey_step" not in form.fields and "ladder_stage" not in form.fields


def test_move_step_page_and_history(manager):
    rel = ServiceRelationshipFactory(journey_step=JourneyStep.ENGAGE)
    client = client_for(manager)
    url = reverse("relationships:relationship_move_step", args=[rel.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"step": "agree", "note": "Signed the letter of intent"})
    assert response.status_code == 302
    rel.refresh_from_db()
    assert rel.journey_step == "agree"
    page = client.get(rel.get_absolute_url()).content.decode()
    assert "Signed the letter of intent" in page
    bad = client.post(url, {"step": "agree"})  # already there: not a choice any more
    assert bad.status_code == 400


def test_move_step_api(manager, org_a, make_consumer):
    rel = ServiceRelationshipFactory(consumer=org_a, journey_step=JourneyStep.ENGAGE)
    client = client_for(manager)
    url = reverse("api:relationships-servicerelationship-move-step", args=[rel.pk])
    answer = client.post(url, {"step": "explore", "note": "Back to basics"}, content_type="application/json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["from_step"] == "engage" and answer.json()["to_step"] == "explore"
    same = client.post(url, {"step": "explore"}, content_type="application/json")
    assert same.status_code == 400 and same.json()["code"] == "same_step"
    history = client.get(reverse("api:relationships-servicerelationship-step-history", args=[rel.pk]))
    assert [h["note"] for h in history.json()] == ["Back to basics"]
    # the step is read-only through the generic API
    patch = client.patch(
        reverse("api:relationships-servicerelationship-detail", args=[rel.pk]),
        {"journey_step": "realize"},
        content_type="application/json",
    )
    assert patch.status_code in (200, 400)
    rel.refresh_from_db()
    assert rel.journey_step == "explore"
    # consumers: no move; their history answer is empty (the history is backstage)
    consumer = client_for(make_consumer("c", org_a))
    assert consumer.post(url, {"step": "offer"}, content_type="application/json").status_code == 403
    own = consumer.get(reverse("api:relationships-servicerelationship-step-history", args=[rel.pk]))
    assert own.status_code == 200 and own.json() == []


# -- ladder ----------------------------------------------------------------------------------------
def test_ladder_evidence_moves_the_stage_up_only(manager):
    rel = ServiceRelationshipFactory(ladder_stage=None)
    ladder_evidence_record(
        actor=manager,
        relationship=rel,
        stage=LadderStage.TRUST,
        evidence="Trust workshop",
        reached_on=datetime.date(2026, 3, 1),
    )
    rel.refresh_from_db()
    assert rel.ladder_stage == LadderStage.TRUST
    ladder_evidence_record(actor=manager, relationship=rel, stage=LadderStage.ENVIRONMENT, evidence="Fair")
    rel.refresh_from_db()
    assert rel.ladder_stage == LadderStage.TRUST  # earlier evidence never moves it back
    assert LadderEvidence.objects.filter(relationship=rel).count() == 2


def test_ladder_evidence_through_the_ui_moves_the_stage(manager):
    rel = ServiceRelationshipFactory(ladder_stage=LadderStage.ENVIRONMENT)
    client = client_for(manager)
    response = client.post(
        reverse("relationships:ladderevidence_add"),
        {
            "relationship": rel.pk,
            "stage": 3,
            "evidence": "Capability checklist passed",
            "reached_on": "2026-04-02",
        },
    )
    assert response.status_code == 302
    rel.refresh_from_db()
    assert rel.ladder_stage == LadderStage.PROVIDER_CAPABILITIES


def test_ladder_panel_shows_stages_evidence_and_tools(manager, org_a, make_consumer):
    rel = ServiceRelationshipFactory(consumer=org_a, ladder_stage=LadderStage.TRUST)
    LadderEvidenceFactory(relationship=rel, stage=LadderStage.TRUST, evidence="Met the dean twice")
    page = client_for(manager).get(rel.get_absolute_url()).content.decode()
    for stage in LadderStage:
        assert str(stage.label) in page.replace("&#x27;", "'")
    assert "Met the dean twice" in page and "Business analysis" in page
    assert "Orchestrator" in page and "Stages 3 and 4 run alongside" in page
    consumer_page = client_for(make_consumer("c", org_a)).get(rel.get_absolute_url())
    assert consumer_page.status_code == 200
    text = consumer_page.content.decode()
    assert "Met the dean twice" not in text  # evidence is backstage
    assert "Health score" not in text and "Journey step history" not in text


# -- health ----------------------------------------------------------------------------------------
def _measure(key, weight, value):
    return HealthMeasure(key, key, weight, lambda relationship: value)


def test_health_is_the_weighted_average_of_present_measures():
    rel = ServiceRelationshipFactory()
    result = relationship_health(rel, [_measure("a", 3, 80), _measure("b", 1, 40)])
    assert result.score == 70.0 and result.verdict == "healthy"


def test_missing_measure_is_left_out_not_zero():
    rel = ServiceRelationshipFactory()
    result = relationship_health(rel, [_measure("a", 1, 90), _measure("gone", 5, None)])
    assert result.score == 90.0  # with the missing one as 0 it would be 15
    assert [r.missing for r in result.results] == [False, True]
    assert result.verdict == "healthy"


@pytest.mark.parametrize(
    ("values", "verdict"),
    [((70,), "healthy"), ((69.9,), "watch"), ((40,), "watch"), ((39.9,), "at_risk"), ((), "not_measured")],
)
def test_health_thresholds(values, verdict):
    rel = ServiceRelationshipFactory()
    result = relationship_health(rel, [_measure(str(i), 1, v) for i, v in enumerate(values)])
    assert result.verdict == verdict
    assert (result.score is None) == (verdict == "not_measured")


def test_one_very_low_measure_caps_at_watch():
    rel = ServiceRelationshipFactory()
    result = relationship_health(rel, [_measure("a", 10, 100), _measure("b", 1, 20)])
    assert result.score > 90 and result.verdict == "watch" and result.capped
    nothing = relationship_health(rel, [_measure("a", 1, None)])
    assert nothing.verdict == "not_measured" and nothing.score is None


def test_ladder_progress_measure_missing_is_not_zero():
    rel = ServiceRelationshipFactory(journey_step="agree", ladder_stage=None, relationship_type="cooperative")
    assert ladder_progress(rel) is None
    rel.ladder_stage = LadderStage.TRUST
    assert ladder_progress(rel) == 50.0
    rel.ladder_stage = LadderStage.READINESS
    assert ladder_progress(rel) == 100.0
    rel.relationship_type, rel.journey_step, rel.ladder_stage = "basic", "cocreate", 3
    assert ladder_progress(rel) == 100.0  # a basic relationship need not climb past stage 3
    assert any(m.key == "ladder_progress" for m in health.health_measures())


def test_health_panel_shows_missing_for_staff_only(manager, org_a, make_consumer):
    rel = ServiceRelationshipFactory(consumer=org_a, ladder_stage=None)
    page = client_for(manager).get(rel.get_absolute_url()).content.decode()
    assert "Ladder progress for the step" in page and "missing" in page
    assert "caps the verdict at watch" in page
    consumer = client_for(make_consumer("c", org_a)).get(rel.get_absolute_url()).content.decode()
    assert "Ladder progress for the step" not in consumer


# -- chain -----------------------------------------------------------------------------------------
def _chain(client):
    response = client.get(reverse("relationships:chain"))
    assert response.status_code == 200
    return response, response.context["chain"]


def test_chain_shows_every_relationship_to_staff(manager):
    axle, ecampus, uni = (OrganisationFactory(name=n) for n in ("Axle", "eCampus", "University"))
    ServiceRelationshipFactory(provider=axle, consumer=ecampus, relationship_type="partnership")
    ServiceRelationshipFactory(provider=ecampus, consumer=uni, relationship_type="cooperative")
    response, chain = _chain(client_for(manager))
    names = {n["id"]: n["name"] for n in chain["nodes"]}
    assert sorted(names.values()) == ["Axle", "University", "eCampus"]
    assert {(names[e["source"]], names[e["target"]], e["type"]) for e in chain["edges"]} == {
        ("Axle", "eCampus", "partnership"),
        ("eCampus", "University", "cooperative"),
    }
    embedded = response.content.decode()
    assert 'id="chain-data"' in embedded and "chain.js" in embedded


def test_chain_shows_a_consumer_only_their_relationships_and_no_other_names(make_consumer):
    axle, ecampus, uni = (OrganisationFactory(name=n) for n in ("Axle Hire", "eCampus Share", "Campus Uni"))
    other = OrganisationFactory(name="Secret Customer")
    mine = ServiceRelationshipFactory(provider=ecampus, consumer=uni, name="Car sharing for students")
    ServiceRelationshipFactory(provider=axle, consumer=ecampus, name="Booking desk deal")
    ServiceRelationshipFactory(provider=axle, consumer=other, name="Hidden deal")
    response, chain = _chain(client_for(make_consumer("student_office", uni)))
    assert [e["url"] for e in chain["edges"]] == [mine.get_absolute_url()]
    text = response.content.decode()
    for hidden in ("Axle Hire", "Secret Customer", "Booking desk deal", "Hidden deal"):
        assert hidden not in text
    # the other side of the consumer's own relationship is named (whom it deals with), nobody else
    assert "Campus Uni" in text and "eCampus Share" in text
    names = sorted(n["name"] for n in chain["nodes"])
    assert names == sorted(["Campus Uni", "eCampus Share"])


def test_chain_needs_permission():
    assert client_for(make_user("nobody")).get(reverse("relationships:chain")).status_code == 403


# -- guides ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "lang"), [("en", "en"), ("zh-hans", "zh-Hans"), ("ru", "ru")])
def test_guide_pages_render_in_three_languages(manager, language, lang):
    """The pages render in each language with that language's texts (whatever the catalogue holds)."""
    client = client_for(manager)
    client.cookies["django_language"] = language
    with translation.override(language):
        guide = client.get(reverse("relationships:types"), HTTP_ACCEPT_LANGUAGE=language)
        step = client.get(reverse("step", args=["engage"]), HTTP_ACCEPT_LANGUAGE=language)
        expected = [
            translation.gettext("Innovating and growing together."),
            translation.gettext("Kinds of trust"),
            str(LadderStage.READINESS.label),
        ]
        why = translation.gettext("Why engage at all?")
    assert guide.status_code == 200 and step.status_code == 200
    text = guide.content.decode().replace("&#x27;", "'")
    assert f'lang="{lang}"' in text
    for words in expected:
        assert words in text
    assert 'id="why-engage"' in step.content.decode() and why in step.content.decode().replace("&#x27;", "'")


def test_type_help_beside_the_form(manager):
    page = client_for(manager).get(reverse("relationships:servicerelationship_add")).content.decode()
    assert reverse("relationships:types") in page and "Innovating and growing together." in page
    assert "keep their word" in page  # the kinds of trust beside the trust field


def test_chain_data_is_json(manager):
    ServiceRelationshipFactory()
    response, chain = _chain(client_for(manager))
    assert json.loads(json.dumps(chain))["types"][0]["value"] == "basic"


def test_a_new_relationship_starts_at_any_step_with_history(manager):
    provider, consumer = OrganisationFactory(), OrganisationFactory()
    client = client_for(manager)
    response = client.post(
        reverse("relationships:servicerelationship_add"),
        {
            "name": "Found midway",
            "provider": provider.pk,
            "consumer": consumer.pk,
            "relationship_type": "basic",
            "journey_step": "cocreate",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    rel = ServiceRelationshipFactory._meta.model.objects.get(name="Found midway")
    assert rel.journey_step == "cocreate"
    (start,) = RelationshipStepChange.objects.filter(relationship=rel)
    assert (start.from_step, start.to_step, start.changed_by) == ("", "cocreate", manager)


def test_relationships_list_links_the_guides(manager):
    page = client_for(manager).get(reverse("relationships:servicerelationship_list")).content.decode()
    assert reverse("relationships:types") + "#why-engage" in page
    assert reverse("relationships:chain") in page
    step = client_for(manager).get(reverse("step", args=["engage"])).content.decode()
    assert reverse("relationships:chain") in step and reverse("relationships:types") in step


def test_demo_story_history_and_evidence_load_once():
    import io

    from wayfare.relationships.demo_parts import relationship as demo

    names = {row[1] for row in demo.RELATIONSHIPS} | {row[2] for row in demo.RELATIONSHIPS}
    for name in names:
        OrganisationFactory(name=name)
    make_user("mariana", ["Administrator"])
    demo.load(io.StringIO())
    counts = (RelationshipStepChange.objects.count(), LadderEvidence.objects.count())
    demo.load(io.StringIO())  # idempotent
    assert (RelationshipStepChange.objects.count(), LadderEvidence.objects.count()) == counts
    university = demo.relationship_by_name("Campus car sharing for students")
    moves = list(university.step_changes.order_by("changed_on"))
    assert [m.to_step for m in moves][:3] == ["engage", "offer", "agree"]
    assert any(m.backwards for m in moves) and moves[-1].to_step == university.journey_step
    axle = demo.relationship_by_name("Booking system and service desk")
    stages = sorted(e.stage for e in axle.ladder_evidence.all())
    assert stages == [1, 2, 3, 4, 5] and axle.ladder_stage == max(stages)
    evidence = axle.ladder_evidence.get(stage=LadderStage.TRUST)
    assert evidence.translated("evidence", "zh-hans") != evidence.evidence
    assert evidence.translated("evidence", "ru") != evidence.evidence


def test_time_zone_is_suggested_and_checked(manager):
    client = client_for(manager)
    page = client.get(reverse("relationships:servicerelationship_add")).content.decode()
    assert (
        '<datalist id="counterpart_time_zone-zones">' in page and '<option value="America/Sao_Paulo">' in page
    )
    provider, consumer = OrganisationFactory(), OrganisationFactory()
    data = {"name": "Zoned", "provider": provider.pk, "consumer": consumer.pk, "relationship_type": "basic"}
    bad = client.post(
        reverse("relationships:servicerelationship_add"), {**data, "counterpart_time_zone": "Mars/Base"}
    )
    assert bad.status_code == 400 and "counterpart_time_zone" in bad.context["form"].errors
    good = client.post(
        reverse("relationships:servicerelationship_add"),
        {**data, "counterpart_time_zone": "Europe/Moscow", "counterpart_language": "ru"},
    )
    assert good.status_code == 302
