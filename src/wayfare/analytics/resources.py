from django.utils.translation import gettext_lazy as _

from wayfare.core.navigation import nav_entry, step_card
from wayfare.core.resources import Access, Resource, register
from wayfare.core.roles import grant
from wayfare.core.transitions import Transition

from .api.views import EventLogAnalysisActions
from .forms import EventLogForm
from .models import MAPPING_FIELDS, EventLog, EventLogStatus
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
# Who may turn a variant into a journey map: those who may add maps (journeys' resources).
MAP_DESIGNERS = ("Administrator", "CX designer")
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
        detail_template="analytics/eventlog_detail.html",
        viewset_mixin=EventLogAnalysisActions,
        access=Access(
            write=ANALYSTS,
            actions={
                **{f"api.{name}": ("view", None) for name in EVENT_LOG_READS},
                "api.from_variant": ("view", MAP_DESIGNERS),
                "api.source": ("view", None),  # the uploaded file
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
# What the staff roles may do here, the navigation entry and the card (issue #11: apps plug in).
grant("Analyst", "analytics", "view add change delete")
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
