"""Pages of the relationship part that the declarations cannot give (issue #12 section 1): moving a
relationship along the journey, the chain of who provides to whom, the guide to relationship types; and
the contexts of the relationship page's ladder and health panels."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _

from wayfare.core.access import has_permission, is_consumer, restrict
from wayfare.core.exceptions import DomainError
from wayfare.core.related import Seen

from ..forms import StepMoveForm
from ..guide import LADDER, MANAGER_ROLES, RELATIONSHIP_TYPES, TRUST_KINDS, TYPE_BY_VALUE
from ..health import CAP_BELOW, HEALTHY_FROM, WATCH_FROM, relationship_health
from ..models import LadderEvidence, RelationshipStepChange, RelationshipType, ServiceRelationship

# The colour of each type on the chain graph (the palette of core/static/wayfare/charts.js).
TYPE_COLOURS: dict[str, str] = {
    RelationshipType.BASIC: "#546e7a",
    RelationshipType.COOPERATIVE: "#1e6fd9",
    RelationshipType.PARTNERSHIP: "#2e7d32",
}


# -- panels of the relationship page --------------------------------------------------------------------
def step_history(request: Any, relationship: ServiceRelationship) -> Any:
    return (
        RelationshipStepChange.objects.restrict(request.user, "view")
        .filter(relationship=relationship)
        .select_related("changed_by")
    )


def ladder_panel_context(request: Any, relationship: ServiceRelationship) -> dict[str, Any]:
    """The five stages, each with the evidence this reader may see, the tools it suggests and whether the
    relationship has reached it."""
    evidence = list(LadderEvidence.objects.restrict(request.user, "view").filter(relationship=relationship))
    reached = relationship.ladder_stage or 0
    stages = [
        {
            "guide": stage,
            "reached": stage.stage <= reached,
            "current": stage.stage == reached,
            "evidence": [e for e in evidence if e.stage == stage.stage],
        }
        for stage in LADDER
    ]
    can_add = has_permission(request.user, LadderEvidence, "add") and not is_consumer(request.user)
    add_url = reverse("relationships:ladderevidence_add") + f"?relationship={relationship.pk}"
    return {
        "stages": stages,
        "can_add_evidence": can_add,
        "add_evidence_url": add_url + "&next=" + request.get_full_path(),
        "manager_roles": MANAGER_ROLES,
    }


def health_panel_context(request: Any, relationship: ServiceRelationship) -> dict[str, Any]:
    return {"health": relationship_health(relationship), **THRESHOLDS}


THRESHOLDS = {"healthy_from": HEALTHY_FROM, "watch_from": WATCH_FROM, "cap_below": CAP_BELOW}


def glance_context(request: Any, relationship: ServiceRelationship) -> dict[str, Any]:
    """What the top of the relationship page shows (``templatetags.relationship_page``), once a request."""
    cache = request.__dict__.setdefault("_relationship_glance", {})
    if relationship.pk not in cache:
        cache[relationship.pk] = _glance(request, relationship)
    return cache[relationship.pk]  # type: ignore[no-any-return]


def _glance(request: Any, relationship: ServiceRelationship) -> dict[str, Any]:
    staff = not is_consumer(request.user)
    return {
        "type_guide": TYPE_BY_VALUE.get(relationship.relationship_type),
        "health": relationship_health(relationship) if staff else None,
        "step_history": step_history(request, relationship) if staff else [],
        "can_move": staff
        and has_permission(request.user, ServiceRelationship, "change")
        and restrict(ServiceRelationship.objects.filter(pk=relationship.pk), request.user, "change").exists(),
        "move_url": reverse("relationships:relationship_move_step", args=[relationship.pk]),
        "chain_url": reverse("relationships:chain"),
        "types_url": reverse("relationships:types"),
        **THRESHOLDS,
    }


# -- pages --------------------------------------------------------------------------------------------
@login_required
def move_step(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a relationship to another journey step; the move is kept in the relationship's history."""
    if not has_permission(request.user, ServiceRelationship, "change"):
        raise PermissionDenied
    relationship = get_object_or_404(
        restrict(ServiceRelationship.objects.all(), request.user, "change"), pk=pk
    )
    form = StepMoveForm(request.POST or None, relationship=relationship)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            from ..services.relationship import relationship_step_move

            try:
                relationship_step_move(
                    relationship=relationship,
                    step=form.cleaned_data["step"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            except DomainError as exc:
                form.add_error("step", str(exc))
            else:
                messages.success(
                    request,
                    _("The relationship moved to the step %(step)s.")
                    % {"step": relationship.get_journey_step_display()},
                )
                return HttpResponseRedirect(relationship.get_absolute_url())
        status = 400
    return render(
        request,
        "relationships/move_step.html",
        {
            "object": relationship,
            "form": form,
            "history": step_history(request, relationship),
            "current_step": "engage",
        },
        status=status,
    )


def chain_data(request: Any) -> dict[str, Any]:
    """The graph of who provides to whom, from the relationships this reader may see (``restrict()``):
    organisations as nodes, relationships as edges provider → consumer. An organisation the reader may not
    open shows as "not shown" (``core.related.Seen``), each one as a node of its own so that nothing about
    it shows either."""
    seen = Seen.of(request)
    relationships = list(
        restrict(ServiceRelationship.objects.all(), request.user, "view").select_related(
            "provider", "consumer"
        )
    )
    seen.prime_objects([r.provider for r in relationships] + [r.consumer for r in relationships])
    nodes: dict[str, dict[str, Any]] = {}

    def node(org: Any) -> str:
        key = f"org-{org.pk}" if seen.may_view(org) else f"hidden-{len(nodes)}"
        if key not in nodes:
            nodes[key] = {"id": key, "name": str(seen.label(org)), "url": seen.link(org) or ""}
        return key

    edges = []
    for rel in relationships:
        edges.append(
            {
                "source": node(rel.provider),
                "target": node(rel.consumer),
                "name": str(rel.translated("name")),
                "type": rel.relationship_type,
                "url": rel.get_absolute_url(),
            }
        )
    types = [
        {"value": value, "label": str(label), "colour": TYPE_COLOURS[value]}
        for value, label in RelationshipType.choices
    ]
    return {"nodes": list(nodes.values()), "edges": edges, "types": types}


@login_required
def chain(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, ServiceRelationship, "view"):
        raise PermissionDenied
    data = chain_data(request)
    return render(
        request,
        "relationships/chain.html",
        {
            "chain": data,
            "current_step": "engage",
            "list_url": reverse("relationships:servicerelationship_list"),
        },
    )


@login_required
def types_guide(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "relationships/types_guide.html",
        {
            "types": RELATIONSHIP_TYPES,
            "trust_kinds": TRUST_KINDS,
            "ladder": LADDER,
            "manager_roles": MANAGER_ROLES,
            "current_step": "engage",
        },
    )


urlpatterns: list[URLPattern] = [
    path("relationships/<int:pk>/move-step/", move_step, name="relationship_move_step"),
    path("chain/", chain, name="chain"),
    path("types/", types_guide, name="types"),
]
