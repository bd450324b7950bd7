"""Declarations of map reviews (the eight customer-experience questions), design work and Johari window
entries (issue #13 sections 2 and 4)."""

from wayfare.core.resources import Access, Resource, register
from wayfare.core.roles import grant

from ..models import DesignWork, JohariEntry, MapReviewAnswer
from .common import DESIGNERS

register(
    Resource(
        MapReviewAnswer,
        columns=["journey_map", "question", "status", "stage"],
        filters=["journey_map", "question", "status"],
        search=["answer"],
        translated_fields=["answer"],
        select_related=["journey_map", "stage"],
        access=Access(write=DESIGNERS),
        slug="review-answers",
    )
)
register(
    Resource(
        DesignWork,
        columns=["journey_map", "design_stage", "principle", "activity", "status", "due"],
        filters=["journey_map", "design_stage", "principle", "status"],
        search=["activity", "notes", "evidence"],
        translated_fields=["activity", "notes", "evidence"],
        select_related=["journey_map"],
        access=Access(write=DESIGNERS),
        slug="design-work",
    )
)
register(
    Resource(
        JohariEntry,
        columns=["pane", "text", "relationship", "journey_map", "done"],
        filters=["journey_map", "pane", "done"],
        search=["text", "action"],
        translated_fields=["text", "action"],
        select_related=["relationship", "journey_map"],
        access=Access(write=DESIGNERS),
        slug="johari",
    )
)

for model in (MapReviewAnswer, DesignWork, JohariEntry):
    grant("CX designer", model, "view add change delete")
