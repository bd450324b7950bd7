"""The incident journey of 004 Table 1.3 as a map: the user notices a failure, calls the desk, the agent
logs, prioritises and classifies it, experts diagnose and fix it, the user confirms, the service is
restored and the incident is closed. The story's incident: Katrina's van is not fully charged and the
campus charger is broken (owned by neither eCampus nor the university); Axle's desk finds another car,
but she has to wait for it.

The map is the reference of the service desk's ticket log: the stages that the log can see name its
activities exactly as the analytics demo's designed stages do (``analytics.demo.STAGES``); the stages
only the user lives through (noticing, confirming, restored) have no activity. Each stage's
``thoughts`` hold the user's experience, the table's third column."""

from __future__ import annotations

from typing import Any

from wayfare.analytics.demo import LOG_NAME
from wayfare.analytics.demo import STAGES as LOG_STAGES
from wayfare.analytics.models import EventLog
from wayfare.relationships.demo_parts.relationship import relationship_by_name

from ..models import JourneyMap, Persona
from . import Texts
from .maps import Stage, map_build, tp
from .personas import KATRINA

MAP_NAME = "Incident resolution"
CLAIMED_STEPS = ("cocreate", "realize")
DESK_RELATIONSHIP = "Booking system and service desk"
_LOG = {name: (activities, optional) for name, activities, optional in LOG_STAGES}

MAP_TEXTS: Texts = {
    "name": (MAP_NAME, "事件处理", "Решение инцидента"),
    "description": (
        "How an incident should travel from the user's call to closure. The case of the story: Katrina's van "
        "was not fully charged and the campus charger was broken; Axle's desk found her another car, but "
        "she had to wait for it.",
        "事件从用户来电到关闭应当经过的路径。故事中的案例：Katrina 的货车没有充满电，校园充电桩又坏了；"
        "Axle 服务台为她另找了一辆车，但她不得不等待。",
        "Как инцидент должен пройти путь от звонка пользователя до закрытия. Случай из истории: фургон "
        "Катрины был заряжен не полностью, а зарядка в кампусе сломалась; служба Axle нашла ей другую "
        "машину, но ей пришлось её ждать.",
    ),
    "scope": (
        "From the moment the user notices the failure to the closed ticket and its review.",
        "从用户发现故障的那一刻，到工单关闭及其回顾。",
        "От момента, когда пользователь замечает сбой, до закрытой заявки и её разбора.",
    ),
}


def _log(name: str) -> tuple[list[str], bool]:
    activities, optional = _LOG[name]
    return list(activities), optional


def _stage(
    step: str,
    name: str | None,
    minutes: int | None,
    waits: bool,
    fields: Texts,
    feeling: tuple[int, int],
    tps: list,
) -> Stage:
    activities, optional = _log(name) if name else ([], False)
    return (
        step,
        "after" if step == "realize" else "during",
        minutes,
        waits,
        optional,
        activities,
        fields,
        feeling,
        tps,
    )


