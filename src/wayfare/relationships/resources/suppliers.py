"""Declarations of the suppliers part (issue #12 sections 3 and 6): the registers, the relationship-page
panel, the health measure, the reminders and the Engage step's card. Everything here is backstage:
consumers get 403 on the registers and 404 on the pages."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import step_card
from wayfare.core.reminders import remind
from wayfare.core.resources import Access, Related, Resource, register

from ..health import health_measure
from ..models import (
    ExperienceFactorImportance,
    ExperienceProfile,
    RelationshipDependency,
    ServiceIntegration,
    SupplierAssessment,
    SupplierCompliance,
    SupplierCriterion,
    SupplierPerformance,
    SupplierScore,
)
from ..panels import relationship_panel
from ..services.suppliers import supplier_performance_share
from ..views.suppliers import supplier_panel_context

MANAGERS = ("Administrator", "Relationship manager")
BACKSTAGE = Access(write=MANAGERS)

register(
    Resource(
        ServiceIntegration,
        columns=["organisation", "integration_model", "stance", "integrator"],
        filters=["integration_model", "stance", "integrator"],
        search=["notes"],
        fields=["organisation", "integration_model", "stance", "integrator", "notes"],
        translated_fields=["notes"],
        select_related=["organisation", "integrator"],
        detail_template="relationships/supplier_integration_detail.html",
        access=BACKSTAGE,
        step="engage",
        slug="service-integration",
    )
)
register(
    Resource(
        SupplierCriterion,
        columns=["name", "dimension", "weight"],
        filters=["dimension"],
        search=["name", "description"],
        translated_fields=["name", "description"],
        access=BACKSTAGE,
        slug="supplier-criteria",
    )
)
register(
    Resource(
        SupplierAssessment,
        columns=[
            "relationship",
            "dependency_level",
            "risk_level",
            "classification",
            "managed_by_us",
            "next_review",
        ],
        filters=["relationship", "classification", "managed_by_us", "dependency_level", "risk_level"],
        search=["relationship__name", "notes"],
        fields=[
            "relationship",
            "dependency_level",
            "risk_level",
            "managed_by_us",
            "reviewed_on",
            "next_review",
            "notes",
        ],
        detail_fields=[
            "relationship",
            "dependency_level",
            "risk_level",
            "classification",
            "managed_by_us",
            "reviewed_on",
            "next_review",
            "notes",
        ],
        translated_fields=["notes"],
        select_related=["relationship"],
        related=[Related(SupplierScore, "assessment")],
        detail_template="relationships/supplier_assessment_detail.html",
        access=BACKSTAGE,
        step="engage",
        slug="supplier-profiles",
    )
)
register(
    Resource(
        SupplierScore,
        columns=["assessment", "criterion", "score", "note"],
        filters=["assessment", "criterion", "score"],
        search=["note"],
        select_related=["assessment__relationship", "criterion"],
        access=BACKSTAGE,
        slug="supplier-scores",
    )
)
register(
    Resource(
        SupplierPerformance,
        columns=["relationship", "measured_on", "period", "measure", "target", "actual", "met"],
        filters=["relationship", "met", "direction"],
        search=["measure", "period", "note"],
        fields=[
            "relationship",
            "measured_on",
            "period",
            "measure",
            "unit",
            "direction",
            "target",
            "actual",
            "note",
        ],
        detail_fields=[
            "relationship",
            "measured_on",
            "period",
            "measure",
            "unit",
            "direction",
            "target",
            "actual",
            "met",
            "note",
        ],
        translated_fields=["measure", "note"],
        select_related=["relationship"],
        access=BACKSTAGE,
        step="engage",
        slug="supplier-performance",
    )
)
register(
    Resource(
        SupplierCompliance,
        columns=["relationship", "requirement", "status", "checked_on", "next_check"],
        filters=["relationship", "status"],
        search=["requirement", "evidence"],
        translated_fields=["requirement", "evidence"],
        select_related=["relationship"],
        access=BACKSTAGE,
        step="engage",
        slug="supplier-compliance",
    )
)
register(
    Resource(
        RelationshipDependency,
        columns=["dependent", "depends_on", "critical"],
        filters=["dependent", "depends_on", "critical"],
        search=["note", "dependent__name", "depends_on__name"],
        translated_fields=["note"],
        select_related=["dependent", "depends_on"],
        access=BACKSTAGE,
        step="engage",
        slug="dependencies",
    )
)
register(
    Resource(
        ExperienceProfile,
        columns=["name", "relationship", "segment"],
        filters=["relationship", "segment"],
        search=["name", "segment", "description"],
        translated_fields=["name", "segment", "description"],
        select_related=["relationship"],
        related=[Related(ExperienceFactorImportance, "profile")],
        detail_template="relationships/experience_profile_detail.html",
        access=Access(write=MANAGERS, actions={"page.experience_profile_chart": ("view", None)}),
        step="engage",
        slug="experience-profiles",
    )
)
register(
    Resource(
        ExperienceFactorImportance,
        columns=["profile", "factor", "aspect", "importance"],
        filters=["profile", "factor", "aspect", "importance"],
        search=["note"],
        translated_fields=["note"],
        select_related=["profile"],
        access=BACKSTAGE,
        slug="experience-importance",
    )
)

relationship_panel(
    "suppliers",
    "relationships/panels/suppliers.html",
    order=50,
    context=supplier_panel_context,
    staff_only=True,
)
health_measure(
    "supplier_performance",
    _("Supplier performance"),
    weight=2,
    compute=supplier_performance_share,
    description=_(
        "Share of the supplier's performance results of the last 180 days that met their target. Only for "
        "relationships where we are the consumer; missing without results."
    ),
    order=60,
)


def _manager(row):  # type: ignore[no-untyped-def]
    return [row.relationship.manager]


remind(
    SupplierAssessment,
    "next_review",
    label=_("Review the supplier's classification"),
    recipients=_manager,
)
remind(
    SupplierCompliance,
    "next_check",
    label=_("Check the supplier's compliance"),
    recipients=_manager,
)
step_card(
    "relationships.suppliers",
    step="engage",
    label=_("Suppliers and partners"),
    description=_(
        "Every supplier we rely on, classified by dependency and risk, with performance, compliance and "
        "what would be hurt if one stopped."
    ),
    url_name="relationships:suppliers",
    permission="relationships.view_supplierassessment",
    replaces=["engage.suppliers"],
)
