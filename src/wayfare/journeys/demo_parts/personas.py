"""Personas of the running story (004 2.3.1-2.3.2, 2.4.3): Katrina, the international student who stands
for students going out of town at weekends, with the research she rests on and her aspirations; a
commuting parent who keeps a car overnight; the university's timetable system, a machine consumer of
the booking API; her five scenarios; and the culture profiles of international students and local staff."""

from __future__ import annotations

import datetime
from typing import Any

from wayfare.core.demo_tools import upsert
from wayfare.relationships.demo_parts.relationship import relationship_by_name

from ..models import (
    AspirationKind,
    CultureProfile,
    JourneyMap,
    Persona,
    PersonaAspiration,
    PersonaResearch,
    ResearchKind,
    Scenario,
)
from . import Texts, texts

KATRINA = "Katrina"
PARENT = "Fernanda"
MACHINE = "University timetable system"
STUDENT_RELATIONSHIP = "Campus car sharing for students"

PERSONAS: list[tuple[str, bool, Texts]] = [
    (
        KATRINA,
        False,
        {
            "name": ("Katrina", "Katrina", "Катрина"),
            "segment": (
                "Students going out of town at weekends",
                "周末出城的学生",
                "Студенты, которые уезжают из города на выходные",
            ),
            "summary": (
                "An Australian student doing a master's in languages in Brazil. She wants a cheap way to get "
                "out of the city, have fun, meet people and find new ideas.",
                "来自澳大利亚、在巴西攻读语言学硕士的学生。她想用实惠的方式离开城市、放松娱乐、认识新朋友、"
                "寻找新的灵感。",
                "Студентка из Австралии, учится в магистратуре по языкознанию в Бразилии. Ей нужен недорогой "
                "способ выбираться из города, отдыхать, знакомиться с людьми и находить новые идеи.",
            ),
            "responsibilities": (
                "Goes to lectures and meetings with her supervisor, does her own research, works shifts in a "
                "coffee shop and plays in a sports team.",
                "上课、与导师开会、做自己的研究，在咖啡店轮班打工，还参加一支运动队。",
                "Ходит на лекции и встречи с научным руководителем, ведёт своё исследование, работает сменами "
                "в кофейне и играет в спортивной команде.",
            ),
            "goals": (
                "Finish her master's well; build a network among students and teachers of her field; see "
                "Brazil's culture and landscapes.",
                "顺利完成硕士学业；在本专业的师生中建立人脉；领略巴西的文化与自然风光。",
                "Успешно закончить магистратуру; завести связи среди студентов и преподавателей своей "
                "области; увидеть культуру и природу Бразилии.",
            ),
            "needs": (
                "Time face to face with classmates and teachers; getting to campus and to work on time; "
                "less of her week spent travelling.",
                "与同学和老师当面交流的时间；准时到校和上班；每周花在路上的时间更少。",
                "Живое общение с однокурсниками и преподавателями; вовремя добираться до кампуса и до работы; "
                "меньше времени в дороге каждую неделю.",
            ),
            "family": (
                "The youngest of six children; her family lives in Australia, none of them in Brazil.",
                "家中六个孩子里最小的一个；家人都在澳大利亚，巴西没有亲人。",
                "Младшая из шести детей; вся семья живёт в Австралии, в Бразилии родных нет.",
            ),
            "typical_day": (
                "Up early for the gym, then on campus every weekday, mostly researching until she heads home; "
                "weekends behind the coffee-shop counter.",
                "一早去健身房，工作日每天到校园，多半在做研究，直到回家；周末在咖啡店站柜台。",
                "Рано утром спортзал, по будням весь день в кампусе, в основном за исследованием, потом "
                "домой; выходные за стойкой кофейни.",
            ),
            "pain_points": (
                "Without a car she depends on public transport, which eats hours; time stuck in traffic "
                "would be better spent on her thesis.",
                "没有车，只能靠公共交通，耗费大量时间；堵在路上的时间本可以用来写论文。",
                "Без машины она зависит от общественного транспорта и теряет часы; время в пробках лучше "
                "было бы потратить на диссертацию.",
            ),
            "touchpoints": (
                "A friend nearby whom she can call for a lift.",
                "住在附近、可以打电话请他顺路捎一程的朋友。",
                "Знакомый неподалёку, которому можно позвонить и попросить подвезти.",
            ),
            "constraints": (
                "Few people she can ask for a lift, never sure a driver is free, and her flat is far from "
                "good public transport.",
                "能请来捎她的人不多，也说不准司机有没有空，而且她的住处离方便的公共交通很远。",
                "Попросить подвезти можно немногих, никогда не ясно, свободен ли водитель, а от её квартиры "
                "далеко до удобного транспорта.",
            ),
            "channels": (
                "Phone, e-mail, text messages and social media.",
                "电话、电子邮件、短信和社交媒体。",
                "Телефон, электронная почта, SMS и соцсети.",
            ),
            "online_behaviour": (
                "Lives on social media, picks up new apps fast and likes to try new digital services first.",
                "离不开社交媒体，很快就能上手新应用，喜欢抢先尝试新的数字服务。",
                "Живёт в соцсетях, быстро осваивает новые приложения и любит первой пробовать новые "
                "цифровые сервисы.",
            ),
            "looking_for": (
                "New experiences and small adventures: trips, music festivals and sports events.",
                "新的体验和小小的冒险：旅行、音乐节和体育赛事。",
                "Новые впечатления и небольшие приключения: поездки, музыкальные фестивали и спортивные "
                "события.",
            ),
            "influences": (
                "Friends and fellow students; blogs, articles and adverts she sees online.",
                "朋友和同学；她在网上看到的博客、文章和广告。",
                "Друзья и однокурсники; блоги, статьи и реклама, которые она видит в сети.",
            ),
            "hopes_and_dreams": (
                "To see the world, free to leave for a place she likes at short notice without worrying "
                "about money.",
                "周游世界，想去喜欢的地方就能随时出发，不必为钱发愁。",
                "Повидать мир и срываться в любимые места в любой момент, не думая о деньгах.",
            ),
        },
    ),
    (
        PARENT,
        False,
        {
            "name": ("Fernanda", "Fernanda", "Фернанда"),
            "segment": (
                "Commuting parents who keep a car overnight",
                "需要把车留用过夜的通勤父母",
                "Родители, которые ездят на работу и оставляют машину на ночь",
            ),
            "summary": (
                "A lab technician and mother of two who lives outside the city and takes a car home on the "
                "days her bus would get her back too late.",
                "实验室技术员，两个孩子的母亲，住在城外；在公交回家太晚的日子里，她会把车开回家过夜。",
                "Лаборантка, мама двоих детей, живёт за городом и берёт машину домой в те дни, когда автобус "
                "привёз бы её слишком поздно.",
            ),
            "responsibilities": (
                "Runs the chemistry teaching lab and collects her children from school.",
                "管理化学教学实验室，并负责接孩子放学。",
                "Ведёт учебную химическую лабораторию и забирает детей из школы.",
            ),
            "goals": (
                "Get home safely and in time for her children, without owning a second car.",
                "安全、准时地回家陪孩子，而不必再买第二辆车。",
                "Безопасно и вовремя возвращаться к детям, не покупая вторую машину.",
            ),
            "needs": (
                "A car she can keep overnight, a well-lit pick-up bay and a booking she can change at the "
                "last minute.",
                "可以过夜留用的车、照明良好的取车位，以及临时也能修改的预订。",
                "Машина на ночь, хорошо освещённое место выдачи и бронь, которую можно изменить в последний "
                "момент.",
            ),
            "family": (
                "Married, two children at primary school.",
                "已婚，两个孩子在读小学。",
                "Замужем, двое детей в начальной школе.",
            ),
            "typical_day": (
                "Drops the children at school, works in the lab until late afternoon and drives home as it "
                "gets dark.",
                "送孩子上学，在实验室工作到傍晚，天黑时开车回家。",
                "Отвозит детей в школу, до вечера работает в лаборатории и едет домой, когда темнеет.",
            ),
            "pain_points": (
                "Waiting at a dark bus stop after work; cars that are not charged enough for the drive home.",
                "下班后在昏暗的公交站等车；车的电量不够开回家。",
                "Ждать после работы на тёмной остановке; машины, которым не хватает заряда на дорогу домой.",
            ),
            "touchpoints": (
                "The booking app, the pick-up bay by the car park and the service desk's phone line.",
                "预订应用、停车场旁的取车位和服务台的电话。",
                "Приложение бронирования, место выдачи у парковки и телефон службы поддержки.",
            ),
            "constraints": (
                "Must leave at a fixed time; cannot wait long for a replacement car.",
                "必须按固定时间出发；等不起替换的车。",
                "Должна уезжать в определённое время; долго ждать замену не может.",
            ),
            "channels": (
                "Phone and text messages; e-mail at work.",
                "电话和短信；上班时用电子邮件。",
                "Телефон и SMS; на работе электронная почта.",
            ),
            "online_behaviour": (
                "Uses a few apps she trusts and rarely tries new ones.",
                "只用几款信得过的应用，很少尝试新的。",
                "Пользуется несколькими проверенными приложениями и редко пробует новые.",
            ),
            "looking_for": (
                "Safety and convenience more than the lowest price.",
                "比起最低价格，更看重安全和方便。",
                "Безопасность и удобство важнее самой низкой цены.",
            ),
            "influences": (
                "Colleagues in the lab and other parents at school.",
                "实验室的同事和学校里的其他家长。",
                "Коллеги по лаборатории и другие родители в школе.",
            ),
            "hopes_and_dreams": (
                "More evenings with her children and fewer hours on the road.",
                "多陪孩子过几个晚上，少在路上花时间。",
                "Больше вечеров с детьми и меньше часов в дороге.",
            ),
        },
    ),
    (
        MACHINE,
        True,
        {
            "name": ("University timetable system", "大学课表系统", "Система расписания университета"),
            "segment": (
                "University systems that book cars through the booking API",
                "通过预订接口订车的大学系统",
                "Системы университета, которые бронируют машины через API",
            ),
            "summary": (
                "Books cars for field trips and exam duties as soon as a timetable is published, and cancels "
                "them when a session moves.",
                "课表一发布就为野外考察和监考任务订车，课程调整时自动取消。",
                "Бронирует машины для выездных занятий и дежурств на экзаменах, как только выходит "
                "расписание, и отменяет брони, когда занятие переносят.",
            ),
            "responsibilities": (
                "Keeps car bookings in step with the teaching timetable.",
                "让用车预订与教学课表保持一致。",
                "Держит брони машин в соответствии с учебным расписанием.",
            ),
            "goals": (
                "Every timetabled trip has a car; no car stays booked for a cancelled session.",
                "每次排进课表的出行都有车；取消的课程不再占用车辆。",
                "У каждой поездки из расписания есть машина; ни одна машина не занята под отменённое занятие.",
            ),
            "needs": (
                "A stable booking API, clear error codes and a confirmation for every request.",
                "稳定的预订接口、清晰的错误代码，以及对每个请求的确认。",
                "Стабильный API бронирования, понятные коды ошибок и подтверждение каждого запроса.",
            ),
            "pain_points": (
                "Bookings refused without a reason it can read; changes to the API without notice.",
                "预订被拒却没有可读的原因；接口变更事先没有通知。",
                "Отказы в брони без понятной причины; изменения API без предупреждения.",
            ),
            "touchpoints": (
                "The booking API and the status page of the service.",
                "预订接口和服务状态页面。",
                "API бронирования и страница состояния сервиса.",
            ),
            "constraints": (
                "Runs at night in batches; a failed batch waits until the next night.",
                "夜间批量运行；失败的批次要等到下一个晚上。",
                "Работает ночью пакетами; неудачный пакет ждёт следующей ночи.",
            ),
            "channels": (
                "The booking API; alerts by e-mail to the university's IT team.",
                "预订接口；通过电子邮件向大学信息技术团队发送告警。",
                "API бронирования; оповещения по почте ИТ-отделу университета.",
            ),
            "looking_for": (
                "Predictable answers and a sandbox to test changes.",
                "可预期的应答，以及用于测试变更的沙盒环境。",
                "Предсказуемые ответы и песочница для проверки изменений.",
            ),
        },
    ),
]

