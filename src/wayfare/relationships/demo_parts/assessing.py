"""Demo content of the assessing part (issue #12 section 8): on the Axle-eCampus partnership, eCampus's
three Cs assessment of Axle now and a few months before (its history), and Axle's own three Cs
assessment of eCampus (Axle's people, such as radhika, see that one and not eCampus's); the four
dimensions answered for each party (the gap between them); the capability check of the green cleaning
partner (finances, customer reviews, green products) before engagement, with one gap turned into a
follow-up action for Mariana. Fixed dates, so loading again changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from wayfare.assessments.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentTemplate,
    FollowUpAction,
    TemplateItem,
)
from wayfare.core.demo_tools import upsert

from ..models import ServiceRelationship
from .relationship import relationship_by_name

D = datetime.date

THREE_CS_EARLIER = {
    "knowledge": 4, "capacity": 3, "agility": 3, "shared_goals": 4, "respect": 4, "explain": 2,
    "know_us": 3, "dialogue": 3, "understand_first": 3, "deliver": 3, "respond": 2,
}  # fmt: skip
THREE_CS_NOW = {
    "knowledge": 5, "capacity": 4, "agility": 4, "shared_goals": 5, "respect": 5, "explain": 4,
    "know_us": 4, "dialogue": 4, "understand_first": 4, "deliver": 4, "respond": 4,
}  # fmt: skip
AXLE_OF_ECAMPUS = {
    "agility": 4, "shared_goals": 5, "respect": 4, "explain_changes": 3, "dialogue": 4,
    "understand_first": 4, "disclose": 3,
}  # fmt: skip
# The four dimensions, once for each party of the partnership: Axle is ahead on information and
# technology, eCampus on value streams (the compare page shows the gap).
FOUR_AXLE = {
    "roles": 3, "skills": 3, "culture": 2, "information": 4, "tools": 4, "data_care": 3,
    "choice": 3, "agreements": 3, "fit": 2, "mapped": 2, "measured": 2, "flow": 2,
}  # fmt: skip
FOUR_ECAMPUS = {
    "roles": 3, "skills": 2, "culture": 3, "information": 2, "tools": 2, "data_care": 3,
    "choice": 2, "agreements": 3, "fit": 3, "mapped": 3, "measured": 3, "flow": 3,
}  # fmt: skip
# Before engaging GreenShine: its finances, what customers say and its green products; the rest unknown.
GREENSHINE = {"finances": 2, "reviews": 2, "products": 2, "failure": 0}

ACTION = (
    "Ask GreenShine for a second source of its green cleaning products",
    {
        "zh-hans": {"title": "请 GreenShine 为其环保清洁产品提供第二货源"},
        "ru": {"title": "Попросить GreenShine найти второго поставщика экологичных моющих средств"},
    },
)


def _assessment(
    relationship: ServiceRelationship,
    code: str,
    made_by: str,
    on: datetime.date,
    assessor: str,
    answers: dict,
    party: str = "",
) -> Assessment:
    template = AssessmentTemplate.objects.get(code=code)
    assessment = upsert(
        Assessment,
        {
            "template": template,
            "content_type": ContentType.objects.get_for_model(ServiceRelationship),
            "object_id": relationship.pk,
            "made_by": made_by,
            "assessed_on": on,
            "assessed_party": party,
        },
        {"assessor": assessor},
    )
    items = {i.code: i for i in TemplateItem.objects.filter(section__template=template)}
    for item_code, value in answers.items():
        upsert(AssessmentAnswer, {"assessment": assessment, "item": items[item_code]}, {"value": value})
    return upsert(Assessment, {"pk": assessment.pk}, {"state": "completed"})


def load(stdout: Any) -> None:
    booking = relationship_by_name("Booking system and service desk")
    _assessment(booking, "three_cs_provider", "us", D(2026, 5, 12), "Mariana Souza", THREE_CS_EARLIER)
    _assessment(booking, "three_cs_provider", "us", D(2026, 10, 20), "Mariana Souza", THREE_CS_NOW)
    _assessment(booking, "three_cs_customer", "counterpart", D(2026, 10, 27), "Radhika Iyer", AXLE_OF_ECAMPUS)
    for party, answers in (("provider", FOUR_AXLE), ("consumer", FOUR_ECAMPUS)):
        _assessment(booking, "four_dimension_maturity", "us", D(2026, 11, 3), "Mariana Souza", answers, party)
    cleaning = relationship_by_name("Green car cleaning")
    check = _assessment(cleaning, "provider_capabilities", "us", D(2026, 9, 8), "Mariana Souza", GREENSHINE)
    mariana = get_user_model().objects.filter(username="mariana").first()
    if mariana is not None:
        title, translations = ACTION
        upsert(
            FollowUpAction,
            {
                "assessment": check,
                "item": TemplateItem.objects.get(section__template=check.template, code="failure"),
            },
            {
                "title": title,
                "translations": translations,
                "owner": mariana,
                "due": D(2027, 1, 15),
                "status": "open",
            },
        )
    stdout.write("  assessments: three Cs of the Axle partnership, GreenShine's capability check\n")
