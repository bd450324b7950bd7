"""Declarations of personas, their research and aspirations, scenarios and culture profiles (issue #13
section 1)."""

from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from ..models import CultureProfile, Persona, PersonaAspiration, PersonaResearch, Scenario
from .common import DESIGNERS

register(
    Resource(
        Persona,
        columns=["name", "segment", "is_machine", "relationship"],
        filters=["is_machine", "relationship"],
        search=["name", "segment", "summary"],
        translated_fields=[
            "name",
            "segment",
            "summary",
            "responsibilities",
            "goals",
            "needs",
            "family",
            "typical_day",
            "pain_points",
            "touchpoints",
            "constraints",
            "channels",
            "online_behaviour",
            "looking_for",
            "influences",
            "hopes_and_dreams",
        ],
        select_related=["relationship"],
        related=[
            Related(PersonaAspiration, "persona"),
            Related(PersonaResearch, "persona"),
            Related(Scenario, "persona"),
            Related(CultureProfile, "persona"),
        ],
        access=Access(write=DESIGNERS),
        step="journeys",
        slug="personas",
    )
)
register(
    Resource(
        PersonaAspiration,
        columns=["persona", "kind", "text"],
        filters=["persona", "kind"],
        search=["text"],
        translated_fields=["text"],
        select_related=["persona"],
        access=Access(write=DESIGNERS),
        slug="aspirations",
    )
)
register(
    Resource(
        PersonaResearch,
        columns=["persona", "kind", "title", "held_on"],
        filters=["persona", "kind"],
        search=["title", "findings"],
        translated_fields=["title", "findings"],
        select_related=["persona"],
        access=Access(write=DESIGNERS),
        slug="research",
    )
)
register(
    Resource(
        Scenario,
        columns=["name", "persona", "journey_map", "position"],
        filters=["persona", "journey_map"],
        search=["name", "who", "why", "goal", "how", "context"],
        translated_fields=["name", "who", "why", "goal", "how", "context"],
        select_related=["persona", "journey_map"],
        access=Access(write=DESIGNERS),
        step="journeys",
        slug="scenarios",
    )
)
register(
    Resource(
        CultureProfile,
        columns=["name", "persona", "segment"],
        filters=["persona"],
        search=["name", "segment", "notes"],
        translated_fields=["name", "segment", "notes"],
        select_related=["persona"],
        access=Access(write=DESIGNERS),
        step="journeys",
        slug="culture-profiles",
    )
)

for model in (Persona, PersonaAspiration, PersonaResearch, Scenario, CultureProfile):
    grant("CX designer", model, "view add change delete")
