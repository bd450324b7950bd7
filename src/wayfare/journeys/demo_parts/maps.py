"""The end-to-end journey map of campus car sharing (004 2.3.3-2.3.4): from hearing about eCampus to
returning the van and giving feedback, across all seven steps, for Katrina, in the relationship where
eCampus serves the university's students. Published once, then edited, so the consumer reads version 1
and the designers compare it with their draft.

``map_build`` writes any map of this shape; the incident map uses it too."""

from __future__ import annotations

from typing import Any

from wayfare.core.access import SYSTEM
from wayfare.core.demo_tools import upsert
from wayfare.core.resources import registry
from wayfare.core.versions import latest_published, version_publish
from wayfare.parties.models import Organisation
from wayfare.relationships.demo_parts.relationship import relationship_by_name

from ..models import JourneyMap, JourneyStage, Persona, StageEmotion, Touchpoint, TouchpointLink
from . import Texts, texts
from .personas import KATRINA, STUDENT_RELATIONSHIP, load_scenarios

MAP_NAME = "Campus car sharing, end to end"
CLAIMED_STEPS = ("explore", "engage", "offer", "agree", "onboard", "cocreate", "realize")

MAP_TEXTS: Texts = {
    "name": (MAP_NAME, "校园汽车共享：端到端旅程", "Каршеринг в кампусе от начала до конца"),
    "description": (
        "Katrina's weekend with a van: how she hears about eCampus, books, picks up, charges, parks, "
        "returns the van and tells us how it went.",
        "Katrina 用一辆货车度过的周末：她如何得知 eCampus、预订、取车、充电、停车、还车，并告诉我们体验如何。",
        "Выходные Катрины с фургоном: как она узнаёт об eCampus, бронирует, получает машину, заряжает, "
        "паркуется, возвращает фургон и рассказывает, как всё прошло.",
    ),
    "scope": (
        "From the first advert she sees to the feedback form after the return.",
        "从她看到的第一则广告，到还车后的反馈表。",
        "От первой увиденной рекламы до анкеты после возврата.",
    ),
}

# A touchpoint: (channel, kind, form, lane, third party, aspect, expected, offers choice, texts)
Tp = tuple[str, str, str, str, str | None, str, bool, bool, Texts]


def tp(
    channel: str,
    name: tuple[str, str, str],
    description: tuple[str, str, str],
    *,
    kind: str = "interaction",
    form: str = "",
    lane: str = "frontstage",
    third: str | None = None,
    aspect: str = "journey",
    expected: bool = True,
    choice: bool = False,
) -> Tp:
    return (
        channel,
        kind,
        form,
        lane,
        third,
        aspect,
        expected,
        choice,
        {"name": name, "description": description},
    )


# A stage: step, phase, minutes, consumer waits, optional, activities, texts, (as is, to be), touchpoints
Stage = tuple[str, str, int | None, bool, bool, list[str], Texts, tuple[int, int], list[Tp]]

