"""Journey analytics in the running story: the service desk's ticket history (the real Helpdesk event log,
CC BY 4.0) and the designed incident journey it is held against (DOMAIN.md section 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction

from wayfare.core.demo_tools import upsert

from .models import DesignedJourney, DesignedStage, EventLog, EventLogStatus
from .services import event_log_import_run

DATA = Path(__file__).parent / "demo_data" / "helpdesk.csv"
LOG_NAME = "Service desk ticket history"
ATTRIBUTION = (
    "Helpdesk event log of an Italian software company, Polato et al., Mendeley Data, "
    "doi 10.17632/39bp3vv62t.1, licence CC BY 4.0."
)
DESCRIPTION = (
    "Every ticket the service desk handled from 2010 to 2014: who did what, and when. eCampus uses it to see "
    "how incidents really travel from the first call to closure, and how long people wait."
)

JOURNEY_NAME = "Incident resolution (designed path)"
STAGES = [
    ("Log the ticket", ["Insert ticket"], True),
    ("Classify and prioritise", ["Assign seriousness"], False),
    ("Take in charge", ["Take in charge ticket"], False),
    (
        "Diagnose with experts",
        ["Create SW anomaly", "Resolve SW anomaly", "Schedule intervention", "Require upgrade"],
        True,
    ),
    ("Resolve", ["Resolve ticket"], False),
    ("Close", ["Closed"], False),
]


def load(stdout: Any) -> None:
    with transaction.atomic():
        event_log = EventLog.objects.filter(name=LOG_NAME).first()
        if event_log is None:
            event_log = EventLog(name=LOG_NAME)
            with DATA.open("rb") as handle:
                event_log.source.save("helpdesk.csv", File(handle), save=False)
        event_log = upsert(
            EventLog,
            {"name": LOG_NAME},
            {
                "source": event_log.source.name,
                "description": DESCRIPTION,
                "attribution": ATTRIBUTION,
                "case_column": "case_id",
                "activity_column": "activity",
                "timestamp_column": "timestamp",
                "resource_column": "resource",
            },
        )
        journey = upsert(
            DesignedJourney,
            {"event_log": event_log, "name": JOURNEY_NAME},
            {"description": "The path an incident should take, from the user's call to closure."},
        )
        for position, (name, activities, optional) in enumerate(STAGES, start=1):
            upsert(
                DesignedStage,
                {"journey": journey, "position": position},
                {"name": name, "activities": "\n".join(activities), "optional": optional},
            )
    if event_log.status != EventLogStatus.READY or not event_log.parquet_path.exists():
        stdout.write(f"  Importing {LOG_NAME} ({DATA.name})…")
        event_log = event_log_import_run(event_log_id=event_log.pk)
        if event_log.status != EventLogStatus.READY:
            raise RuntimeError(f"the demo event log failed to import: {event_log.message}")
    stdout.write(f"  {LOG_NAME}: {event_log.events} events, {event_log.cases} cases.")
