"""Suppliers and partners (issue #12 section 6): the classification rule, supplier-only records, the
transitive "if this supplier stops" impact with its cycle guard, the health measure, the panel, and that
none of it ever reaches a consumer's people."""

import dataclasses
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from wayfare.core.reminders import reminder_source
from wayfare.core.resources import registry
from wayfare.core.roles import ROLES
from wayfare.core.testing import client_for, make_user
from wayfare.relationships.models import (
    ServiceRelationship,
    SupplierAssessment,
    SupplierClassification,
    SupplierPerformance,
    classify_supplier,
)
from wayfare.relationships.services.suppliers import (
    supplier_impact,
    supplier_overview,
    supplier_performance_share,
)
from wayfare.relationships.views.suppliers import supplier_panel_context

from .factories import ServiceRelationshipFactory
from .factories_suppliers import (
    ExperienceProfileFactory,
    RelationshipDependencyFactory,
    SupplierAssessmentFactory,
    SupplierComplianceFactory,
    SupplierPerformanceFactory,
    SupplierRelationshipFactory,
)

pytestmark = pytest.mark.django_db

STAFF_ROLES = tuple(role.group for role in ROLES if role.group != "Consumer")


@pytest.mark.parametrize(
    ("dependency", "risk", "expected"),
    [
        (5, 5, SupplierClassification.STRATEGIC),
        (3, 3, SupplierClassification.STRATEGIC),
        (2, 4, SupplierClassification.BOTTLENECK),
        (4, 2, SupplierClassification.LEVERAGE),
        (2, 2, SupplierClassification.ROUTINE),
        (1, 1, SupplierClassification.ROUTINE),
    ],
)
def test_classification_follows_dependency_and_risk(dependency, risk, expected):
    assert classify_supplier(dependency, risk) == expected
    profile = SupplierAssessmentFactory(dependency_level=dependency, risk_level=risk)
    profile.refresh_from_db()
    assert profile.classification == expected


def test_classification_is_recomputed_on_change():
    profile = SupplierAssessmentFactory(dependency_level=1, risk_level=1)
    assert profile.classification == SupplierClassification.ROUTINE
    profile.risk_level = 5
    profile.full_clean()
    profile.save()
    profile.refresh_from_db()
    assert profile.classification == SupplierClassification.BOTTLENECK


def test_supplier_records_only_for_relationships_where_we_are_the_consumer():
    ours = ServiceRelationshipFactory()  # an external consumer: we are not the consumer
    for record in (
        SupplierAssessment(relationship=ours, dependency_level=2, risk_level=2),
        SupplierPerformance(
            relationship=ours, measured_on=datetime.date(2026, 1, 31), measure="x", target=1, actual=1
        ),
    ):
        with pytest.raises(ValidationError) as caught:
            record.full_clean()
        assert "not a supplier relationship" in str(caught.value.message_dict["relationship"])


def test_the_form_says_why_a_relationship_is_refused(org_a):
    staff = make_user("boss", ["Administrator"])
    ours = ServiceRelationshipFactory(consumer=org_a)
    response = client_for(staff).post(
        reverse("relationships:supplierassessment_add"),
        {"relationship": ours.pk, "dependency_level": 2, "risk_level": 2},
    )
    assert response.status_code == 400
    assert "not a supplier relationship" in str(response.context["form"].errors["relationship"])


def test_performance_met_follows_target_and_direction():
    higher = SupplierPerformanceFactory(target=95, actual=90)
    lower = SupplierPerformanceFactory(target=30, actual=20, direction="at_most")
    assert not higher.met and lower.met


def _chain():
    """installer -> council's stations -> campus car sharing (for the university)."""
    installer = ServiceRelationshipFactory(name="Installing stations")
    stations = SupplierRelationshipFactory(name="Public charging")
    sharing = ServiceRelationshipFactory(name="Campus car sharing", provider=stations.consumer)
    RelationshipDependencyFactory(dependent=stations, depends_on=installer, critical=True)
    RelationshipDependencyFactory(dependent=sharing, depends_on=stations)
    return installer, stations, sharing


