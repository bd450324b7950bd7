"""Declarations of service relationships (issue #12 section 1)."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import nav_entry
from wayfare.core.resources import Access, Resource, register
from wayfare.core.roles import grant

from ..forms import ServiceRelationshipForm
from ..models import ServiceRelationship

# Who may do what, as the authorization matrix checks it (core/matrix.py); every staff role reads.
MANAGERS = ("Administrator", "Relationship manager")

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
        display_parts=["name"],
        backstage_fields=["internal_notes", "trust_kind"],
        access=Access(write=MANAGERS, consumer=("view",)),
        step="engage",
        slug="relationships",
    )
)

grant("Relationship manager", "relationships", "view add change delete")
nav_entry(
    "relationships",
    _("Relationships"),
    "relationships:servicerelationship_list",
    permission="relationships.view_servicerelationship",
    order=20,
)
