"""Reviewing and designing the end-to-end map (004 2.3.4, 2.4.1): answers to some of the eight
customer-experience questions, design work along the design-thinking stages, and the Johari window of
the map and of the Axle relationship."""

from __future__ import annotations

from typing import Any

from wayfare.core.demo_tools import upsert
from wayfare.relationships.demo_parts.relationship import relationship_by_name

from ..models import DesignWork, JohariEntry, JourneyMap, MapReviewAnswer
from . import Texts, texts

# question, status, stage position (or None), answer
REVIEW: list[tuple[str, str, int | None, Texts]] = [
    (
        "emotions",
        "answered",
        6,
        {
            "answer": (
                "Mostly calm and hopeful; the low point is the broken public charger on the way.",
                "大多平静而充满期待；最低点是途中坏掉的公共充电桩。",
                "В основном спокойствие и ожидание; худший момент — сломанная общественная зарядка в пути.",
            )
        },
    ),
    (
        "anxiety",
        "action",
        5,
        {
            "answer": (
                "At pick-up, when she reports damage and fears paying for a scratch she did not make.",
                "取车报告损伤时，她担心要为不是自己造成的划痕买单。",
                "При получении, когда она сообщает о повреждении и боится платить за чужую царапину.",
            )
        },
    ),
    (
        "abandon",
        "action",
        2,
        {
            "answer": (
                "A licence check with no stated end could send her back to car-pooling or the bus.",
                "没有明确期限的驾照审核，可能让她转回拼车或坐大巴。",
                "Проверка прав без понятного срока может вернуть её к попуткам или автобусу.",
            )
        },
    ),
    (
        "cost_risk",
        "answered",
        None,
        {
            "answer": (
                "The deposit, charges for damage she did not cause, and losing an evening to a failed charger.",
                "押金、为非自己造成的损伤付费，以及因充电桩故障而浪费一个晚上。",
                "Залог, плата за чужие повреждения и потерянный из-за зарядки вечер.",
            )
        },
    ),
]

# design stage, principle, status, activity/notes/evidence
DESIGN_WORK: list[tuple[str, str, str, Texts]] = [
    (
        "empathise",
        "user_centred",
        "done",
        {
            "activity": (
                "Interviews with students and staff",
                "与学生和教职工访谈",
                "Интервью со студентами и сотрудниками",
            ),
            "notes": (
                "Researchers trained by Mariana held the interviews; Tomas joined two.",
                "由 Mariana 培训的研究人员进行访谈；Tomas 参加了其中两次。",
                "Интервью провели исследователи Марианы; Томас участвовал в двух.",
            ),
            "evidence": ("24 interview notes.", "24 份访谈记录。", "24 записи интервью."),
        },
    ),
    (
        "define",
        "sequencing",
        "done",
        {
            "activity": (
                "Map Katrina's weekend end to end",
                "端到端绘制 Katrina 的周末",
                "Карта выходных Катрины целиком",
            ),
            "notes": (
                "Mariana and Solmaz mapped it from finding us to the feedback form.",
                "Mariana 和 Solmaz 从找到我们一直绘制到反馈表。",
                "Мариана и Солмаз нарисовали путь от знакомства до анкеты.",
            ),
            "evidence": ("This map, version 1.", "本地图第 1 版。", "Эта карта, версия 1."),
        },
    ),
    (
        "ideate",
        "co_creative",
        "doing",
        {
            "activity": (
                "Ideas for failed public chargers",
                "应对公共充电桩故障的点子",
                "Идеи на случай сломанной зарядки",
            ),
            "notes": (
                "Workshop with Axle's desk, Rota Assist and VoltaPonto.",
                "与 Axle 服务台、Rota Assist 和 VoltaPonto 一起开工作坊。",
                "Мастерская со службой Axle, Rota Assist и VoltaPonto.",
            ),
            "evidence": ("", "", ""),
        },
    ),
    (
        "prototype",
        "evidencing",
        "planned",
        {
            "activity": ("Charger status in the app", "应用中的充电桩状态", "Состояние зарядок в приложении"),
            "notes": (
                "A clickable mock-up showing live charger status and a nearby alternative.",
                "一个可点击的原型，显示充电桩实时状态和附近的替代选择。",
                "Кликабельный макет с состоянием зарядок и ближайшей альтернативой.",
            ),
            "evidence": ("", "", ""),
        },
    ),
    (
        "test",
        "holistic",
        "planned",
        {
            "activity": ("A/B test of the feedback form", "反馈表的 A/B 测试", "A/B-тест анкеты"),
            "notes": (
                "Compare one question about the worst moment with the present three questions.",
                "比较只问“最糟糕时刻”的单个问题与现在的三个问题。",
                "Сравнить один вопрос о худшем моменте с нынешними тремя вопросами.",
            ),
            "evidence": ("", "", ""),
        },
    ),
]