ASPIRATIONS: list[tuple[str, Texts]] = [
    (
        AspirationKind.FUNCTIONAL,
        {
            "text": (
                "Get a group of friends to a festival and back for less than the bus fares would cost.",
                "带一群朋友往返音乐节，花费比坐大巴还少。",
                "Довезти компанию друзей до фестиваля и обратно дешевле, чем на автобусе.",
            )
        },
    ),
    (
        AspirationKind.SOCIAL,
        {
            "text": (
                "Be the one who organises the weekend trips and meets new people on them.",
                "成为组织周末出行的人，并在途中结识新朋友。",
                "Быть той, кто устраивает поездки на выходные и знакомится в них с новыми людьми.",
            )
        },
    ),
    (
        AspirationKind.EMOTIONAL,
        {
            "text": (
                "Feel free to go at short notice, and safe in a car she did not have to worry about.",
                "说走就走的自由，以及开着一辆不用操心的车的安心。",
                "Чувствовать свободу уехать в любой момент и спокойствие за рулём машины, о которой не надо "
                "беспокоиться.",
            )
        },
    ),
]

D = datetime.date
RESEARCH: list[tuple[str, datetime.date, Texts]] = [
    (
        ResearchKind.INTERVIEW,
        D(2026, 2, 16),
        {
            "title": (
                "Interviews with prospective customers",
                "潜在客户访谈",
                "Интервью с будущими клиентами",
            ),
            "findings": (
                "A small team of researchers trained by Mariana talked to 24 students and staff. Most are at "
                "ease with apps and mobile data at home, on the way and on campus; weekend trips out of town "
                "came up again and again; several would wait half an hour for an electric car.",
                "由 Mariana 培训的小型研究团队与 24 名学生和教职工交谈。大多数人在家、在路上和在校园里都能"
                "熟练使用应用和移动数据；周末出城一再被提到；有几位愿意为一辆电动车等上半小时。",
                "Небольшая группа исследователей, обученных Марианой, поговорила с 24 студентами и "
                "сотрудниками. Большинство уверенно пользуются приложениями и мобильным интернетом дома, в "
                "дороге и в кампусе; поездки за город на выходные упоминались снова и снова; некоторые готовы "
                "ждать электромобиль полчаса.",
            ),
        },
    ),
    (
        ResearchKind.DATA,
        D(2026, 1, 26),
        {
            "title": (
                "Existing data: campus travel and car-hire bookings",
                "现有数据：校园出行与租车预订",
                "Имеющиеся данные: поездки кампуса и брони проката",
            ),
            "findings": (
                "The university's travel survey and Axle's bookings near campus show demand peaking on Friday "
                "afternoons and at the start of term.",
                "大学的出行调查和 Axle 在校园附近的预订记录显示，需求在周五下午和开学时达到高峰。",
                "Опрос университета о поездках и брони Axle рядом с кампусом показывают пик спроса в пятницу "
                "после обеда и в начале семестра.",
            ),
        },
    ),
    (
        ResearchKind.SURVEY,
        D(2025, 11, 3),
        {
            "title": (
                "Mariana's PhD research on how students and staff travel",
                "Mariana 关于学生和教职工出行方式的博士研究",
                "Диссертация Марианы о том, как ездят студенты и сотрудники",
            ),
            "findings": (
                "Students choose on cost and convenience, commuting parents on safety and convenience; many "
                "combine buses, lifts from friends and cycling.",
                "学生看重费用和便利，通勤的父母看重安全和便利；很多人把公交、朋友顺路车和骑行结合起来。",
                "Студенты выбирают по цене и удобству, родители, которые ездят на работу, по безопасности и "
                "удобству; многие сочетают автобусы, попутки с друзьями и велосипед.",
            ),
        },
    ),
]

