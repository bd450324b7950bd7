"""The parties of the running story: eCampus Car Share (the provider running Wayfare), Axle Car Hire (its
partner and backer), the university, the city council, a parts supplier and a green cleaning partner, with
their people, consumer roles and demo login accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wayfare.core.access import SYSTEM
from wayfare.core.demo_tools import upsert

from .models import ConsumerRole, ConsumerRoleKind, Organisation, OrganisationKind, Person
from .services import person_account_grant

DEMO_PASSWORD = "wayfare-demo"
ADMIN_USER, ADMIN_PASSWORD = "admin", "wayfare-admin"

ORGANISATIONS = [
    (
        "eCampus Car Share",
        OrganisationKind.INTERNAL,
        "BR",
        "https://ecampus.example",
        "Electric car sharing on the university campus in São Paulo, founded by Mariana and backed by Axle.",
    ),
    (
        "Axle Car Hire",
        OrganisationKind.EXTERNAL,
        "US",
        "https://axle.example",
        "Car hire company with its head office in Seattle and branches around the world; eCampus's partner: "
        "profit, resources and strategy are shared.",
    ),
    (
        "São Paulo Campus University",
        OrganisationKind.EXTERNAL,
        "BR",
        "https://university.example",
        "Provides parking and charging at nominal cost and promotes eCampus to new students with discounts.",
    ),
    (
        "São Paulo City Council",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "Owns the public charging stations that eCampus cars rely on off campus.",
    ),
    (
        "Paulista Auto Parts",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "Basic supplier of parts and oil under a standard contract.",
    ),
    (
        "GreenShine Cleaning",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "Partner that cleans the cars with environmentally friendly products.",
    ),
    (
        "Petrolub Oils",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "Basic supplier of engine oil and lubricants.",
    ),
    (
        "VoltaPonto Charging",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "Operates the public charging network on the council's stations.",
    ),
    (
        "ElectroInstala",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "The council's contractor that installs and repairs the public charging stations.",
    ),
    (
        "Rota Assist",
        OrganisationKind.EXTERNAL,
        "BR",
        "",
        "Roadside assistance partner, brought in through Axle.",
    ),
]

# The descriptions in Chinese and Russian (core.translations); organisation names are proper names.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "eCampus Car Share": {
        "zh-hans": "圣保罗大学校园内的电动汽车共享服务，由 Mariana 创立，Axle 提供支持。",
        "ru": "Каршеринг электромобилей в университетском кампусе Сан-Паулу; основан Марианой при поддержке Axle.",
    },
    "Axle Car Hire": {
        "zh-hans": "总部位于西雅图、分支机构遍布全球的汽车租赁公司；eCampus 的合作伙伴，双方共享利润、资源和战略。",
        "ru": "Компания по прокату автомобилей с головным офисом в Сиэтле и филиалами по всему миру; партнёр "
        "eCampus: прибыль, ресурсы и стратегия у них общие.",
    },
    "São Paulo Campus University": {
        "zh-hans": "以象征性费用提供停车和充电服务，并通过折扣向新生推广 eCampus。",
        "ru": "Предоставляет парковку и зарядку за символическую плату и привлекает к eCampus новых студентов "
        "скидками.",
    },
    "São Paulo City Council": {
        "zh-hans": "拥有 eCampus 车辆在校园外所依赖的公共充电站。",
        "ru": "Владеет общественными зарядными станциями, без которых машинам eCampus не обойтись за "
        "пределами кампуса.",
    },
    "Paulista Auto Parts": {
        "zh-hans": "按标准合同供应零部件和机油的基础供应商。",
        "ru": "Обычный поставщик запчастей и масла по типовому договору.",
    },
    "GreenShine Cleaning": {
        "zh-hans": "使用环保产品清洁车辆的合作伙伴。",
        "ru": "Партнёр, который моет машины экологичными средствами.",
    },
    "Petrolub Oils": {
        "zh-hans": "供应发动机机油和润滑油的基础供应商。",
        "ru": "Обычный поставщик моторного масла и смазочных материалов.",
    },
    "VoltaPonto Charging": {
        "zh-hans": "在市议会的充电站上运营公共充电网络。",
        "ru": "Управляет общественной сетью зарядки на станциях городского совета.",
    },
    "ElectroInstala": {
        "zh-hans": "市议会的承包商，负责安装和维修公共充电站。",
        "ru": "Подрядчик городского совета: устанавливает и ремонтирует общественные зарядные станции.",
    },
    "Rota Assist": {
        "zh-hans": "通过 Axle 引入的道路救援合作伙伴。",
        "ru": "Партнёр по помощи на дорогах, пришедший через Axle.",
    },
}

# name, organisation, email, language, consumer roles [(organisation, role)], account (username, roles)
PEOPLE: list[tuple[str, str, str, str, list[tuple[str, str]], tuple[str, list[str]] | None]] = [
    (
        "Mariana Souza",
        "eCampus Car Share",
        "mariana@ecampus.example",
        "en",
        [],
        ("mariana", ["Administrator"]),
    ),
    (
        "Tomas Becker",
        "eCampus Car Share",
        "tomas@ecampus.example",
        "en",
        [],
        ("tomas", ["Analyst", "CX designer"]),
    ),
    ("Ana Ribeiro", "eCampus Car Share", "ana@ecampus.example", "en", [], ("ana", ["Service desk agent"])),
    (
        "Henri Laurent",
        "Axle Car Hire",
        "henri@axle.example",
        "en",
        [("Axle Car Hire", ConsumerRoleKind.SPONSOR)],
        None,
    ),
    (
        "Solmaz Karimi",
        "Axle Car Hire",
        "solmaz@axle.example",
        "ru",
        [("Axle Car Hire", ConsumerRoleKind.CUSTOMER)],
        None,
    ),
    (
        "Radhika Iyer",
        "Axle Car Hire",
        "radhika@axle.example",
        "en",
        [("Axle Car Hire", ConsumerRoleKind.USER), ("Axle Car Hire", ConsumerRoleKind.CUSTOMER)],
        ("radhika", ["Consumer"]),
    ),
    (
        "Beatriz Lima",
        "São Paulo Campus University",
        "beatriz@university.example",
        "en",
        [("São Paulo Campus University", ConsumerRoleKind.CUSTOMER)],
        ("beatriz", ["Consumer"]),
    ),
    (
        "Otávio Santos",
        "São Paulo Campus University",
        "otavio@university.example",
        "en",
        [("São Paulo Campus University", ConsumerRoleKind.SPONSOR)],
        ("otavio", ["Consumer"]),
    ),
    (
        "Katrina Novak",
        "São Paulo Campus University",
        "katrina@student.example",
        "zh-hans",
        [("São Paulo Campus University", ConsumerRoleKind.USER)],
        ("katrina", ["Consumer"]),
    ),
    ("Rafael Costa", "São Paulo City Council", "rafael@council.example", "en", [], None),
    ("Joana Ferreira", "Paulista Auto Parts", "joana@parts.example", "en", [], None),
    ("Lucas Almeida", "GreenShine Cleaning", "lucas@greenshine.example", "en", [], None),
    ("Paulo Mendes", "VoltaPonto Charging", "paulo@voltaponto.example", "en", [], None),
    ("Carla Nunes", "Rota Assist", "carla@rotaassist.example", "en", [], None),
]


@transaction.atomic
def load(stdout: Any) -> None:
    orgs = {}
    for name, kind, country, website, description in ORGANISATIONS:
        orgs[name] = upsert(
            Organisation,
            {"name": name},
            {
                "kind": kind,
                "country": country,
                "website": website,
                "description": description,
                "translations": {
                    code: {"description": text} for code, text in DESCRIPTIONS.get(name, {}).items()
                },
            },
        )
    User = get_user_model()
    admin = User.objects.filter(username=ADMIN_USER).first() or User(username=ADMIN_USER)
    admin.is_staff = admin.is_superuser = True
    admin.email = "admin@ecampus.example"
    admin.set_password(ADMIN_PASSWORD)
    admin.save()
    for name, org, email, language, roles, account in PEOPLE:
        person = upsert(
            Person,
            {"name": name, "organisation": orgs[org]},
            {"email": email, "preferred_language": language},
        )
        for consumer_org, role in roles:
            upsert(ConsumerRole, {"person": person, "organisation": orgs[consumer_org], "role": role}, {})
        if account:
            username, groups = account
            person_account_grant(
                person=person, username=username, password=DEMO_PASSWORD, roles=groups, actor=SYSTEM
            )


def summary(stdout: Any) -> None:
    """The demo logins, printed after everything else is loaded."""
    stdout.write("Demo logins (user name, password, role):")
    stdout.write(f"  {ADMIN_USER:10} {ADMIN_PASSWORD:15} superuser")
    for _name, org, _email, _language, _roles, account in PEOPLE:
        if account:
            username, groups = account
            stdout.write(f"  {username:10} {DEMO_PASSWORD:15} {', '.join(groups)} ({org})")