# pane, text, action
JOHARI_MAP: list[tuple[str, Texts]] = [
    (
        "ask",
        {
            "text": (
                "Whether students feel safe at the campus bays at night.",
                "学生夜间在校园车位是否感到安全。",
                "Чувствуют ли студенты себя в безопасности ночью на местах кампуса.",
            ),
            "action": (
                "One question in the feedback form after a late return.",
                "在深夜还车后的反馈表中加一个问题。",
                "Один вопрос в анкете после позднего возврата.",
            ),
        },
    ),
    (
        "tell",
        {
            "text": (
                "The public chargers are the council's; we cannot repair them but we can send help.",
                "公共充电桩归市议会所有；我们无法维修，但可以派人帮忙。",
                "Общественные зарядки принадлежат совету; чинить их мы не можем, но можем прислать помощь.",
            ),
            "action": (
                "A line in the booking confirmation with the roadside number.",
                "在预订确认中加上一句话和道路救援电话。",
                "Строка в подтверждении брони с номером помощи на дороге.",
            ),
        },
    ),
]
JOHARI_AXLE: list[tuple[str, Texts]] = [
    (
        "open",
        {
            "text": (
                "Profit, resources and strategy are shared.",
                "利润、资源和战略是共享的。",
                "Прибыль, ресурсы и стратегия общие.",
            ),
            "action": ("", "", ""),
        },
    ),
    (
        "ask",
        {
            "text": (
                "How Axle's desk ranks eCampus incidents against its own customers' at peak times.",
                "高峰时段 Axle 服务台如何在 eCampus 事件与自家客户事件之间排序。",
                "Как служба Axle в часы пик ставит инциденты eCampus рядом с инцидентами своих клиентов.",
            ),
            "action": (
                "Ask Radhika at the next monthly review.",
                "在下一次月度回顾时询问 Radhika。",
                "Спросить Радхику на следующем ежемесячном обзоре.",
            ),
        },
    ),
    (
        "unknown",
        {
            "text": (
                "How many more desk staff the start of the academic year will need.",
                "新学年开学时还需要增加多少服务台人员。",
                "Сколько дополнительных сотрудников службы понадобится к началу учебного года.",
            ),
            "action": (
                "Look at last year's ticket history together.",
                "一起查看去年的工单记录。",
                "Вместе посмотреть прошлогоднюю историю заявок.",
            ),
        },
    ),
]


def load(stdout: Any, journey_map: JourneyMap) -> None:
    stages = {stage.position: stage for stage in journey_map.stages.all()}
    for question, status, position, fields in REVIEW:
        upsert(
            MapReviewAnswer,
            {"journey_map": journey_map, "question": question},
            {"status": status, "stage": stages.get(position) if position else None, **texts(fields)},
        )
    for stage, principle, status, fields in DESIGN_WORK:
        upsert(
            DesignWork,
            {"journey_map": journey_map, "design_stage": stage, "activity": fields["activity"][0]},
            {"principle": principle, "status": status, **texts(fields, lookup=("activity",))},
        )
    for pane, fields in JOHARI_MAP:
        upsert(
            JohariEntry,
            {"journey_map": journey_map, "pane": pane, "text": fields["text"][0]},
            texts(fields, lookup=("text",)),
        )
    axle = relationship_by_name("Booking system and service desk")
    for pane, fields in JOHARI_AXLE:
        upsert(
            JohariEntry,
            {"relationship": axle, "pane": pane, "text": fields["text"][0]},
            texts(fields, lookup=("text",)),
        )