SCENARIOS: list[tuple[str, Texts]] = [
    (
        "Booking a van for the festival",
        {
            "name": (
                "Booking a van for the festival",
                "为音乐节预订货车",
                "Бронирование фургона на фестиваль",
            ),
            "who": (
                "Katrina, an international student who goes out of town at weekends.",
                "Katrina，一位周末常出城的国际学生。",
                "Катрина, иностранная студентка, которая на выходные уезжает из города.",
            ),
            "why": (
                "Her favourite band plays at a weekend music festival in São Paulo and she wants to take her "
                "friends.",
                "她最喜欢的乐队要在圣保罗的周末音乐节上演出，她想带朋友们一起去。",
                "Её любимая группа выступает на фестивале в Сан-Паулу в выходные, и она хочет взять с собой "
                "друзей.",
            ),
            "goal": (
                "A car big enough for everyone, booked for the whole weekend at a student price.",
                "以学生价订到一辆坐得下所有人、整个周末都能用的车。",
                "Машина, в которую поместятся все, на все выходные и по студенческой цене.",
            ),
            "how": (
                "She opens the Axle app, sees which cars are free on campus, picks a van with enough seats "
                "and books it from Friday to Sunday.",
                "她打开 Axle 应用，查看校园里有哪些空闲车辆，选了一辆座位足够的货车，预订周五到周日。",
                "Она открывает приложение Axle, смотрит, какие машины свободны в кампусе, выбирает фургон с "
                "нужным числом мест и бронирует его с пятницы по воскресенье.",
            ),
            "context": (
                "Thursday evening, on her phone, between a lecture and a coffee-shop shift.",
                "周四晚上，在一堂课和咖啡店轮班之间，用手机完成。",
                "Вечер четверга, с телефона, между лекцией и сменой в кофейне.",
            ),
        },
    ),
    (
        "Picking up the van",
        {
            "name": ("Picking up the van", "取车", "Получение фургона"),
            "who": ("Katrina and two friends.", "Katrina 和两位朋友。", "Катрина и двое друзей."),
            "why": (
                "They want to leave straight after her last class on Friday.",
                "她们想在周五最后一节课后马上出发。",
                "Они хотят выехать сразу после её последней пары в пятницу.",
            ),
            "goal": (
                "Drive off within minutes, without waiting for staff.",
                "几分钟内就把车开走，不必等工作人员。",
                "Уехать через несколько минут, не дожидаясь сотрудников.",
            ),
            "how": (
                "She unlocks the van with her phone, walks round it and reports a scratch with two photos in "
                "the app, then checks the charge.",
                "她用手机解锁货车，绕车一圈，在应用里用两张照片报告了一道划痕，然后查看电量。",
                "Она открывает фургон телефоном, обходит его, сообщает в приложении о царапине с двумя "
                "фотографиями и проверяет заряд.",
            ),
            "context": (
                "The campus charging bays, late on Friday afternoon.",
                "周五傍晚，校园充电车位。",
                "Зарядные места кампуса, вечер пятницы.",
            ),
        },
    ),
    (
        "Finding public charging",
        {
            "name": ("Finding public charging", "寻找公共充电桩", "Поиск общественной зарядки"),
            "who": ("Katrina, driving the van.", "开着货车的 Katrina。", "Катрина за рулём фургона."),
            "why": (
                "The battery will not last the whole weekend.",
                "电池撑不过整个周末。",
                "Заряда не хватит на все выходные.",
            ),
            "goal": (
                "Charge near the festival without losing an evening.",
                "在音乐节附近充电，又不耽误一个晚上。",
                "Зарядиться рядом с фестивалем и не потерять вечер.",
            ),
            "how": (
                "The app shows the council's public chargers on the way; she picks one close to the festival "
                "grounds.",
                "应用显示沿途市议会的公共充电桩；她选了一个离音乐节场地近的。",
                "Приложение показывает по пути общественные зарядки городского совета; она выбирает ту, что "
                "ближе к фестивалю.",
            ),
            "context": (
                "Saturday morning in São Paulo, chargers she has never used before.",
                "周六上午的圣保罗，都是她从未用过的充电桩。",
                "Утро субботы в Сан-Паулу, зарядки, которыми она ещё не пользовалась.",
            ),
        },
    ),
    (
        "Parking at the festival",
        {
            "name": ("Parking at the festival", "在音乐节停车", "Парковка на фестивале"),
            "who": ("Katrina and her friends.", "Katrina 和她的朋友们。", "Катрина и её друзья."),
            "why": (
                "The festival car parks fill up early.",
                "音乐节的停车场很早就会停满。",
                "Парковки фестиваля рано заполняются.",
            ),
            "goal": (
                "A safe place for the van close to the gates.",
                "在入口附近找一个安全的地方停货车。",
                "Надёжное место для фургона рядом со входом.",
            ),
            "how": (
                "She follows the app to a partner car park and pays for the parking in the same booking.",
                "她跟着应用的指引找到合作停车场，并在同一笔预订里支付停车费。",
                "Она едет по подсказке приложения на партнёрскую парковку и платит за неё в той же брони.",
            ),
            "context": (
                "Saturday afternoon, heavy traffic around the festival.",
                "周六下午，音乐节周边交通拥堵。",
                "День субботы, плотное движение вокруг фестиваля.",
            ),
        },
    ),
    (
        "Returning the van",
        {
            "name": ("Returning the van", "还车", "Возврат фургона"),
            "who": ("Katrina.", "Katrina。", "Катрина."),
            "why": (
                "The weekend is over and the van is due back on Sunday evening.",
                "周末结束了，货车须在周日晚上归还。",
                "Выходные закончились, фургон нужно вернуть в воскресенье вечером.",
            ),
            "goal": (
                "Hand the van back quickly and know the final price at once.",
                "快速还车，并立即知道最终费用。",
                "Быстро сдать фургон и сразу узнать итоговую цену.",
            ),
            "how": (
                "She parks in a campus bay, plugs the van in, reports its condition in the app and answers "
                "the short feedback form.",
                "她把车停进校园车位，插上充电枪，在应用里报告车况，并填写简短的反馈表。",
                "Она ставит фургон на место в кампусе, подключает зарядку, отмечает в приложении его "
                "состояние и заполняет короткую анкету.",
            ),
            "context": (
                "Sunday night, tired after the festival.",
                "周日深夜，音乐节后有些疲惫。",
                "Поздний вечер воскресенья, усталость после фестиваля.",
            ),
        },
    ),
]

