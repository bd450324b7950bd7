"""The assessment engine tied to service relationships: which assessments each relationship type suggests
(seed 003 Table 4.14), the counterpart organisation, references of readiness items, the trust measure and
the falling-trust alert, and what a consumer's people may see (issue #12 section 7)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from wayfare.assessments.builtin import builtin_sync
from wayfare.assessments.models import Assessment, AssessmentAnswer, AssessmentTemplate, TemplateItem
from wayfare.assessments.tests.factories import FollowUpActionFactory
from wayfare.core.testing import client_for, make_user
from wayfare.parties.models import OrganisationKind
from wayfare.parties.tests.factories import OrganisationFactory
from wayfare.relationships.models import ServiceRelationship
from wayfare.relationships.resources.assessing import (
    counterpart_of,
    falling_trust,
    latest_trust_score,
    panel_context,
    suggestions,
)

from .factories import ServiceRelationshipFactory

pytestmark = pytest.mark.django_db

# Seed 003 Table 4.14 (and our choice for the three Cs, said in their description).
EXPECTED = {
    "basic": {
        "provider_capabilities": "critical",
        "business_provider_maturity": "critical",
        "four_dimension_maturity": "critical",
        "collaboration_readiness": "not_needed",
        "change_readiness": "not_needed",
        "three_cs_provider": "moderate",
        "three_cs_customer": "moderate",
    },
    "cooperative": {
        "provider_capabilities": "moderate",
        "business_provider_maturity": "moderate",
        "four_dimension_maturity": "moderate",
        "collaboration_readiness": "moderate",
        "change_readiness": "moderate",
        "three_cs_provider": "critical",
        "three_cs_customer": "critical",
    },
    "partnership": {
        "provider_capabilities": "light",
        "business_provider_maturity": "light",
        "four_dimension_maturity": "light",
        "collaboration_readiness": "critical",
        "change_readiness": "critical",
        "three_cs_provider": "critical",
        "three_cs_customer": "critical",
    },
}


@pytest.fixture(autouse=True)
def _built_in_templates(db):
    """Loaded after migrate; loaded again here in case a transactional test emptied the tables."""
    builtin_sync()


@pytest.fixture
def us(db):
    return OrganisationFactory(name="Us", kind=OrganisationKind.INTERNAL)


@pytest.fixture
def staff(db):
    return make_user("rm", ["Relationship manager"])


def _make(relationship, code, made_by, on, values, state="completed"):
    """An assessment of ``relationship`` with every item answered by ``values`` (a value or a function
    of the item)."""
    template = AssessmentTemplate.objects.get(code=code)
    assessment = Assessment(
        template=template,
        content_type=ContentType.objects.get_for_model(ServiceRelationship),
        object_id=relationship.pk,
        made_by=made_by,
        assessed_on=on,
    )
    assessment.full_clean()
    assessment.save()
    for item in TemplateItem.objects.filter(section__template=template):
        value = values(item) if callable(values) else values
        AssessmentAnswer.objects.create(assessment=assessment, item=item, value=value)
    Assessment.objects.filter(pk=assessment.pk).update(state=state)
    assessment.refresh_from_db()
    return assessment


@pytest.mark.parametrize("kind", ["basic", "cooperative", "partnership"])
def test_suggestion_follows_the_relationship_type(kind, staff, us):
    relationship = ServiceRelationshipFactory(provider=us, relationship_type=kind)
    shown = {row["template"].code: row["relevance"] for row in suggestions(relationship, staff)}
    assert {code: shown[code] for code in EXPECTED[kind]} == EXPECTED[kind]


def test_panel_says_whether_one_was_done_in_the_last_year(staff, us):
    relationship = ServiceRelationshipFactory(provider=us, relationship_type="partnership")
    today = datetime.date.today()
    _make(relationship, "collaboration_readiness", "us", today - datetime.timedelta(days=400), 2)
    _make(relationship, "change_readiness", "us", today - datetime.timedelta(days=20), 2)
    request = RequestFactory().get("/")
    request.user = staff
    rows = {r["template"].code: r for r in panel_context(request, relationship)["assessment_rows"]}
    assert rows["collaboration_readiness"]["due"] and not rows["collaboration_readiness"]["recent"]
    assert rows["change_readiness"]["recent"] and not rows["change_readiness"]["due"]
    assert rows["change_readiness"]["overall"] == 100
    assert rows["change_readiness"]["start_url"].startswith(reverse("assessments:assessment_add"))


def test_panel_renders(staff, us):
    from django.template.loader import render_to_string

    relationship = ServiceRelationshipFactory(provider=us, relationship_type="cooperative")
    assessment = _make(relationship, "three_cs_customer", "us", datetime.date.today(), 2)
    FollowUpActionFactory(assessment=assessment, title="Agree a complaints channel")
    request = RequestFactory().get("/")
    request.user = staff
    html = render_to_string(
        "relationships/panels/assessments.html", panel_context(request, relationship), request
    )
    assert "Agree a complaints channel" in html and assessment.get_absolute_url() in html
    assert "Three Cs: is the customer trustworthy?" in html and "Critical" in html


def test_counterpart_is_the_side_that_is_not_us(us):
    them = OrganisationFactory()
    assert counterpart_of(ServiceRelationshipFactory(provider=them, consumer=us)) == them
    assert counterpart_of(ServiceRelationshipFactory(provider=us, consumer=them)) == them
    other = OrganisationFactory()
    assert counterpart_of(ServiceRelationshipFactory(provider=other, consumer=them)) == them


def test_trust_score_and_falling_trust_alert(us):
    manager = make_user("manager", ["Relationship manager"])
    relationship = ServiceRelationshipFactory(provider=us, manager=manager)
    assert latest_trust_score(relationship) is None  # missing, never zero
    first = _make(relationship, "three_cs_customer", "us", datetime.date(2026, 1, 10), 5)
    assert latest_trust_score(relationship) == 100
    assert list(falling_trust(datetime.date.today())) == []
    drafted = _make(relationship, "three_cs_customer", "us", datetime.date(2026, 6, 1), 1, state="draft")
    assert latest_trust_score(relationship) == 100  # drafts do not count
    drafted.delete()
    latest = _make(relationship, "three_cs_customer", "us", datetime.date(2026, 6, 1), 4)
    assert latest_trust_score(relationship) == 75
    (finding,) = falling_trust(datetime.date.today())
    assert finding.relationship_id == relationship.pk and finding.key == f"assessment:{latest.pk}"
    assert finding.owner_id == manager.pk and finding.params["before"] == 100 and finding.params["now"] == 75
    assert first.pk != latest.pk


def test_readiness_items_link_to_the_records_they_name(staff, us):
    relationship = ServiceRelationshipFactory(provider=us, relationship_type="partnership")
    three_cs = _make(relationship, "three_cs_provider", "us", datetime.date(2026, 2, 1), 4)
    readiness = _make(
        relationship, "collaboration_readiness", "us", datetime.date(2026, 3, 1), None, state="draft"
    )
    response = client_for(staff).get(reverse("assessments:assessment_fill", args=[readiness.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert three_cs.get_absolute_url() in body
    assert "No risk register yet" in body


def test_fill_page_saves_every_answer_at_once(staff, us):
    relationship = ServiceRelationshipFactory(provider=us)
    assessment = _make(
        relationship, "three_cs_provider", "us", datetime.date(2026, 2, 1), None, state="draft"
    )
    items = list(TemplateItem.objects.filter(section__template=assessment.template))
    client = client_for(staff)
    page = client.get(reverse("assessments:assessment_fill", args=[assessment.pk]))
    version = page.context["version"]
    data = {"_version": version, **{f"item_{i.pk}": "4" for i in items}, f"comment_{items[0].pk}": "Fine"}
    data[f"item_{items[1].pk}"] = ""  # not applicable
    response = client.post(reverse("assessments:assessment_fill", args=[assessment.pk]), data)
    assert response.status_code == 302
    values = dict(AssessmentAnswer.objects.filter(assessment=assessment).values_list("item_id", "value"))
    assert values[items[0].pk] == 4 and values[items[1].pk] is None
    # the same form again, opened at the old version: nothing is saved
    data[f"item_{items[0].pk}"] = "1"
    client.post(reverse("assessments:assessment_fill", args=[assessment.pk]), data)
    assert AssessmentAnswer.objects.get(assessment=assessment, item=items[0]).value == 4
    detail = client.get(assessment.get_absolute_url())
    assert b'id="assessment-radar"' in detail.content


def test_gaps_page_creates_actions(staff, us):
    relationship = ServiceRelationshipFactory(provider=us)
    assessment = _make(
        relationship,
        "provider_capabilities",
        "us",
        datetime.date(2026, 2, 1),
        lambda i: 0 if i.code == "finances" else 2,
    )
    (gap,) = [i for i in TemplateItem.objects.filter(section__template=assessment.template, code="finances")]
    url = reverse("assessments:assessment_gaps", args=[assessment.pk])
    client = client_for(staff)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "item": [gap.pk],
            f"title_{gap.pk}": "Ask for audited accounts",
            "owner": staff.pk,
            "due": "2026-12-01",
        },
    )
    assert response.status_code == 302
    action = assessment.actions.get()
    assert action.title == "Ask for audited accounts" and action.owner == staff and action.item == gap


class TestConsumerSeesOnlyHerSide:
    """A consumer of the counterpart organisation (like radhika of Axle) never reaches what the provider
    made about her organisation: not the page, the API, exports, history, charts or its pages."""

    @pytest.fixture
    def setting(self, us, make_consumer):
        axle = OrganisationFactory(name="Axle test")
        relationship = ServiceRelationshipFactory(provider=axle, consumer=us, relationship_type="partnership")
        ours = _make(relationship, "three_cs_provider", "us", datetime.date(2026, 2, 3), 4)
        ours_later = _make(relationship, "three_cs_provider", "us", datetime.date(2026, 4, 3), 5)
        theirs = _make(relationship, "three_cs_customer", "counterpart", datetime.date(2026, 5, 6), 3)
        theirs_before = _make(relationship, "three_cs_customer", "counterpart", datetime.date(2025, 11, 7), 2)
        FollowUpActionFactory(assessment=ours)
        radhika = make_consumer("radhika-test", axle)
        return {
            "ours": ours,
            "ours_later": ours_later,
            "theirs": theirs,
            "theirs_before": theirs_before,
            "radhika": radhika,
        }

    def test_counterpart_owns_both(self, setting):
        assert setting["ours"].organisation == setting["theirs"].organisation

    def test_provider_made_assessment_is_404_everywhere(self, setting):
        client = client_for(setting["radhika"])
        ours = setting["ours"]
        assert client.get(ours.get_absolute_url()).status_code == 404
        assert client.get(reverse("api:assessments-assessment-detail", args=[ours.pk])).status_code == 404
        for name in ("assessment_compare",):
            assert client.get(reverse(f"assessments:{name}", args=[ours.pk])).status_code == 404
        for name in ("assessment_fill", "assessment_gaps"):
            assert client.get(reverse(f"assessments:{name}", args=[ours.pk])).status_code in (403, 404)
        ids = {r["id"] for r in client.get(reverse("api:assessments-assessment-list")).json()["results"]}
        assert ours.pk not in ids and setting["ours_later"].pk not in ids and setting["theirs"].pk in ids
        export = client.get(reverse("assessments:assessment_list") + "?_export=csv").content.decode(
            "utf-8-sig"
        )
        assert len(export.strip().splitlines()) == 1 + 2  # her side's two, none of ours
        assert "2026-02-03" not in export and "03/02/2026" not in export
        # follow-up actions are backstage
        assert client.get(reverse("assessments:followupaction_list")).status_code == 403

    def test_her_side_is_shown_with_its_own_history_only(self, setting):
        client = client_for(setting["radhika"])
        response = client.get(setting["theirs"].get_absolute_url())
        assert response.status_code == 200
        assert response.context["history"]
        body = response.content.decode()
        assert 'id="assessment-radar"' in body
        history = response.context["report"]["history"] if "report" in response.context else None
        assert history is None or setting["ours"].assessed_on.isoformat() not in history["dates"]
        assert "2026-02-03" not in body and "2026-04-03" not in body  # no trace of ours in the chart data
        compare = client.get(
            reverse("assessments:assessment_compare", args=[setting["theirs"].pk]),
            {"with": setting["ours"].pk},
        )
        assert compare.status_code == 404

    def test_staff_compare_ours(self, setting, staff):
        client = client_for(staff)
        response = client.get(
            reverse("assessments:assessment_compare", args=[setting["ours_later"].pk]),
            {"with": setting["ours"].pk},
        )
        assert response.status_code == 200
        comparison = response.context["comparison"]
        assert comparison.first == setting["ours"] and comparison.overall_delta == 25


def test_assessments_go_with_their_relationship(us):
    relationship = ServiceRelationshipFactory(provider=us)
    assessment = _make(relationship, "three_cs_customer", "us", datetime.date(2026, 1, 1), 4)
    FollowUpActionFactory(assessment=assessment)
    relationship.delete()
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
