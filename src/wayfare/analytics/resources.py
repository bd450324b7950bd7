from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import nav_entry, step_card
from wayfare.core.resources import Access, Related, Resource, register
from wayfare.core.roles import grant
from wayfare.core.transitions import Transition

from .api.views import DesignedJourneyActions, EventLogAnalysisActions
from .forms import DesignedStageForm, EventLogForm
from .models import MAPPING_FIELDS, DesignedJourney, DesignedStage, EventLog, EventLogStatus
from .services import (
    event_log_create,
    event_log_delete,
    event_log_has_bad_rows,
    event_log_has_source,
    event_log_import_again,
    event_log_import_leaving_out_bad_rows,
    event_log_update,
)

EVENT_LOG_TRANSITIONS = [
    Transition(
        "import-again",
        _("Import again"),
        source=[EventLogStatus.READY, EventLogStatus.FAILED],
        target=EventLogStatus.PENDING,
        service=event_log_import_again,
        guard=event_log_has_source,
        confirm=_(
            "The log is read again from its source file; its analyses are unavailable until that ends."
        ),
        description=_("Read the log again from its source file."),
    ),
    Transition(
        "import-leaving-out-bad-rows",
        _("Import leaving out bad rows"),
        source=[EventLogStatus.FAILED],
        target=EventLogStatus.PENDING,
        service=event_log_import_leaving_out_bad_rows,
        guard=event_log_has_bad_rows,
        confirm=_(
            "Rows without case, activity or readable time are left out and listed; the rest is imported."
        ),
        description=_("Import again, leaving out the rows that are not events."),
    ),
]

# Who may do what, as the authorization matrix checks it (core/matrix.py): every staff role reads,
# analysts write; consumers see nothing of analytics (backstage).
ANALYSTS = ("Administrator", "Analyst")
# CX designers design journeys too (core/roles.py grants below).
DESIGNERS = (*ANALYSTS, "CX designer")
EVENT_LOG_READS = (
    "summary",
    "variants",
    "dfg",
    "durations",
    "activities",
    "attributes",
    "case",
    "explorer",
    "conformance",
)


register(
    Resource(
        EventLog,
        columns=["name", "status", "events", "cases", "activities", "first_event", "last_event"],
        filters=["status", "source_format"],
        search=["name", "description"],
        translated_fields=["name", "description"],
        fields=EventLogForm.Meta.fields,
        detail_fields=[
            "description",
            "attribution",
            "source_format",
            "status",
            "events",
            "skipped",
            "cases",
            "activities",
            "first_event",
            "last_event",
            *MAPPING_FIELDS[:6],
        ],
        form=EventLogForm,
        api_read_only=["progress", "message", "message_code", "message_params", "errors", "attributes"],
        create_service=event_log_create,
        update_service=event_log_update,
        delete_service=event_log_delete,
        related=[Related(DesignedJourney, "event_log")],
        detail_template="analytics/eventlog_detail.html",
        viewset_mixin=EventLogAnalysisActions,
        access=Access(
            write=ANALYSTS,
            actions={
                **{f"api.{name}": ("view", None) for name in EVENT_LOG_READS},
                "page.explorer": ("view", None),
                "page.import_status": ("view", None),
            },
        ),
        step="journeys",
        importable=False,
        slug="event-logs",
        transitions=EVENT_LOG_TRANSITIONS,
    )
)
register(
    Resource(
        DesignedJourney,
        columns=["name", "event_log", "description"],
        filters=["event_log"],
        search=["name", "description"],
        translated_fields=["name", "description"],
        related=[Related(DesignedStage, "journey")],
        select_related=["event_log"],
        viewset_mixin=DesignedJourneyActions,
        access=Access(write=DESIGNERS, actions={"api.from_variant": ("add", None)}),
        step="journeys",
        slug="designed-journeys",
        versioned=True,
        version_children=["stages"],
    )
)
register(
    Resource(
        DesignedStage,
        columns=["name", "position", "activities", "optional", "journey"],
        filters=["journey", "optional"],
        search=["name", "activities"],
        translated_fields=["name"],
        select_related=["journey", "journey__event_log"],
        form=DesignedStageForm,
        access=Access(write=DESIGNERS),
        slug="designed-stages",
    )
)

# What the staff roles may do here, the navigation entry and the card (issue #11: apps plug in).
grant("Analyst", "analytics", "view add change delete")
grant("CX designer", DesignedJourney, "view add change delete")
grant("CX designer", DesignedStage, "view add change delete")
nav_entry("analytics", _("Analytics"), "analytics:home", permission="analytics.view_eventlog", order=50)
step_card(
    "analytics",
    step="journeys",
    home=True,
    label=_("Journey analytics"),
    description=_(
        "See the journeys people actually take, from the traces you already hold, and hold them against the "
        "journey you designed."
    ),
    url_name="analytics:home",
    permission="analytics.view_eventlog",
)
