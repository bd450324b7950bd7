"""Demo content of the suppliers part (issue #12 section 8; DOMAIN.md section 8 and SEED-NOTES): eCampus
integrates its suppliers itself and is a hub for its customers (Axle's service desk takes eCampus's
incidents); the parts and engine-oil suppliers are routine; the council's charging stations are a
dependency eCampus does not manage and that fails often; the charging operator, the roadside-assistance
partner and the green cleaning partner; the chain of dependencies down to the council's installer; and
the experience profiles of two segments."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from wayfare.core.demo_tools import upsert
from wayfare.parties.models import Organisation

from ..models import (
    ComplianceStatus,
    CriterionDimension,
    ExperienceFactor,
    ExperienceFactorImportance,
    ExperienceProfile,
    IntegrationModel,
    IntegrationStance,
    PerformanceDirection,
    QualityAspect,
    RelationshipDependency,
    ServiceIntegration,
    SupplierAssessment,
    SupplierCompliance,
    SupplierCriterion,
    SupplierPerformance,
    SupplierScore,
)
from .relationship import relationship_by_name

INTEGRATION_NOTES = (
    "eCampus coordinates its suppliers and partners itself, and its customers bring everything to eCampus. "
    "Axle's service desk, part of the partnership, takes eCampus's incidents, including those caused by "
    "the council's charging stations.",
    {
        "zh-hans": "eCampus 自己协调各供应商和合作伙伴，客户有任何问题都找 eCampus。作为合作的一部分，"
        "Axle 的服务台处理 eCampus 的事件，包括由市议会充电站引起的事件。",
        "ru": "eCampus сам координирует своих поставщиков и партнёров, а клиенты со всеми вопросами идут в "
        "eCampus. Служба поддержки Axle, как часть партнёрства, принимает инциденты eCampus, в том числе "
        "вызванные зарядными станциями городского совета.",
    },
)

# name, dimension, weight, description, {language: (name, description)}
CRITERIA: list[tuple[Any, ...]] = [
    (
        "Share of our service that relies on it",
        CriterionDimension.DEPENDENCY,
        3,
        "How much of a trip stops or gets worse without this supplier.",
        {
            "zh-hans": ("我们的服务对其依赖的程度", "没有这个供应商，一次出行会有多大部分停止或变差。"),
            "ru": (
                "Насколько наш сервис на него опирается",
                "Какая часть поездки останавливается или ухудшается без этого поставщика.",
            ),
        },
    ),
    (
        "What customers notice when it fails",
        CriterionDimension.DEPENDENCY,
        2,
        "Whether a failure reaches our customers directly, and whether they blame us for it.",
        {
            "zh-hans": ("故障时客户的感受", "故障是否直接影响到我们的客户，以及他们是否会因此责怪我们。"),
            "ru": (
                "Что замечают клиенты при сбое",
                "Доходит ли сбой прямо до наших клиентов и винят ли они в нём нас.",
            ),
        },
    ),
    (
        "How hard it is to replace",
        CriterionDimension.RISK,
        3,
        "How many other suppliers could do the same, and how long a switch would take.",
        {
            "zh-hans": ("替换的难度", "还有多少供应商能做同样的事，更换需要多长时间。"),
            "ru": (
                "Насколько трудно заменить",
                "Сколько других поставщиков могут делать то же самое и сколько займёт переход.",
            ),
        },
    ),
    (
        "Record of failures",
        CriterionDimension.RISK,
        2,
        "How often it has let us down in the last months.",
        {
            "zh-hans": ("故障记录", "最近几个月它让我们失望的频率。"),
            "ru": ("История сбоев", "Как часто он подводил нас в последние месяцы."),
        },
    ),
    (
        "Environmental commitments",
        CriterionDimension.OTHER,
        1,
        "Whether it shares our aim of a green, sustainable service.",
        {
            "zh-hans": ("环保承诺", "它是否认同我们提供绿色、可持续服务的目标。"),
            "ru": ("Экологические обязательства", "Разделяет ли он нашу цель — зелёный, устойчивый сервис."),
        },
    ),
]

# relationship, dependency, risk, managed by us, notes, {language: notes}, {criterion: score}
ASSESSMENTS: list[tuple[Any, ...]] = [
    (
        "Booking system and service desk",
        5,
        3,
        True,
        "Every booking and every incident goes through Axle. As partners sharing profit and strategy, the "
        "two manage this together rather than as a purchase.",
        {
            "zh-hans": "每一次预订和每一个事件都经过 Axle。作为共享利润和战略的合作伙伴，双方共同管理这项服务，"
            "而不是把它当作一次采购。",
            "ru": "Каждое бронирование и каждый инцидент проходят через Axle. Как партнёры с общими прибылью и "
            "стратегией, они управляют этим вместе, а не как покупкой.",
        },
        {"Share of our service that relies on it": 5, "How hard it is to replace": 4},
    ),
    (
        "Spare parts",
        2,
        1,
        True,
        "Standard parts that several shops sell; a late delivery delays a repair, not the service.",
        {
            "zh-hans": "多家商店都有售的标准零件；交货延迟只会推迟维修，不影响服务。",
            "ru": "Типовые детали есть у многих магазинов; задержка поставки откладывает ремонт, а не сервис.",
        },
        {"Share of our service that relies on it": 2, "How hard it is to replace": 1},
    ),
    (
        "Engine oil",
        1,
        1,
        True,
        "Only the few combustion vans need it, and any catalogue supplier would do.",
        {
            "zh-hans": "只有少数燃油货车需要，任何目录供应商都可以替代。",
            "ru": "Нужно только нескольким фургонам с ДВС, подойдёт любой поставщик из каталога.",
        },
        {"Share of our service that relies on it": 1, "How hard it is to replace": 1},
    ),
    (
        "Public charging stations",
        5,
        5,
        False,
        "Cars charge here off campus. eCampus does not run the stations, they fail often, and customers "
        "hold eCampus responsible when a car is not fully charged. Plan around failures and work with the "
        "charging operator.",
        {
            "zh-hans": "车辆在校外于此充电。eCampus 不管理这些充电站，它们经常故障，而车辆未充满电时客户会"
            "认为是 eCampus 的责任。要为故障做好预案，并与充电运营商合作。",
            "ru": "Здесь машины заряжаются вне кампуса. eCampus станциями не управляет, они часто ломаются, а "
            "клиенты считают виноватым eCampus, если машина заряжена не полностью. Нужно планировать с "
            "учётом сбоев и работать с оператором зарядной сети.",
        },
        {
            "Share of our service that relies on it": 5,
            "What customers notice when it fails": 5,
            "How hard it is to replace": 5,
            "Record of failures": 5,
        },
    ),
    (
        "Charging network operation",
        4,
        3,
        False,
        "The operator keeps the public network running; closer work with it is the way to fewer failed "
        "charges.",
        {
            "zh-hans": "运营商负责公共充电网络的运行；与其更紧密合作才能减少充电失败。",
            "ru": "Оператор поддерживает работу общественной сети; более тесная работа с ним — путь к "
            "меньшему числу неудачных зарядок.",
        },
        {"Share of our service that relies on it": 4, "Record of failures": 3},
    ),
    (
        "Roadside assistance",
        3,
        2,
        True,
        "Drivers who break down need it at once, but other assistance firms exist.",
        {
            "zh-hans": "抛锚的司机需要立即得到救援，但市面上还有其他救援公司。",
            "ru": "Водителю при поломке помощь нужна сразу, но есть и другие службы помощи.",
        },
        {"What customers notice when it fails": 4, "How hard it is to replace": 2},
    ),
    (
        "Green car cleaning",
        2,
        3,
        True,
        "Few cleaners use only green products, so a replacement would take time to find.",
        {
            "zh-hans": "只使用环保产品的清洁公司很少，要找替代者需要时间。",
            "ru": "Немногие мойки используют только экологичные средства, замену искать долго.",
        },
        {"How hard it is to replace": 3, "Environmental commitments": 5},
    ),
]

# relationship, measure, unit, target, actuals (oldest first, one per month), {language: measure}
PERFORMANCE: list[tuple[Any, ...]] = [
    (
        "Public charging stations",
        "Stations in working order",
        "%",
        95,
        [84, 91, 96, 79, 88, 82],
        {"zh-hans": "正常工作的充电站比例", "ru": "Исправные станции"},
    ),
    (
        "Roadside assistance",
        "Breakdowns reached within 45 minutes",
        "%",
        90,
        [93, 95, 88, 94],
        {"zh-hans": "45 分钟内到达抛锚现场的比例", "ru": "Выезды к поломке за 45 минут"},
    ),
    (
        "Green car cleaning",
        "Cars cleaned on schedule",
        "%",
        98,
        [99, 98],
        {"zh-hans": "按计划清洁的车辆比例", "ru": "Машины, вымытые по графику"},
    ),
]

# relationship, requirement, status, evidence, {language: (requirement, evidence)}
COMPLIANCE: list[tuple[Any, ...]] = [
    (
        "Green car cleaning",
        "Only environmentally friendly cleaning products",
        ComplianceStatus.COMPLIANT,
        "Product data sheets reviewed and a visit to the cleaning site before the partner was engaged.",
        {
            "zh-hans": ("只使用环保清洁产品", "在合作之前审阅了产品说明书并实地考察了清洁场地。"),
            "ru": (
                "Только экологичные моющие средства",
                "До начала работы изучены паспорта средств и осмотрена площадка мойки.",
            ),
        },
    ),
    (
        "Green car cleaning",
        "Sound finances",
        ComplianceStatus.COMPLIANT,
        "Last two years' accounts read before engagement.",
        {
            "zh-hans": ("财务状况良好", "合作前审阅了最近两年的账目。"),
            "ru": ("Устойчивые финансы", "До начала работы изучена отчётность за два последних года."),
        },
    ),
    (
        "Spare parts",
        "Parts meet the manufacturer's specification",
        ComplianceStatus.COMPLIANT,
        "Certificates delivered with each order.",
        {
            "zh-hans": ("零件符合制造商规格", "每批订单都附有合格证书。"),
            "ru": (
                "Детали соответствуют спецификации производителя",
                "Сертификаты приходят с каждым заказом.",
            ),
        },
    ),
    (
        "Public charging stations",
        "Faulty stations repaired within two days",
        ComplianceStatus.NOT,
        "Several stations stayed out of order for more than a week this term.",
        {
            "zh-hans": ("故障充电站两天内修复", "本学期有几座充电站停用超过一周。"),
            "ru": (
                "Неисправные станции чинят за два дня",
                "В этом семестре несколько станций не работали больше недели.",
            ),
        },
    ),
]

# dependent, depends on, critical, note, {language: note}, names the incident journey
DEPENDENCIES: list[tuple[Any, ...]] = [
    (
        "Campus car sharing for students",
        "Booking system and service desk",
        True,
        "Every booking, pick-up and return goes through Axle's booking system; its desk takes incidents.",
        {
            "zh-hans": "每一次预订、取车和还车都通过 Axle 的预订系统；其服务台处理事件。",
            "ru": "Каждое бронирование, выдача и возврат идут через систему Axle; её служба принимает инциденты.",
        },
        True,
    ),
    (
        "Campus car sharing for students",
        "Public charging stations",
        False,
        "Longer trips need the public stations; when they fail, cars come back or set off half charged.",
        {
            "zh-hans": "较长的行程需要公共充电站；它们故障时，车辆只能带着半满的电量出发或返回。",
            "ru": "Дальним поездкам нужны общественные станции; при сбое машины уезжают или возвращаются "
            "заряженными наполовину.",
        },
        True,
    ),
    (
        "Campus car sharing for students",
        "Roadside assistance",
        False,
        "Drivers who break down are helped by the roadside partner.",
        {
            "zh-hans": "抛锚的司机由道路救援合作伙伴提供帮助。",
            "ru": "Водителям при поломке помогает партнёр по помощи на дорогах.",
        },
        True,
    ),
    (
        "Campus car sharing for students",
        "Green car cleaning",
        False,
        "Clean cars are part of what students trust eCampus for.",
        {
            "zh-hans": "干净的车辆是学生信任 eCampus 的原因之一。",
            "ru": "Чистые машины — часть того, за что студенты доверяют eCampus.",
        },
        False,
    ),
    (
        "Public charging stations",
        "Charging network operation",
        True,
        "The operator runs the network on the council's stations.",
        {
            "zh-hans": "运营商在市议会的充电站上运营充电网络。",
            "ru": "Оператор управляет сетью на станциях совета.",
        },
        False,
    ),
    (
        "Public charging stations",
        "Installing and repairing charging stations",
        True,
        "The council's contractor installs and repairs the stations; eCampus has no say in it.",
        {
            "zh-hans": "市议会的承包商负责安装和维修充电站；eCampus 对此没有发言权。",
            "ru": "Станции ставит и чинит подрядчик совета; eCampus на это не влияет.",
        },
        False,
    ),
]

# name, segment, description, [(factor, aspect, importance, note)], {language: (name, segment, description)}
PROFILES: list[tuple[Any, ...]] = [
    (
        "Students",
        "Students",
        "Students on a tight budget who need a car now and then, for a weekend away or a move.",
        [
            (ExperienceFactor.PRICE_COST, "", 5, "Low prices and discounts decide whether they book at all."),
            (
                ExperienceFactor.DESIGN_CONVENIENCE,
                "",
                5,
                "Book, pick up and return from the phone, near the campus.",
            ),
            (ExperienceFactor.SERVICE_QUALITY, QualityAspect.AVAILABILITY, 4, "A car free at the weekend."),
            (ExperienceFactor.TRANSPARENCY, "", 3, "No surprises on the bill."),
            (
                ExperienceFactor.SOCIAL_RESPONSIBILITY,
                "",
                3,
                "Electric cars and green cleaning matter to many.",
            ),
        ],
        {
            "zh-hans": ("学生", "学生", "预算有限、偶尔需要用车的学生，比如周末外出或搬家。"),
            "ru": (
                "Студенты",
                "Студенты",
                "Студенты с небольшим бюджетом, которым машина нужна время от времени: на выходные или для переезда.",
            ),
        },
    ),
    (
        "Commuting women and parents",
        "Commuting women and parents",
        "People who drive to and from the campus every day, often with children.",
        [
            (
                ExperienceFactor.RISK_COMPLIANCE,
                "",
                5,
                "Safe, roadworthy cars and safe places to pick up and return.",
            ),
            (
                ExperienceFactor.DESIGN_CONVENIENCE,
                "",
                5,
                "A quick start to the day: the car is where and when they need it.",
            ),
            (ExperienceFactor.SERVICE_QUALITY, QualityAspect.CONTINUITY, 4, "A charged car every morning."),
            (ExperienceFactor.CONTROL, "", 3, "Change or extend a booking without calling anyone."),
        ],
        {
            "zh-hans": ("通勤女性和家长", "通勤女性和家长", "每天往返校园、常常带着孩子的人。"),
            "ru": (
                "Женщины и родители, ездящие на работу",
                "Женщины и родители, ездящие на работу",
                "Те, кто каждый день ездит в кампус и обратно, часто с детьми.",
            ),
        },
    ),
]

NOTE_TRANSLATIONS = {
    "Low prices and discounts decide whether they book at all.": (
        "低价和折扣决定了他们是否会预订。",
        "Низкие цены и скидки решают, забронируют ли они вообще.",
    ),
    "Book, pick up and return from the phone, near the campus.": (
        "用手机预订、取车和还车，就在校园附近。",
        "Бронировать, брать и возвращать машину с телефона, рядом с кампусом.",
    ),
    "A car free at the weekend.": ("周末有空闲车辆。", "Свободная машина на выходные."),
    "No surprises on the bill.": ("账单上没有意外。", "Никаких сюрпризов в счёте."),
    "Electric cars and green cleaning matter to many.": (
        "电动汽车和环保清洁对很多人来说很重要。",
        "Для многих важны электромобили и экологичная мойка.",
    ),
    "Safe, roadworthy cars and safe places to pick up and return.": (
        "安全、车况良好的车辆，以及安全的取还车地点。",
        "Безопасные, исправные машины и безопасные места выдачи и возврата.",
    ),
    "A quick start to the day: the car is where and when they need it.": (
        "一天的开始要快：车辆在需要的时间和地点。",
        "Быстрое начало дня: машина там и тогда, где и когда нужна.",
    ),
    "A charged car every morning.": ("每天早上都有充好电的车。", "Заряженная машина каждое утро."),
    "Change or extend a booking without calling anyone.": (
        "无需打电话即可更改或延长预订。",
        "Изменить или продлить бронь, никому не звоня.",
    ),
}


def _month_ends(count: int) -> list[datetime.date]:
    """The last days of the ``count`` months before this one, oldest first."""
    first = timezone.localdate().replace(day=1)
    ends = []
    for _ in range(count):
        end = first - datetime.timedelta(days=1)
        ends.append(end)
        first = end.replace(day=1)
    return list(reversed(ends))


def link_incident_journey() -> None:
    """The dependencies the incident journey runs through name it (called by the journeys demo, which
    runs after this app's and makes the journey: on a first run it did not exist here yet)."""
    from wayfare.journeys.models import JourneyMap

    incidents = JourneyMap.objects.filter(name="Incident resolution").first()
    if incidents is None:
        return
    for dependent, depends_on, _critical, _note, _texts, incident_journey in DEPENDENCIES:
        if not incident_journey:
            continue
        dependency = RelationshipDependency.objects.get(
            dependent=relationship_by_name(dependent), depends_on=relationship_by_name(depends_on)
        )
        if not dependency.journeys.filter(pk=incidents.pk).exists():
            dependency.journeys.add(incidents)


def load(stdout: Any) -> None:
    ecampus = Organisation.objects.get(name="eCampus Car Share")
    text, translations = INTEGRATION_NOTES
    upsert(
        ServiceIntegration,
        {"organisation": ecampus},
        {
            "integration_model": IntegrationModel.RETAINED,
            "stance": IntegrationStance.HUB,
            "integrator": ecampus,
            "notes": text,
            "translations": {code: {"notes": value} for code, value in translations.items()},
        },
    )
    criteria = {}
    for name, dimension, weight, description, texts in CRITERIA:
        criteria[name] = upsert(
            SupplierCriterion,
            {"name": name},
            {
                "dimension": dimension,
                "weight": weight,
                "description": description,
                "translations": {code: {"name": t[0], "description": t[1]} for code, t in texts.items()},
            },
        )
    review = timezone.localdate().replace(day=1)
    for name, dependency, risk, managed, notes, texts, scores in ASSESSMENTS:
        assessment = upsert(
            SupplierAssessment,
            {"relationship": relationship_by_name(name)},
            {
                "dependency_level": dependency,
                "risk_level": risk,
                "managed_by_us": managed,
                "reviewed_on": review,
                "next_review": review + datetime.timedelta(days=90 if dependency >= 3 else 180),
                "notes": notes,
                "translations": {code: {"notes": value} for code, value in texts.items()},
            },
        )
        for criterion, score in scores.items():
            upsert(
                SupplierScore, {"assessment": assessment, "criterion": criteria[criterion]}, {"score": score}
            )
    for name, measure, unit, target, actuals, texts in PERFORMANCE:
        relationship = relationship_by_name(name)
        for end, actual in zip(_month_ends(len(actuals)), actuals, strict=True):
            upsert(
                SupplierPerformance,
                {"relationship": relationship, "measure": measure, "period": end.strftime("%Y-%m")},
                {
                    "measured_on": end,
                    "unit": unit,
                    "direction": PerformanceDirection.AT_LEAST,
                    "target": target,
                    "actual": actual,
                    "translations": {code: {"measure": value} for code, value in texts.items()},
                },
            )
    for name, requirement, status, evidence, texts in COMPLIANCE:
        upsert(
            SupplierCompliance,
            {"relationship": relationship_by_name(name), "requirement": requirement},
            {
                "status": status,
                "checked_on": review,
                "next_check": review + datetime.timedelta(days=120),
                "evidence": evidence,
                "translations": {code: {"requirement": t[0], "evidence": t[1]} for code, t in texts.items()},
            },
        )
    for dependent, depends_on, critical, note, texts, _incident_journey in DEPENDENCIES:
        dependency = upsert(
            RelationshipDependency,
            {"dependent": relationship_by_name(dependent), "depends_on": relationship_by_name(depends_on)},
            {
                "critical": critical,
                "note": note,
                "translations": {code: {"note": value} for code, value in texts.items()},
            },
        )
    for name, segment, description, factors, texts in PROFILES:
        profile = upsert(
            ExperienceProfile,
            {"name": name, "relationship": None},
            {
                "segment": segment,
                "description": description,
                "translations": {
                    code: {"name": t[0], "segment": t[1], "description": t[2]} for code, t in texts.items()
                },
            },
        )
        for factor, aspect, importance, note in factors:
            zh, ru = NOTE_TRANSLATIONS[note]
            upsert(
                ExperienceFactorImportance,
                {"profile": profile, "factor": factor, "aspect": aspect},
                {
                    "importance": importance,
                    "note": note,
                    "translations": {"zh-hans": {"note": zh}, "ru": {"note": ru}},
                },
            )
