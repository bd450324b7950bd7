"""Declarations of offerings and what they hold (issue #14 section 1). A consumer's people see the
published offerings meant for their organisation and their elements; charges, outcomes, costs and risks
reach them only through the catalogue's audience views (``selectors.catalogue``), which know who is a
sponsor, a customer or a user."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant
from wayfare.core.transitions import Transition

from ..api import CatalogueActions
from ..models import (
    Charge,
    DemandRecord,
    OfferingEffect,
    OfferingElement,
    OfferingState,
    RiskAcceptance,
    ServiceOffering,
)
from ..services.offerings import (
    offering_publish,
    offering_publish_refusal,
    offering_redraft,
    offering_withdraw,
    risk_acceptance_create,
    risk_acceptance_update,
)
from .common import NEED_WRITERS, SERVICE_MANAGERS

register(
    Resource(
        ServiceOffering,
        columns=["name", "service", "target_group", "state", "published_on"],
        filters=["service", "state", "target_organisations", "needs"],
        search=["name", "summary", "what_it_does", "target_group"],
        translated_fields=[
            "name",
            "target_group",
            "summary",
            "what_it_does",
            "how_to_ask",
            "performance",
            "constraints",
            "technical",
        ],
        select_related=["service"],
        fields=[
            "name",
            "service",
            "target_group",
            "target_organisations",
            "needs",
            "summary",
            "what_it_does",
            "how_to_ask",
            "performance",
            "constraints",
            "technical",
            "internal_notes",
        ],
        detail_fields=[
            "service",
            "target_group",
            "target_organisations",
            "needs",
            "state",
            "published_on",
            "summary",
            "what_it_does",
            "how_to_ask",
            "performance",
            "constraints",
            "technical",
            "internal_notes",
        ],
        related=[
            Related(OfferingElement, "offering"),
            Related(Charge, "offering"),
            Related(OfferingEffect, "offering"),
            Related(DemandRecord, "offering"),
        ],
        backstage_fields=["internal_notes", "target_organisations", "technical"],
        access=Access(write=SERVICE_MANAGERS, consumer=("view",), actions={"api.catalogue": ("view", None)}),
        viewset_mixin=CatalogueActions,
        transitions=[
            Transition(
                "publish",
                _("Publish"),
                source=[OfferingState.DRAFT, OfferingState.WITHDRAWN],
                target=OfferingState.PUBLISHED,
                service=offering_publish,
                guard=offering_publish_refusal,
                field="state",
                description=_("Into the catalogue of the organisations it is offered to."),
            ),
            Transition(
                "withdraw",
                _("Withdraw"),
                source=[OfferingState.PUBLISHED],
                target=OfferingState.WITHDRAWN,
                service=offering_withdraw,
                field="state",
                confirm=_("Consumers no longer see it in their catalogue."),
            ),
            Transition(
                "redraft",
                _("Back to draft"),
                source=[OfferingState.WITHDRAWN],
                target=OfferingState.DRAFT,
                service=offering_redraft,
                field="state",
            ),
        ],
        step="offer",
        slug="offerings",
        duplicate_check=["name"],
    )
)
register(
    Resource(
        OfferingElement,
        columns=["name", "offering", "kind", "product"],
        filters=["offering", "kind", "product"],
        search=["name", "description"],
        translated_fields=["name", "description"],
        select_related=["offering", "product"],
        access=Access(write=SERVICE_MANAGERS, consumer=("view",)),
        step="offer",
        slug="offering-elements",
    )
)
register(
    Resource(
        Charge,
        columns=["name", "offering", "amount", "currency", "unit"],
        filters=["offering", "currency", "unit"],
        search=["name", "note"],
        translated_fields=["name", "note"],
        select_related=["offering"],
        access=Access(write=SERVICE_MANAGERS),
        step="offer",
        slug="charges",
    )
)
register(
    Resource(
        OfferingEffect,
        columns=["offering", "category", "direction", "description", "cost_kind", "borne_by"],
        filters=["offering", "category", "direction", "cost_kind", "borne_by"],
        search=["description", "mitigation"],
        translated_fields=["description", "amount_unit", "mitigation"],
        select_related=["offering", "borne_by_organisation"],
        related=[Related(RiskAcceptance, "effect")],
        access=Access(write=SERVICE_MANAGERS),
        step="offer",
        slug="effects",
    )
)
register(
    Resource(
        RiskAcceptance,
        columns=["effect", "organisation", "person", "accepted_on", "recorded_by"],
        filters=["effect", "organisation", "person"],
        search=["note"],
        translated_fields=["note"],
        select_related=["effect", "organisation", "person", "recorded_by"],
        fields=["effect", "organisation", "person", "accepted_on", "note"],
        create_service=risk_acceptance_create,
        update_service=risk_acceptance_update,
        access=Access(write=NEED_WRITERS, consumer=("view",)),
        step="offer",
        slug="risk-acceptances",
    )
)

for model in (ServiceOffering, OfferingElement, Charge, OfferingEffect):
    grant("Service level manager", model, "view add change delete")
for role in ("Service level manager", "Relationship manager"):
    grant(role, RiskAcceptance, "view add change delete")
