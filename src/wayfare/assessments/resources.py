"""Declarations of the assessment engine (issue #12 section 3): templates and their parts (provider staff
only), assessments (a consumer's people see those their own side made) and follow-up actions (backstage)."""

from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import nav_entry, step_card
from wayfare.core.reminders import remind
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant
from wayfare.core.transitions import Transition

from .api.views import AssessmentActions
from .forms import AnswerScaleForm, AssessmentForm, AssessmentTemplateForm
from .models import (
    ActionStatus,
    AnswerScale,
    Assessment,
    AssessmentState,
    AssessmentTemplate,
    FollowUpAction,
    TemplateItem,
    TemplateSection,
)
from .services import assessment_complete, assessment_create, assessment_unanswered

MANAGERS = ("Administrator", "Relationship manager")
STAFF_WRITE = Access(write=MANAGERS)

register(
    Resource(
        AnswerScale,
        columns=["name", "code"],
        search=["name", "code"],
        translated_fields=["name"],
        form=AnswerScaleForm,
        fields=AnswerScaleForm.Meta.fields,
        access=STAFF_WRITE,
        slug="scales",
    )
)
register(
    Resource(
        AssessmentTemplate,
        columns=["name", "code", "cumulative_levels", "built_in"],
        filters=["cumulative_levels", "built_in"],
        search=["name", "code", "description"],
        translated_fields=["name", "description"],
        related=[Related(TemplateSection, "template")],
        form=AssessmentTemplateForm,
        fields=AssessmentTemplateForm.Meta.fields,
        detail_fields=["code", "description", "relevance", "cumulative_levels", "built_in"],
        access=STAFF_WRITE,
        step="engage",
        slug="templates",
    )
)
register(
    Resource(
        TemplateSection,
        columns=["title", "template", "position", "weight", "level"],
        filters=["template", "level"],
        search=["title", "code"],
        translated_fields=["title"],
        related=[Related(TemplateItem, "section")],
        select_related=["template"],
        access=STAFF_WRITE,
        slug="sections",
    )
)
register(
    Resource(
        TemplateItem,
        columns=["text", "section", "position", "weight", "scale", "reference"],
        filters=["section", "scale", "reference"],
        search=["text", "code"],
        translated_fields=["text", "help"],
        select_related=["section", "scale"],
        ordering=["-pk"],  # the newest first: built-in templates hold many items
        access=STAFF_WRITE,
        slug="items",
    )
)

ASSESSMENT_TRANSITIONS = [
    Transition(
        "complete",
        _("Complete"),
        source=[AssessmentState.DRAFT],
        target=AssessmentState.COMPLETED,
        service=assessment_complete,
        guard=assessment_unanswered,
        field="state",
        confirm=_("A completed assessment keeps its answers as they are; it can no longer be changed."),
        description=_("Close the assessment: its scores count from now on."),
    )
]

register(
    Resource(
        Assessment,
        columns=["template", "assessed_on", "organisation", "made_by", "assessed_party", "state"],
        filters=["template", "organisation", "made_by", "assessed_party", "state"],
        search=["assessor"],
        form=AssessmentForm,
        fields=AssessmentForm.Meta.fields,
        detail_fields=[
            "template",
            "organisation",
            "made_by",
            "assessed_party",
            "assessed_on",
            "assessor",
            "state",
            "notes",
        ],
        create_service=assessment_create,
        select_related=["template", "organisation"],
        backstage_fields=["notes"],
        related=[Related(FollowUpAction, "assessment")],
        detail_template="assessments/assessment_detail.html",
        viewset_mixin=AssessmentActions,
        transitions=ASSESSMENT_TRANSITIONS,
        access=Access(
            write=MANAGERS,
            consumer=("view",),
            actions={
                "api.answers": ("change", None),
                "page.assessment_fill": ("change", None),
                "page.assessment_compare": ("view", None),
                "page.assessment_gaps": ("change", None),
            },
        ),
        step="engage",
        slug="assessments",
    )
)
register(
    Resource(
        FollowUpAction,
        columns=["title", "assessment", "owner", "due", "status"],
        filters=["assessment", "owner", "status"],
        search=["title"],
        translated_fields=["title"],
        select_related=["assessment", "assessment__template", "owner"],
        access=STAFF_WRITE,
        step="engage",
        slug="actions",
    )
)

grant("Relationship manager", "assessments", "view add change delete")
nav_entry(
    "assessments",
    _("Assessments"),
    "assessments:assessment_list",
    permission="assessments.view_assessment",
    order=25,
)
step_card(
    "assessments",
    step="engage",
    label=_("Trust and readiness assessments"),
    description=_(
        "Three Cs of trust, provider capabilities, maturity and readiness, from either side, with scores, "
        "history and gaps turned into actions."
    ),
    url_name="assessments:assessment_list",
    permission="assessments.view_assessment",
    replaces=["engage.trust"],
)
remind(
    FollowUpAction,
    "due",
    label=_("Follow-up action of an assessment is due"),
    recipients=lambda a: [a.owner],
    open_rows=lambda qs: qs.filter(status=ActionStatus.OPEN),
)