STAGES: list[Stage] = [
    _stage(
        "cocreate",
        None,
        None,
        False,
        {
            "name": ("The car will not charge", "车充不了电", "Машина не заряжается"),
            "customer_actions": (
                "Katrina finds the van only half charged and the campus charger dead.",
                "Katrina 发现货车只充了一半电，校园充电桩也不工作。",
                "Катрина видит, что фургон заряжен наполовину, а зарядка кампуса не работает.",
            ),
            "thoughts": (
                "Her mood depends on what went wrong before and on how urgent her trip is.",
                "她的心情取决于之前出过什么问题，以及这趟出行有多紧迫。",
                "Её настроение зависит от прошлых сбоев и от того, насколько срочна поездка.",
            ),
        },
        (-2, -1),
        [
            tp(
                "device",
                ("Campus charger out of order", "校园充电桩故障", "Неисправная зарядка кампуса"),
                (
                    "Owned by neither eCampus nor the university.",
                    "既不属于 eCampus，也不属于大学。",
                    "Не принадлежит ни eCampus, ни университету.",
                ),
                form="use",
                third="São Paulo City Council",
                aspect="environment",
            )
        ],
    ),
    _stage(
        "cocreate",
        "Log the ticket",
        5,
        False,
        {
            "name": ("Log the ticket", "登记工单", "Регистрация заявки"),
            "customer_actions": (
                "Calls Axle's service desk from the car park.",
                "在停车场给 Axle 服务台打电话。",
                "Звонит в службу поддержки Axle прямо с парковки.",
            ),
            "thoughts": (
                "A good start if the agent is friendly and listens.",
                "如果客服友好且耐心倾听，就是个好的开始。",
                "Хорошее начало, если оператор вежлив и слушает.",
            ),
        },
        (-1, 1),
        [
            tp(
                "phone",
                ("Call to the service desk", "致电服务台", "Звонок в службу поддержки"),
                (
                    "The agent answers in the name of eCampus.",
                    "客服以 eCampus 的名义接听。",
                    "Оператор отвечает от имени eCampus.",
                ),
                form="joint",
                third="Axle Car Hire",
            ),
            tp(
                "other",
                ("Ticket logged with the booking", "工单与预订一起登记", "Заявка заведена вместе с бронью"),
                (
                    "Booking, car and charger added to the record.",
                    "预订、车辆和充电桩信息被加入记录。",
                    "В запись добавлены бронь, машина и зарядка.",
                ),
                lane="backstage",
            ),
        ],
    ),
    _stage(
        "cocreate",
        "Classify and prioritise",
        5,
        False,
        {
            "name": ("Classify and prioritise", "分类并确定优先级", "Классификация и приоритет"),
            "customer_actions": (
                "Hears the priority and when the problem should be solved.",
                "得知优先级以及问题预计何时解决。",
                "Узнаёт приоритет и срок, к которому проблему должны решить.",
            ),
            "thoughts": (
                "The promise may be better or worse than she hoped; past accuracy of the desk colours it.",
                "这个承诺可能比她期望的好或差；服务台以往是否守时也会影响她的感受。",
                "Обещание может оказаться лучше или хуже ожидаемого; на впечатление влияет, насколько точна "
                "служба была раньше.",
            ),
        },
        (0, 1),
        [
            tp(
                "sms",
                ("Priority and expected time", "优先级和预计时间", "Приоритет и ожидаемое время"),
                (
                    "A text message with the ticket number, priority and expected time.",
                    "一条包含工单号、优先级和预计时间的短信。",
                    "SMS с номером заявки, приоритетом и ожидаемым временем.",
                ),
                kind="touchpoint",
            ),
            tp(
                "other",
                ("Priority and category set", "设定优先级和类别", "Назначены приоритет и категория"),
                (
                    "The agent confirms it is an incident and sets its first priority.",
                    "客服确认这是一起事件，并设定初始优先级。",
                    "Оператор подтверждает инцидент и задаёт начальный приоритет.",
                ),
                lane="backstage",
            ),
        ],
    ),
    _stage(
        "cocreate",
        "Take in charge",
        40,
        True,
        {
            "name": ("Take in charge", "受理", "Принятие в работу"),
            "customer_actions": (
                "Waits while the desk looks for another car.",
                "在服务台寻找另一辆车时等待。",
                "Ждёт, пока служба ищет другую машину.",
            ),
            "thoughts": (
                "She is waiting for a solution and cannot plan the evening.",
                "她在等待解决办法，无法安排晚上的计划。",
                "Она ждёт решения и не может планировать вечер.",
            ),
            "backstage_notes": (
                "Classification links the ticket to the charging service, to known errors of the council's "
                "chargers and to earlier incidents.",
                "分类将工单与充电服务、市议会充电桩的已知错误以及以往事件关联起来。",
                "Классификация связывает заявку с услугой зарядки, известными ошибками зарядок совета и "
                "прошлыми инцидентами.",
            ),
        },
        (-2, 0),
        [
            tp(
                "other",
                (
                    "Linked to services and known errors",
                    "关联服务和已知错误",
                    "Связь с услугами и известными ошибками",
                ),
                (
                    "The agent finds a known fault of this charger and a car free on campus.",
                    "客服查到这个充电桩的已知故障，以及校园里的一辆空闲车。",
                    "Оператор находит известную неисправность этой зарядки и свободную машину в кампусе.",
                ),
                lane="backstage",
            )
        ],
    ),
    _stage(
        "cocreate",
        "Diagnose with experts",
        60,
        True,
        {
            "name": ("Diagnose with experts", "与专家一起诊断", "Диагностика с экспертами"),
            "customer_actions": (
                "Keeps waiting; the replacement car is on its way.",
                "继续等待；替换车辆正在路上。",
                "Продолжает ждать; замена уже едет.",
            ),
            "thoughts": (
                "Still waiting for a solution.",
                "仍在等待解决办法。",
                "Всё ещё ждёт решения.",
            ),
            "support_processes": (
                "Second line checks the van's battery; the council's contractor is asked to repair the charger.",
                "二线支持检查货车电池；请市议会的承包商维修充电桩。",
                "Вторая линия проверяет батарею фургона; подрядчика совета просят починить зарядку.",
            ),
        },
        (-2, 0),
        [
            tp(
                "other",
                ("Second line diagnoses", "二线支持诊断", "Диагностика второй линии"),
                (
                    "Experts look at the van's charge log and the charger's fault.",
                    "专家查看货车的充电记录和充电桩故障。",
                    "Эксперты смотрят журнал заряда фургона и неисправность зарядки.",
                ),
                lane="backstage",
                third="Axle Car Hire",
            ),
            tp(
                "other",
                ("Problem investigation", "问题调查", "Расследование проблемы"),
                (
                    "Why campus chargers fail so often, with the council and VoltaPonto.",
                    "与市议会和 VoltaPonto 一起调查校园充电桩为何频繁故障。",
                    "Вместе с советом и VoltaPonto выясняют, почему зарядки кампуса так часто ломаются.",
                ),
                lane="support",
                third="VoltaPonto Charging",
            ),
        ],
    ),
    _stage(
        "cocreate",
        "Resolve",
        10,
        False,
        {
            "name": ("Resolve", "解决", "Решение"),
            "customer_actions": (
                "The agent calls: another car is ready in bay 4.",
                "客服来电：另一辆车已在 4 号车位准备好。",
                "Оператор звонит: другая машина ждёт на месте 4.",
            ),
            "thoughts": (
                "Judged by the agent's manner, the fix and whether it came by the promised time.",
                "她的评价取决于客服的态度、解决办法，以及是否在承诺时间内完成。",
                "Оценка зависит от манер оператора, качества решения и того, уложились ли в обещанный срок.",
            ),
        },
        (0, 2),
        [
            tp(
                "phone",
                ("The agent tells the fix", "客服告知解决办法", "Оператор сообщает решение"),
                (
                    "Where the new car is and what happens to the old one.",
                    "新车在哪里，旧车如何处理。",
                    "Где новая машина и что будет со старой.",
                ),
                form="joint",
                third="Axle Car Hire",
            )
        ],
    ),
    _stage(
        "cocreate",
        None,
        5,
        False,
        {
            "name": ("The user confirms", "用户确认", "Пользователь подтверждает"),
            "customer_actions": (
                "Unlocks the new car and confirms in the app that it works.",
                "解锁新车，并在应用中确认一切正常。",
                "Открывает новую машину и подтверждает в приложении, что всё работает.",
            ),
            "thoughts": (
                "Easy if the fix works and is simple to check.",
                "如果办法有效且容易验证，就很轻松。",
                "Легко, если решение работает и его просто проверить.",
            ),
        },
        (1, 2),
        [
            tp(
                "app",
                ("Confirmation in the app", "在应用中确认", "Подтверждение в приложении"),
                (
                    "One tap: the fix works, or it does not.",
                    "轻点一下：办法有效或无效。",
                    "Одно касание: решение работает или нет.",
                ),
                form="joint",
            )
        ],
    ),
    _stage(
        "realize",
        None,
        None,
        False,
        {
            "name": ("Back on the road", "重新上路", "Снова в пути"),
            "customer_actions": (
                "Drives off to the concert, an hour late.",
                "晚了一个小时，开车去听音乐会。",
                "Едет на концерт с опозданием на час.",
            ),
            "thoughts": (
                "How good the evening is depends on how well the new car holds up.",
                "这个晚上好不好，取决于新车是否靠得住。",
                "Каким будет вечер, зависит от того, насколько надёжна новая машина.",
            ),
        },
        (1, 2),
        [],
    ),
    _stage(
        "realize",
        "Close",
        None,
        False,
        {
            "name": ("Close", "关闭", "Закрытие"),
            "customer_actions": (
                "Receives a short survey and a note that the ticket is closed.",
                "收到一份简短调查和工单已关闭的通知。",
                "Получает короткую анкету и сообщение о закрытии заявки.",
            ),
            "thoughts": (
                "Shaped by the tone of the messages and how complete they are.",
                "感受取决于消息的语气和内容是否完整。",
                "Впечатление зависит от тона сообщений и их полноты.",
            ),
            "backstage_notes": (
                "The cost of the recovery is worked out and the incident reviewed.",
                "计算恢复成本并进行事件回顾。",
                "Считается стоимость восстановления, проводится разбор инцидента.",
            ),
        },
        (1, 3),
        [
            tp(
                "email",
                ("Satisfaction survey", "满意度调查", "Опрос удовлетворённости"),
                (
                    "Three questions and a free comment.",
                    "三个问题和一段自由评论。",
                    "Три вопроса и поле для комментария.",
                ),
                form="joint",
            ),
            tp(
                "other",
                ("Cost of the recovery", "恢复成本", "Стоимость восстановления"),
                (
                    "Towing, the second car and the agent's time, reported to eCampus.",
                    "拖车、第二辆车和客服工时，报告给 eCampus。",
                    "Буксир, вторая машина и время оператора, отчёт для eCampus.",
                ),
                lane="backstage",
            ),
            tp(
                "other",
                ("Problem review", "问题回顾", "Разбор проблемы"),
                (
                    "Opens a problem record if chargers keep failing.",
                    "如果充电桩持续故障，就建立问题记录。",
                    "Открывает запись о проблеме, если зарядки продолжают ломаться.",
                ),
                lane="support",
            ),
        ],
    ),
]


def load(stdout: Any) -> JourneyMap:
    return map_build(
        map_texts=MAP_TEXTS,
        relationship=relationship_by_name(DESK_RELATIONSHIP),
        personas=[Persona.objects.get(name=KATRINA)],
        stages=STAGES,
        links=[],
        event_log=EventLog.objects.get(name=LOG_NAME),
    )
