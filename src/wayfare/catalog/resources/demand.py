"""Declarations of demand and capacity, their measures, and business cases with their options
(issue #14 section 3). All backstage: the provider's own planning."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant
from wayfare.core.transitions import Transition

from ..models import BusinessCase, BusinessCaseOption, CaseDecision, DemandMeasure, DemandRecord
from ..selectors import case_context, demand_context
from ..services.business import (
    business_case_approval_refusal,
    business_case_approve,
    business_case_decision_refusal,
    business_case_defer,
    business_case_reject,
    business_case_reopen,
)
from .common import NEED_WRITERS, SERVICE_MANAGERS

register(
    Resource(
        DemandRecord,
        columns=["name", "offering", "starts", "ends", "demand", "capacity", "unit"],
        filters=["offering"],
        search=["name", "pattern", "user_profile"],
        translated_fields=["name", "pattern", "user_profile", "unit"],
        select_related=["offering"],
        related=[Related(DemandMeasure, "record")],
        detail_template="catalog/demandrecord_detail.html",
        detail_context=demand_context,
        access=Access(write=SERVICE_MANAGERS),
        step="offer",
        slug="demand",
    )
)
register(
    Resource(
        DemandMeasure,
        columns=["description", "record", "kind", "effect", "status", "due", "owner"],
        filters=["record", "kind", "status", "owner"],
        search=["description"],
        translated_fields=["description"],
        select_related=["record", "owner"],
        access=Access(write=SERVICE_MANAGERS),
        step="offer",
        slug="demand-measures",
    )
)
register(
    Resource(
        BusinessCase,
        columns=["title", "need", "decision", "chosen", "decided_by", "decided_on"],
        filters=["need", "decision", "decided_by"],
        search=["title", "summary", "decision_note"],
        translated_fields=["title", "summary", "decision_note"],
        select_related=["need", "chosen", "decided_by"],
        fields=["title", "need", "summary", "horizon_years", "currency", "chosen", "decision_note"],
        detail_fields=[
            "need",
            "summary",
            "horizon_years",
            "currency",
            "chosen",
            "decision",
            "decided_by",
            "decided_on",
            "decision_note",
        ],
        related=[Related(BusinessCaseOption, "case")],
        detail_template="catalog/businesscase_detail.html",
        detail_context=case_context,
        access=Access(write=NEED_WRITERS),
        transitions=[
            Transition(
                "approve",
                _("Approve"),
                source=[CaseDecision.OPEN, CaseDecision.DEFERRED],
                target=CaseDecision.APPROVED,
                service=business_case_approve,
                guard=business_case_approval_refusal,
                field="decision",
                description=_("Go ahead with the chosen option."),
            ),
            Transition(
                "reject",
                _("Reject"),
                source=[CaseDecision.OPEN, CaseDecision.DEFERRED],
                target=CaseDecision.REJECTED,
                service=business_case_reject,
                guard=business_case_decision_refusal,
                field="decision",
            ),
            Transition(
                "defer",
                _("Defer"),
                source=[CaseDecision.OPEN],
                target=CaseDecision.DEFERRED,
                service=business_case_defer,
                guard=business_case_decision_refusal,
                field="decision",
            ),
            Transition(
                "reopen",
                _("Reopen"),
                source=[CaseDecision.APPROVED, CaseDecision.REJECTED, CaseDecision.DEFERRED],
                target=CaseDecision.OPEN,
                service=business_case_reopen,
                field="decision",
                confirm=_("The decision, who took it and when are cleared; the history keeps them."),
            ),
        ],
        step="offer",
        slug="business-cases",
    )
)
register(
    Resource(
        BusinessCaseOption,
        columns=["name", "case", "do_nothing", "one_off_cost", "yearly_cost", "yearly_benefit"],
        filters=["case", "do_nothing"],
        search=["name", "outcomes", "risks"],
        translated_fields=["name", "outcomes", "costs", "risks", "mitigations", "residual_risk"],
        select_related=["case"],
        access=Access(write=NEED_WRITERS),
        step="offer",
        slug="business-case-options",
    )
)

for planning in (DemandRecord, DemandMeasure):
    grant("Service level manager", planning, "view add change delete")
for case_model in (BusinessCase, BusinessCaseOption):
    grant("Service level manager", case_model, "view add change delete")
    grant("Relationship manager", case_model, "view add change delete")
