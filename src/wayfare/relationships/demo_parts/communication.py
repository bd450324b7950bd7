"""Demo content of the communication part (issue #12 section 8): how eCampus keeps in touch with Axle
and with the university, Katrina's complaint about a car that was not fully charged while the campus
charger was broken (escalated to Axle's service desk), a promise that followed it, and the quarterly
review with the university that did not happen: its alert is raised at the end of the load."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from wayfare.core.access import SYSTEM
from wayfare.core.demo_tools import upsert
from wayfare.parties.models import Person

from ..models import Channel, CommunicationPlan, Contact, ContactKind, ListeningMode, Promise
from ..services.communication import alerts_refresh, communication_plan_refresh
from .relationship import relationship_by_name

AXLE = "Booking system and service desk"
UNIVERSITY = "Campus car sharing for students"
D = datetime.date.fromisoformat

# relationship, audience, channel, cadence (days), starts on, notes
PLANS: list[tuple[str, str, str, int, str, str]] = [
    (
        AXLE,
        "Axle's service desk and booking-app team",
        Channel.VIDEO_CALL,
        14,
        "2026-09-07",
        "Their morning is our afternoon: keep the call at 17:00 UTC.",
    ),
    (AXLE, "Partnership steering group (Henri and Mariana)", Channel.MEETING, 91, "2026-10-05", ""),
    (
        UNIVERSITY,
        "Quarterly review with the university's campus office",
        Channel.MEETING,
        91,
        "2026-08-03",
        "Bring the charging-bay figures and the new-student sign-ups.",
    ),
    (UNIVERSITY, "New students (welcome message and newsletter)", Channel.NEWSLETTER, 30, "2026-10-19", ""),
]

# key, relationship, plan audience or None, kind, date, time (UTC) or None, participants, people,
# listening mode, complaint, escalation, answered on, summary, {language: summary}
CONTACTS: list[tuple[Any, ...]] = [
    (
        "complaint",
        UNIVERSITY,
        None,
        ContactKind.CALL,
        "2026-10-16",
        None,
        "Katrina Novak; eCampus support",
        ["Katrina Novak"],
        ListeningMode.FOCUSED,
        True,
        True,
        "2026-10-16",
        "Katrina called on her way to a local band three hours away: the car she picked up was not fully "
        "charged, because the campus charging bay was out of order. Neither eCampus nor the university owns "
        "that charger. We passed the case to Axle's service desk, which found her another car; she had to "
        "wait for it.",
        {
            "zh-hans": "Katrina 在去三小时车程外看本地乐队演出的路上来电：她取到的车没有充满电，因为校园充电桩"
            "坏了，而这个充电桩既不属于 eCampus，也不属于大学。我们把问题转给了 Axle 的服务台，"
            "服务台为她找到了另一辆车，但她不得不等待。",
            "ru": "Катрина позвонила по дороге на концерт местной группы в трёх часах езды: машина, которую она "
            "взяла, была заряжена не полностью, потому что зарядка в кампусе не работала. Эта зарядка не "
            "принадлежит ни eCampus, ни университету. Мы передали случай в службу поддержки Axle, которая "
            "нашла ей другую машину, но ей пришлось её ждать.",
        },
    ),
    (
        "escalation",
        AXLE,
        None,
        ContactKind.CALL,
        "2026-10-16",
        None,
        "eCampus support; Axle service desk",
        [],
        ListeningMode.FOCUSED,
        False,
        True,
        "2026-10-16",
        "Escalated Katrina's case: a car not fully charged after the campus charger failed. The desk found a "
        "replacement car. We agreed to look together at checking the charge before a car is handed over.",
        {
            "zh-hans": "升级处理 Katrina 的问题：校园充电桩故障后车辆未充满电。服务台找到了替换车辆。"
            "双方同意一起研究在交车前检查电量。",
            "ru": "Эскалировали случай Катрины: после отказа зарядки в кампусе машина была заряжена не "
            "полностью. Служба поддержки нашла замену. Договорились вместе подумать, как проверять заряд "
            "перед выдачей машины.",
        },
    ),
    (
        "desk-call",
        AXLE,
        "Axle's service desk and booking-app team",
        ContactKind.MEETING,
        "2026-11-23",
        "17:00",
        "Solmaz Karimi, Radhika Iyer, Mariana Souza",
        ["Solmaz Karimi", "Radhika Iyer"],
        ListeningMode.FOCUSED,
        False,
        False,
        None,
        "Video call on the self-service pick-up and return in the booking app, and on more desk staff for "
        "the start of the academic year.",
        {
            "zh-hans": "视频会议：讨论预订应用中的自助取车和还车，以及学年开始时增加服务台人员。",
            "ru": "Видеозвонок о самостоятельной выдаче и возврате машин в приложении бронирования и о "
            "дополнительных сотрудниках поддержки к началу учебного года.",
        },
    ),
    (
        "newsletter",
        UNIVERSITY,
        "New students (welcome message and newsletter)",
        ContactKind.EMAIL,
        "2026-11-16",
        None,
        "Beatriz Lima",
        ["Beatriz Lima"],
        "",
        False,
        False,
        None,
        "Sent the text and link for the university's welcome message to new students, with their discount.",
        {
            "zh-hans": "发送了大学给新生的欢迎信中要用的文字和链接，以及新生折扣。",
            "ru": "Отправили текст и ссылку для приветственного письма университета новым студентам, вместе "
            "со скидкой для них.",
        },
    ),
]

PROMISE = (
    UNIVERSITY,
    "complaint",
    "Ask the council to repair the campus charging bay and tell the university when it works again",
    "2026-12-18",
    {
        "zh-hans": "请市议会修复校园充电桩，并在修好后通知大学",
        "ru": "Попросить городской совет починить зарядку в кампусе и сообщить университету, когда она заработает",
    },
)


def load(stdout: Any) -> None:
    mariana = get_user_model().objects.filter(username="mariana").first()
    people = {p.name: p for p in Person.objects.all()}
    plans: dict[tuple[str, str], CommunicationPlan] = {}
    for rel_name, audience, channel, cadence, starts_on, notes in PLANS:
        plans[(rel_name, audience)] = upsert(
            CommunicationPlan,
            {"relationship": relationship_by_name(rel_name), "audience": audience},
            {
                "channel": channel,
                "cadence_days": cadence,
                "owner": mariana,
                "starts_on": D(starts_on),
                "notes": notes,
            },
        )
    contacts: dict[str, Contact] = {}
    for (
        key,
        rel_name,
        plan,
        kind,
        date,
        time,
        participants,
        names,
        mode,
        complaint,
        escalation,
        answered,
        summary,
        translations,
    ) in CONTACTS:
        contact = upsert(
            Contact,
            {
                "relationship": relationship_by_name(rel_name),
                "occurred_on": D(date),
                "participants": participants,
            },
            {
                "plan": plans[(rel_name, plan)] if plan else None,
                "kind": kind,
                "time": datetime.time.fromisoformat(time) if time else None,
                "listening_mode": mode,
                "is_complaint": complaint,
                "is_escalation": escalation,
                "answered_on": D(answered) if answered else None,
                "summary": summary,
                "translations": {code: {"summary": text} for code, text in translations.items()},
            },
        )
        wanted = {people[n].pk for n in names if n in people}
        if set(contact.people.values_list("pk", flat=True)) != wanted:
            contact.people.set(wanted)
        contacts[key] = contact
    rel_name, contact_key, what, due, translations = PROMISE
    upsert(
        Promise,
        {"relationship": relationship_by_name(rel_name), "what": what},
        {
            "contact": contacts[contact_key],
            "promised_by": mariana,
            "due": D(due),
            "translations": {code: {"what": text} for code, text in translations.items()},
        },
    )
    for plan_row in plans.values():
        communication_plan_refresh(plan_row, actor=SYSTEM)


def refresh_alerts(stdout: Any) -> None:
    """Run every alert rule once the whole story is loaded (the assessments' falling trust too)."""
    counts = alerts_refresh(today=timezone.localdate())
    stdout.write(
        f"  alerts: {counts['raised']} raised, {counts['kept']} still open, {counts['resolved']} resolved"
    )
