"""Journey analytics in the running story: the service desk's ticket history (the real Helpdesk event log,
CC BY 4.0). The designed incident journey it is held against is the journeys demo's map "Incident
resolution" (DOMAIN.md section 6), made from ``STAGES`` below: (name, activities of the log, optional), with
``STAGE_TRANSLATIONS`` of the names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction

from wayfare.core.demo_tools import upsert

from .models import EventLog, EventLogStatus
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

# The demo's texts in Chinese and Russian (core.translations). The attribution is a citation and the
# activities are the log's own values: both stay as they are.
LOG_TRANSLATIONS = {
    "zh-hans": {
        "name": "服务台工单记录",
        "description": "服务台在 2010 年至 2014 年间处理的每一张工单：谁在何时做了什么。eCampus 借此看清事件从第一"
        "次来电到关闭的真实流转过程，以及人们要等多久。",
    },
    "ru": {
        "name": "История заявок службы поддержки",
        "description": "Все заявки, которые служба поддержки обработала с 2010 по 2014 год: кто, что и когда "
        "сделал. По ним eCampus видит, как инциденты на самом деле проходят путь от первого звонка до "
        "закрытия и сколько людям приходится ждать.",
    },
}
STAGE_TRANSLATIONS = {
    "Log the ticket": {"zh-hans": "登记工单", "ru": "Регистрация заявки"},
    "Classify and prioritise": {"zh-hans": "分类并确定优先级", "ru": "Классификация и приоритет"},
    "Take in charge": {"zh-hans": "受理", "ru": "Принятие в работу"},
    "Diagnose with experts": {"zh-hans": "与专家一起诊断", "ru": "Диагностика с экспертами"},
    "Resolve": {"zh-hans": "解决", "ru": "Решение"},
    "Close": {"zh-hans": "关闭", "ru": "Закрытие"},
}


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
                "translations": LOG_TRANSLATIONS,
            },
        )
    if event_log.status != EventLogStatus.READY or not event_log.parquet_path.exists():
        stdout.write(f"  Importing {LOG_NAME} ({DATA.name})…")
        event_log = event_log_import_run(event_log_id=event_log.pk)
        if event_log.status != EventLogStatus.READY:
            raise RuntimeError(f"the demo event log failed to import: {event_log.message}")
    stdout.write(f"  {LOG_NAME}: {event_log.events} events, {event_log.cases} cases.")
