"""Declarations of the stakeholders part (issue #12 section 2): the stakeholder and position registers,
the revisit reminder, the relationship page's panel and the health measure.

Everything here is backstage (the provider's own analysis): consumers see none of it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import has_permission
from wayfare.core.navigation import step_card
from wayfare.core.reminders import remind
from wayfare.core.resources import Access, Related, Resource, register

from ..health import health_measure
from ..models import Stakeholder, StakeholderPosition
from ..panels import relationship_panel
from ..services.stakeholders import (
    stakeholder_create,
    stakeholder_position_create,
    stakeholder_position_delete,
    stakeholder_position_update,
    stakeholder_summary,
    stakeholder_update,
    stakeholders_current_share,
)
from ..views.stakeholders import StakeholderActions
from .relationship import MANAGERS

STAKEHOLDER_FIELDS = [
    "relationship",
    "name",
    "kind",
    "person",
    "organisation",
    "side",
    "category",
    "influence",
    "interest",
    "revisit_by",
    "functional_aspiration",
    "social_aspiration",
    "emotional_aspiration",
    "notes",
]

register(
    Resource(
        Stakeholder,
        columns=[
            "name",
            "relationship",
            "kind",
            "category",
            "influence",
            "interest",
            "approach",
            "revisit_by",
        ],
        filters=["relationship", "approach", "category", "kind", "side"],
        search=["name", "notes", "functional_aspiration", "social_aspiration", "emotional_aspiration"],
        translated_fields=[
            "name",
            "functional_aspiration",
            "social_aspiration",
            "emotional_aspiration",
            "notes",
        ],
        select_related=["relationship"],
        fields=STAKEHOLDER_FIELDS,
        detail_fields=[*STAKEHOLDER_FIELDS[:9], "approach", *STAKEHOLDER_FIELDS[9:]],
        related=[Related(StakeholderPosition, "stakeholder")],
        create_service=stakeholder_create,
        update_service=stakeholder_update,
        display_parts=["name"],
        detail_template="relationships/stakeholder_detail.html",
        viewset_mixin=StakeholderActions,
        access=Access(
            write=MANAGERS,
            actions={"api.reassess": ("change", None), "page.stakeholder_reassess": ("change", None)},
        ),
        step="engage",
        slug="stakeholders",
    )
)

register(
    Resource(
        StakeholderPosition,
        columns=["stakeholder", "assessed_on", "influence", "interest", "approach", "assessed_by"],
        filters=["stakeholder", "approach"],
        search=["note"],
        translated_fields=["note"],
        fields=["stakeholder", "assessed_on", "influence", "interest", "note"],
        detail_fields=[
            "stakeholder",
            "assessed_on",
            "influence",
            "interest",
            "approach",
            "note",
            "assessed_by",
        ],
        select_related=["stakeholder", "assessed_by"],
        ordering=["stakeholder__name", "-assessed_on", "-pk"],
        create_service=stakeholder_position_create,
        update_service=stakeholder_position_update,
        delete_service=stakeholder_position_delete,
        display_parts=["stakeholder"],
        access=Access(write=MANAGERS),
        step="engage",
        slug="stakeholder-positions",
    )
)


def _revisit_recipients(stakeholder: Stakeholder) -> list[Any]:
    """The relationship's manager; for our own map, whoever added the stakeholder."""
    return [stakeholder.relationship.manager if stakeholder.relationship else stakeholder.created_by]


remind(
    Stakeholder,
    "revisit_by",
    label=_("Revisit the stakeholder's place on the map"),
    recipients=_revisit_recipients,
    open_rows=lambda qs: qs.filter(revisit_by__isnull=False).select_related(
        "relationship__manager", "created_by"
    ),
)


def stakeholder_panel_context(request: Any, relationship: Any) -> dict[str, Any] | None:
    if not has_permission(request.user, Stakeholder, "view"):
        return None
    summary = stakeholder_summary(user=request.user, relationship=relationship)
    return {
        **summary,
        "map_url": reverse("relationships:stakeholder_map", args=[relationship.pk]),
        "list_url": reverse("relationships:stakeholder_list") + f"?relationship={relationship.pk}",
        "can_add": has_permission(request.user, Stakeholder, "add"),
        "add_url": reverse("relationships:stakeholder_add") + f"?relationship={relationship.pk}",
    }


relationship_panel(
    "stakeholders",
    "relationships/panels/stakeholders.html",
    order=30,
    context=stakeholder_panel_context,
    staff_only=True,
)

health_measure(
    "stakeholders",
    _("Stakeholder map up to date"),
    weight=1,
    compute=stakeholders_current_share,
    description=_(
        "Share of the relationship's stakeholders whose revisit date has not passed (a stakeholder with "
        "no revisit date counts as up to date). Missing when the relationship has no stakeholders."
    ),
    order=30,
)

step_card(
    "relationships.stakeholder_map",
    step="engage",
    label=_("Our stakeholder map"),
    description=_(
        "Who can sway our work and how much they care, on influence and interest, with every earlier "
        "position kept."
    ),
    url_name="relationships:stakeholder_map_own",
    permission="relationships.view_stakeholder",
    replaces=["engage.stakeholder_maps"],
)
