"""Demo content of the stakeholders part (issue #12 section 8): eCampus's own stakeholder map, on which
the university's sponsor moved (his interest rose once the discount deal for new students was agreed),
and the stakeholders of the campus car-sharing relationship with the university. Facts of the story
(DOMAIN.md section 8, SEED-NOTES), in our own words, in English, Chinese and Russian."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model

from wayfare.core.demo_tools import upsert
from wayfare.parties.models import Organisation, Person

from ..models import Stakeholder, StakeholderPosition, approach_for
from .relationship import relationship_by_name

D = datetime.date

# Each stakeholder: name, kind, person, organisation, side, category, revisit by, texts, positions.
# ``texts``: {language: {field: text}} with "en" the record's own values; ``positions``: (date,
# influence, interest, {language: note}), oldest first (the last is the current place).
OWN_MAP: list[dict[str, Any]] = [
    {
        "name": "Henri Laurent",
        "kind": "person",
        "person": "Henri Laurent",
        "organisation": "Axle Car Hire",
        "side": "external",
        "category": "partner",
        "revisit_by": D(2027, 1, 15),
        "texts": {
            "en": {
                "functional_aspiration": "A partner that proves Axle's digital services work for car sharing.",
                "social_aspiration": "To be seen as the CIO who kept Axle ahead of the start-ups.",
                "emotional_aspiration": "Confidence that the shared strategy is paying off.",
                "notes": "Axle's CIO; Axle brings funding, expertise, infrastructure and technology.",
            },
            "zh-hans": {
                "name": "Henri Laurent",
                "functional_aspiration": "一个能证明 Axle 数字服务适用于汽车共享的合作伙伴。",
                "social_aspiration": "被视为让 Axle 领先于初创公司的首席信息官。",
                "emotional_aspiration": "确信共同的战略正在见效。",
                "notes": "Axle 的首席信息官；Axle 提供资金、专业知识、基础设施和技术。",
            },
            "ru": {
                "name": "Henri Laurent",
                "functional_aspiration": "Партнёр, на котором видно, что цифровые сервисы Axle годятся для каршеринга.",
                "social_aspiration": "Слыть директором по ИТ, при котором Axle обогнала стартапы.",
                "emotional_aspiration": "Уверенность, что общая стратегия себя оправдывает.",
                "notes": "Директор Axle по ИТ; Axle даёт деньги, опыт, инфраструктуру и технологии.",
            },
        },
        "positions": [(D(2026, 6, 15), 5, 5, {})],
    },
    {
        "name": "Otávio Santos",
        "kind": "person",
        "person": "Otávio Santos",
        "organisation": "São Paulo Campus University",
        "side": "external",
        "category": "customer",
        "revisit_by": D(2027, 2, 1),
        "texts": {
            "en": {
                "functional_aspiration": "Affordable, green transport for new students without building car parks.",
                "social_aspiration": "A university known for looking after its students.",
                "emotional_aspiration": "Not to regret lending campus space to a young company.",
                "notes": "The university's sponsor of the deal.",
            },
            "zh-hans": {
                "name": "Otávio Santos",
                "functional_aspiration": "不必新建停车场，就能为新生提供实惠、环保的出行方式。",
                "social_aspiration": "让大学以关心学生而闻名。",
                "emotional_aspiration": "不后悔把校园场地借给一家年轻的公司。",
                "notes": "大学方面这项合作的发起人。",
            },
            "ru": {
                "name": "Otávio Santos",
                "functional_aspiration": "Недорогой и экологичный транспорт для новых студентов без новых парковок.",
                "social_aspiration": "Чтобы университет знали как заботящийся о студентах.",
                "emotional_aspiration": "Не пожалеть, что отдал место в кампусе молодой компании.",
                "notes": "Спонсор сделки со стороны университета.",
            },
        },
        "positions": [
            (
                D(2026, 6, 15),
                4,
                2,
                {
                    "en": "Signs off campus space but has little time for us.",
                    "zh-hans": "负责批准校园场地，但很少有时间关注我们。",
                    "ru": "Подписывает решения о месте в кампусе, но на нас у него мало времени.",
                },
            ),
            (
                D(2026, 9, 20),
                4,
                5,
                {
                    "en": "Much keener since the deal: parking and charging at a nominal fee for discounts to new "
                    "students.",
                    "zh-hans": "达成协议后兴趣大增：以象征性费用提供停车和充电，换取新生折扣。",
                    "ru": "После сделки интерес вырос: парковка и зарядка за символическую плату в обмен на скидки "
                    "новым студентам.",
                },
            ),
        ],
    },
    {
        "name": "Beatriz Lima",
        "kind": "person",
        "person": "Beatriz Lima",
        "organisation": "São Paulo Campus University",
        "side": "external",
        "category": "customer",
        "revisit_by": D(2026, 11, 20),
        "texts": {
            "en": {"functional_aspiration": "Clear answers when students complain about the service."},
            "zh-hans": {"name": "Beatriz Lima", "functional_aspiration": "学生投诉服务时能得到明确的答复。"},
            "ru": {
                "name": "Beatriz Lima",
                "functional_aspiration": "Ясные ответы, когда студенты жалуются на сервис.",
            },
        },
        "positions": [(D(2026, 6, 15), 2, 4, {})],
    },
    {
        "name": "Students on campus",
        "kind": "group",
        "person": None,
        "organisation": None,
        "side": "external",
        "category": "customer",
        "revisit_by": D(2027, 2, 1),
        "texts": {
            "en": {
                "functional_aspiration": "A clean, charged car at a student price, booked from the phone.",
                "social_aspiration": "Getting to festivals and weekends away with friends.",
                "emotional_aspiration": "Feeling safe and trusted, with honest prices.",
                "notes": "Katrina, who books a van for a weekend festival, stands for many of them. Graduates "
                "leave and new students arrive two months later.",
            },
            "zh-hans": {
                "name": "校园里的学生",
                "functional_aspiration": "用手机就能预订到干净、充满电、学生价的车。",
                "social_aspiration": "和朋友一起去音乐节、周末出游。",
                "emotional_aspiration": "感到安全、被信任，价格透明。",
                "notes": "为周末音乐节预订货车的 Katrina 代表了他们中的许多人。毕业生离开两个月后新生才到。",
            },
            "ru": {
                "name": "Студенты кампуса",
                "functional_aspiration": "Чистая заряженная машина по студенческой цене, заказ с телефона.",
                "social_aspiration": "Ездить с друзьями на фестивали и за город на выходные.",
                "emotional_aspiration": "Чувствовать себя в безопасности и знать, что цены честные.",
                "notes": "Катрина, которая бронирует фургон на фестиваль, — типичная из них. Выпускники "
                "уезжают, а новые студенты приходят через два месяца.",
            },
        },
        "positions": [(D(2026, 6, 15), 3, 5, {})],
    },
    {
        "name": "Katrina Novak",
        "kind": "person",
        "person": "Katrina Novak",
        "organisation": "São Paulo Campus University",
        "side": "external",
        "category": "customer",
        "revisit_by": None,
        "texts": {
            "en": {
                "notes": "Our first persona; chose eCampus for the university's endorsement and student prices."
            },
            "zh-hans": {
                "name": "Katrina Novak",
                "notes": "我们的第一个用户画像；因大学背书和学生价选择了 eCampus。",
            },
            "ru": {
                "name": "Katrina Novak",
                "notes": "Наша первая персона; выбрала eCampus из-за поддержки университета и студенческих цен.",
            },
        },
        "positions": [(D(2026, 6, 15), 1, 4, {})],
    },
    {
        "name": "São Paulo City Council",
        "kind": "organisation",
        "person": None,
        "organisation": "São Paulo City Council",
        "side": "external",
        "category": "regulator",
        "revisit_by": D(2026, 11, 30),
        "texts": {
            "en": {"notes": "Owns the public charging stations our cars rely on; we do not manage them."},
            "zh-hans": {
                "name": "São Paulo City Council",
                "notes": "拥有我们车辆所依赖的公共充电站；我们无法管理它们。",
            },
            "ru": {
                "name": "São Paulo City Council",
                "notes": "Владеет общественными зарядными станциями, от которых зависят наши машины; управлять ими мы не можем.",
            },
        },
        "positions": [(D(2026, 6, 15), 4, 1, {})],
    },
    {
        "name": "VoltaPonto Charging",
        "kind": "organisation",
        "person": None,
        "organisation": "VoltaPonto Charging",
        "side": "external",
        "category": "supplier",
        "revisit_by": D(2027, 1, 10),
        "texts": {
            "en": {"notes": "Runs the charging network; we want to work with it more closely."},
            "zh-hans": {"name": "VoltaPonto Charging", "notes": "运营充电网络；我们希望与其更紧密地合作。"},
            "ru": {
                "name": "VoltaPonto Charging",
                "notes": "Управляет сетью зарядки; мы хотим работать с ним теснее.",
            },
        },
        "positions": [(D(2026, 6, 15), 4, 2, {})],
    },
    {
        "name": "Paulista Auto Parts",
        "kind": "organisation",
        "person": None,
        "organisation": "Paulista Auto Parts",
        "side": "external",
        "category": "supplier",
        "revisit_by": D(2027, 6, 1),
        "texts": {
            "en": {"notes": "Standard parts under a standard contract."},
            "zh-hans": {"name": "Paulista Auto Parts", "notes": "按标准合同供应的标准零部件。"},
            "ru": {"name": "Paulista Auto Parts", "notes": "Типовые запчасти по типовому договору."},
        },
        "positions": [(D(2026, 6, 15), 1, 2, {})],
    },
    {
        "name": "GreenShine Cleaning",
        "kind": "organisation",
        "person": None,
        "organisation": "GreenShine Cleaning",
        "side": "external",
        "category": "partner",
        "revisit_by": D(2027, 1, 20),
        "texts": {
            "en": {"functional_aspiration": "Steady work cleaning the fleet with green products."},
            "zh-hans": {
                "name": "GreenShine Cleaning",
                "functional_aspiration": "用环保产品稳定地承接车队清洁工作。",
            },
            "ru": {
                "name": "GreenShine Cleaning",
                "functional_aspiration": "Постоянная работа: мыть машины экологичными средствами.",
            },
        },
        "positions": [(D(2026, 10, 1), 2, 3, {})],
    },
    {
        "name": "Mariana Souza",
        "kind": "person",
        "person": "Mariana Souza",
        "organisation": "eCampus Car Share",
        "side": "internal",
        "category": "owner",
        "revisit_by": None,
        "texts": {
            "en": {"notes": "Founder; her doctoral research was on how students and staff travel."},
            "zh-hans": {"name": "Mariana Souza", "notes": "创始人；她的博士研究课题是学生和教职工的出行。"},
            "ru": {
                "name": "Mariana Souza",
                "notes": "Основательница; её диссертация — о поездках студентов и сотрудников.",
            },
        },
        "positions": [(D(2026, 6, 15), 5, 5, {})],
    },
]

UNIVERSITY_RELATIONSHIP = "Campus car sharing for students"
UNIVERSITY_MAP: list[dict[str, Any]] = [
    {
        "name": "Otávio Santos",
        "kind": "person",
        "person": "Otávio Santos",
        "organisation": "São Paulo Campus University",
        "side": "external",
        "category": "customer",
        "revisit_by": D(2027, 2, 1),
        "texts": {
            "en": {"notes": "Sponsors the deal; wants the discounts to reach every new student."},
            "zh-hans": {"name": "Otávio Santos", "notes": "这项合作的发起人；希望每位新生都能享受到折扣。"},
            "ru": {
                "name": "Otávio Santos",
                "notes": "Спонсор сделки; хочет, чтобы скидки дошли до каждого нового студента.",
            },
        },
        "positions": [(D(2026, 9, 20), 4, 5, {})],
    },
    {
        "name": "Beatriz Lima",
        "kind": "person",
        "person": "Beatriz Lima",
        "organisation": "São Paulo Campus University",
        "side": "external",
        "category": "customer",
        "revisit_by": D(2026, 11, 20),
        "texts": {
            "en": {"notes": "Our day-to-day contact at the university."},
            "zh-hans": {"name": "Beatriz Lima", "notes": "我们在大学的日常联系人。"},
            "ru": {"name": "Beatriz Lima", "notes": "Наш контакт в университете на каждый день."},
        },
        "positions": [(D(2026, 9, 20), 3, 4, {})],
    },
    {
        "name": "New students",
        "kind": "group",
        "person": None,
        "organisation": None,
        "side": "external",
        "category": "customer",
        "revisit_by": D(2027, 1, 31),
        "texts": {
            "en": {
                "functional_aspiration": "Getting around cheaply in their first weeks in the city.",
                "notes": "They find us through the link in the university's welcome message.",
            },
            "zh-hans": {
                "name": "新生",
                "functional_aspiration": "在城市的最初几周里低成本出行。",
                "notes": "他们通过大学欢迎信中的链接找到我们。",
            },
            "ru": {
                "name": "Новые студенты",
                "functional_aspiration": "Недорого передвигаться в первые недели в городе.",
                "notes": "Они находят нас по ссылке в приветственном письме университета.",
            },
        },
        "positions": [(D(2026, 9, 20), 2, 5, {})],
    },
    {
        "name": "Campus facilities team",
        "kind": "group",
        "person": None,
        "organisation": "São Paulo Campus University",
        "side": "external",
        "category": "partner",
        "revisit_by": D(2027, 3, 1),
        "texts": {
            "en": {"notes": "Look after the parking and charging bays; the campus chargers often fail."},
            "zh-hans": {"name": "校园设施团队", "notes": "负责停车位和充电位；校园充电桩经常出故障。"},
            "ru": {
                "name": "Служба кампуса",
                "notes": "Отвечает за парковку и зарядные места; зарядки в кампусе часто ломаются.",
            },
        },
        "positions": [(D(2026, 9, 20), 3, 2, {})],
    },
]


def _load_map(entries: list[dict[str, Any]], relationship: Any, creator: Any) -> None:
    people = {
        p.name: p for p in Person.objects.filter(name__in=[e["person"] for e in entries if e["person"]])
    }
    orgs = {o.name: o for o in Organisation.objects.filter(name__in=[e["organisation"] for e in entries])}
    for entry in entries:
        texts = entry["texts"]
        own = texts["en"]
        _date, influence, interest, _note = entry["positions"][-1]
        stakeholder = upsert(
            Stakeholder,
            {"relationship": relationship, "name": entry["name"]},
            {
                "kind": entry["kind"],
                "person": people.get(entry["person"]) if entry["person"] else None,
                "organisation": orgs.get(entry["organisation"]) if entry["organisation"] else None,
                "side": entry["side"],
                "category": entry["category"],
                "influence": influence,
                "interest": interest,
                "approach": approach_for(influence, interest),
                "revisit_by": entry["revisit_by"],
                "functional_aspiration": own.get("functional_aspiration", ""),
                "social_aspiration": own.get("social_aspiration", ""),
                "emotional_aspiration": own.get("emotional_aspiration", ""),
                "notes": own.get("notes", ""),
                "translations": {code: values for code, values in texts.items() if code != "en"},
                "created_by": creator,
            },
        )
        for assessed_on, influence, interest, notes in entry["positions"]:
            upsert(
                StakeholderPosition,
                {"stakeholder": stakeholder, "assessed_on": assessed_on},
                {
                    "influence": influence,
                    "interest": interest,
                    "approach": approach_for(influence, interest),
                    "note": notes.get("en", ""),
                    "translations": {code: {"note": text} for code, text in notes.items() if code != "en"},
                    "assessed_by": creator,
                    "created_by": creator,
                },
            )


def load(stdout: Any) -> None:
    mariana = get_user_model().objects.filter(username="mariana").first()
    _load_map(OWN_MAP, None, mariana)
    _load_map(UNIVERSITY_MAP, relationship_by_name(UNIVERSITY_RELATIONSHIP), mariana)