STAGES: list[Stage] = [
    (
        "explore",
        "before",
        None,
        False,
        False,
        [],
        {
            "name": ("Hearing about eCampus", "得知 eCampus", "Знакомство с eCampus"),
            "customer_actions": (
                "Sees an advert on campus and the link in the university's welcome message; asks friends.",
                "在校园里看到广告和大学欢迎信中的链接；向朋友打听。",
                "Видит рекламу в кампусе и ссылку в приветственном письме университета; спрашивает друзей.",
            ),
            "thoughts": (
                "Could this be cheaper than the bus for a group of us?",
                "几个人一起用，会不会比坐大巴还便宜？",
                "Может, для компании это дешевле автобуса?",
            ),
            "opportunities": (
                "Show the student price in the advert itself.",
                "在广告里直接标出学生价。",
                "Указать студенческую цену прямо в рекламе.",
            ),
            "provider_teams": (
                "eCampus marketing; the university's student office.",
                "eCampus 市场团队；大学学生事务处。",
                "Маркетинг eCampus; студенческий офис университета.",
            ),
        },
        (1, 2),
        [
            tp(
                "advert",
                (
                    "Campus poster and social media advert",
                    "校园海报和社交媒体广告",
                    "Плакат в кампусе и реклама в соцсетях",
                ),
                (
                    "Seen, not co-created: a touchpoint without interaction.",
                    "只是被看到，而非共同创造：没有交互的接触点。",
                    "Его видят, но не создают вместе: точка контакта без взаимодействия.",
                ),
                kind="touchpoint",
                aspect="brand",
            ),
            tp(
                "email",
                ("Link in the welcome message", "欢迎信中的链接", "Ссылка в приветственном письме"),
                (
                    "The university's welcome message to new students links to eCampus.",
                    "大学给新生的欢迎信附有 eCampus 的链接。",
                    "Приветственное письмо университета новым студентам ссылается на eCampus.",
                ),
                kind="touchpoint",
                aspect="brand",
            ),
        ],
    ),
    (
        "engage",
        "before",
        20,
        True,
        False,
        [],
        {
            "name": ("Signing up", "注册", "Регистрация"),
            "customer_actions": (
                "Installs the Axle app, signs up with her student e-mail and uploads her driving licence.",
                "安装 Axle 应用，用学生邮箱注册并上传驾照。",
                "Ставит приложение Axle, регистрируется по студенческой почте и загружает права.",
            ),
            "pain_points": (
                "The licence check takes a day and nobody says why.",
                "驾照审核要一天，却没人解释原因。",
                "Проверка прав занимает день, и никто не объясняет почему.",
            ),
            "opportunities": (
                "Tell her how long the check takes before she starts.",
                "在她开始前就告知审核需要多久。",
                "Сказать заранее, сколько длится проверка.",
            ),
            "consumer_goals": (
                "Be ready to book before the weekend.",
                "在周末之前就能预订。",
                "Успеть подготовиться к брони до выходных.",
            ),
            "provider_goals": (
                "Only checked drivers take a car.",
                "只有经过审核的司机才能用车。",
                "Машины получают только проверенные водители.",
            ),
        },
        (1, 2),
        [
            tp(
                "app",
                ("Sign-up in the Axle app", "在 Axle 应用中注册", "Регистрация в приложении Axle"),
                (
                    "Student e-mail, licence photo and payment card.",
                    "学生邮箱、驾照照片和支付卡。",
                    "Студенческая почта, фото прав и платёжная карта.",
                ),
                form="access",
            ),
            tp(
                "other",
                ("Driving licence check", "驾照审核", "Проверка водительских прав"),
                (
                    "Axle's desk checks the licence before the first booking.",
                    "Axle 服务台在首次预订前审核驾照。",
                    "Служба Axle проверяет права перед первой бронью.",
                ),
                lane="backstage",
                third="Axle Car Hire",
            ),
        ],
    ),
    (
        "offer",
        "before",
        10,
        False,
        False,
        [],
        {
            "name": ("Choosing a car", "选车", "Выбор машины"),
            "customer_actions": (
                "Compares the cars free on campus by seats and range; sees the student price and the long-stay "
                "offer.",
                "按座位数和续航比较校园里的空闲车辆；看到学生价和长租优惠。",
                "Сравнивает свободные машины кампуса по числу мест и запасу хода; видит студенческую цену и "
                "предложение для долгой аренды.",
            ),
            "thoughts": (
                "Will a van's range get us there and back?",
                "货车的续航够我们往返吗？",
                "Хватит ли фургону заряда туда и обратно?",
            ),
        },
        (2, 2),
        [
            tp(
                "app",
                ("Cars and prices in the app", "应用中的车辆和价格", "Машины и цены в приложении"),
                (
                    "Free cars on campus, their seats, range and student price.",
                    "校园里的空闲车辆及其座位、续航和学生价。",
                    "Свободные машины кампуса, их места, запас хода и студенческая цена.",
                ),
                form="access",
                choice=True,
            ),
        ],
    ),
    (
        "agree",
        "before",
        5,
        False,
        False,
        [],
        {
            "name": ("Booking the van", "预订货车", "Бронирование фургона"),
            "customer_actions": (
                "Books the van from Friday to Sunday and pays the deposit.",
                "预订周五到周日的货车并支付押金。",
                "Бронирует фургон с пятницы по воскресенье и вносит залог.",
            ),
            "moments_of_truth": (
                "The confirmation arrives within seconds, with the number of the bay.",
                "几秒钟内就收到确认，并附有车位号。",
                "Подтверждение с номером места приходит за секунды.",
            ),
            "data_sources": (
                "Bookings in Axle's booking system; the feedback form after booking.",
                "Axle 预订系统中的预订记录；预订后的反馈表。",
                "Брони в системе Axle; анкета после бронирования.",
            ),
        },
        (2, 3),
        [
            tp(
                "app",
                ("Booking in the Axle app", "在 Axle 应用中预订", "Бронирование в приложении Axle"),
                (
                    "Dates, car and price confirmed in one screen.",
                    "日期、车辆和价格在一个页面上确认。",
                    "Даты, машина и цена подтверждаются на одном экране.",
                ),
                form="access",
            ),
            tp(
                "email",
                ("Booking confirmation", "预订确认", "Подтверждение брони"),
                (
                    "Dates, bay and what to check at pick-up.",
                    "日期、车位以及取车时要检查的事项。",
                    "Даты, место и что проверить при получении.",
                ),
                kind="touchpoint",
            ),
            tp(
                "app",
                ("Feedback form after booking", "预订后的反馈表", "Анкета после бронирования"),
                (
                    "Two questions on how easy booking was.",
                    "两个关于预订是否方便的问题。",
                    "Два вопроса о том, легко ли было забронировать.",
                ),
                form="joint",
            ),
        ],
    ),
    (
        "onboard",
        "during",
        15,
        False,
        False,
        [],
        {
            "name": ("Self-service pick-up", "自助取车", "Самостоятельное получение"),
            "customer_actions": (
                "Unlocks the van with her phone, walks round it and reports a scratch with two photos.",
                "用手机解锁货车，绕车一圈，用两张照片报告一道划痕。",
                "Открывает фургон телефоном, обходит его и сообщает о царапине с двумя фотографиями.",
            ),
            "pain_points": (
                "She is not sure the scratch was there before and fears she will pay for it.",
                "她不确定划痕是否早就有，担心要为此付钱。",
                "Она не уверена, что царапина была раньше, и боится, что заплатит за неё.",
            ),
            "moments_of_truth": (
                "The van is clean and charged when she opens it.",
                "打开车门时，货车干净且电量充足。",
                "Когда она открывает фургон, он чистый и заряженный.",
            ),
            "past_improvements": (
                "Bike racks were offered on the cars and dropped after a survey showed hardly anyone wanted "
                "them.",
                "曾为车辆提供自行车架，调查显示几乎没人需要后便取消了。",
                "На машинах предлагали велобагажники и отказались от них, когда опрос показал, что они почти "
                "никому не нужны.",
            ),
            "provider_teams": (
                "Axle's booking app team; GreenShine's cleaners.",
                "Axle 预订应用团队；GreenShine 的清洁人员。",
                "Команда приложения Axle; мойщики GreenShine.",
            ),
        },
        (0, 2),
        [
            tp(
                "app",
                ("Unlock with the phone", "用手机解锁", "Открыть телефоном"),
                (
                    "No key and no staff: the app opens the van.",
                    "无需钥匙和工作人员：应用直接打开货车。",
                    "Без ключа и сотрудников: фургон открывает приложение.",
                ),
                form="access",
            ),
            tp(
                "app",
                ("Self-reported damage", "自行报告损伤", "Сообщение о повреждениях"),
                (
                    "Photos of scratches and dents, kept with the booking.",
                    "划痕和凹痕的照片随预订一起保存。",
                    "Фото царапин и вмятин сохраняются вместе с бронью.",
                ),
                form="joint",
            ),
            tp(
                "in_person",
                ("Cleaning partner's check", "清洁合作伙伴的检查", "Проверка партнёром по мойке"),
                (
                    "GreenShine cleans the van with green products and reports its state.",
                    "GreenShine 用环保产品清洁货车并报告车况。",
                    "GreenShine моет фургон экологичными средствами и сообщает о его состоянии.",
                ),
                lane="backstage",
                third="GreenShine Cleaning",
            ),
            tp(
                "device",
                ("Charge check", "电量检查", "Проверка заряда"),
                (
                    "The van's charge is read before the booking starts.",
                    "预订开始前读取货车电量。",
                    "Перед началом брони считывается заряд фургона.",
                ),
                lane="backstage",
            ),
        ],
    ),
    (
        "cocreate",
        "during",
        180,
        True,
        False,
        [],
        {
            "name": ("Charging on the way", "途中充电", "Зарядка в пути"),
            "customer_actions": (
                "Drives to São Paulo; the council's charger near the festival does not start; she calls for "
                "help.",
                "开车前往圣保罗；音乐节附近市议会的充电桩无法启动；她打电话求助。",
                "Едет в Сан-Паулу; зарядка совета у фестиваля не включается; она звонит за помощью.",
            ),
            "thoughts": (
                "We are going to miss the first band.",
                "我们要错过第一支乐队了。",
                "Мы пропустим первую группу.",
            ),
            "pain_points": (
                "The public charger is out of order and nobody on site can say when it will work again.",
                "公共充电桩坏了，现场没人能说出何时修好。",
                "Общественная зарядка сломана, и на месте никто не знает, когда она заработает.",
            ),
            "moments_of_truth": (
                "How quickly help comes when the charger fails.",
                "充电桩出故障时，救援来得有多快。",
                "Как быстро приходит помощь, когда зарядка не работает.",
            ),
            "opportunities": (
                "Show the chargers' live status in the app; offer a partner charger or a lift while she waits.",
                "在应用中显示充电桩的实时状态；在她等待时提供合作充电桩或接送。",
                "Показывать в приложении состояние зарядок; пока она ждёт, предлагать зарядку партнёра или "
                "подвезти.",
            ),
            "provider_goals": (
                "Keep the customer moving even when someone else's resource fails.",
                "即使别人的资源出了故障，也要让客户继续前行。",
                "Не оставлять клиента без движения, даже когда подводит чужой ресурс.",
            ),
            "support_processes": (
                "Incident management at Axle's desk: see the map Incident resolution.",
                "Axle 服务台的事件管理：见“事件处理”地图。",
                "Управление инцидентами в службе Axle: см. карту «Решение инцидента».",
            ),
            "backstage_notes": (
                "The chargers belong to the council and are run by VoltaPonto; eCampus cannot repair them.",
                "充电桩归市议会所有，由 VoltaPonto 运营；eCampus 无法维修。",
                "Зарядки принадлежат совету и обслуживаются VoltaPonto; eCampus не может их чинить.",
            ),
        },
        (-3, 0),
        [
            tp(
                "device",
                ("Public charger of the council", "市议会的公共充电桩", "Общественная зарядка совета"),
                (
                    "Found in the app's charger map; owned by the council, not by eCampus.",
                    "在应用的充电地图上找到；归市议会所有，而非 eCampus。",
                    "Найдена на карте зарядок в приложении; принадлежит совету, а не eCampus.",
                ),
                form="use",
                third="São Paulo City Council",
                aspect="environment",
            ),
            tp(
                "phone",
                (
                    "Roadside help through Rota Assist",
                    "通过 Rota Assist 获得道路救援",
                    "Помощь на дороге от Rota Assist",
                ),
                (
                    "Axle's roadside partner tows the van to a working charger.",
                    "Axle 的道路救援合作伙伴把货车拖到能用的充电桩。",
                    "Партнёр Axle по помощи на дорогах буксирует фургон к рабочей зарядке.",
                ),
                form="joint",
                third="Rota Assist",
                expected=False,
            ),
            tp(
                "phone",
                ("Axle's desk follows the case", "Axle 服务台跟进此事", "Служба Axle ведёт случай"),
                (
                    "Logs the incident, calls the roadside partner and tells the council.",
                    "登记事件，联系道路救援合作伙伴并通知市议会。",
                    "Регистрирует инцидент, вызывает партнёра и сообщает совету.",
                ),
                lane="backstage",
                third="Axle Car Hire",
            ),
        ],
    ),
    (
        "cocreate",
        "during",
        30,
        False,
        False,
        [],
        {
            "name": ("Parking at the festival", "在音乐节停车", "Парковка на фестивале"),
            "customer_actions": (
                "Follows the app to a partner car park and pays for it in the same booking.",
                "跟随应用找到合作停车场，并在同一笔预订中付费。",
                "Едет по приложению на партнёрскую парковку и платит за неё в той же брони.",
            ),
            "consumer_goals": (
                "A safe place near the gates.",
                "入口附近的安全车位。",
                "Надёжное место рядом со входом.",
            ),
        },
        (1, 2),
        [
            tp(
                "app",
                ("Parking guidance in the app", "应用中的停车指引", "Подсказка парковки в приложении"),
                (
                    "Partner car parks with free spaces, paid in the booking.",
                    "有空位的合作停车场，费用计入预订。",
                    "Партнёрские парковки со свободными местами, оплата в брони.",
                ),
                form="access",
                choice=True,
            ),
        ],
    ),
    (
        "cocreate",
        "during",
        15,
        False,
        False,
        [],
        {
            "name": ("Returning the van", "还车", "Возврат фургона"),
            "customer_actions": (
                "Parks in a campus bay, plugs the van in and reports its condition in the app.",
                "停进校园车位，插上充电枪，并在应用中报告车况。",
                "Ставит фургон на место в кампусе, подключает зарядку и отмечает его состояние в приложении.",
            ),
            "pain_points": (
                "The campus bays were nearly full late on Sunday.",
                "周日深夜，校园车位几乎停满。",
                "Поздно вечером в воскресенье места в кампусе почти заняты.",
            ),
        },
        (0, 2),
        [
            tp(
                "device",
                ("Campus charging bay", "校园充电车位", "Зарядное место в кампусе"),
                (
                    "The university's bay where eCampus parks and charges.",
                    "大学为 eCampus 提供停车和充电的车位。",
                    "Место университета, где eCampus паркует и заряжает машины.",
                ),
                form="use",
                aspect="environment",
            ),
            tp(
                "app",
                ("Self-service return", "自助还车", "Самостоятельный возврат"),
                (
                    "Photos of the van and the charge level; the booking ends.",
                    "货车照片和电量；预订结束。",
                    "Фото фургона и уровень заряда; бронь закрывается.",
                ),
                form="joint",
            ),
            tp(
                "in_person",
                ("Return check and cleaning order", "还车检查与清洁安排", "Проверка возврата и заказ мойки"),
                (
                    "Photos compared with the pick-up; GreenShine gets the next cleaning.",
                    "将照片与取车时对比；安排 GreenShine 进行下一次清洁。",
                    "Фото сравниваются с фото при получении; GreenShine получает заказ на мойку.",
                ),
                lane="backstage",
                third="GreenShine Cleaning",
            ),
        ],
    ),
    (
        "realize",
        "after",
        5,
        False,
        False,
        [],
        {
            "name": ("Feedback and the next trip", "反馈与下一次出行", "Отзыв и следующая поездка"),
            "customer_actions": (
                "Gets the receipt, answers the feedback form and tells her friends about the weekend.",
                "收到收据，填写反馈表，并向朋友讲述这个周末。",
                "Получает чек, заполняет анкету и рассказывает друзьям о выходных.",
            ),
            "moments_of_truth": (
                "The receipt matches the student price she was promised.",
                "收据与承诺的学生价一致。",
                "Сумма в чеке совпадает с обещанной студенческой ценой.",
            ),
            "data_sources": (
                "Feedback forms after booking, pick-up, return and charging; ratings of the instruction videos.",
                "预订、取车、还车和充电后的反馈表；对操作视频的评分。",
                "Анкеты после бронирования, получения, возврата и зарядки; оценки обучающих видео.",
            ),
            "opportunities": (
                "Ask about the worst moment of the trip, not only the average.",
                "询问旅程中最糟糕的时刻，而不只是总体感受。",
                "Спрашивать о худшем моменте поездки, а не только об общем впечатлении.",
            ),
        },
        (1, 3),
        [
            tp(
                "email",
                ("Receipt by e-mail", "电子邮件收据", "Чек по почте"),
                (
                    "The final price with the student discount.",
                    "含学生折扣的最终价格。",
                    "Итоговая цена со студенческой скидкой.",
                ),
                kind="touchpoint",
            ),
            tp(
                "app",
                ("Feedback form after return", "还车后的反馈表", "Анкета после возврата"),
                (
                    "Three questions, one of them about charging.",
                    "三个问题，其中一个关于充电。",
                    "Три вопроса, один из них о зарядке.",
                ),
                form="joint",
            ),
        ],
    ),
]

