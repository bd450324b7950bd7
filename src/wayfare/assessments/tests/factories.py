import datetime

import factory
from django.contrib.contenttypes.models import ContentType

from wayfare.assessments.models import (
    AnswerScale,
    Assessment,
    AssessmentTemplate,
    FollowUpAction,
    TemplateItem,
    TemplateSection,
)
from wayfare.parties.tests.factories import UserFactory
from wayfare.relationships.models import ServiceRelationship
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

FIVE = [{"value": v, "label": {"en": f"option {v}"}} for v in range(1, 6)]


class AnswerScaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnswerScale

    code = factory.Sequence(lambda n: f"scale-{n}")
    name = factory.Sequence(lambda n: f"Scale {n}")
    options = FIVE


class AssessmentTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentTemplate

    code = factory.Sequence(lambda n: f"template-{n}")
    name = factory.Sequence(lambda n: f"Template {n}")
    relevance = {"basic": "critical", "cooperative": "moderate", "partnership": "light"}


class TemplateSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplateSection

    template = factory.SubFactory(AssessmentTemplateFactory)
    code = factory.Sequence(lambda n: f"section-{n}")
    title = factory.Sequence(lambda n: f"Section {n}")
    position = factory.Sequence(lambda n: n % 100 + 1)
    level = 1


class TemplateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplateItem

    section = factory.SubFactory(TemplateSectionFactory)
    code = factory.Sequence(lambda n: f"item-{n}")
    text = factory.Sequence(lambda n: f"Item {n}")
    position = factory.Sequence(lambda n: n % 100 + 1)
    scale = factory.SubFactory(AnswerScaleFactory)
    reference = "three_cs"


def _relationship_type():
    return ContentType.objects.get_for_model(ServiceRelationship)


class AssessmentFactory(factory.django.DjangoModelFactory):
    """An assessment of a relationship whose consumer is ``organisation`` (the counterpart)."""

    class Meta:
        model = Assessment
        exclude = ["relationship"]

    organisation = factory.SubFactory("wayfare.parties.tests.factories.OrganisationFactory")
    relationship = factory.SubFactory(
        ServiceRelationshipFactory, consumer=factory.SelfAttribute("..organisation")
    )
    template = factory.SubFactory(AssessmentTemplateFactory)
    content_type = factory.LazyFunction(_relationship_type)
    object_id = factory.SelfAttribute("relationship.pk")
    made_by = "counterpart"
    assessed_on = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))


class FollowUpActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpAction

    assessment = factory.SubFactory(AssessmentFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(UserFactory)
    due = datetime.date(2026, 12, 31)
