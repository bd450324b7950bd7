"""Pages of the suppliers part that the declarations cannot give (issue #12 sections 3 and 6): the
supplier overview, "if this supplier stops" (the dependency chain), an experience profile's chart, and
the context of the suppliers panel on the relationship page.

All of it is backstage: a consumer's people get 404 (the pages do not exist for them, even with staff
roles), staff without the permission 403."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path

from wayfare.core.access import has_permission, is_consumer, restrict

from ..models import (
    CLASSIFICATION_GUIDANCE,
    EXPERIENCE_FACTOR_GUIDANCE,
    INTEGRATION_MODEL_GUIDANCE,
    INTEGRATION_STANCE_GUIDANCE,
    QUALITY_ASPECT_GUIDANCE,
    ComplianceStatus,
    ExperienceFactor,
    ExperienceFactorImportance,
    ExperienceProfile,
    IntegrationModel,
    IntegrationStance,
    RelationshipDependency,
    ServiceIntegration,
    ServiceRelationship,
    SupplierAssessment,
    SupplierClassification,
    SupplierCompliance,
    SupplierPerformance,
    is_supplier_relationship,
)
from ..services.suppliers import (
    compliance_summary,
    supplier_impact,
    supplier_overview,
    supplier_performance_share,
)


def _staff_only(request: HttpRequest, *models: type[Model]) -> None:
    """Backstage pages: not found for a consumer's people, forbidden without the view permissions."""
    if is_consumer(request.user):
        raise Http404
    if not all(has_permission(request.user, model, "view") for model in models):
        raise PermissionDenied


@login_required
def suppliers(request: HttpRequest) -> HttpResponse:
    """Every supplier relationship at a glance, with our integration model above it."""
    _staff_only(request, SupplierAssessment, ServiceRelationship)
    integrations = list(
        restrict(
            ServiceIntegration.objects.select_related("organisation", "integrator"), request.user, "view"
        )
    )
    for integration in integrations:
        integration.shown_name = integration.organisation.translated("name")  # type: ignore[attr-defined]
        integration.shown_notes = integration.translated("notes")  # type: ignore[attr-defined]
    return render(
        request,
        "relationships/suppliers.html",
        {
            "rows": supplier_overview(user=request.user),
            "integrations": integrations,
            "classifications": [
                (choice.label, CLASSIFICATION_GUIDANCE[choice]) for choice in SupplierClassification
            ],
            "models": [(choice.label, INTEGRATION_MODEL_GUIDANCE[choice]) for choice in IntegrationModel],
            "stances": [(choice.label, INTEGRATION_STANCE_GUIDANCE[choice]) for choice in IntegrationStance],
            "current_step": "engage",
        },
    )


@login_required
def supplier_impact_page(request: HttpRequest, pk: int) -> HttpResponse:
    """If this supplier stops: the relationships hurt, directly and down the chain, the consumers at the
    end of it and the journeys named on the dependencies (Table 4.19's questions)."""
    _staff_only(request, ServiceRelationship)
    relationship = get_object_or_404(
        restrict(ServiceRelationship.objects.select_related("provider", "consumer"), request.user, "view"),
        pk=pk,
    )
    may_see_dependencies = has_permission(request.user, RelationshipDependency, "view")
    impact = supplier_impact(relationship=relationship, user=request.user) if may_see_dependencies else None
    assessment = restrict(
        SupplierAssessment.objects.filter(relationship=relationship), request.user, "view"
    ).first()
    return render(
        request,
        "relationships/dependency_impact.html",
        {
            "relationship": relationship,
            "relationship_name": relationship.translated("name"),
            "chart_height": 80 + 48 * max(_leaves(impact.root) if impact else 1, 1),
            "chart_levels": impact.root.depth_below if impact else 1,
            "is_supplier": is_supplier_relationship(relationship),
            "assessment": assessment,
            "impact": impact,
            "chart": impact.root.as_chart() if impact else None,
            "current_step": "engage",
        },
    )


def _leaves(node: Any) -> int:
    return sum(_leaves(child) for child in node.children) if node.children else 1


@login_required
def experience_profile(request: HttpRequest, pk: int) -> HttpResponse:
    """A profile's factors as a bar chart, with what each factor means (Table 4.13)."""
    _staff_only(request, ExperienceProfile)
    profile = get_object_or_404(
        restrict(ExperienceProfile.objects.select_related("relationship"), request.user, "view"), pk=pk
    )
    factors = list(restrict(ExperienceFactorImportance.objects.filter(profile=profile), request.user, "view"))
    chart = {
        "labels": [f.label for f in reversed(factors)],
        "values": [f.importance for f in reversed(factors)],
    }
    for factor in factors:
        factor.shown_note = factor.translated("note")  # type: ignore[attr-defined]
    rated = {f.factor for f in factors}
    return render(
        request,
        "relationships/experience_profile.html",
        {
            "profile": profile,
            "profile_name": profile.translated("name"),
            "description": profile.translated("description"),
            "segment": profile.translated("segment"),
            "relationship_name": profile.relationship.translated("name") if profile.relationship else "",
            "factors": factors,
            "chart_height": 60 + 36 * len(factors),
            "chart": chart,
            "unrated": [(c.label, EXPERIENCE_FACTOR_GUIDANCE[c]) for c in ExperienceFactor if c not in rated],
            "aspects": list(QUALITY_ASPECT_GUIDANCE.items()),
            "current_step": "engage",
        },
    )


def supplier_panel_context(request: HttpRequest, relationship: ServiceRelationship) -> dict[str, Any] | None:
    """The suppliers panel of the relationship page: only for supplier relationships (we are the
    consumer), only for staff who may see supplier profiles."""
    user = request.user
    if is_consumer(user) or not is_supplier_relationship(relationship):
        return None
    if not has_permission(user, SupplierAssessment, "view"):
        return None
    performance = list(
        restrict(SupplierPerformance.objects.filter(relationship=relationship), user, "view")[:5]
    )
    checks = list(restrict(SupplierCompliance.objects.filter(relationship=relationship), user, "view"))
    for record in performance:
        record.shown_measure = record.translated("measure")  # type: ignore[attr-defined]
    for check in checks:
        check.shown_requirement = check.translated("requirement")  # type: ignore[attr-defined]
    status = compliance_summary(checks)
    return {
        "relationship": relationship,
        "assessment": restrict(
            SupplierAssessment.objects.filter(relationship=relationship), user, "view"
        ).first(),
        "performance": performance,
        "performance_share": supplier_performance_share(relationship),
        "compliance_checks": checks,
        "compliance": status,
        "compliance_label": ComplianceStatus(status).label if status else "",
    }


urlpatterns: list[URLPattern] = [
    path("suppliers/", suppliers, name="suppliers"),
    path("relationships/<int:pk>/impact/", supplier_impact_page, name="supplier_impact"),
    path("experience-profiles/<int:pk>/chart/", experience_profile, name="experience_profile_chart"),
]