def test_impact_is_transitive_and_names_the_consumers_at_the_end():
    staff = make_user("boss", ["Administrator"])
    installer, stations, sharing = _chain()
    impact = supplier_impact(relationship=installer, user=staff)
    assert [n.relationship for n in impact.direct] == [stations]
    assert [n.relationship for n in impact.indirect] == [sharing]
    assert impact.critical_count == 1
    assert sharing.consumer in impact.consumers
    assert impact.root.children[0].children[0].relationship == sharing
    page = client_for(staff).get(reverse("relationships:supplier_impact", args=[installer.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Public charging" in body and "Campus car sharing" in body


def test_impact_stops_at_a_cycle():
    staff = make_user("boss", ["Administrator"])
    installer, stations, sharing = _chain()
    RelationshipDependencyFactory(dependent=installer, depends_on=sharing)  # closes the loop
    impact = supplier_impact(relationship=installer, user=staff)
    names = [n.relationship.pk for n in impact.affected]
    assert sorted(names) == sorted([stations.pk, sharing.pk])  # the root is never counted as hurt
    back = impact.root.children[0].children[0].children[0]
    assert back.relationship == installer and back.repeated and not back.children
    assert (
        client_for(staff).get(reverse("relationships:supplier_impact", args=[stations.pk])).status_code == 200
    )


def test_impact_names_the_journeys_on_the_dependencies():
    from wayfare.analytics.models import EventLog
    from wayfare.journeys.models import JourneyMap

    staff = make_user("boss", ["Administrator"])
    installer, stations, _sharing = _chain()
    log = EventLog.objects.create(name="Desk log")
    journey = JourneyMap.objects.create(name="Incident resolution", event_log=log)
    stations.dependencies.get().journeys.add(journey)
    assert supplier_impact(relationship=installer, user=staff).journeys == [journey]


def test_health_measure_is_the_share_met_in_the_last_180_days():
    today = datetime.date(2026, 12, 1)
    supplier = SupplierRelationshipFactory()
    assert supplier_performance_share(supplier, today=today) is None  # missing, never zero
    SupplierPerformanceFactory(relationship=supplier, measured_on=today, target=95, actual=80)
    SupplierPerformanceFactory(
        relationship=supplier, measured_on=today - datetime.timedelta(days=30), target=95, actual=99
    )
    SupplierPerformanceFactory(
        relationship=supplier, measured_on=today - datetime.timedelta(days=400), target=95, actual=99
    )
    assert supplier_performance_share(supplier, today=today) == 50.0
    assert supplier_performance_share(ServiceRelationshipFactory(), today=today) is None


def test_overview_lists_suppliers_only_with_their_latest_results():
    staff = make_user("boss", ["Administrator"])
    profile = SupplierAssessmentFactory(dependency_level=5, risk_level=5, managed_by_us=False)
    SupplierComplianceFactory(relationship=profile.relationship, status="compliant")
    SupplierComplianceFactory(relationship=profile.relationship, status="partly")
    SupplierPerformanceFactory(relationship=profile.relationship, target=95, actual=70)
    not_supplier = ServiceRelationshipFactory()
    rows = supplier_overview(user=staff)
    assert [r.relationship for r in rows] == [profile.relationship]
    assert rows[0].compliance == "partly" and rows[0].performance_share == 0.0
    body = client_for(staff).get(reverse("relationships:suppliers")).content.decode()
    assert profile.relationship.name in body and not_supplier.name not in body


def test_panel_shows_for_supplier_relationships_only(org_a, make_consumer):
    staff = make_user("boss", ["Administrator"])
    profile = SupplierAssessmentFactory(relationship__provider=org_a)
    request = RequestFactory().get("/")
    request.user = staff
    context = supplier_panel_context(request, profile.relationship)
    assert context is not None and context["assessment"] == profile
    assert supplier_panel_context(request, ServiceRelationshipFactory()) is None
    request.user = make_consumer("supplier_person", org_a)
    assert supplier_panel_context(request, profile.relationship) is None


def test_next_review_and_next_check_raise_reminders():
    assert reminder_source("relationships.supplierassessment.next_review") is not None
    assert reminder_source("relationships.suppliercompliance.next_check") is not None


@pytest.mark.parametrize("roles", [("Consumer",), ("Consumer", *STAFF_ROLES)])
def test_consumers_never_reach_supplier_pages_api_or_exports(org_a, make_consumer, roles):
    """The supplier (org_a) is a consumer of nobody here, but its people hold consumer accounts: every
    supplier page is 404 to them, every register 403, even with staff roles besides."""
    profile = SupplierAssessmentFactory(relationship__provider=org_a)
    SupplierPerformanceFactory(relationship=profile.relationship)
    experience = ExperienceProfileFactory(relationship=profile.relationship)
    client = client_for(make_consumer("supplier_person", org_a, roles))
    pages = [
        reverse("relationships:suppliers"),
        reverse("relationships:supplier_impact", args=[profile.relationship.pk]),
        reverse("relationships:experience_profile_chart", args=[experience.pk]),
    ]
    for url in pages:
        assert client.get(url).status_code == 404, url
    for model in (
        "supplierassessment",
        "supplierperformance",
        "suppliercompliance",
        "relationshipdependency",
        "experienceprofile",
        "serviceintegration",
        "suppliercriterion",
        "supplierscore",
        "experiencefactorimportance",
    ):
        listing = reverse(f"relationships:{model}_list")
        assert client.get(listing).status_code == 403, model
        assert client.get(listing + "?_export=csv").status_code == 403, model
        assert client.get(reverse(f"api:relationships-{model}-list")).status_code == 403, model
    assert client.get(
        reverse("api:relationships-supplierassessment-detail", args=[profile.pk])
    ).status_code in (403, 404)


def test_staff_without_permission_are_refused():
    nobody = make_user("nobody")
    relationship = SupplierRelationshipFactory()
    client = client_for(nobody)
    assert client.get(reverse("relationships:suppliers")).status_code == 403
    assert client.get(reverse("relationships:supplier_impact", args=[relationship.pk])).status_code == 403


def test_impact_page_passes_the_authorization_matrix_with_the_declared_roles(
    org_a, org_b, make_consumer, monkeypatch
):
    """The declaration the lead adds to the ServiceRelationship resource (its file is another part's):
    ``"page.supplier_impact": ("view", STAFF_ROLES)``: every staff role may open it, consumers never."""
    from wayfare.core import matrix

    from .test_resources import ServiceRelationshipTests

    resource = registry.get(ServiceRelationship)
    actions = dict(resource.access.actions)
    actions.setdefault("page.supplier_impact", ("view", STAFF_ROLES))
    monkeypatch.setattr(resource, "access", dataclasses.replace(resource.access, actions=actions))
    tests = ServiceRelationshipTests()
    people = matrix.principals(org_a, org_b, make_consumer)
    count, violations = matrix.run(resource, tests, people, org_a)
    ours = [v for v in violations if "supplier_impact" in v]
    assert count and not ours, ours


def test_declared_measure_panel_and_step_card():
    from wayfare.core.navigation import STEP_BY_SLUG, coming_items
    from wayfare.relationships.health import health_measures
    from wayfare.relationships.panels import _PANELS

    assert "supplier_performance" in {m.key for m in health_measures()}
    assert _PANELS["suppliers"].staff_only
    assert "engage.suppliers" not in {c.key for c in coming_items(STEP_BY_SLUG["engage"])}


def test_staff_see_the_panel_in_the_relationship_page_context():
    """What the relationship page shows through ``panels_for``: the suppliers panel for a supplier."""
    from wayfare.relationships.panels import panels_for

    staff = make_user("boss", ["Administrator"])
    profile = SupplierAssessmentFactory()
    request = RequestFactory().get("/")
    request.user = staff
    keys = [panel.key for panel, _context in panels_for(request, profile.relationship)]
    assert "suppliers" in keys
    assert "suppliers" not in [p.key for p, _c in panels_for(request, ServiceRelationshipFactory())]


def test_panel_template_renders_classification_results_and_the_impact_link():
    from django.template.loader import render_to_string

    staff = make_user("boss", ["Administrator"])
    profile = SupplierAssessmentFactory(dependency_level=5, risk_level=5, managed_by_us=False)
    SupplierPerformanceFactory(
        relationship=profile.relationship, target=95, actual=80, measure="Stations working"
    )
    SupplierComplianceFactory(relationship=profile.relationship, status="not_compliant")
    request = RequestFactory().get("/")
    request.user = staff
    html = render_to_string(
        "relationships/panels/suppliers.html", supplier_panel_context(request, profile.relationship), request
    )
    assert "Strategic" in html and "Stations working" in html and "Not compliant" in html
    assert reverse("relationships:supplier_impact", args=[profile.relationship.pk]) in html