# Meyer's eight scales, 1 (first pole) to 10 (second pole): our own estimates for the demo.
CULTURES: list[tuple[str, str | None, dict[str, int], Texts]] = [
    (
        "International students",
        KATRINA,
        {
            "communicating": 3,
            "evaluating": 4,
            "persuading": 6,
            "leading": 2,
            "deciding": 3,
            "trusting": 6,
            "disagreeing": 4,
            "scheduling": 6,
        },
        {
            "name": ("International students", "国际学生", "Иностранные студенты"),
            "segment": (
                "International students on campus",
                "校园里的国际学生",
                "Иностранные студенты кампуса",
            ),
            "notes": (
                "Mostly from low-context cultures; they expect plain instructions in the app and are relaxed "
                "about plans changing.",
                "多来自低语境文化；希望应用里的说明直截了当，对计划变动比较随和。",
                "В основном из низкоконтекстных культур; ждут в приложении простых инструкций и спокойно "
                "относятся к изменению планов.",
            ),
        },
    ),
    (
        "Local university staff",
        None,
        {
            "communicating": 7,
            "evaluating": 7,
            "persuading": 4,
            "leading": 6,
            "deciding": 6,
            "trusting": 8,
            "disagreeing": 7,
            "scheduling": 7,
        },
        {
            "name": ("Local university staff", "本地大学教职工", "Местные сотрудники университета"),
            "segment": (
                "Brazilian staff of the university",
                "大学的巴西籍教职工",
                "Бразильские сотрудники университета",
            ),
            "notes": (
                "Trust grows from personal contact; bad news is better given gently and by phone than in a "
                "blunt message.",
                "信任来自人际交往；坏消息最好委婉地通过电话告知，而不是发一条生硬的消息。",
                "Доверие растёт из личного общения; плохие новости лучше сообщать мягко и по телефону, а не "
                "резким сообщением.",
            ),
        },
    ),
]


