"""Declarations of needs and requirements (issue #14 section 3)."""

from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from ..models import BusinessCase, Need, Requirement, ServiceOffering, ValueDriverTree
from .common import NEED_WRITERS

register(
    Resource(
        Need,
        columns=["title", "organisation", "relationship", "status", "segment"],
        filters=["organisation", "relationship", "status"],
        search=["title", "problem", "causes", "effects", "context"],
        translated_fields=["title", "problem", "causes", "effects", "context", "segment"],
        select_related=["organisation", "relationship"],
        fields=[
            "title",
            "organisation",
            "relationship",
            "segment",
            "status",
            "problem",
            "causes",
            "effects",
            "context",
            "internal_notes",
        ],
        related=[
            Related(Requirement, "need"),
            Related(ServiceOffering, "needs"),
            Related(BusinessCase, "need"),
            Related(ValueDriverTree, "need"),
        ],
        backstage_fields=["internal_notes"],
        access=Access(write=NEED_WRITERS, consumer=("view",)),
        step="offer",
        slug="needs",
    )
)
register(
    Resource(
        Requirement,
        columns=["text", "need", "kind", "priority"],
        filters=["need", "kind", "priority"],
        search=["text", "acceptance"],
        translated_fields=["text", "acceptance"],
        select_related=["need"],
        access=Access(write=NEED_WRITERS, consumer=("view",)),
        step="offer",
        slug="requirements",
    )
)

for model in (Need, Requirement):
    grant("Service level manager", model, "view add change delete")
    grant("Relationship manager", model, "view add change delete")
