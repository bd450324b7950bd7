"""The assessment engine: scores, the cumulative level rule (seed 003 Table 4.15), comparison, answers saved
at once with a version check, gaps turned into actions all or nothing, and the built-in templates."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from wayfare.assessments.builtin import builtin_sync
from wayfare.assessments.builtin_data import TEMPLATES
from wayfare.assessments.models import AssessmentAnswer, AssessmentTemplate, FollowUpAction, TemplateItem
from wayfare.assessments.services import (
    AssessmentClosed,
    assessment_answers_save,
    assessment_complete,
    assessment_gaps,
    assessment_scores,
    assessments_compare,
    follow_up_actions_create,
    level_reached,
)
from wayfare.core.concurrency import StaleVersion, version_of
from wayfare.core.testing import make_user

from .factories import (
    AnswerScaleFactory,
    AssessmentFactory,
    AssessmentTemplateFactory,
    TemplateItemFactory,
    TemplateSectionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(db):
    return make_user("rm", ["Relationship manager"])


def _template(weights=((1.0, (1.0, 1.0)), (1.0, (1.0,)))):
    """A template with sections of (weight, item weights), on a 1-5 scale."""
    template = AssessmentTemplateFactory()
    scale = AnswerScaleFactory()
    items = []
    for position, (weight, item_weights) in enumerate(weights, start=1):
        section = TemplateSectionFactory(template=template, weight=weight, position=position)
        items.append([TemplateItemFactory(section=section, scale=scale, weight=w) for w in item_weights])
    return template, items


def _answer(assessment, item, value, comment=""):
    AssessmentAnswer.objects.create(assessment=assessment, item=item, value=value, comment=comment)


def test_scores_leave_unanswered_items_out_and_missing_sections_missing():
    template, ((a, b), (c,)) = _template()
    assessment = AssessmentFactory(template=template)
    _answer(assessment, a, 5)  # 100
    _answer(assessment, b, None)  # not applicable: left out, not zero
    scores = assessment_scores(assessment)
    first, second = scores.sections
    assert first.score == 100 and first.answered == 1 and first.total == 2
    assert second.score is None  # no answers: missing
    assert scores.overall == 100  # the missing section does not pull it down
    _answer(assessment, c, 1)  # 0
    assert assessment_scores(assessment).overall == 50


def test_weights_count():
    template, ((a, b), (c,)) = _template(((3.0, (1.0, 3.0)), (1.0, (1.0,))))
    assessment = AssessmentFactory(template=template)
    _answer(assessment, a, 1)  # 0, weight 1
    _answer(assessment, b, 5)  # 100, weight 3
    _answer(assessment, c, 3)  # 50
    scores = assessment_scores(assessment)
    assert scores.sections[0].score == 75
    assert scores.overall == pytest.approx((75 * 3 + 50) / 4)


def _levels_template():
    template = AssessmentTemplateFactory(cumulative_levels=True)
    scale = AnswerScaleFactory()
    items = {}
    for level in (1, 2, 3):
        section = TemplateSectionFactory(template=template, level=level, position=level)
        items[level] = TemplateItemFactory(section=section, scale=scale)
    return template, items


@pytest.mark.parametrize(
    "answers,reached",
    [
        ({1: 5, 2: 5, 3: 5}, 3),
        ({1: 5, 2: 4, 3: 1}, 2),  # 4 on 1-5 is 75: met
        ({1: 2, 2: 5, 3: 5}, 0),  # higher levels met, the lowest not: nothing counts
        ({1: 5, 2: 2, 3: 5}, 1),  # level 3 met but level 2 not: level 1 only
        ({1: 5, 3: 5}, 1),  # level 2 unanswered: not met
    ],
)
def test_cumulative_levels_count_only_on_every_lower_level(answers, reached):
    """Seed 003 Table 4.15: levels build on each other."""
    template, items = _levels_template()
    assessment = AssessmentFactory(template=template)
    for level, value in answers.items():
        _answer(assessment, items[level], value)
    scores = assessment_scores(assessment)
    assert scores.level == reached
    assert scores.levels == [1, 2, 3]
    assert level_reached(scores.sections)[0] == reached


def test_built_in_maturity_model_uses_the_level_rule():
    template = AssessmentTemplate.objects.get(code="business_provider_maturity")
    assessment = AssessmentFactory(template=template)
    for item in TemplateItem.objects.filter(section__template=template):
        level = item.section.level
        _answer(assessment, item, 5 if level in (2, 3) else 2)  # levels 2 and 3 met, level 1 not
    assert assessment_scores(assessment).level == 0
    for item in TemplateItem.objects.filter(section__template=template, section__level=1):
        AssessmentAnswer.objects.filter(assessment=assessment, item=item).update(value=5)
    assert assessment_scores(assessment).level == 3


def test_compare_gives_deltas_per_section_and_overall():
    template, ((a, b), (c,)) = _template()
    before, after = AssessmentFactory(template=template), AssessmentFactory(template=template)
    _answer(before, a, 3)
    _answer(before, b, 3)
    _answer(after, a, 5)
    _answer(after, b, 5)
    _answer(after, c, 1)
    comparison = assessments_compare(before, after)
    first, second = comparison.sections
    assert first.before == 50 and first.after == 100 and first.delta == 50
    assert second.before is None and second.delta is None  # missing on one side: no delta
    assert comparison.overall_before == 50 and comparison.overall_after == 50
    assert comparison.overall_delta == 0


def test_compare_refuses_other_templates():
    from wayfare.core.exceptions import DomainError

    with pytest.raises(DomainError):
        assessments_compare(AssessmentFactory(), AssessmentFactory())


def test_answers_are_saved_at_once_with_a_version_check(manager):
    template, ((a, b), (c,)) = _template()
    assessment = AssessmentFactory(template=template, made_by="us")
    version = version_of(assessment)
    assessment_answers_save(
        assessment=assessment,
        actor=manager,
        answers={a.pk: (5, "good"), b.pk: (None, ""), c.pk: (2, "")},
        expected_version=version,
    )
    assert AssessmentAnswer.objects.filter(assessment=assessment).count() == 3
    with pytest.raises(StaleVersion):  # a form opened at the old version saves nothing
        assessment_answers_save(
            assessment=assessment, actor=manager, answers={a.pk: (1, "")}, expected_version=version
        )
    assert AssessmentAnswer.objects.get(assessment=assessment, item=a).value == 5


def test_a_wrong_value_saves_no_answer(manager):
    template, ((a, b), (c,)) = _template()
    assessment = AssessmentFactory(template=template)
    with pytest.raises(ValidationError):
        assessment_answers_save(assessment=assessment, actor=manager, answers={a.pk: (4, ""), b.pk: (9, "")})
    assert not AssessmentAnswer.objects.filter(assessment=assessment).exists()


def test_completed_assessment_cannot_change(manager):
    template, ((a, _b), _rest) = _template()
    assessment = AssessmentFactory(template=template)
    with pytest.raises(ValidationError):
        assessment_complete(instance=assessment, actor=manager)  # nothing answered yet
    _answer(assessment, a, 4)
    assessment_complete(instance=assessment, actor=manager)
    with pytest.raises(AssessmentClosed):
        assessment_answers_save(assessment=assessment, actor=manager, answers={a.pk: (1, "")})


def test_gaps_become_actions_all_or_nothing(manager):
    template, ((a, b), (c,)) = _template()
    assessment = AssessmentFactory(template=template)
    _answer(assessment, a, 1)  # 0: a gap
    _answer(assessment, b, 3)  # 50: not below the line
    _answer(assessment, c, 2)  # 25: a gap
    gaps = assessment_gaps(assessment)
    assert [g.item for g in gaps] == [a, c]
    due = datetime.date(2026, 12, 1)
    with pytest.raises(ValidationError):
        follow_up_actions_create(
            assessment=assessment,
            actor=manager,
            actions=[
                {"item": a, "title": "Fix the first", "owner": manager, "due": due},
                {"item": c, "title": "", "owner": manager, "due": due},  # no title: invalid
            ],
        )
    assert not FollowUpAction.objects.exists()  # the first one rolled back too
    created = follow_up_actions_create(
        assessment=assessment,
        actor=manager,
        actions=[{"item": g.item, "title": f"Fix {g.item}", "owner": manager, "due": due} for g in gaps],
    )
    assert len(created) == 2 and all(x.status == "open" and x.owner == manager for x in created)


def test_built_in_templates_are_loaded_in_three_languages():
    codes = {t["code"] for t in TEMPLATES}
    assert codes <= set(AssessmentTemplate.objects.filter(built_in=True).values_list("code", flat=True))
    for template in AssessmentTemplate.objects.filter(code__in=codes):
        assert template.translations["zh-hans"]["name"] and template.translations["ru"]["name"]
        for item in TemplateItem.objects.filter(section__template=template):
            assert item.translations["zh-hans"]["text"] and item.translations["ru"]["text"], item.code
    readiness = AssessmentTemplate.objects.get(code="collaboration_readiness")
    references = set(
        TemplateItem.objects.filter(section__template=readiness)
        .exclude(reference="")
        .values_list("reference", flat=True)
    )
    assert references == {"three_cs", "stakeholder_map", "communication_plan", "risks"}


def test_built_in_sync_is_idempotent_and_leaves_user_templates_alone():
    builtin = AssessmentTemplate.objects.get(code="change_readiness")
    builtin.name = "Edited by hand"
    builtin.save()
    mine = AssessmentTemplateFactory(code="my-own", name="Mine")
    builtin_sync()
    count = AssessmentTemplate.objects.count()
    history = builtin.history.count()
    builtin_sync()
    builtin.refresh_from_db()
    mine.refresh_from_db()
    assert builtin.name == "Readiness for organisational change"
    assert builtin.history.count() == history  # a second run writes nothing
    assert AssessmentTemplate.objects.count() == count
    assert mine.name == "Mine" and not mine.built_in


def test_answers_through_the_api(manager):
    from django.urls import reverse

    from wayfare.core.testing import client_for

    template, ((a, b), (c,)) = _template()
    assessment = AssessmentFactory(template=template)
    client = client_for(manager)
    url = reverse("api:assessments-assessment-answers", args=[assessment.pk])
    assert client.put(url, {"answers": "x"}, content_type="application/json").status_code == 400
    body = {
        "answers": [{"item": a.pk, "value": 5}, {"item": b.pk, "value": None}, {"item": c.pk, "value": 1}]
    }
    response = client.put(url, body, content_type="application/json", headers={"If-Match": '"1"'})
    assert response.status_code == 412  # a stale version saves nothing
    assert not AssessmentAnswer.objects.filter(assessment=assessment).exists()
    response = client.put(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["overall"] == 50
    bad = {"answers": [{"item": a.pk, "value": 9}]}
    assert client.put(url, bad, content_type="application/json").status_code == 400
