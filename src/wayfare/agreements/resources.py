"""Declarations of the agreements app: agreements (versioned with their terms and value plan, on the
core's transitions), sign-offs, terms and value plan items (issue #14 section 4)."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import step_card
from wayfare.core.reminders import remind
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant
from wayfare.core.transitions import Transition

from .api import AgreementActions
from .models import (
    Agreement,
    AgreementSignOff,
    AgreementState,
    AgreementTerm,
    ValuePlanItem,
)
from .selectors import agreement_context
from .services import (
    agreement_activate,
    agreement_agree,
    agreement_agree_refusal,
    agreement_delete,
    agreement_end,
    agreement_propose,
    agreement_propose_refusal,
    agreement_resume,
    agreement_review,
    agreement_update,
    agreement_withdraw,
    part_create,
    part_delete,
    part_update,
    sign_off_create,
    sign_off_delete,
    sign_off_update,
)

WRITERS = ("Administrator", "Service level manager", "Relationship manager")
IN_FORCE = [AgreementState.AGREED, AgreementState.ACTIVE, AgreementState.UNDER_REVIEW]

register(
    Resource(
        Agreement,
        columns=["name", "relationship", "basis", "kind", "state", "starts_on", "ends_on", "review_on"],
        filters=["relationship", "basis", "kind", "state", "offerings", "calendar"],
        search=["name", "summary", "scope"],
        translated_fields=["name", "summary", "scope"],
        select_related=["relationship", "calendar"],
        fields=[
            "name",
            "relationship",
            "basis",
            "kind",
            "offerings",
            "calendar",
            "summary",
            "scope",
            "starts_on",
            "ends_on",
            "review_on",
            "internal_notes",
        ],
        detail_fields=[
            "relationship",
            "basis",
            "kind",
            "state",
            "offerings",
            "calendar",
            "summary",
            "scope",
            "starts_on",
            "ends_on",
            "review_on",
            "agreed_on",
            "internal_notes",
        ],
        related=[
            Related(AgreementTerm, "agreement"),
            Related(ValuePlanItem, "agreement"),
            Related(AgreementSignOff, "agreement"),
        ],
        backstage_fields=["internal_notes"],
        update_service=agreement_update,
        delete_service=agreement_delete,
        access=Access(
            write=WRITERS,
            consumer=("view",),
            actions={"page.agreement_sign": ("view", None), "api.standing": ("view", None)},
        ),
        viewset_mixin=AgreementActions,
        versioned=True,
        version_children=["terms", "plan_items"],
        version_skip=["state", "agreed_on", "review_on", "internal_notes"],
        detail_template="agreements/agreement_detail.html",
        detail_context=agreement_context,
        transitions=[
            Transition(
                "propose",
                _("Propose"),
                source=[AgreementState.DRAFT],
                target=AgreementState.PROPOSED,
                service=agreement_propose,
                guard=agreement_propose_refusal,
                field="state",
                description=_("Both sides see it as version 1; every later change makes a new version."),
            ),
            Transition(
                "withdraw",
                _("Back to draft"),
                source=[AgreementState.PROPOSED],
                target=AgreementState.DRAFT,
                service=agreement_withdraw,
                field="state",
                confirm=_("People of the consumer no longer see it; its versions and sign-offs stay."),
            ),
            Transition(
                "agree",
                _("Agree"),
                source=[AgreementState.PROPOSED],
                target=AgreementState.AGREED,
                service=agreement_agree,
                guard=agreement_agree_refusal,
                field="state",
                description=_("A formal agreement needs both sides' sign-off of its latest version."),
            ),
            Transition(
                "activate",
                _("Put in force"),
                source=[AgreementState.AGREED],
                target=AgreementState.ACTIVE,
                service=agreement_activate,
                field="state",
            ),
            Transition(
                "review",
                _("Start a review"),
                source=[AgreementState.ACTIVE],
                target=AgreementState.UNDER_REVIEW,
                service=agreement_review,
                field="state",
            ),
            Transition(
                "resume",
                _("Review done"),
                source=[AgreementState.UNDER_REVIEW],
                target=AgreementState.ACTIVE,
                service=agreement_resume,
                field="state",
            ),
            Transition(
                "end",
                _("End"),
                source=[AgreementState.PROPOSED, *IN_FORCE],
                target=AgreementState.ENDED,
                service=agreement_end,
                field="state",
                confirm=_("An ended agreement can no longer change or be signed."),
            ),
        ],
        step="agree",
        slug="agreements",
        duplicate_check=["name"],
    )
)
register(
    Resource(
        AgreementTerm,
        columns=["agreement", "aspect", "metric", "comparator", "target", "unit", "measured_every"],
        filters=["agreement", "aspect", "layer", "measured_every", "measured_by_party"],
        search=["metric", "measured_how"],
        translated_fields=["metric", "unit", "measured_how"],
        select_related=["agreement", "value_driver", "measured_by"],
        fields=[
            "agreement",
            "aspect",
            "layer",
            "value_driver",
            "metric",
            "comparator",
            "target",
            "unit",
            "business_time",
            "measured_how",
            "measured_every",
            "measured_by_party",
            "measured_by",
        ],
        create_service=part_create(AgreementTerm),
        update_service=part_update,
        delete_service=part_delete,
        access=Access(write=WRITERS, consumer=("view",)),
        step="agree",
        slug="terms",
    )
)
register(
    Resource(
        ValuePlanItem,
        columns=["indicator", "agreement", "evidence", "expected_on", "tracked_by", "review_every"],
        filters=["agreement", "evidence", "tracked_by_party", "review_every"],
        search=["indicator", "note"],
        translated_fields=["indicator", "note"],
        select_related=["agreement", "term", "tracked_by"],
        create_service=part_create(ValuePlanItem),
        update_service=part_update,
        delete_service=part_delete,
        access=Access(write=WRITERS, consumer=("view",)),
        step="agree",
        slug="value-plan",
    )
)
register(
    Resource(
        AgreementSignOff,
        columns=["agreement", "version", "side", "person", "signed_on", "recorded_by"],
        filters=["agreement", "side", "person"],
        search=["note"],
        select_related=["agreement", "person", "recorded_by"],
        fields=["agreement", "person", "note"],
        create_service=sign_off_create,
        update_service=sign_off_update,
        delete_service=sign_off_delete,
        access=Access(write=WRITERS, consumer=("view", "add")),
        consumer_actions=["add"],  # a customer or sponsor signs from their own account
        step="agree",
        slug="sign-offs",
    )
)

for model in (Agreement, AgreementTerm, ValuePlanItem, AgreementSignOff):
    for role in ("Service level manager", "Relationship manager"):
        grant(role, model, "view add change delete")


def _manager(row):  # type: ignore[no-untyped-def]
    return [row.relationship.manager]


def _tracker(row):  # type: ignore[no-untyped-def]
    people = [row.agreement.relationship.manager]
    if row.tracked_by_id and row.tracked_by.user_id:
        people.append(row.tracked_by.user)
    return people


remind(
    Agreement,
    "review_on",
    label=_("Review the agreement"),
    recipients=_manager,
    open_rows=lambda rows: rows.exclude(state__in=[AgreementState.DRAFT, AgreementState.ENDED]),
    lead_days=7,
)
remind(
    ValuePlanItem,
    "expected_on",
    label=_("Check that the expected value came"),
    recipients=_tracker,
    open_rows=lambda rows: rows.filter(agreement__state__in=IN_FORCE),
    lead_days=7,
)
step_card(
    "agreements",
    step="agree",
    label=_("Agreements"),
    description=_(
        "What both sides agree about value: terms on outcomes, utility, warranty and experience, "
        "sign-off by both sides, versions, and the plan that tracks value."
    ),
    url_name="agreements:agreement_list",
    permission="agreements.view_agreement",
    home=True,
    replaces=["agree.agreements", "agree.targets"],
)