# The edit made after version 1 was published (so the designers have a draft to compare): the last
# stage's opportunity gains a credit for a failed charger and its to-be emotion rises.
EDITED_STAGE = 9
BEFORE_EDIT: dict[str, Any] = {
    "opportunities": STAGES[EDITED_STAGE - 1][6]["opportunities"],
    "to_be": 2,
}
AFTER_EDIT: dict[str, Any] = {
    "opportunities": (
        "Ask about the worst moment of the trip, not only the average; offer a credit when a charger failed "
        "on the way.",
        "询问旅程中最糟糕的时刻，而不只是总体感受；途中充电桩出故障时提供抵用金。",
        "Спрашивать о худшем моменте поездки, а не только об общем впечатлении; давать бонус, если в пути "
        "подвела зарядка.",
    ),
    "to_be": 3,
}

# (from (stage, touchpoint), to (stage, touchpoint), kind, label)
LINKS: list[tuple[tuple[int, int], tuple[int, int], str, Texts]] = [
    (
        (6, 1),
        (6, 2),
        "alternative",
        {
            "label": (
                "When the charger is out of order",
                "充电桩故障时",
                "Если зарядка не работает",
            )
        },
    ),
    (
        (9, 2),
        (4, 1),
        "loop",
        {
            "label": (
                "Books again for the next weekend",
                "为下个周末再次预订",
                "Снова бронирует на следующие выходные",
            )
        },
    ),
]


