"""The Offer step of the running story (DOMAIN.md section 8; SEED-NOTES "Offer"): eCampus's car-sharing
service and the products it rests on, the university's needs, and the offerings made for them: weekend
vans for students going out of town, pay-as-you-go for new students, and a long-stay offer still in
draft because the need it would serve is not stated yet. One risk of the weekend vans is accepted by the
university's customer; the other waits for her."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from wayfare.core.demo_tools import Texts, texts, upsert
from wayfare.parties.models import Organisation, Person

from .models import (
    BusinessCase,
    BusinessCaseOption,
    Charge,
    DemandMeasure,
    DemandRecord,
    Need,
    OfferingEffect,
    OfferingElement,
    Product,
    Requirement,
    RiskAcceptance,
    Service,
    ServiceOffering,
)

ECAMPUS, AXLE, UNIVERSITY = "eCampus Car Share", "Axle Car Hire", "São Paulo Campus University"

SERVICE: Texts = {
    "name": ("Campus car sharing", "校园汽车共享", "Каршеринг в кампусе"),
    "summary": (
        "Electric cars and vans on the campus, booked by the hour or the day in the Axle app.",
        "校园里的电动汽车和货车，在 Axle 应用中按小时或按天预订。",
        "Электромобили и фургоны в кампусе, бронируются по часам или по дням в приложении Axle.",
    ),
    "utility": (
        "Get where buses do not go, when you need to, without owning a car.",
        "无需拥有汽车，就能在需要时去大巴不到的地方。",
        "Добраться туда, куда не ходят автобусы, когда нужно, и без своей машины.",
    ),
    "availability": (
        "Cars can be booked day and night; the desk answers Monday to Friday 08:00-18:00 and Saturday 09:00-13:00.",
        "汽车全天可订；服务台周一至周五 08:00-18:00、周六 09:00-13:00 应答。",
        "Машины можно бронировать круглосуточно; служба отвечает пн-пт 08:00-18:00 и в сб 09:00-13:00.",
    ),
    "performance": (
        "A booking is confirmed within two minutes, with the bay number.",
        "预订在两分钟内确认，并附上车位号。",
        "Бронь подтверждается за две минуты, с номером места.",
    ),
    "capacity": (
        "40 cars and 6 vans at three campus bays.",
        "三个校园停车点共 40 辆汽车和 6 辆货车。",
        "40 машин и 6 фургонов на трёх стоянках кампуса.",
    ),
    "security": (
        "Cars open with the member's face or card; damage photos are kept for 90 days.",
        "凭会员的面部或卡片开车门；损伤照片保存 90 天。",
        "Машина открывается по лицу или карте участника; фото повреждений хранятся 90 дней.",
    ),
    "continuity": (
        "If a car fails, another one within the hour or the trip is refunded.",
        "若车辆出故障，一小时内换车，否则退还行程费用。",
        "Если машина подвела, другая в течение часа — или деньги за поездку возвращаются.",
    ),
}

PRODUCTS: list[tuple[str, Texts]] = [
    (
        AXLE,
        {
            "name": ("Axle booking app", "Axle 预订应用", "Приложение бронирования Axle"),
            "description": (
                "Booking, unlocking and self-reported damage, extended for eCampus.",
                "预订、开锁和自助报告损伤，已为 eCampus 扩展。",
                "Бронирование, открытие машины и самоотчёт о повреждениях, доработано для eCampus.",
            ),
            "resources": (
                "Axle's booking system, the app, payment processing, Axle's service desk.",
                "Axle 的预订系统、应用、支付处理、Axle 服务台。",
                "Система бронирования Axle, приложение, приём платежей, служба поддержки Axle.",
            ),
        },
    ),
    (
        ECAMPUS,
        {
            "name": ("eCampus fleet", "eCampus 车队", "Автопарк eCampus"),
            "description": (
                "The electric cars and vans with their campus bays and chargers.",
                "电动汽车和货车，以及校园停车点和充电桩。",
                "Электромобили и фургоны со стоянками и зарядками в кампусе.",
            ),
            "resources": (
                "40 cars and 6 vans from Axle, three bays and chargers on university land, GreenShine's cleaning.",
                "来自 Axle 的 40 辆汽车和 6 辆货车，大学土地上的三个停车点和充电桩，GreenShine 的清洁服务。",
                "40 машин и 6 фургонов от Axle, три стоянки с зарядками на земле университета, уборка GreenShine.",
            ),
        },
    ),
]

NEEDS: list[tuple[Texts, str, str]] = [
    (
        {
            "title": (
                "Students get out of town at weekends without a car",
                "学生无需汽车也能在周末出城",
                "Студенты выезжают за город на выходные без своей машины",
            ),
            "segment": (
                "Students going out of town at weekends",
                "周末出城的学生",
                "Студенты, уезжающие на выходные",
            ),
            "problem": (
                "Friday buses are full and do not reach festivals or family homes in the interior.",
                "周五的大巴满员，也到不了音乐节或内陆的家。",
                "Пятничные автобусы переполнены и не доезжают до фестивалей и родных в глубинке.",
            ),
            "causes": (
                "Few students own a car; rental firms ask for a credit card and a long licence history.",
                "很少有学生有车；租车公司要求信用卡和多年驾龄。",
                "Машины есть у немногих; прокат требует кредитную карту и большой стаж.",
            ),
            "effects": (
                "International students stay on campus alone at weekends; some leave after the first term.",
                "国际学生周末独自留在校园；有些人在第一学期后离开。",
                "Иностранные студенты проводят выходные одни в кампусе; некоторые уходят после первого семестра.",
            ),
            "context": (
                "The university welcomes students from abroad and wants a greener campus.",
                "大学欢迎海外学生，并希望校园更环保。",
                "Университет принимает студентов из-за рубежа и хочет более зелёный кампус.",
            ),
        },
        "served",
        "weekend",
    ),
    (
        {
            "title": (
                "New students find their way in their first weeks",
                "新生在头几周找到出行方式",
                "Новые студенты осваиваются в первые недели",
            ),
            "segment": ("New students", "新生", "Новые студенты"),
            "problem": (
                "New students arrive two months after the graduates leave and know nobody with a car.",
                "新生在毕业生离开两个月后才到，不认识有车的人。",
                "Новички приезжают через два месяца после выпускников и не знают никого с машиной.",
            ),
            "causes": ("", "", ""),
            "effects": ("", "", ""),
            "context": ("", "", ""),
        },
        "served",
        "new",
    ),
    (
        {
            "title": (
                "Long-stay students and staff commute safely overnight",
                "长期学生和教职工夜间安全通勤",
                "Долгосрочные студенты и сотрудники безопасно ездят по ночам",
            ),
            "segment": (
                "Commuting women and parents",
                "通勤的女性和父母",
                "Женщины и родители, ездящие на работу",
            ),
            "problem": (
                "Late buses feel unsafe and do not match shifts.",
                "夜班车让人感到不安全，也不配合排班。",
                "Поздние автобусы кажутся небезопасными и не совпадают со сменами.",
            ),
            "causes": ("", "", ""),
            "effects": ("", "", ""),
            "context": ("", "", ""),
        },
        "understood",
        "long",
    ),
]

REQUIREMENTS: list[tuple[str, str, str, Texts]] = [
    (
        "weekend",
        "utility",
        "must",
        {
            "text": (
                "A van for a whole weekend, Friday afternoon to Monday morning",
                "一辆货车可用整个周末，周五下午到周一上午",
                "Фургон на все выходные, с вечера пятницы до утра понедельника",
            )
        },
    ),
    (
        "weekend",
        "outcome",
        "should",
        {
            "text": (
                "Cheaper per person than four return bus tickets",
                "人均费用低于四张往返大巴票",
                "На человека дешевле четырёх билетов на автобус туда и обратно",
            )
        },
    ),
    (
        "weekend",
        "warranty",
        "must",
        {"text": ("Help on the road day and night", "昼夜道路救援", "Помощь на дороге днём и ночью")},
    ),
]

# name, need keys, state, elements, charges, effects
OFFERINGS: list[dict[str, Any]] = [
    {
        "texts": {
            "name": ("Weekend vans for students", "学生周末货车", "Фургоны на выходные для студентов"),
            "target_group": (
                "Students going out of town at weekends",
                "周末出城的学生",
                "Студенты, уезжающие на выходные",
            ),
            "summary": (
                "A van from Friday 16:00 to Monday 10:00, with roadside help.",
                "周五 16:00 至周一 10:00 的货车，含道路救援。",
                "Фургон с пятницы 16:00 до понедельника 10:00, с помощью на дороге.",
            ),
            "what_it_does": (
                "Take friends to a festival or go home for the weekend, in an electric van.",
                "开电动货车带朋友去音乐节，或周末回家。",
                "Свозить друзей на фестиваль или съездить домой на выходные на электрофургоне.",
            ),
            "how_to_ask": (
                "Book in the Axle app under 'Weekend van' at least two days ahead; the link is in the university's welcome message.",
                "至少提前两天在 Axle 应用的“周末货车”中预订；链接在大学的欢迎信中。",
                "Бронируйте в приложении Axle в разделе «Фургон на выходные» минимум за два дня; ссылка есть в приветственном письме университета.",
            ),
            "performance": (
                "In the last term 96% of weekend bookings were confirmed within two minutes.",
                "上学期 96% 的周末预订在两分钟内得到确认。",
                "В прошлом семестре 96% броней на выходные подтверждены за две минуты.",
            ),
            "constraints": (
                "Driving licence held for at least one year; range about 300 km, charge on the way for longer trips.",
                "驾照须持有满一年；续航约 300 公里，更远的行程需途中充电。",
                "Права не менее года; запас хода около 300 км, в дальних поездках нужна зарядка в пути.",
            ),
            "technical": (
                "Bookings arrive from Axle's booking system by webhook; damage photos through its API.",
                "预订通过 webhook 从 Axle 预订系统传来；损伤照片通过其 API 传送。",
                "Брони приходят из системы Axle через webhook; фото повреждений — через её API.",
            ),
        },
        "needs": ["weekend"],
        "state": "published",
        "elements": [
            (
                "access",
                "eCampus fleet",
                ("A van from a campus bay", "校园停车点的一辆货车", "Фургон со стоянки кампуса"),
            ),
            (
                "action",
                None,
                (
                    "Roadside help day and night by Rota Assist",
                    "Rota Assist 提供昼夜道路救援",
                    "Помощь на дороге круглосуточно от Rota Assist",
                ),
            ),
            (
                "action",
                "Axle booking app",
                (
                    "Axle's service desk for the trip",
                    "行程期间的 Axle 服务台",
                    "Служба поддержки Axle на время поездки",
                ),
            ),
        ],
        "charges": [
            (("Weekend rate", "周末价", "Тариф выходного дня"), "289.00", "per_use"),
            (("Refundable deposit", "可退押金", "Возвратный залог"), "300.00", "one_off"),
        ],
        "effects": [
            (
                "outcome",
                "supported",
                {
                    "description": (
                        "Festival and family weekends without owning a car",
                        "无需拥有汽车也能去音乐节、回家过周末",
                        "Фестивали и выходные у родных без своей машины",
                    )
                },
                {},
            ),
            (
                "outcome",
                "affected",
                {
                    "description": (
                        "Less spontaneous: a van must be booked two days ahead",
                        "不够随性：货车须提前两天预订",
                        "Меньше спонтанности: фургон бронируется за два дня",
                    )
                },
                {},
            ),
            (
                "cost",
                "removed",
                {
                    "description": (
                        "Bus and taxi fares to the festival",
                        "去音乐节的大巴和出租车费",
                        "Автобус и такси до фестиваля",
                    ),
                    "amount_unit": (
                        "BRL per person and weekend",
                        "雷亚尔/人/周末",
                        "реалов на человека за выходные",
                    ),
                },
                {"cost_kind": "money", "amount": "120.00", "borne_by": "consumer"},
            ),
            (
                "cost",
                "introduced",
                {
                    "description": (
                        "Photo report of damage at pick-up and return",
                        "取车和还车时拍照报告损伤",
                        "Фотоотчёт о повреждениях при получении и возврате",
                    ),
                    "amount_unit": ("minutes per trip", "分钟/次", "минут за поездку"),
                },
                {"cost_kind": "time", "amount": "10.00", "borne_by": "consumer"},
            ),
            (
                "cost",
                "introduced",
                {
                    "description": (
                        "Charging the van on long trips",
                        "长途时为货车充电",
                        "Зарядка фургона в дальних поездках",
                    ),
                    "amount_unit": ("", "", ""),
                },
                {"cost_kind": "resources", "borne_by": "consumer"},
            ),
            (
                "risk",
                "removed",
                {
                    "description": (
                        "Being stranded on the road at night",
                        "夜间被困在路上",
                        "Застрять ночью на дороге",
                    ),
                    "mitigation": ("", "", ""),
                },
                {},
            ),
            (
                "risk",
                "introduced",
                {
                    "description": (
                        "Being charged for damage one did not cause",
                        "为不是自己造成的损伤付费",
                        "Заплатить за чужое повреждение",
                    ),
                    "mitigation": (
                        "A person compares the photos of pick-up and return before any charge.",
                        "收费前由人工比较取车和还车的照片。",
                        "Перед любым списанием человек сравнивает фото при получении и возврате.",
                    ),
                },
                {"likelihood": "low", "impact": "medium", "accept": False},
            ),
            (
                "risk",
                "introduced",
                {
                    "description": (
                        "Public chargers on the way may be broken",
                        "途中的公共充电桩可能损坏",
                        "Общественные зарядки в пути могут не работать",
                    ),
                    "mitigation": (
                        "The app shows live charger status and a second charger nearby.",
                        "应用显示充电桩实时状态和附近的备用充电桩。",
                        "Приложение показывает состояние зарядок и запасную рядом.",
                    ),
                },
                {"likelihood": "medium", "impact": "medium", "accept": True},
            ),
        ],
    },
    {
        "texts": {
            "name": ("Pay as you go for new students", "新生随用随付", "Оплата по факту для новых студентов"),
            "target_group": (
                "New students in their first term",
                "第一学期的新生",
                "Новые студенты в первом семестре",
            ),
            "summary": (
                "Any car by the hour, no subscription, student prices in the first term.",
                "任意汽车按小时计费，无需订阅，第一学期享学生价。",
                "Любая машина по часам, без подписки, студенческие цены в первом семестре.",
            ),
            "what_it_does": (
                "A car when you need one: shopping, a doctor's visit, moving your things in.",
                "需要时就有车：购物、看医生、搬东西。",
                "Машина, когда нужна: покупки, визит к врачу, переезд.",
            ),
            "how_to_ask": (
                "Sign up in the Axle app with your university e-mail.",
                "用大学邮箱在 Axle 应用中注册。",
                "Зарегистрируйтесь в приложении Axle с университетской почтой.",
            ),
            "performance": ("", "", ""),
            "constraints": (
                "Student prices end with the first term.",
                "学生价在第一学期结束时终止。",
                "Студенческие цены действуют только в первом семестре.",
            ),
            "technical": ("", "", ""),
        },
        "needs": ["new"],
        "state": "published",
        "elements": [
            (
                "access",
                "eCampus fleet",
                ("Any car at a campus bay", "校园停车点的任意汽车", "Любая машина на стоянке кампуса"),
            ),
        ],
        "charges": [
            (("Student hourly rate", "学生小时价", "Студенческий почасовой тариф"), "9.90", "per_hour")
        ],
        "effects": [
            (
                "outcome",
                "supported",
                {
                    "description": (
                        "Settling in without waiting for new friends with a car",
                        "不必等结识有车的新朋友就能安顿下来",
                        "Обустроиться, не дожидаясь друзей с машиной",
                    )
                },
                {},
            ),
            (
                "cost",
                "removed",
                {
                    "description": ("A subscription fee", "订阅费", "Абонентская плата"),
                    "amount_unit": ("BRL per month", "雷亚尔/月", "реалов в месяц"),
                },
                {"cost_kind": "money", "amount": "49.00", "borne_by": "consumer"},
            ),
        ],
    },
    {
        "texts": {
            "name": ("Long-stay commuting", "长期通勤", "Долгосрочные поездки на работу"),
            "target_group": (
                "Long-stay students and staff",
                "长期学生和教职工",
                "Долгосрочные студенты и сотрудники",
            ),
            "summary": (
                "The same car every night for a month, at a monthly price.",
                "一个月内每晚同一辆车，按月计价。",
                "Одна и та же машина каждую ночь в течение месяца, по месячной цене.",
            ),
            "what_it_does": ("", "", ""),
            "how_to_ask": ("", "", ""),
            "performance": ("", "", ""),
            "constraints": ("", "", ""),
            "technical": ("", "", ""),
        },
        "needs": [],
        "state": "draft",
        "elements": [],
        "charges": [],
        "effects": [],
    },
]


def _needs(orgs: dict[str, Organisation]) -> dict[str, Need]:
    from wayfare.relationships.demo_parts.relationship import relationship_by_name

    relationship = relationship_by_name("Campus car sharing for students")
    found = {}
    for fields, status, key in NEEDS:
        title = fields["title"][0]
        found[key] = upsert(
            Need,
            {"organisation": orgs[UNIVERSITY], "title": title},
            {**texts(fields, lookup=("title",)), "status": status, "relationship": relationship},
        )
    for key, kind, priority, fields in REQUIREMENTS:
        upsert(
            Requirement,
            {"need": found[key], "text": fields["text"][0]},
            {**texts(fields, lookup=("text",)), "kind": kind, "priority": priority},
        )
    return found


@transaction.atomic
def load(stdout: Any) -> None:
    orgs = {o.name: o for o in Organisation.objects.filter(name__in=[ECAMPUS, AXLE, UNIVERSITY])}
    from wayfare.core.calendar_models import BusinessCalendar

    desk_hours = BusinessCalendar.objects.filter(name="eCampus service desk").first()
    service = upsert(
        Service,
        {"name": SERVICE["name"][0]},
        {**texts(SERVICE), "provider": orgs[ECAMPUS], "status": "live", "calendar": desk_hours},
    )
    products = {}
    for provider, fields in PRODUCTS:
        products[fields["name"][0]] = upsert(
            Product, {"name": fields["name"][0]}, {**texts(fields), "provider": orgs[provider]}
        )
    products["eCampus fleet"].uses_products.set([products["Axle booking app"]])
    needs = _needs(orgs)
    beatriz = Person.objects.get(name="Beatriz Lima")
    for spec in OFFERINGS:
        fields = spec["texts"]
        offering = upsert(
            ServiceOffering,
            {"name": fields["name"][0]},
            {**texts(fields), "service": service, "state": spec["state"]},
        )
        offering.target_organisations.set([orgs[UNIVERSITY]])
        offering.needs.set([needs[key] for key in spec["needs"]])
        if spec["state"] == "published" and offering.published_on is None:
            ServiceOffering.objects.filter(pk=offering.pk).update(published_on=datetime.date(2026, 9, 1))
        for kind, product, (en, zh, ru) in spec["elements"]:
            upsert(
                OfferingElement,
                {"offering": offering, "name": en},
                {
                    "kind": kind,
                    "product": products.get(product) if product else None,
                    "translations": {"zh-hans": {"name": zh}, "ru": {"name": ru}},
                },
            )
        for (en, zh, ru), amount, unit in spec["charges"]:
            upsert(
                Charge,
                {"offering": offering, "name": en},
                {
                    "amount": amount,
                    "unit": unit,
                    "currency": "BRL",
                    "translations": {"zh-hans": {"name": zh}, "ru": {"name": ru}},
                },
            )
        for category, direction, words, values in spec["effects"]:
            values = dict(values)
            accept = values.pop("accept", None)
            effect = upsert(
                OfferingEffect,
                {
                    "offering": offering,
                    "category": category,
                    "direction": direction,
                    "description": words["description"][0],
                },
                {**texts(words, lookup=("description",)), **values},
            )
            if accept:
                upsert(
                    RiskAcceptance,
                    {"effect": effect, "organisation": orgs[UNIVERSITY]},
                    {
                        "person": beatriz,
                        "accepted_on": datetime.date(2026, 9, 3),
                        "note": "Agreed at the start-of-term meeting with the students' union.",
                        "translations": {
                            "zh-hans": {"note": "在开学时与学生会的会议上同意。"},
                            "ru": {
                                "note": "Согласовано на встрече со студенческим союзом в начале семестра."
                            },
                        },
                    },
                )
    load_demand_and_cases(stdout)
    load_value_trees(stdout)
    load_later_offers(stdout)
    stdout.write(
        f"  Offerings: {ServiceOffering.objects.count()}, of them published: "
        f"{ServiceOffering.objects.filter(state='published').count()}."
    )


# offering, period texts, dates, demand, capacity, unit texts, measures (kind, effect, texts)
DEMAND: list[dict[str, Any]] = [
    {
        "offering": "Pay as you go for new students",
        "texts": {
            "name": ("First weeks of term", "开学头几周", "Первые недели семестра"),
            "pattern": (
                "New students sign up all at once in the first three weeks; most calls are about the licence check.",
                "新生在头三周集中注册；大多数来电是关于驾照审核的。",
                "Новички регистрируются разом в первые три недели; больше всего звонков о проверке прав.",
            ),
            "user_profile": (
                "First-year students, many from abroad, on their phones, often in English or Chinese.",
                "一年级学生，很多来自海外，用手机联系，常用英语或中文。",
                "Первокурсники, многие из-за рубежа, с телефонов, часто на английском или китайском.",
            ),
            "unit": ("desk calls per day", "服务台来电/天", "звонков в службу в день"),
        },
        "dates": ("2027-02-15", "2027-03-07"),
        "demand": "260",
        "capacity": "180",
        "measures": [
            (
                "capacity",
                "80",
                "running",
                {
                    "description": (
                        "Two more desk staff at Axle's desk for the first three weeks",
                        "开学头三周 Axle 服务台增加两名员工",
                        "Ещё двое сотрудников в службе Axle на первые три недели",
                    )
                },
            ),
            (
                "shape",
                "-40",
                "planned",
                {
                    "description": (
                        "Sign-up videos linked in the university's welcome message",
                        "在大学欢迎信中附上注册视频链接",
                        "Видео о регистрации по ссылке в приветственном письме университета",
                    )
                },
            ),
        ],
    },
    {
        "offering": "Weekend vans for students",
        "texts": {
            "name": ("The quiet month after graduation", "毕业后的淡季月份", "Тихий месяц после выпуска"),
            "pattern": (
                "Graduates have left and new students arrive two months later: weekend vans stand idle.",
                "毕业生已离开，新生两个月后才到：周末货车闲置。",
                "Выпускники уехали, новички приедут через два месяца: фургоны по выходным простаивают.",
            ),
            "user_profile": (
                "Students staying for further study or jobs, and staff.",
                "留下继续深造或工作的学生，以及教职工。",
                "Студенты, оставшиеся учиться дальше или работать, и сотрудники.",
            ),
            "unit": ("van weekends per month", "货车周末数/月", "фургоно-выходных в месяц"),
        },
        "dates": ("2026-12-01", "2026-12-31"),
        "demand": "9",
        "capacity": "24",
        "measures": [
            (
                "shape",
                "8",
                "planned",
                {
                    "description": (
                        "Low prices for staff and students who stay, in December",
                        "十二月为留下的教职工和学生提供低价",
                        "Низкие цены в декабре для оставшихся студентов и сотрудников",
                    )
                },
            ),
        ],
    },
]

CASE: Texts = {
    "title": (
        "A long-stay commuting offer",
        "长期通勤服务产品",
        "Предложение для долгосрочных поездок на работу",
    ),
    "summary": (
        "Whether and how to serve staff and long-stay students who commute overnight.",
        "是否以及如何服务夜间通勤的教职工和长期学生。",
        "Стоит ли и как обслуживать сотрудников и долгосрочных студентов, которые ездят по ночам.",
    ),
}

CASE_OPTIONS: list[tuple[bool, tuple[str, str, str], dict[str, str], Texts]] = [
    (
        True,
        ("0", "0", "0"),
        {},
        {
            "name": ("Do nothing", "什么都不做", "Ничего не делать"),
            "outcomes": (
                "Nothing changes for commuters.",
                "通勤者的情况不变。",
                "Для тех, кто ездит, ничего не меняется.",
            ),
            "costs": (
                "None for us; commuters keep paying for late taxis.",
                "我们没有成本；通勤者继续为夜间出租车付费。",
                "Для нас никаких; люди продолжают платить за ночные такси.",
            ),
            "risks": (
                "Commuters keep taking late buses they feel unsafe on.",
                "通勤者继续乘坐让他们感到不安全的夜班车。",
                "Люди продолжают ездить на поздних автобусах, в которых им небезопасно.",
            ),
            "mitigations": ("", "", ""),
            "residual_risk": (
                "The segment goes to a competitor.",
                "这一细分群体转向竞争对手。",
                "Сегмент уходит к конкуренту.",
            ),
        },
    ),
    (
        False,
        ("20000", "36000", "96000"),
        {},
        {
            "name": (
                "The same car every night, at a monthly price",
                "每晚同一辆车，按月计价",
                "Одна машина каждую ночь по месячной цене",
            ),
            "outcomes": (
                "Safe, predictable trips home after late shifts.",
                "夜班后安全、可预期地回家。",
                "Безопасная и предсказуемая дорога домой после поздних смен.",
            ),
            "costs": (
                "Six more cars from Axle; a monthly booking feature in the app.",
                "从 Axle 再租六辆车；应用中增加按月预订功能。",
                "Ещё шесть машин от Axle; месячное бронирование в приложении.",
            ),
            "risks": ("Cars stand idle by day.", "白天车辆闲置。", "Днём машины простаивают."),
            "mitigations": (
                "Offer the cars by the hour in daytime.",
                "白天按小时出租这些车。",
                "Днём сдавать эти машины почасово.",
            ),
            "residual_risk": (
                "Fewer daytime users than hoped.",
                "白天用户少于预期。",
                "Дневных пользователей меньше, чем ожидалось.",
            ),
        },
    ),
    (
        False,
        ("5000", "60000", "70000"),
        {},
        {
            "name": (
                "Late rides with a partner taxi firm",
                "与合作出租车公司合作的夜间出行",
                "Поздние поездки с партнёрским такси",
            ),
            "outcomes": (
                "Rides home without driving after a long shift.",
                "长班后无需自己开车即可回家。",
                "Дорога домой без руля после долгой смены.",
            ),
            "costs": (
                "A share of every ride, paid to the partner.",
                "每次出行的一部分费用付给合作方。",
                "Доля каждой поездки уходит партнёру.",
            ),
            "risks": (
                "Less control over the experience.",
                "对体验的控制减少。",
                "Меньше контроля над впечатлением клиента.",
            ),
            "mitigations": (
                "Service levels in the supplier agreement.",
                "在供应商协议中约定服务级别。",
                "Уровни услуг в договоре с поставщиком.",
            ),
            "residual_risk": (
                "The partner's drivers decide the experience.",
                "体验取决于合作方的司机。",
                "Впечатление зависит от водителей партнёра.",
            ),
        },
    ),
]


def load_demand_and_cases(stdout: Any) -> None:
    for spec in DEMAND:
        offering = ServiceOffering.objects.get(name=spec["offering"])
        record = upsert(
            DemandRecord,
            {"offering": offering, "name": spec["texts"]["name"][0]},
            {
                **texts(spec["texts"]),
                "starts": datetime.date.fromisoformat(spec["dates"][0]),
                "ends": datetime.date.fromisoformat(spec["dates"][1]),
                "demand": spec["demand"],
                "capacity": spec["capacity"],
            },
        )
        for kind, effect, status, words in spec["measures"]:
            upsert(
                DemandMeasure,
                {"record": record, "description": words["description"][0]},
                {**texts(words, lookup=("description",)), "kind": kind, "effect": effect, "status": status},
            )
    need = Need.objects.get(title="Long-stay students and staff commute safely overnight")
    case = upsert(BusinessCase, {"need": need, "title": CASE["title"][0]}, {**texts(CASE, lookup=("title",))})
    for do_nothing, (one_off, yearly, benefit), _extra, words in CASE_OPTIONS:
        upsert(
            BusinessCaseOption,
            {"case": case, "name": words["name"][0]},
            {
                **texts(words),
                "do_nothing": do_nothing,
                "one_off_cost": one_off,
                "yearly_cost": yearly,
                "yearly_benefit": benefit,
            },
        )
    stdout.write(
        f"  Demand records: {DemandRecord.objects.count()}; business cases: {BusinessCase.objects.count()}."
    )


# The value drivers of the weekend-trips need, built top-down from the university's purpose (000 Figure
# 1.11): (key, parent key, layer, texts, product, linked to the weekend vans).
VALUE_TREE: Texts = {
    "name": (
        "Weekends away without a car",
        "无车也能周末出游",
        "Выходные за городом без машины",
    ),
    "description": (
        "Why the university wants students out of town at weekends, and what of ours gets them there.",
        "大学为何希望学生周末出城，以及我们用什么把他们送到那里。",
        "Зачем университету, чтобы студенты выезжали на выходные, и что из нашего их туда довозит.",
    ),
}
VALUE_NODES: list[tuple[str, str | None, str, tuple[str, str, str], str | None, bool]] = [
    (
        "purpose",
        None,
        "purpose",
        (
            "The university wants international students to feel at home and stay",
            "大学希望国际学生有家的感觉并留下来",
            "Университет хочет, чтобы иностранные студенты чувствовали себя как дома и оставались",
        ),
        None,
        False,
    ),
    (
        "trips",
        "purpose",
        "objective",
        ("Weekend trips out of town", "周末出城旅行", "Поездки за город на выходные"),
        None,
        False,
    ),
    (
        "dropout",
        "purpose",
        "objective",
        (
            "Lower drop-out after the first term",
            "降低第一学期后的退学率",
            "Меньше отчислений после первого семестра",
        ),
        None,
        False,
    ),
    (
        "festivals",
        "trips",
        "outcome",
        ("Festival weekends without a car", "无车也能过音乐节周末", "Фестивальные выходные без своей машины"),
        None,
        False,
    ),
    (
        "safe",
        "dropout",
        "experience",
        ("Feeling safe on the road", "在路上感到安全", "Чувство безопасности в дороге"),
        None,
        False,
    ),
    (
        "van",
        "festivals",
        "utility",
        ("A van from Friday to Monday", "周五到周一的货车", "Фургон с пятницы до понедельника"),
        None,
        True,
    ),
    (
        "roadside",
        "safe",
        "warranty",
        ("Roadside help day and night", "全天候道路救援", "Помощь на дороге днём и ночью"),
        None,
        True,
    ),
    (
        "confirmed",
        "safe",
        "warranty",
        ("Booking confirmed within 2 minutes", "预订在 2 分钟内确认", "Бронь подтверждается за 2 минуты"),
        None,
        True,
    ),
    (
        "fleet",
        "van",
        "resource",
        ("eCampus fleet", "eCampus 车队", "Автопарк eCampus"),
        "eCampus fleet",
        True,
    ),
    (
        "app",
        "confirmed",
        "resource",
        ("Axle booking app", "Axle 预订应用", "Приложение бронирования Axle"),
        "Axle booking app",
        True,
    ),
]


def load_value_trees(stdout: Any) -> None:
    """The top-down value-driver tree of "Students get out of town at weekends without a car"."""
    from .models import ValueDriverNode, ValueDriverTree

    need = Need.objects.get(
        organisation__name=UNIVERSITY, title="Students get out of town at weekends without a car"
    )
    vans = ServiceOffering.objects.get(name="Weekend vans for students")
    tree = upsert(
        ValueDriverTree,
        {"need": need, "name": VALUE_TREE["name"][0]},
        {**texts(VALUE_TREE), "approach": "top_down"},
    )
    made: dict[str, Any] = {}
    for position, (key, parent, layer, words, product, linked) in enumerate(VALUE_NODES):
        made[key] = upsert(
            ValueDriverNode,
            {"tree": tree, "text": words[0]},
            {
                **texts({"text": words}, lookup=("text",)),
                "parent": made[parent] if parent else None,
                "layer": layer,
                "position": position,
                "product": Product.objects.get(name=product) if product else None,
                "offering": vans if linked else None,
            },
        )
    stdout.write(f"  Value-driver trees: {ValueDriverTree.objects.count()}, drivers: {tree.nodes.count()}.")


# Later in the Offer step: a semester plan still in draft, the bike racks dropped after a survey, and a
# self-service portal whose effects are weighed as in Table 4.12 (outcomes supported and affected, risks
# and costs removed and introduced) before it is offered.
SEMESTER_PLAN: Texts = {
    "name": ("Semester plan", "学期套餐", "Семестровый тариф"),
    "target_group": (
        "Students who drive every week",
        "每周都用车的学生",
        "Студенты, которые ездят каждую неделю",
    ),
    "summary": (
        "One flat charge per semester for up to 30 hours of driving a month, any car or van.",
        "每学期一次性统一收费，每月最多 30 小时驾驶，汽车或货车任选。",
        "Одна фиксированная плата за семестр: до 30 часов вождения в месяц, любая машина или фургон.",
    ),
    "what_it_does": (
        "Drive to your weekly job or team training without counting the hours.",
        "开车去每周的兼职或球队训练，不用计算小时数。",
        "Ездить на еженедельную подработку или тренировку команды, не считая часы.",
    ),
    "how_to_ask": ("", "", ""),
    "performance": ("", "", ""),
    "constraints": (
        "Hours left over at the end of a month do not carry over.",
        "月底未用完的小时数不结转。",
        "Неиспользованные за месяц часы не переносятся.",
    ),
    "technical": ("", "", ""),
}
SEMESTER_CHARGE: Texts = {
    "name": ("Semester fee", "学期费", "Плата за семестр"),
    "note": (
        "Paid once at the start of each semester.",
        "每学期开始时支付一次。",
        "Вносится один раз в начале каждого семестра.",
    ),
}

BIKE_NEED: Texts = {
    "title": (
        "Members cycle to the car bays",
        "会员骑自行车到汽车停车点",
        "Участники приезжают к стоянкам на велосипеде",
    ),
    "segment": (
        "Students living in the halls by the east gate",
        "住在东门附近宿舍的学生",
        "Студенты из общежитий у восточных ворот",
    ),
    "problem": (
        "There is nowhere safe to leave a bike near the east gate bay while the car is out.",
        "东门停车点附近没有安全的地方在用车期间停放自行车。",
        "У стоянки у восточных ворот негде надёжно оставить велосипед, пока машина в поездке.",
    ),
    "causes": ("", "", ""),
    "effects": ("", "", ""),
    "context": ("", "", ""),
}
BIKE_CASE: Texts = {
    "title": ("Bike racks at the east gate", "东门自行车架", "Велопарковка у восточных ворот"),
    "summary": (
        "Whether to put covered bike racks beside the east gate bay for members who ride there.",
        "是否在东门停车点旁为骑车前来的会员设置带顶棚的自行车架。",
        "Ставить ли крытую велопарковку рядом со стоянкой у восточных ворот для тех, кто приезжает на велосипеде.",
    ),
    "decision_note": (
        "Dropped: in the student survey of November only a handful of members said they would ride to "
        "the bay; the money goes to the charging bays instead.",
        "放弃：在十一月的学生调查中，只有寥寥几位会员表示会骑车到停车点；这笔钱改用于充电车位。",
        "Отказались: в ноябрьском опросе студентов лишь несколько участников сказали, что приезжали бы "
        "к стоянке на велосипеде; деньги пойдут на зарядные места.",
    ),
}
BIKE_OPTIONS: list[tuple[bool, tuple[str, str, str], Texts]] = [
    (
        True,
        ("0", "0", "0"),
        {
            "name": ("Do nothing", "什么都不做", "Ничего не делать"),
            "outcomes": (
                "Members keep walking from the halls, about ten minutes.",
                "会员继续从宿舍步行过来，大约十分钟。",
                "Участники по-прежнему идут от общежитий пешком, минут десять.",
            ),
            "costs": ("None.", "无。", "Никаких."),
            "risks": (
                "A few members lock bikes to the fence and block the path.",
                "少数会员把自行车锁在围栏上，堵住通道。",
                "Несколько человек пристёгивают велосипеды к забору и загораживают проход.",
            ),
            "mitigations": ("", "", ""),
            "residual_risk": ("", "", ""),
        },
    ),
    (
        False,
        ("18000", "1500", "2500"),
        {
            "name": (
                "Build covered racks for 20 bikes",
                "建造可停 20 辆自行车的带顶棚车架",
                "Построить крытую велопарковку на 20 мест",
            ),
            "outcomes": (
                "A safe place for a bike while its rider is out in a car.",
                "骑车人开车外出时，自行车有安全的存放处。",
                "Надёжное место для велосипеда, пока его хозяин в поездке на машине.",
            ),
            "costs": (
                "Building work on university land and a yearly check of the locks.",
                "在大学土地上施工，每年检查一次车锁。",
                "Строительство на земле университета и ежегодная проверка замков.",
            ),
            "risks": (
                "The racks stand empty.",
                "车架无人使用。",
                "Велопарковка пустует.",
            ),
            "mitigations": (
                "Ask members first in the student survey.",
                "先在学生调查中询问会员意见。",
                "Сначала спросить участников в опросе студентов.",
            ),
            "residual_risk": (
                "Interest may rise once the new halls open.",
                "新宿舍启用后需求可能上升。",
                "Интерес может вырасти, когда откроются новые общежития.",
            ),
        },
    ),
]

PORTAL: Texts = {
    "name": (
        "Self-service portal for members",
        "会员自助服务门户",
        "Портал самообслуживания для участников",
    ),
    "target_group": (
        "All members: students and staff",
        "全体会员：学生和教职工",
        "Все участники: студенты и сотрудники",
    ),
    "summary": (
        "One place to book, extend a trip, report damage or a problem and follow it until it is solved.",
        "一站式完成预订、延长行程、报告损伤或问题，并跟踪处理直至解决。",
        "Одно место, где можно забронировать, продлить поездку, сообщить о повреждении или проблеме и "
        "следить за ней до решения.",
    ),
    "what_it_does": (
        "Sort out your trip yourself, at any hour, and see what happens to what you reported.",
        "随时自己处理行程，并查看所报告问题的处理进展。",
        "Решайте вопросы по поездке сами в любое время и видите, что происходит с вашим обращением.",
    ),
    "how_to_ask": ("", "", ""),
    "performance": ("", "", ""),
    "constraints": (
        "Built on Axle's booking system: when it is down, only the desk phone is left.",
        "基于 Axle 预订系统：系统宕机时只能拨打服务台电话。",
        "Работает на системе бронирования Axle: когда она недоступна, остаётся только телефон службы.",
    ),
    "technical": ("", "", ""),
}
# category, direction, texts, values (as in OFFERINGS)
PORTAL_EFFECTS: list[tuple[str, str, Texts, dict[str, Any]]] = [
    (
        "outcome",
        "supported",
        {
            "description": (
                "Quicker answers, and one place for every request",
                "答复更快，所有请求都在一个地方",
                "Быстрее ответы и одно место для всех обращений",
            )
        },
        {},
    ),
    (
        "outcome",
        "supported",
        {
            "description": (
                "Members follow their reports and see planned charger works ahead",
                "会员可跟踪自己的报告，并提前看到充电桩的检修计划",
                "Участники следят за своими обращениями и заранее видят плановые работы на зарядках",
            )
        },
        {},
    ),
    (
        "outcome",
        "affected",
        {
            "description": (
                "Fewer conversations with a person at the desk",
                "与服务台人员的直接交流减少",
                "Меньше живого общения с сотрудниками службы",
            )
        },
        {},
    ),
    (
        "risk",
        "removed",
        {
            "description": (
                "Requests put in the wrong queue when typed in by hand",
                "人工录入时请求被分到错误的队列",
                "Обращения попадают не в ту очередь при ручном вводе",
            ),
            "mitigation": ("", "", ""),
        },
        {},
    ),
    (
        "risk",
        "introduced",
        {
            "description": (
                "One point of failure: when the portal is down, members cannot reach us online",
                "单点故障：门户宕机时，会员无法在线联系我们",
                "Единая точка отказа: когда портал недоступен, с нами нельзя связаться онлайн",
            ),
            "mitigation": (
                "The desk phone stays open in desk hours and the app shows the portal's status.",
                "服务台电话在工作时间保持畅通，应用会显示门户状态。",
                "Телефон службы работает в её часы, а приложение показывает состояние портала.",
            ),
        },
        {"likelihood": "low", "impact": "high"},
    ),
    (
        "cost",
        "removed",
        {
            "description": (
                "Calling the desk to change or extend a booking",
                "致电服务台更改或延长预订",
                "Звонок в службу, чтобы изменить или продлить бронь",
            ),
            "amount_unit": ("minutes per change", "分钟/次更改", "минут на изменение"),
        },
        {"cost_kind": "time", "amount": "8.00", "borne_by": "consumer"},
    ),
    (
        "cost",
        "introduced",
        {
            "description": (
                "Learning the portal and keeping a login",
                "学习使用门户并保管登录账号",
                "Освоить портал и помнить свой логин",
            ),
            "amount_unit": ("minutes, once", "分钟（一次性）", "минут, один раз"),
        },
        {"cost_kind": "time", "amount": "15.00", "borne_by": "consumer"},
    ),
]


def load_later_offers(stdout: Any) -> None:
    """The semester plan (draft), the rejected bike racks case and the self-service portal's effects."""
    from django.contrib.auth import get_user_model

    from .services.business import business_case_decision_refusal, business_case_reject

    university = Organisation.objects.get(name=UNIVERSITY)
    service = Service.objects.get(name=SERVICE["name"][0])
    weekend = Need.objects.get(organisation=university, title=NEEDS[0][0]["title"][0])

    plan = upsert(
        ServiceOffering,
        {"name": SEMESTER_PLAN["name"][0]},
        {**texts(SEMESTER_PLAN), "service": service, "state": "draft"},
    )
    plan.target_organisations.set([university])
    plan.needs.set([weekend])
    upsert(
        Charge,
        {"offering": plan, "name": SEMESTER_CHARGE["name"][0]},
        {**texts(SEMESTER_CHARGE), "amount": "390.00", "unit": "one_off", "currency": "BRL"},
    )

    need = upsert(
        Need,
        {"organisation": university, "title": BIKE_NEED["title"][0]},
        {**texts(BIKE_NEED, lookup=("title",)), "status": "dropped", "relationship": weekend.relationship},
    )
    case = upsert(
        BusinessCase,
        {"need": need, "title": BIKE_CASE["title"][0]},
        {**texts(BIKE_CASE, lookup=("title",)), "horizon_years": 5},
    )
    for do_nothing, (one_off, yearly, benefit), words in BIKE_OPTIONS:
        upsert(
            BusinessCaseOption,
            {"case": case, "name": words["name"][0]},
            {
                **texts(words),
                "do_nothing": do_nothing,
                "one_off_cost": one_off,
                "yearly_cost": yearly,
                "yearly_benefit": benefit,
            },
        )
    if case.decision == "open":
        refusal = business_case_decision_refusal(case)
        if refusal:
            raise RuntimeError(f"Demo business case: {refusal}")
        case = business_case_reject(instance=case, actor=get_user_model().objects.get(username="mariana"))

    portal = upsert(
        ServiceOffering,
        {"name": PORTAL["name"][0]},
        {**texts(PORTAL), "service": service, "state": "draft"},
    )
    portal.target_organisations.set([university])
    for category, direction, words, values in PORTAL_EFFECTS:
        upsert(
            OfferingEffect,
            {
                "offering": portal,
                "category": category,
                "direction": direction,
                "description": words["description"][0],
            },
            {**texts(words, lookup=("description",)), **values},
        )
    stdout.write(f"  Later offers: {plan}, {portal}; business case {case}: {case.get_decision_display()}.")