def persona_by_name(name: str) -> Persona:
    return Persona.objects.get(name=name)


def load(stdout: Any) -> None:
    relationship = relationship_by_name(STUDENT_RELATIONSHIP)
    for name, is_machine, fields in PERSONAS:
        upsert(
            Persona, {"name": name}, {"is_machine": is_machine, "relationship": relationship, **texts(fields)}
        )
    katrina = persona_by_name(KATRINA)
    for kind, fields in ASPIRATIONS:
        upsert(PersonaAspiration, {"persona": katrina, "kind": kind}, texts(fields))
    for kind, held_on, fields in RESEARCH:
        upsert(PersonaResearch, {"persona": katrina, "kind": kind}, {"held_on": held_on, **texts(fields)})
    for name, persona, scales, fields in CULTURES:
        upsert(
            CultureProfile,
            {"name": name},
            {"persona": persona_by_name(persona) if persona else None, **scales, **texts(fields)},
        )


def load_scenarios(journey_map: JourneyMap) -> None:
    """Katrina's scenarios, each feeding the end-to-end map (called once the map exists)."""
    katrina = persona_by_name(KATRINA)
    for position, (name, fields) in enumerate(SCENARIOS, start=1):
        upsert(
            Scenario,
            {"persona": katrina, "name": name},
            {"journey_map": journey_map, "position": position, **texts(fields)},
        )
