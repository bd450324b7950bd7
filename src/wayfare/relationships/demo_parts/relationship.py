"""The relationships of the running story: who provides what to whom (seed Figure 1.3's chain: Axle
provides its booking system and service desk to eCampus, eCampus provides car sharing to the
university's students), the suppliers and partners, and a dependency eCampus does not manage (the
council's charging stations, installed by its contractor and run by the charging operator)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from wayfare.core.demo_tools import upsert
from wayfare.parties.models import Organisation

from ..models import JourneyStep, LadderStage, ManagerRole, RelationshipType, ServiceRelationship, TrustKind

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
