"""The relationships of the running story: who provides what to whom (seed Figure 1.3's chain: Axle
provides its booking system and service desk to eCampus, eCampus provides car sharing to the
university's students), the suppliers and partners, and a dependency eCampus does not manage (the
council's charging stations, installed by its contractor and run by the charging operator)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model

from wayfare.core.demo_tools import upsert
from wayfare.parties.models import Organisation

from ..models import (
    JourneyStep,
    LadderEvidence,
    LadderStage,
    ManagerRole,
    RelationshipStepChange,
    RelationshipType,
    ServiceRelationship,
    TrustKind,
)

# name, provider, consumer, type, step, ladder stage, trust, manager, their time zone, their language,
# description, {language: (name, description)}
RELATIONSHIPS: list[tuple[Any, ...]] = [
    (
        "Booking system and service desk",
        "Axle Car Hire",
        "eCampus Car Share",
        RelationshipType.PARTNERSHIP,
        JourneyStep.COCREATE,
        LadderStage.READINESS,
        TrustKind.KNOWLEDGE,
        "mariana",
        "America/Los_Angeles",
        "en",
        "Axle backs eCampus: the two share profit, resources and strategy. Axle's booking app, extended for "
        "self-service pick-up and return, and its service desk serve eCampus's customers.",
        {
            "zh-hans": (
                "预订系统和服务台",
                "Axle 支持 eCampus：双方共享利润、资源和战略。Axle 的预订应用（已扩展为自助取车和还车）"
                "及其服务台为 eCampus 的客户服务。",
            ),
            "ru": (
                "Система бронирования и служба поддержки",
                "Axle поддерживает eCampus: у них общие прибыль, ресурсы и стратегия. Приложение бронирования "
                "Axle, дополненное самостоятельной выдачей и возвратом машин, и его служба поддержки "
                "обслуживают клиентов eCampus.",
            ),
        },
    ),
    (
        "Campus car sharing for students",
        "eCampus Car Share",
        "São Paulo Campus University",
        RelationshipType.COOPERATIVE,
        JourneyStep.AGREE,
        LadderStage.CONSUMER_NEEDS,
        TrustKind.CALCULUS,
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "The university lets eCampus park and charge on campus for a nominal fee; in return its new students "
        "get discounts and the university's welcome message links to eCampus.",
        {
            "zh-hans": (
                "面向学生的校园汽车共享",
                "大学以象征性费用让 eCampus 在校园内停车和充电；作为回报，新生享受折扣，"
                "大学的欢迎信中也附有 eCampus 的链接。",
            ),
            "ru": (
                "Каршеринг в кампусе для студентов",
                "Университет за символическую плату даёт eCampus парковку и зарядку в кампусе; взамен новые "
                "студенты получают скидки, а приветственное письмо университета ссылается на eCampus.",
            ),
        },
    ),
    (
        "Spare parts",
        "Paulista Auto Parts",
        "eCampus Car Share",
        RelationshipType.BASIC,
        JourneyStep.COCREATE,
        LadderStage.TRUST,
        TrustKind.CALCULUS,
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "Standard parts under a standard contract.",
        {
            "zh-hans": ("备件", "按标准合同供应的标准零部件。"),
            "ru": ("Запчасти", "Типовые запчасти по типовому договору."),
        },
    ),
    (
        "Engine oil",
        "Petrolub Oils",
        "eCampus Car Share",
        RelationshipType.BASIC,
        JourneyStep.COCREATE,
        LadderStage.TRUST,
        TrustKind.CALCULUS,
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "Engine oil and lubricants for the fleet's few combustion vans, bought from the catalogue.",
        {
            "zh-hans": ("发动机机油", "为车队中少量燃油货车按目录采购的机油和润滑油。"),
            "ru": ("Моторное масло", "Масло и смазки для нескольких фургонов с ДВС, по каталогу поставщика."),
        },
    ),
    (
        "Public charging stations",
        "São Paulo City Council",
        "eCampus Car Share",
        RelationshipType.BASIC,
        JourneyStep.COCREATE,
        LadderStage.ENVIRONMENT,
        TrustKind.CALCULUS,
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "The council owns the charging stations eCampus cars use off campus. eCampus does not manage them, "
        "they fail often, and customers blame eCampus when they do.",
        {
            "zh-hans": (
                "公共充电站",
                "市议会拥有 eCampus 车辆在校外使用的充电站。eCampus 无法管理它们，它们经常故障，"
                "而客户会因此责怪 eCampus。",
            ),
            "ru": (
                "Общественные зарядные станции",
                "Станциями, на которых машины eCampus заряжаются вне кампуса, владеет городской совет. eCampus "
                "ими не управляет, они часто ломаются, а клиенты винят в этом eCampus.",
            ),
        },
    ),
    (
        "Installing and repairing charging stations",
        "ElectroInstala",
        "São Paulo City Council",
        RelationshipType.BASIC,
        JourneyStep.COCREATE,
        None,
        "",
        None,
        "America/Sao_Paulo",
        "pt",
        "The council's own contractor; eCampus is not a party, but depends on it.",
        {
            "zh-hans": ("充电站的安装与维修", "市议会自己的承包商；eCampus 不是合同方，却依赖于它。"),
            "ru": (
                "Установка и ремонт зарядных станций",
                "Собственный подрядчик совета; eCampus в договоре не участвует, но от него зависит.",
            ),
        },
    ),
    (
        "Charging network operation",
        "VoltaPonto Charging",
        "eCampus Car Share",
        RelationshipType.BASIC,
        JourneyStep.ENGAGE,
        LadderStage.ENVIRONMENT,
        "",
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "The operator runs the public charging network; eCampus wants to work with it more closely.",
        {
            "zh-hans": ("充电网络运营", "运营商负责公共充电网络；eCampus 希望与其更紧密地合作。"),
            "ru": (
                "Работа зарядной сети",
                "Оператор управляет общественной сетью зарядки; eCampus хочет работать с ним теснее.",
            ),
        },
    ),
    (
        "Roadside assistance",
        "Rota Assist",
        "eCampus Car Share",
        RelationshipType.COOPERATIVE,
        JourneyStep.COCREATE,
        LadderStage.TRUST,
        TrustKind.KNOWLEDGE,
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "Axle's roadside-assistance partner also helps eCampus drivers who break down.",
        {
            "zh-hans": ("道路救援", "Axle 的道路救援合作伙伴也为抛锚的 eCampus 司机提供帮助。"),
            "ru": ("Помощь на дорогах", "Партнёр Axle по помощи на дорогах помогает и водителям eCampus."),
        },
    ),
    (
        "Green car cleaning",
        "GreenShine Cleaning",
        "eCampus Car Share",
        RelationshipType.COOPERATIVE,
        JourneyStep.ENGAGE,
        LadderStage.PROVIDER_CAPABILITIES,
        "",
        "mariana",
        "America/Sao_Paulo",
        "pt",
        "A new cleaning partner using green products; eCampus checks its finances, customer reviews and "
        "products before engaging it.",
        {
            "zh-hans": (
                "环保汽车清洁",
                "使用环保产品的新清洁合作伙伴；eCampus 在合作前核查其财务、客户评价和产品。",
            ),
            "ru": (
                "Экологичная мойка машин",
                "Новый партнёр по мойке с экологичными средствами; прежде чем начать работу, eCampus "
                "проверяет его финансы, отзывы клиентов и средства.",
            ),
        },
    ),
]


D = datetime.date

# How some story relationships got to their step (journeys jump back and forth): relationship, then
# (from, to, on, note, {language: note}); the last move ends at the relationship's step above.
STEP_HISTORY: list[tuple[str, list[tuple[str, str, datetime.date, str, dict[str, str]]]]] = [
    (
        "Campus car sharing for students",
        [
            (
                "explore",
                "engage",
                D(2026, 1, 12),
                "The university's campus services agreed to meet.",
                {
                    "zh-hans": "大学校园服务部门同意见面。",
                    "ru": "Служба кампуса университета согласилась на встречу.",
                },
            ),
            (
                "engage",
                "offer",
                D(2026, 3, 2),
                "Parking and charging on campus look possible; we are shaping an offer.",
                {
                    "zh-hans": "校园内停车和充电看来可行；我们正在拟定方案。",
                    "ru": "Парковка и зарядка в кампусе выглядят возможными; готовим предложение.",
                },
            ),
            (
                "offer",
                "agree",
                D(2026, 4, 20),
                "Nominal fee for parking and charging, discounts for new students: terms drafted.",
                {
                    "zh-hans": "停车和充电收取象征性费用，新生享受折扣：条款已起草。",
                    "ru": "Символическая плата за парковку и зарядку, скидки новым студентам: условия подготовлены.",
                },
            ),
            (
                "agree",
                "offer",
                D(2026, 5, 11),
                "The university asked for a different discount for new students; back to the offer.",
                {
                    "zh-hans": "大学要求为新生提供不同的折扣；重新回到方案阶段。",
                    "ru": "Университет попросил другую скидку для новых студентов; возвращаемся к предложению.",
                },
            ),
            (
                "offer",
                "agree",
                D(2026, 6, 1),
                "New discount accepted; the welcome message for new students will link to eCampus.",
                {
                    "zh-hans": "新的折扣已被接受；给新生的欢迎信将附上 eCampus 的链接。",
                    "ru": "Новая скидка принята; приветственное письмо новым студентам будет ссылаться на eCampus.",
                },
            ),
        ],
    ),
    (
        "Booking system and service desk",
        [
            (
                "engage",
                "offer",
                D(2025, 7, 21),
                "Axle offers its booking app and service desk to eCampus.",
                {
                    "zh-hans": "Axle 向 eCampus 提供其预订应用和服务台。",
                    "ru": "Axle предлагает eCampus своё приложение бронирования и службу поддержки.",
                },
            ),
            (
                "offer",
                "agree",
                D(2025, 9, 8),
                "Shared profit, resources and strategy agreed.",
                {
                    "zh-hans": "双方就共享利润、资源和战略达成一致。",
                    "ru": "Договорились об общих прибыли, ресурсах и стратегии.",
                },
            ),
            (
                "agree",
                "onboard",
                D(2025, 10, 27),
                "eCampus cars and customers set up in Axle's booking app.",
                {
                    "zh-hans": "eCampus 的车辆和客户已在 Axle 的预订应用中设置完毕。",
                    "ru": "Машины и клиенты eCampus заведены в приложение бронирования Axle.",
                },
            ),
            (
                "onboard",
                "cocreate",
                D(2026, 1, 19),
                "First eCampus bookings through the app; the service desk answers eCampus drivers.",
                {
                    "zh-hans": "首批 eCampus 预订通过应用完成；服务台为 eCampus 司机提供解答。",
                    "ru": "Первые бронирования eCampus через приложение; служба поддержки отвечает водителям eCampus.",
                },
            ),
            (
                "cocreate",
                "onboard",
                D(2026, 6, 15),
                "Self-service pick-up and return added to the app: drivers and staff onboarded again.",
                {
                    "zh-hans": "应用新增自助取车和还车功能：司机和员工重新进行入门培训。",
                    "ru": "В приложение добавлены самостоятельные выдача и возврат: водителей и сотрудников подключают заново.",
                },
            ),
            (
                "onboard",
                "cocreate",
                D(2026, 7, 6),
                "Self-service pick-up and return in use.",
                {"zh-hans": "自助取车和还车已投入使用。", "ru": "Самостоятельные выдача и возврат работают."},
            ),
        ],
    ),
    (
        "Green car cleaning",
        [
            (
                "explore",
                "engage",
                D(2026, 10, 5),
                "A cleaning company using green products answered our search; checks before engaging.",
                {
                    "zh-hans": "一家使用环保产品的清洁公司回应了我们的寻找；合作前先行核查。",
                    "ru": "Откликнулась мойка с экологичными средствами; перед началом работы проверяем её.",
                },
            ),
        ],
    ),
]

# What shows each ladder stage was reached: relationship, then (stage, on, evidence, {language: text}).
LADDER_EVIDENCE: list[tuple[str, list[tuple[int, datetime.date, str, dict[str, str]]]]] = [
    (
        "Booking system and service desk",
        [
            (
                LadderStage.ENVIRONMENT,
                D(2025, 6, 2),
                "Mariana presented the eCampus idea to Henri, Axle's CIO, who asked to hear more.",
                {
                    "zh-hans": "Mariana 向 Axle 的 CIO Henri 介绍了 eCampus 的构想，Henri 希望进一步了解。",
                    "ru": "Мариана рассказала об идее eCampus Анри, CIO Axle, и он захотел узнать больше.",
                },
            ),
            (
                LadderStage.TRUST,
                D(2025, 7, 14),
                "Axle and eCampus agreed to share profit, resources and strategy.",
                {
                    "zh-hans": "Axle 和 eCampus 同意共享利润、资源和战略。",
                    "ru": "Axle и eCampus договорились делить прибыль, ресурсы и стратегию.",
                },
            ),
            (
                LadderStage.PROVIDER_CAPABILITIES,
                D(2025, 8, 25),
                "Radhika showed how Axle's booking app and service desk can serve eCampus customers once "
                "self-service pick-up and return are added.",
                {
                    "zh-hans": "Radhika 展示了在增加自助取车和还车功能后，Axle 的预订应用和服务台如何为 eCampus 的客户服务。",
                    "ru": "Радхика показала, как приложение бронирования и служба поддержки Axle смогут обслуживать "
                    "клиентов eCampus, когда появятся самостоятельные выдача и возврат.",
                },
            ),
            (
                LadderStage.CONSUMER_NEEDS,
                D(2025, 8, 11),
                "eCampus's needs written down: booking in an app, self-service pick-up and return, a "
                "service desk for its drivers.",
                {
                    "zh-hans": "已记录 eCampus 的需求：应用内预订、自助取车和还车、为其司机服务的服务台。",
                    "ru": "Записаны потребности eCampus: бронирование в приложении, самостоятельные выдача и "
                    "возврат, служба поддержки для водителей.",
                },
            ),
            (
                LadderStage.READINESS,
                D(2025, 9, 1),
                "Readiness review: Axle can extend its app in time; eCampus is ready to run the service "
                "with Axle's service desk.",
                {
                    "zh-hans": "就绪评审：Axle 能按时扩展其应用；eCampus 已准备好借助 Axle 的服务台运营服务。",
                    "ru": "Оценка готовности: Axle успеет доработать приложение; eCampus готов вести сервис "
                    "со службой поддержки Axle.",
                },
            ),
        ],
    ),
    (
        "Campus car sharing for students",
        [
            (
                LadderStage.ENVIRONMENT,
                D(2026, 1, 20),
                "First meeting with the university's campus services about parking shared electric cars.",
                {
                    "zh-hans": "与大学校园服务部门首次会面，讨论共享电动汽车的停车问题。",
                    "ru": "Первая встреча со службой кампуса о парковке общих электромобилей.",
                },
            ),
            (
                LadderStage.TRUST,
                D(2026, 2, 16),
                "The university let eCampus try parking and charging on campus for a nominal fee.",
                {
                    "zh-hans": "大学允许 eCampus 以象征性费用试行在校园内停车和充电。",
                    "ru": "Университет разрешил eCampus попробовать парковку и зарядку в кампусе за символическую плату.",
                },
            ),
            (
                LadderStage.CONSUMER_NEEDS,
                D(2026, 3, 16),
                "What the university wants written down: discounts for its new students and a link to "
                "eCampus in its welcome message.",
                {
                    "zh-hans": "已记录大学的诉求：为新生提供折扣，并在欢迎信中附上 eCampus 的链接。",
                    "ru": "Записано, чего хочет университет: скидки для новых студентов и ссылка на eCampus в "
                    "приветственном письме.",
                },
            ),
        ],
    ),
]


def relationship_by_name(name: str) -> ServiceRelationship:
    """A demo relationship by its English name, for the later demo parts."""
    return ServiceRelationship.objects.get(name=name)


def load(stdout: Any) -> None:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["mariana"])}
    orgs = {o.name: o for o in Organisation.objects.all()}
    for (
        name,
        provider,
        consumer,
        kind,
        step,
        stage,
        trust,
        manager,
        time_zone,
        language,
        description,
        translations,
    ) in RELATIONSHIPS:
        upsert(
            ServiceRelationship,
            {"name": name, "provider": orgs[provider], "consumer": orgs[consumer]},
            {
                "relationship_type": kind,
                "journey_step": step,
                "ladder_stage": stage,
                "trust_kind": trust,
                "manager": users.get(manager) if manager else None,
                "manager_role": ManagerRole.ORCHESTRATOR if manager else "",
                "counterpart_time_zone": time_zone,
                "counterpart_language": language,
                "description": description,
                "translations": {
                    code: {"name": text[0], "description": text[1]} for code, text in translations.items()
                },
            },
        )

    # The story's past: written as it happened (the services write the same rows from now on).
    for name, moves in STEP_HISTORY:
        relationship = relationship_by_name(name)
        for from_step, to_step, on, note, notes in moves:
            upsert(
                RelationshipStepChange,
                {"relationship": relationship, "to_step": to_step, "changed_on": on},
                {
                    "from_step": from_step,
                    "note": note,
                    "changed_by": relationship.manager,
                    "translations": {code: {"note": text} for code, text in notes.items()},
                },
            )
    for name, items in LADDER_EVIDENCE:
        relationship = relationship_by_name(name)
        for stage, on, text, texts in items:
            upsert(
                LadderEvidence,
                {"relationship": relationship, "stage": stage, "reached_on": on},
                {"evidence": text, "translations": {code: {"evidence": t} for code, t in texts.items()}},
            )
