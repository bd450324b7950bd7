"""Declarations of personas, their research and aspirations, scenarios and culture profiles (issue #13
section 1)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from wayfare.core.access import restrict
from wayfare.core.navigation import step_card
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from ..forms_people import PersonaForm
from ..models import HUMAN_ONLY_FIELDS, CultureProfile, Persona, PersonaAspiration, PersonaResearch, Scenario
from ..services.people import persona_create, persona_update
from .common import DESIGNERS


def persona_card_context(request: Any, persona: Persona) -> dict[str, Any]:
    """The persona card's aspirations (functional, social, emotional) and research, as the reader may
    see them."""
    user = request.user
    order = {"functional": 0, "social": 1, "emotional": 2}
    aspirations = restrict(PersonaAspiration.objects.filter(persona=persona), user, "view")
    return {
        "aspirations": sorted(aspirations, key=lambda a: (order.get(a.kind, 9), a.pk)),
        "research": list(restrict(PersonaResearch.objects.filter(persona=persona), user, "view")),
    }


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
        form=PersonaForm,
        fields=PersonaForm.Meta.fields,
        create_service=persona_create,  # the picture is checked on every way in (form, API, import)
        update_service=persona_update,
        detail_template="journeys/people/persona_detail.html",
        detail_context=persona_card_context,
        extra={
            "human_only": list(HUMAN_ONLY_FIELDS),
            "card_groups": [
                (_("Who they are"), ["responsibilities", "family", "typical_day", "influences"]),
                (_("What they do"), ["touchpoints", "online_behaviour", "constraints", "pain_points"]),
                (_("What they want"), ["goals", "needs", "looking_for", "hopes_and_dreams"]),
                (_("How to reach them"), ["channels"]),
            ],
        },
        related=[
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
        extra={
            "list_links": [
                (_("Merge scenarios into one map"), "journeys:scenario_merge", "", "journeys.add_journeymap")
            ]
        },
        access=Access(write=DESIGNERS, actions={"page.scenario_merge": ("change", None)}),
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
        detail_template="journeys/people/cultureprofile_detail.html",
        extra={"list_links": [(_("Compare two culture profiles"), "journeys:culture_compare", "")]},
        access=Access(write=DESIGNERS, actions={"page.culture_compare": ("view", None)}),
        step="journeys",
        slug="culture-profiles",
    )
)

for model in (Persona, PersonaAspiration, PersonaResearch, Scenario, CultureProfile):
    grant("CX designer", model, "view add change delete")

step_card(
    "journeys.persona_card",
    label=_("Personas"),
    description=_("Who the customers and users are, what they do and want, drawn from research."),
    url_name="journeys:persona_list",
    step="journeys",
    permission="journeys.view_persona",
    replaces=["journeys.personas"],
)
