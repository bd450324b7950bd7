"""Core's part of the running story (issue #14): the business-hours calendars the SLA clocks run on.

eCampus's service desk in São Paulo answers on weekdays 08:00-12:00 and 13:00-18:00 and on Saturday
mornings, and is closed on Brazil's national holidays (with carnival Monday and Tuesday, which the desk
takes off); Axle's global support desk in Seattle's time zone answers on weekdays 06:00-20:00.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from .calendar_models import BusinessCalendar, BusinessHours, CalendarHoliday
from .demo_tools import upsert

WEEKDAYS = range(5)

CALENDARS = [
    {
        "name": "eCampus service desk",
        "time_zone": "America/Sao_Paulo",
        "description": "The hours of the eCampus service desk on campus: the SLA clocks of students' and "
        "staff's requests and incidents run in them.",
        "translations": {
            "zh-hans": {
                "name": "eCampus 服务台",
                "description": "校园内 eCampus 服务台的服务时间：学生和教职员工的请求与事件的 SLA 计时按此运行。",
            },
            "ru": {
                "name": "Служба поддержки eCampus",
                "description": "Часы работы службы поддержки eCampus в кампусе: по ним идут SLA-часы "
                "запросов и инцидентов студентов и сотрудников.",
            },
        },
        "hours": [(d, "08:00", "12:00") for d in WEEKDAYS]
        + [(d, "13:00", "18:00") for d in WEEKDAYS]
        + [(5, "09:00", "13:00")],
        "holidays": [
            ("2026-01-01", "New Year's Day", "元旦", "Новый год"),
            ("2026-02-16", "Carnival Monday", "狂欢节星期一", "Карнавальный понедельник"),
            ("2026-02-17", "Carnival Tuesday", "狂欢节星期二", "Карнавальный вторник"),
            ("2026-04-03", "Good Friday", "耶稣受难日", "Страстная пятница"),
            ("2026-04-21", "Tiradentes", "蒂拉登特斯日", "День Тирадентиса"),
            ("2026-05-01", "Labour Day", "劳动节", "День труда"),
            ("2026-06-04", "Corpus Christi", "基督圣体节", "Праздник Тела и Крови Христовых"),
            ("2026-09-07", "Independence Day", "独立日", "День независимости"),
            ("2026-10-12", "Our Lady of Aparecida", "阿帕雷西达圣母节", "День Богоматери Апаресиды"),
            ("2026-11-02", "All Souls' Day", "万灵节", "День поминовения усопших"),
            ("2026-11-15", "Republic Day", "共和国日", "День провозглашения республики"),
            ("2026-11-20", "Black Consciousness Day", "黑人觉醒日", "День чёрного самосознания"),
            ("2026-12-25", "Christmas Day", "圣诞节", "Рождество"),
            ("2027-01-01", "New Year's Day", "元旦", "Новый год"),
            ("2027-02-08", "Carnival Monday", "狂欢节星期一", "Карнавальный понедельник"),
            ("2027-02-09", "Carnival Tuesday", "狂欢节星期二", "Карнавальный вторник"),
            ("2027-03-26", "Good Friday", "耶稣受难日", "Страстная пятница"),
            ("2027-04-21", "Tiradentes", "蒂拉登特斯日", "День Тирадентиса"),
            ("2027-05-01", "Labour Day", "劳动节", "День труда"),
            ("2027-05-27", "Corpus Christi", "基督圣体节", "Праздник Тела и Крови Христовых"),
            ("2027-09-07", "Independence Day", "独立日", "День независимости"),
            ("2027-10-12", "Our Lady of Aparecida", "阿帕雷西达圣母节", "День Богоматери Апаресиды"),
            ("2027-11-02", "All Souls' Day", "万灵节", "День поминовения усопших"),
            ("2027-11-15", "Republic Day", "共和国日", "День провозглашения республики"),
            ("2027-11-20", "Black Consciousness Day", "黑人觉醒日", "День чёрного самосознания"),
            ("2027-12-25", "Christmas Day", "圣诞节", "Рождество"),
        ],
    },
    {
        "name": "Axle global support",
        "time_zone": "America/Los_Angeles",
        "description": "Axle Car Hire's global support desk, on the Pacific time of its Seattle head office.",
        "translations": {
            "zh-hans": {
                "name": "Axle 全球支持",
                "description": "Axle Car Hire 的全球支持服务台，按其西雅图总部的太平洋时间工作。",
            },
            "ru": {
                "name": "Глобальная поддержка Axle",
                "description": "Глобальная служба поддержки Axle Car Hire, работает по тихоокеанскому "
                "времени головного офиса в Сиэтле.",
            },
        },
        "hours": [(d, "06:00", "20:00") for d in WEEKDAYS],
        "holidays": [],
    },
]


@transaction.atomic
def load(stdout: Any) -> None:
    for spec in CALENDARS:
        calendar = upsert(
            BusinessCalendar,
            {"name": spec["name"]},
            {
                "time_zone": spec["time_zone"],
                "description": spec["description"],
                "translations": spec["translations"],
            },
        )
        for weekday, start, end in spec["hours"]:
            upsert(
                BusinessHours,
                {"calendar": calendar, "weekday": weekday, "start": dt.time.fromisoformat(str(start))},
                {"end": dt.time.fromisoformat(str(end))},
            )
        for date, name, zh_hans, ru in spec["holidays"]:
            upsert(
                CalendarHoliday,
                {"calendar": calendar, "date": dt.date.fromisoformat(str(date))},
                {"name": name, "translations": {"zh-hans": {"name": zh_hans}, "ru": {"name": ru}}},
            )
    stdout.write(f"  {len(CALENDARS)} business calendars.")
