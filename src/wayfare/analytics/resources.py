from wayfare.core.resources import Access, Related, Resource, register

from .api.views import DesignedJourneyActions, EventLogAnalysisActions
from .forms import DesignedStageForm, EventLogForm
from .models import MAPPING_FIELDS, DesignedJourney, DesignedStage, EventLog
from .services import event_log_create, event_log_delete, event_log_update

# Who may do what, as the authorization matrix checks it (core/matrix.py): every staff role reads,
# analysts write; consumers see nothing of analytics (backstage).
ANALYSTS = ("Administrator", "Analyst")
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
        api_read_only=["progress", "message", "errors", "attributes"],
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
    )
)
register(
    Resource(
        DesignedJourney,
        columns=["name", "event_log", "description"],
        filters=["event_log"],
        search=["name", "description"],
        related=[Related(DesignedStage, "journey")],
        select_related=["event_log"],
        viewset_mixin=DesignedJourneyActions,
        access=Access(write=ANALYSTS, actions={"api.from_variant": ("add", None)}),
        step="journeys",
        slug="designed-journeys",
    )
)
register(
    Resource(
        DesignedStage,
        columns=["name", "position", "activities", "optional", "journey"],
        filters=["journey", "optional"],
        search=["name", "activities"],
        select_related=["journey", "journey__event_log"],
        form=DesignedStageForm,
        access=Access(write=ANALYSTS),
        slug="designed-stages",
    )
)
