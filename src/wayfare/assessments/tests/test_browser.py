"""A relationship manager in Chromium opens an assessment and sees its radar chart and its history."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from wayfare.assessments.builtin import builtin_sync
from wayfare.assessments.models import Assessment, AssessmentAnswer, AssessmentTemplate, TemplateItem
from wayfare.parties.tests.factories import UserFactory
from wayfare.relationships.models import ServiceRelationship
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assessment(relationship, on, value):
    template = AssessmentTemplate.objects.get(code="three_cs_provider")
    assessment = Assessment(
        template=template,
        content_type=ContentType.objects.get_for_model(ServiceRelationship),
        object_id=relationship.pk,
        made_by="us",
        assessed_on=on,
    )
    assessment.full_clean()
    assessment.save()
    for item in TemplateItem.objects.filter(section__template=template):
        AssessmentAnswer.objects.create(assessment=assessment, item=item, value=value)
    return assessment


def test_radar_chart_of_an_assessment(live_server, page):
    builtin_sync()
    relationship = ServiceRelationshipFactory()
    _assessment(relationship, datetime.date(2026, 3, 1), 3)
    latest = _assessment(relationship, datetime.date(2026, 9, 1), 4)
    UserFactory(username="mariana", roles=["Relationship manager"])
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "mariana")
    page.fill("input[name=password]", "pw")
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/assessments/assessments/{latest.pk}/")
    page.wait_for_selector("#assessment-radar canvas")
    indicators = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('assessment-radar')).getOption().radar[0]"
        ".indicator.map(i => i.name)"
    )
    assert indicators == ["Competence", "Commitment", "Consistency"]
    values = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('assessment-radar')).getOption()"
        ".series[0].data[0].value"
    )
    assert values == [75, 75, 75]
    page.wait_for_selector("#assessment-history canvas")
    dates = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('assessment-history')).getOption().xAxis[0].data"
    )
    assert dates == ["2026-03-01", "2026-09-01"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
