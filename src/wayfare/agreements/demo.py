"""The Agree step of the running story (DOMAIN.md section 8; SEED-NOTES "Agree"): what eCampus and the
university agreed about campus car sharing (signed, in force, with an amendment waiting for the
university's signature), what Axle proposes to eCampus for its booking system (signed by Axle only, and
missing the experience aspect), and eCampus's informal promise of more desk staff at the start of term.

Everything is written through the agreements' services, as Mariana (eCampus's administrator) would in
the app; an agreement that exists already (by relationship and name) is left as it is, so running the
demo again changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wayfare.catalog.models import ServiceOffering, ValueDriverNode
from wayfare.core.calendar_models import BusinessCalendar
from wayfare.core.demo_tools import Texts, texts, upsert
from wayfare.core.services import record_create
from wayfare.parties.models import ConsumerRole, ConsumerRoleKind, Person
from wayfare.relationships.demo_parts.relationship import relationship_by_name

from .models import Agreement, AgreementTerm, ValuePlanItem
from .services import (
    agreement_activate,
    agreement_agree,
    agreement_agree_refusal,
    agreement_propose,
    agreement_propose_refusal,
    agreement_sign,
    part_create,
    part_update,
)

CAR_SHARING = "Campus car sharing for students"  # eCampus -> the university
BOOKING = "Booking system and service desk"  # Axle -> eCampus
ECAMPUS = "eCampus Car Share"

VALUE_TREE = "Weekends away without a car"  # catalog demo: the university's value-driver tree


def _term(*, aspect: str, words: Texts, comparator: str, target: str, **values: Any) -> dict[str, Any]:
    return {"aspect": aspect, "words": words, "comparator": comparator, "target": target, **values}


# -- 1. the cooperative agreement with the university ------------------------------------------------
COOPERATIVE: Texts = {
    "name": (
        "Campus car sharing: cooperative agreement",
        "校园汽车共享：合作协议",
        "Каршеринг в кампусе: соглашение о сотрудничестве",
    ),
    "summary": (
        "The university gives parking and charging at a nominal fee; eCampus gives new students lower "
        "prices and keeps the cars, the bookings and the desk to the levels below.",
        "大学以象征性费用提供停车和充电；eCampus 为新生提供更低的价格，并让车辆、预订和服务台达到下列水平。",
        "Университет даёт парковку и зарядку за символическую плату; eCampus даёт новым студентам "
        "сниженные цены и держит машины, бронирование и службу поддержки на уровнях, указанных ниже.",
    ),
    "scope": (
        "Covers the weekend vans and pay-as-you-go for students on the three campus bays. Leaves out the "
        "council's public chargers, which neither side owns, and trips abroad.",
        "涵盖三个校园停车点上面向学生的周末货车和随用随付服务。不包括双方都不拥有的市政公共充电桩，也不包括出境行程。",
        "Охватывает фургоны на выходные и оплату по факту для студентов на трёх стоянках кампуса. Не "
        "охватывает городские зарядные станции, которые не принадлежат ни одной из сторон, и поездки за границу.",
    ),
}
COOPERATIVE_OFFERINGS = ["Weekend vans for students", "Pay as you go for new students"]

# key, term, value-driver node (English text) or None
COOPERATIVE_TERMS: list[tuple[str, dict[str, Any], str | None]] = [
    (
        "weekends",
        _term(
            aspect="outcome",
            words={
                "metric": (
                    "Students who went out of town at a weekend this term by eCampus car or van",
                    "本学期乘坐 eCampus 汽车或货车在周末出城的学生比例",
                    "Доля студентов, выезжавших за город на выходные в этом семестре на машине или фургоне eCampus",
                ),
                "unit": ("% of surveyed students", "% 受访学生", "% опрошенных студентов"),
                "measured_how": (
                    "A question in the university's end-of-term student survey; the university shares "
                    "the answers without names.",
                    "大学期末学生调查中的一个问题；大学以匿名方式分享答案。",
                    "Вопрос в опросе студентов в конце семестра; университет передаёт ответы без имён.",
                ),
            },
            comparator="at_least",
            target="35",
            measured_every="each_term",
            measured_by_party="consumer",
            person="Otávio Santos",
        ),
        "Festival weekends without a car",
    ),
    (
        "van",
        _term(
            aspect="utility",
            words={
                "metric": (
                    "Weekend van requests met with a van from Friday to Monday",
                    "获得周五至周一整段货车的周末货车申请比例",
                    "Доля заявок на фургон, получивших фургон с пятницы до понедельника",
                ),
                "unit": ("% of requests", "% 申请", "% заявок"),
                "measured_how": (
                    "From the booking records: weekend requests made two days ahead, against those confirmed.",
                    "依据预订记录：提前两天提出的周末申请与已确认申请之比。",
                    "По записям бронирования: заявки на выходные, поданные за два дня, против подтверждённых.",
                ),
            },
            comparator="at_least",
            target="95",
            measured_every="monthly",
            measured_by_party="provider",
            person="Mariana Souza",
        ),
        "A van from Friday to Monday",
    ),
    (
        "confirmed",
        _term(
            aspect="utility",
            words={
                "metric": (
                    "Bookings confirmed within 2 minutes",
                    "2 分钟内确认的预订",
                    "Брони, подтверждённые в течение 2 минут",
                ),
                "unit": ("% of bookings", "% 预订", "% броней"),
                "measured_how": (
                    "Time from the booking request to the confirmation with the bay number, from Axle's "
                    "booking system.",
                    "从预订请求到发出含车位号的确认所用的时间，数据来自 Axle 预订系统。",
                    "Время от запроса до подтверждения с номером места, по данным системы бронирования Axle.",
                ),
            },
            comparator="at_least",
            target="90",
            measured_every="monthly",
            measured_by_party="provider",
            person="Mariana Souza",
        ),
        None,  # the tree has this driver on the warranty layer, not on utility
    ),
    (
        "response",
        _term(
            aspect="warranty",
            words={
                "metric": (
                    "Response to an incident reported by a student",
                    "对学生报告的事件的响应时间",
                    "Время реакции на инцидент, о котором сообщил студент",
                ),
                "unit": ("hour", "小时", "часа"),
                "measured_how": (
                    "From the incident's creation to the first answer by a desk agent, counted in the "
                    "desk's hours.",
                    "从事件创建到服务台人员首次答复的时间，按服务台工作时间计算。",
                    "От создания инцидента до первого ответа сотрудника службы, в рабочие часы службы.",
                ),
            },
            comparator="at_most",
            target="1",
            business_time=True,
            measured_every="monthly",
            measured_by_party="provider",
            person="Ana Ribeiro",
        ),
        "Roadside help day and night",
    ),
    (
        "availability",
        _term(
            aspect="warranty",
            words={
                "metric": (
                    "Availability of booking and unlocking",
                    "预订和开锁功能的可用性",
                    "Доступность бронирования и открытия машин",
                ),
                "unit": ("% of the month", "% 当月时间", "% времени месяца"),
                "measured_how": (
                    "Minutes in which a member could book and unlock a car, from the app's health checks.",
                    "依据应用的健康检查，统计会员能够预订并开锁的分钟数。",
                    "Минуты, в которые участник мог забронировать и открыть машину, по проверкам работы приложения.",
                ),
            },
            comparator="at_least",
            target="99.5",
            measured_every="monthly",
            measured_by_party="provider",
            person="Mariana Souza",
        ),
        "Booking confirmed within 2 minutes",
    ),
    (
        "csat",
        _term(
            aspect="experience",
            words={
                "metric": (
                    "Satisfaction of students after a trip",
                    "学生行程结束后的满意度",
                    "Удовлетворённость студентов после поездки",
                ),
                "unit": ("points out of 5", "分（满分 5 分）", "баллов из 5"),
                "measured_how": (
                    "The average of the feedback form sent after each return.",
                    "每次还车后发送的反馈表的平均分。",
                    "Средняя оценка в форме отзыва, которая приходит после каждого возврата.",
                ),
            },
            comparator="at_least",
            target="4.5",
            measured_every="monthly",
            measured_by_party="provider",
            person="Tomas Becker",
        ),
        None,
    ),
    (
        "safe",
        _term(
            aspect="experience",
            words={
                "metric": (
                    "Students who felt safe on their trip",
                    "在行程中感到安全的学生",
                    "Студенты, чувствовавшие себя в безопасности в поездке",
                ),
                "unit": ("% of answers", "% 回答", "% ответов"),
                "measured_how": (
                    "A yes-or-no question in the feedback form after return, reported separately for "
                    "trips at night.",
                    "还车后反馈表中的一个是非题，夜间行程单独统计。",
                    "Вопрос «да или нет» в форме отзыва после возврата; ночные поездки считаются отдельно.",
                ),
            },
            comparator="at_least",
            target="90",
            measured_every="each_term",
            measured_by_party="both",
            person="Beatriz Lima",
        ),
        "Feeling safe on the road",
    ),
]

# indicator texts, note texts, term key, evidence, expected on, tracked by (side, person), reviewed
COOPERATIVE_PLAN: list[tuple[Texts, str | None, str, str, str, str, str]] = [
    (
        {
            "indicator": (
                "Monthly satisfaction score from the feedback after return",
                "还车后反馈的月度满意度得分",
                "Ежемесячная оценка удовлетворённости по отзывам после возврата",
            ),
            "note": (
                "Read together with the comments: a low score after a charging failure is not the car's fault.",
                "需结合评论来看：充电故障后的低分并非车辆本身的问题。",
                "Читать вместе с комментариями: низкая оценка после сбоя зарядки — не вина машины.",
            ),
        },
        "csat",
        "direct",
        "2027-03-31",
        "provider",
        "Tomas Becker",
        "monthly",
    ),
    (
        {
            "indicator": (
                "Weekend van bookings by students in the first term of 2027",
                "2027 年第一学期学生的周末货车预订量",
                "Брони фургонов на выходные студентами в первом семестре 2027 года",
            ),
            "note": ("", "", ""),
        },
        "weekends",
        "direct",
        "2027-06-30",
        "both",
        "Mariana Souza",
        "quarterly",
    ),
    (
        {
            "indicator": (
                "International students who name weekend trips as a reason to stay after their first term",
                "将周末出行列为第一学期后留下原因之一的国际学生",
                "Иностранные студенты, называющие поездки на выходные причиной остаться после первого семестра",
            ),
            "note": (
                "Asked in the university's interviews with students who re-enrol.",
                "在大学对重新注册学生的访谈中询问。",
                "Спрашивают на собеседованиях университета со студентами, продлевающими обучение.",
            ),
        },
        None,
        "indirect",
        "2027-08-31",
        "consumer",
        "Otávio Santos",
        "each_term",
    ),
    (
        {
            "indicator": (
                "Students who felt safe on night trips",
                "夜间行程中感到安全的学生",
                "Студенты, чувствовавшие себя в безопасности в ночных поездках",
            ),
            "note": ("", "", ""),
        },
        "safe",
        "direct",
        "2027-09-30",
        "consumer",
        "Beatriz Lima",
        "each_term",
    ),
]

# -- 2. Axle's booking system, proposed to eCampus -------------------------------------------------
PARTNERSHIP: Texts = {
    "name": ("Booking system partnership", "预订系统合作协议", "Партнёрство по системе бронирования"),
    "summary": (
        "Axle runs the booking system and its service desk for eCampus and shares in the profit; both "
        "sides are paid by how many trips members book and finish on their own.",
        "Axle 为 eCampus 运营预订系统及其服务台，并分享利润；双方的收益取决于会员自行预订并完成的行程数量。",
        "Axle ведёт для eCampus систему бронирования и её службу поддержки и получает долю прибыли; "
        "обе стороны зарабатывают в зависимости от того, сколько поездок участники бронируют и завершают сами.",
    ),
    "scope": (
        "Covers the booking app, self-service pick-up and return with damage photos, and the second line "
        "of Axle's desk. Leaves out the cars themselves and the campus chargers.",
        "涵盖预订应用、带损伤照片的自助取车和还车，以及 Axle 服务台的二线支持。不包括车辆本身和校园充电桩。",
        "Охватывает приложение бронирования, самостоятельное получение и возврат с фото повреждений и "
        "вторую линию службы Axle. Не охватывает сами машины и зарядки кампуса.",
    ),
}

PARTNERSHIP_TERMS: list[dict[str, Any]] = [
    _term(
        aspect="outcome",
        words={
            "metric": (
                "Trips booked, picked up and returned without calling the desk",
                "无需致电服务台即完成预订、取车和还车的行程",
                "Поездки, забронированные, начатые и завершённые без звонка в службу",
            ),
            "unit": ("% of trips", "% 行程", "% поездок"),
            "measured_how": (
                "Trips in the booking system with no desk contact linked to them.",
                "预订系统中未关联任何服务台联系记录的行程。",
                "Поездки в системе бронирования, к которым не привязано ни одного обращения в службу.",
            ),
        },
        comparator="at_least",
        target="85",
        measured_every="quarterly",
        measured_by_party="both",
        person="Solmaz Karimi",
    ),
    _term(
        aspect="utility",
        words={
            "metric": (
                "Damage photos that reach eCampus within 5 minutes of the return",
                "还车后 5 分钟内送达 eCampus 的损伤照片",
                "Фото повреждений, дошедшие до eCampus в течение 5 минут после возврата",
            ),
            "unit": ("% of returns", "% 还车", "% возвратов"),
            "measured_how": (
                "Time stamps of the return and of the photos received through the booking system's API.",
                "还车时间戳与通过预订系统 API 收到照片的时间戳之比。",
                "Отметки времени возврата и получения фото через API системы бронирования.",
            ),
        },
        comparator="at_least",
        target="98",
        measured_every="monthly",
        measured_by_party="consumer",
        person="Mariana Souza",
    ),
    _term(
        aspect="warranty",
        words={
            "metric": (
                "Availability of the booking system",
                "预订系统的可用性",
                "Доступность системы бронирования",
            ),
            "unit": ("% of the month", "% 当月时间", "% времени месяца"),
            "measured_how": (
                "Axle's monitoring of the booking API, checked every minute from São Paulo.",
                "Axle 从圣保罗每分钟对预订 API 进行监测。",
                "Мониторинг API бронирования Axle, проверка каждую минуту из Сан-Паулу.",
            ),
        },
        comparator="at_least",
        target="99.9",
        measured_every="monthly",
        measured_by_party="provider",
        person="Henri Laurent",
    ),
    _term(
        aspect="warranty",
        words={
            "metric": (
                "Response to an incident passed on by eCampus",
                "对 eCampus 转交事件的响应时间",
                "Время реакции на инцидент, переданный eCampus",
            ),
            "unit": ("hours", "小时", "часов"),
            "measured_how": (
                "From the hand-over to Axle's second line to its first answer, in Axle's support hours.",
                "从转交给 Axle 二线支持到其首次答复的时间，按 Axle 支持时间计算。",
                "От передачи во вторую линию Axle до её первого ответа, в часы поддержки Axle.",
            ),
        },
        comparator="at_most",
        target="2",
        business_time=True,
        measured_every="monthly",
        measured_by_party="provider",
        person="Solmaz Karimi",
    ),
]

# -- 3. the informal promise about the desk at the start of term --------------------------------------
PROMISE: Texts = {
    "name": ("Desk staff at start of term", "开学期间的服务台人手", "Сотрудники службы в начале семестра"),
    "summary": (
        "In the first three weeks of each term, when new students sign up all at once, eCampus and Axle "
        "put two more people on the desk.",
        "每学期的头三周，新生集中注册，eCampus 和 Axle 会在服务台增加两名人员。",
        "В первые три недели каждого семестра, когда новички регистрируются разом, eCampus и Axle "
        "сажают в службу поддержки ещё двух человек.",
    ),
    "scope": (
        "A promise, not a contract: nothing is signed and no penalty applies.",
        "这是一项承诺而非合同：无需签署，也不设罚则。",
        "Это обещание, а не договор: ничего не подписывается, штрафов нет.",
    ),
}
PROMISE_TERM = _term(
    aspect="experience",
    words={
        "metric": (
            "Wait on the desk phone in the first three weeks of term",
            "开学头三周服务台电话的等待时间",
            "Ожидание ответа по телефону службы в первые три недели семестра",
        ),
        "unit": ("minutes", "分钟", "минут"),
        "measured_how": (
            "The average wait before a person answers, from the desk's phone system.",
            "依据服务台电话系统统计接通人工前的平均等待时间。",
            "Среднее время до ответа человека, по данным телефонной системы службы.",
        ),
    },
    comparator="at_most",
    target="3",
    measured_every="daily",
    measured_by_party="provider",
    person="Ana Ribeiro",
)


# -- writing ------------------------------------------------------------------------------------------
def _check(refusal: Any) -> None:
    if refusal:
        raise RuntimeError(f"Demo agreements: {refusal}")


def _create_agreement(actor: Any, relationship: Any, words: Texts, **values: Any) -> Agreement:
    offerings = values.pop("offerings", [])
    data = {"relationship": relationship, **texts(words, lookup=()), **values}
    if offerings:
        data["offerings"] = offerings
    return record_create(model=Agreement, actor=actor, data=data)  # type: ignore[return-value]


def _add_term(actor: Any, agreement: Agreement, spec: dict[str, Any], driver: Any = None) -> AgreementTerm:
    spec = dict(spec)
    words = spec.pop("words")
    person = spec.pop("person", None)
    return part_create(AgreementTerm)(  # type: ignore[no-any-return]
        actor=actor,
        agreement=agreement,
        value_driver=driver,
        measured_by=Person.objects.get(name=person) if person else None,
        **texts(words, lookup=()),
        **spec,
    )


def _load_cooperative(actor: Any, beatriz_user: Any, people: dict[str, Person]) -> None:
    relationship = relationship_by_name(CAR_SHARING)
    if Agreement.objects.filter(relationship=relationship, name=COOPERATIVE["name"][0]).exists():
        return
    agreement = _create_agreement(
        actor,
        relationship,
        COOPERATIVE,
        basis="agreement",
        kind="service_level",
        calendar=BusinessCalendar.objects.get(name="eCampus service desk"),
        starts_on=datetime.date(2026, 12, 1),
        ends_on=datetime.date(2027, 11, 30),
        review_on=datetime.date(2027, 6, 15),
        offerings=list(ServiceOffering.objects.filter(name__in=COOPERATIVE_OFFERINGS)),
        internal_notes="Parking and charging at a nominal fee are worth more to us than the student "
        "discount costs; keep it that way at the review.",
    )
    nodes = {
        n.text: n
        for n in ValueDriverNode.objects.filter(
            tree__name=VALUE_TREE, tree__need__organisation=relationship.consumer
        )
    }
    terms = {
        key: _add_term(actor, agreement, spec, nodes.get(node) if node else None)
        for key, spec, node in COOPERATIVE_TERMS
    }
    for words, term, evidence, expected, side, person, every in COOPERATIVE_PLAN:
        part_create(ValuePlanItem)(
            actor=actor,
            agreement=agreement,
            term=terms[term] if term else None,
            evidence=evidence,
            expected_on=datetime.date.fromisoformat(expected),
            tracked_by_party=side,
            tracked_by=people[person],
            review_every=every,
            **texts(words, lookup=()),
        )
    # Version 1: proposed, signed by both sides, agreed and put in force.
    agreement.refresh_from_db()
    _check(agreement_propose_refusal(agreement))
    agreement = agreement_propose(instance=agreement, actor=actor)
    agreement_sign(agreement=agreement, actor=actor, person=people["Mariana Souza"])
    agreement_sign(agreement=agreement, actor=beatriz_user)  # from her own account, as the customer
    _check(agreement_agree_refusal(agreement))
    agreement = agreement_agree(instance=agreement, actor=actor)
    agreement = agreement_activate(instance=agreement, actor=actor)
    # Version 2: a higher satisfaction target, signed by eCampus; the university has not signed yet.
    part_update(instance=terms["csat"], actor=actor, target="4.6")
    agreement.refresh_from_db()
    agreement_sign(
        agreement=agreement,
        actor=actor,
        person=people["Mariana Souza"],
        note="Raised after a term of good feedback; waiting for the university's customer.",
    )


def _load_partnership(actor: Any, people: dict[str, Person]) -> None:
    relationship = relationship_by_name(BOOKING)
    # Mariana signs for eCampus as its sponsor: the role lets her sign from her own account.
    upsert(
        ConsumerRole,
        {
            "person": people["Mariana Souza"],
            "organisation": relationship.consumer,
            "role": ConsumerRoleKind.SPONSOR,
        },
        {},
    )
    if Agreement.objects.filter(relationship=relationship, name=PARTNERSHIP["name"][0]).exists():
        return
    agreement = _create_agreement(
        actor,
        relationship,
        PARTNERSHIP,
        basis="agreement",
        kind="outcome_based",
        calendar=BusinessCalendar.objects.get(name="Axle global support"),
        starts_on=datetime.date(2027, 1, 1),
        review_on=datetime.date(2027, 7, 1),
    )
    for spec in PARTNERSHIP_TERMS:  # no experience term: the completeness check shows the gap
        _add_term(actor, agreement, spec)
    agreement.refresh_from_db()
    _check(agreement_propose_refusal(agreement))
    agreement = agreement_propose(instance=agreement, actor=actor)
    agreement_sign(
        agreement=agreement,
        actor=actor,
        person=people["Henri Laurent"],
        note="Signed by Henri for Axle at the partnership meeting in Seattle.",
    )


def _load_promise(actor: Any) -> None:
    relationship = relationship_by_name(CAR_SHARING)
    if Agreement.objects.filter(relationship=relationship, name=PROMISE["name"][0]).exists():
        return
    agreement = _create_agreement(
        actor,
        relationship,
        PROMISE,
        basis="promise",
        kind="experience_level",
        calendar=BusinessCalendar.objects.get(name="eCampus service desk"),
        offerings=list(ServiceOffering.objects.filter(name="Pay as you go for new students")),
        review_on=datetime.date(2027, 3, 15),
    )
    _add_term(actor, agreement, PROMISE_TERM)
    agreement.refresh_from_db()
    _check(agreement_propose_refusal(agreement))
    agreement = agreement_propose(instance=agreement, actor=actor)
    _check(agreement_agree_refusal(agreement))  # a promise needs no sign-off
    agreement_agree(instance=agreement, actor=actor)


@transaction.atomic
def load(stdout: Any) -> None:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["mariana", "beatriz"])}
    people = {
        p.name: p
        for p in Person.objects.filter(
            name__in=[
                "Mariana Souza",
                "Tomas Becker",
                "Ana Ribeiro",
                "Henri Laurent",
                "Solmaz Karimi",
                "Beatriz Lima",
                "Otávio Santos",
            ]
        )
    }
    actor = users["mariana"]
    _load_cooperative(actor, users["beatriz"], people)
    _load_partnership(actor, people)
    _load_promise(actor)
    stdout.write(
        f"  Agreements: {Agreement.objects.count()}, terms: {AgreementTerm.objects.count()}, "
        f"value plan items: {ValuePlanItem.objects.count()}."
    )