def map_build(
    *,
    map_texts: Texts,
    relationship: Any,
    personas: list[Persona],
    stages: list[Stage],
    links: list[tuple[tuple[int, int], tuple[int, int], str, Texts]],
    event_log: Any = None,
    overrides: dict[str, Any] | None = None,
) -> JourneyMap:
    """Write the map with its stages, touchpoints, emotions (of the first persona) and links; run again,
    it changes nothing. ``overrides`` replace the last stage's ``opportunities`` and ``to_be``."""
    journey_map = upsert(
        JourneyMap,
        {"name": map_texts["name"][0]},
        {"relationship": relationship, "event_log": event_log, **texts(map_texts)},
    )
    if sorted(p.pk for p in journey_map.personas.all()) != sorted(p.pk for p in personas):
        journey_map.personas.set(personas)
    touchpoints: dict[tuple[int, int], Touchpoint] = {}
    for position, (step, phase, minutes, waits, optional, activities, fields, feeling, tps) in enumerate(
        stages, start=1
    ):
        as_is, to_be = feeling
        if overrides and position == len(stages):
            fields = {**fields, "opportunities": overrides["opportunities"]}
            to_be = overrides["to_be"]
        stage = upsert(
            JourneyStage,
            {"journey_map": journey_map, "position": position},
            {
                "step": step,
                "phase": phase,
                "duration_minutes": minutes,
                "consumer_waits": waits,
                "optional": optional,
                "activities": activities,
                **texts(fields, lookup=()),
            },
        )
        for persona in personas[:1]:
            upsert(
                StageEmotion,
                {"stage": stage, "persona": persona},
                {"journey_map": journey_map, "as_is": as_is, "to_be": to_be},
            )
        for number, (channel, kind, form, lane, third, aspect, expected, choice, tp_texts) in enumerate(
            tps, start=1
        ):
            touchpoints[(position, number)] = upsert(
                Touchpoint,
                {"stage": stage, "position": number},
                {
                    "journey_map": journey_map,
                    "channel": channel,
                    "kind": kind,
                    "interaction_form": form,
                    "lane": lane,
                    "third_party": Organisation.objects.get(name=third) if third else None,
                    "aspect": aspect,
                    "expected": expected,
                    "offers_choice": choice,
                    **texts(tp_texts, lookup=()),
                },
            )
    for source, target, kind, label in links:
        upsert(
            TouchpointLink,
            {"source": touchpoints[source], "target": touchpoints[target]},
            {"journey_map": journey_map, "kind": kind, **texts(label, lookup=())},
        )
    return journey_map


def load(stdout: Any) -> JourneyMap:
    relationship = relationship_by_name(STUDENT_RELATIONSHIP)
    katrina = Persona.objects.get(name=KATRINA)
    resource = registry.get(JourneyMap)
    existing = JourneyMap.objects.filter(name=MAP_NAME).first()
    first_time = existing is None or latest_published(resource, existing) is None

    def build(overrides: dict[str, Any]) -> JourneyMap:
        return map_build(
            map_texts=MAP_TEXTS,
            relationship=relationship,
            personas=[katrina],
            stages=STAGES,
            links=LINKS,
            overrides=overrides,
        )

    if first_time:
        journey_map = build(BEFORE_EDIT)
        version_publish(resource, instance=journey_map, actor=SYSTEM, note="Demo: first version")
    journey_map = build(AFTER_EDIT)
    load_scenarios(journey_map)
    return journey_map
