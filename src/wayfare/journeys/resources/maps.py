"""Declarations of journey maps and what they hold: stages, emotions, touchpoints, links and comments
(issue #13 section 2). The map is versioned with all its child rows; consumers see published maps of
their relationships only (``JourneyMap.frontstage_rows``), never a child row on its own."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import step_card
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant

from ..forms_maps import JourneyStageForm, TouchpointForm
from ..models import JourneyMap, JourneyStage, StageComment, StageEmotion, Touchpoint, TouchpointLink
from ..services.maps import journey_map_mark_published, stage_comment_add
from .common import DESIGNERS, STAFF_ROLES

register(
    Resource(
        JourneyMap,
        columns=["name", "relationship", "event_log", "published_number"],
        filters=["relationship", "event_log", "personas"],
        search=["name", "description", "scope"],
        translated_fields=["name", "description", "scope"],
        select_related=["relationship", "event_log"],
        fields=[
            "name",
            "relationship",
            "personas",
            "description",
            "scope",
            "event_log",
            "log_filters",
            "internal_notes",
        ],
        detail_fields=[
            "relationship",
            "personas",
            "description",
            "scope",
            "event_log",
            "log_filters",
            "internal_notes",
            "published_number",
        ],
        related=[Related(JourneyStage, "journey_map")],
        display_parts=["name"],
        backstage_fields=["event_log", "log_filters", "internal_notes"],
        access=Access(
            write=DESIGNERS,
            consumer=("view",),
            actions={
                "page.map_document": ("view", None),  # its POST (the editor's writes) needs "change"
                "page.map_blueprint": ("view", None),
                "page.map_export": ("view", None),
                "page.map_observed": ("view", STAFF_ROLES),  # the event log's figures are backstage
                "page.map_review": ("view", STAFF_ROLES),  # review, design work, Johari: backstage
                "page.map_design": ("view", STAFF_ROLES),
                "page.map_johari": ("view", STAFF_ROLES),
            },
        ),
        step="journeys",
        slug="maps",
        extra={
            "list_links": [
                (_("Import a journey map from a file"), "journeys:map_import", "", "journeys.add_journeymap"),
                (_("Merge scenarios into one map"), "journeys:scenario_merge", "", "journeys.add_journeymap"),
            ]
        },
        versioned=True,
        version_children=["stages", "touchpoints", "emotions", "links"],
        version_skip=["published_number"],
        on_publish=journey_map_mark_published,
        detail_template="journeys/journeymap_detail.html",
    )
)
register(
    Resource(
        JourneyStage,
        columns=["position", "name", "step", "phase", "journey_map"],
        form=JourneyStageForm,
        filters=["journey_map", "step", "phase"],
        search=["name", "customer_actions", "pain_points"],
        translated_fields=[
            "name",
            "customer_actions",
            "thoughts",
            "pain_points",
            "opportunities",
            "moments_of_truth",
            "provider_teams",
            "consumer_goals",
            "provider_goals",
            "data_sources",
            "past_improvements",
            "support_processes",
            "backstage_notes",
        ],
        select_related=["journey_map"],
        related=[Related(Touchpoint, "stage"), Related(StageEmotion, "stage")],
        access=Access(write=DESIGNERS),
        slug="stages",
    )
)
register(
    Resource(
        StageEmotion,
        columns=["stage", "persona", "as_is", "to_be"],
        filters=["journey_map", "stage", "persona"],
        select_related=["stage", "stage__journey_map", "persona", "journey_map"],
        access=Access(write=DESIGNERS),
        slug="emotions",
    )
)
register(
    Resource(
        Touchpoint,
        form=TouchpointForm,
        columns=["name", "stage", "channel", "kind", "lane", "third_party"],
        filters=[
            "journey_map",
            "stage",
            "channel",
            "kind",
            "interaction_form",
            "lane",
            "aspect",
            "third_party",
        ],
        search=["name", "description"],
        translated_fields=["name", "description"],
        select_related=["stage", "stage__journey_map", "journey_map", "third_party"],
        access=Access(write=DESIGNERS),
        slug="touchpoints",
    )
)
register(
    Resource(
        TouchpointLink,
        columns=["source", "target", "kind", "label"],
        filters=["journey_map", "kind"],
        search=["label"],
        translated_fields=["label"],
        select_related=["source", "target", "journey_map"],
        access=Access(write=DESIGNERS),
        slug="links",
    )
)
register(
    Resource(
        StageComment,
        columns=["stage", "author", "text", "resolved", "created"],
        fields=["journey_map", "stage", "text", "resolved"],
        create_service=stage_comment_add,
        filters=["journey_map", "stage", "resolved"],
        search=["text"],
        select_related=["stage", "stage__journey_map", "author", "journey_map"],
        access=Access(write=DESIGNERS),
        slug="comments",
    )
)

for model in (JourneyMap, JourneyStage, StageEmotion, Touchpoint, TouchpointLink, StageComment):
    grant("CX designer", model, "view add change delete")

step_card(
    "journeys.maps",
    step="journeys",
    home=True,
    label=_("Journey design studio"),
    description=_(
        "Personas, scenarios, journey maps and service blueprints, held against the journeys people really "
        "take."
    ),
    url_name="journeys:journeymap_list",
    permission="journeys.view_journeymap",
    replaces=["journeys.maps"],
)
