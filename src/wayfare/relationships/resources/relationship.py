"""Declarations of service relationships (issue #12 section 1): the relationship register with its
journey step moves, the ladder evidence, the health measure this part knows, the relationship page's
ladder and health panels and the Engage step's guide."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import CONSUMER_GROUP, share_with_consumers
from wayfare.core.navigation import nav_entry, step_card, step_guide
from wayfare.core.resources import Access, Resource, register
from wayfare.core.roles import ROLES, grant
from wayfare.parties.models import Organisation

from ..api.relationship import RelationshipActions
from ..forms import LadderEvidenceForm, ServiceRelationshipForm
from ..health import health_measure, ladder_progress
from ..models import LadderEvidence, ServiceRelationship
from ..panels import relationship_panel
from ..services.relationship import ladder_evidence_record, ladder_evidence_update, relationship_create
from ..views.relationship import health_panel_context, ladder_panel_context

# Who may do what, as the authorization matrix checks it (core/matrix.py); every staff role reads.
MANAGERS = ("Administrator", "Relationship manager")
STAFF_ROLES = tuple(role.group for role in ROLES if role.group != CONSUMER_GROUP)

register(
    Resource(
        ServiceRelationship,
        columns=["name", "provider", "consumer", "relationship_type", "journey_step", "ladder_stage"],
        filters=["provider", "consumer", "relationship_type", "journey_step", "ladder_stage", "manager"],
        search=["name", "description"],
        translated_fields=["name", "description"],
        select_related=["provider", "consumer", "manager"],
        form=ServiceRelationshipForm,
        fields=ServiceRelationshipForm.Meta.fields,
        create_service=relationship_create,
        # The step moves only through "Move to step" (with history); the stage through ladder evidence.
        detail_fields=[
            "provider",
            "consumer",
            "relationship_type",
            "journey_step",
            "ladder_stage",
            *[
                f
                for f in ServiceRelationshipForm.Meta.fields
                if f not in ("name", "provider", "consumer", "relationship_type")
            ],
        ],
        display_parts=["name"],
        backstage_fields=["internal_notes", "trust_kind"],
        extra={
            "list_links": [
                (_("Why engage at all?"), "relationships:types", "#why-engage"),
                (_("Guide to relationship types"), "relationships:types", ""),
                (_("Chain of service relationships"), "relationships:chain", ""),
            ]
        },
        detail_template="relationships/servicerelationship_detail.html",
        viewset_mixin=RelationshipActions,
        access=Access(
            write=MANAGERS,
            consumer=("view",),
            actions={
                "api.move_step": ("change", None),
                "api.step_history": ("view", None),
                "page.relationship_move_step": ("change", None),
                # backstage pages of other parts, for provider staff only (consumers: 404)
                "page.supplier_impact": ("view", STAFF_ROLES),
                "page.stakeholder_map": ("view", STAFF_ROLES),
            },
        ),
        step="engage",
        slug="relationships",
    )
)
register(
    Resource(
        LadderEvidence,
        columns=["relationship", "stage", "reached_on", "evidence"],
        filters=["relationship", "stage"],
        search=["evidence"],
        translated_fields=["evidence"],
        select_related=["relationship"],
        form=LadderEvidenceForm,
        fields=LadderEvidenceForm.Meta.fields,
        create_service=ladder_evidence_record,
        update_service=ladder_evidence_update,
        access=Access(write=MANAGERS),
        step="engage",
        slug="ladder-evidence",
    )
)

grant("Relationship manager", "relationships", "view add change delete")


def _counterparts(organisation_id: int) -> Any:
    """The organisations on the other side of the consumer organisation's relationships."""
    mine = ServiceRelationship.objects.filter(Q(provider_id=organisation_id) | Q(consumer_id=organisation_id))
    return Organisation.objects.filter(
        Q(pk__in=mine.values("provider_id")) | Q(pk__in=mine.values("consumer_id"))
    ).values("pk")


share_with_consumers(Organisation, _counterparts)
step_card(
    "relationships.chain",
    label=_("Chain of service relationships"),
    description=_("Who provides to whom, as a graph: click a relationship to open it."),
    url_name="relationships:chain",
    step="engage",
    permission="relationships.view_servicerelationship",
    replaces=["engage.relationships"],
)
step_card(
    "relationships.types",
    label=_("Guide to relationship types"),
    description=_("Basic, cooperative or partnership: what each means for both sides, trust and the ladder."),
    url_name="relationships:types",
    step="engage",
)
nav_entry(
    "relationships",
    _("Relationships"),
    "relationships:servicerelationship_list",
    permission="relationships.view_servicerelationship",
    order=20,
)

health_measure(
    "ladder_progress",
    _("Ladder progress for the step"),
    weight=1,
    compute=ladder_progress,
    description=_(
        "The ladder stage reached against the stage expected at the current journey step (a basic "
        "relationship need not go past stage 3). Missing while no stage is reached."
    ),
    order=90,
)

relationship_panel("ladder", "relationships/panels/ladder.html", order=10, context=ladder_panel_context)
relationship_panel(
    "health", "relationships/panels/health.html", order=5, context=health_panel_context, staff_only=True
)

step_guide("engage", "relationships/why_engage.html")
