"""The standard battery for the assessment registers."""

from django.contrib.contenttypes.models import ContentType

from wayfare.assessments.models import (
    AnswerScale,
    Assessment,
    AssessmentTemplate,
    FollowUpAction,
    TemplateItem,
    TemplateSection,
)
from wayfare.core.testing import ResourceTests
from wayfare.parties.tests.factories import UserFactory
from wayfare.relationships.models import ServiceRelationship
from wayfare.relationships.tests.factories import ServiceRelationshipFactory

from .factories import (
    AnswerScaleFactory,
    AssessmentFactory,
    AssessmentTemplateFactory,
    FollowUpActionFactory,
    TemplateItemFactory,
    TemplateSectionFactory,
)

OPTIONS = '[{"value": 0, "label": {"en": "No"}}, {"value": 1, "label": {"en": "Yes"}}]'


class AnswerScaleTests(ResourceTests):
    model = AnswerScale

    def make(self, owner):
        return AnswerScaleFactory()

    def valid_data(self, owner):
        return {"code": "yes-no-test", "name": "Yes or no", "options": OPTIONS}

    def invalid_data(self, owner):
        return {"code": "", "name": "Bad", "options": "[]"}


class AssessmentTemplateTests(ResourceTests):
    model = AssessmentTemplate

    def make(self, owner):
        return AssessmentTemplateFactory()

    def valid_data(self, owner):
        return {"code": "supplier-check", "name": "Supplier check", "description": "Our own checklist."}

    def invalid_data(self, owner):
        return {"code": "not a slug!", "name": ""}


class TemplateSectionTests(ResourceTests):
    model = TemplateSection
    update_field = "title"

    def make(self, owner):
        return TemplateSectionFactory()

    def valid_data(self, owner):
        return {
            "template": AssessmentTemplateFactory().pk,
            "code": "s1",
            "title": "Section",
            "position": 1,
            "weight": 1,
        }

    def invalid_data(self, owner):
        return {"template": "", "code": "s1", "title": "", "weight": -1}


class TemplateItemTests(ResourceTests):
    model = TemplateItem
    update_field = "text"

    def make(self, owner):
        return TemplateItemFactory()

    def valid_data(self, owner):
        return {
            "section": TemplateSectionFactory().pk,
            "code": "i1",
            "text": "Is it so?",
            "position": 1,
            "weight": 2,
            "scale": AnswerScaleFactory().pk,
            "reference": "three_cs",
        }

    def invalid_data(self, owner):
        return {"section": "", "code": "i1", "text": "", "scale": "", "reference": "gossip"}


class AssessmentTests(ResourceTests):
    model = Assessment
    update_field = "assessor"

    def make(self, owner):
        return AssessmentFactory(organisation=owner)

    def valid_data(self, owner):
        relationship = ServiceRelationshipFactory(consumer=owner)
        return {
            "template": AssessmentTemplateFactory().pk,
            "content_type": ContentType.objects.get_for_model(ServiceRelationship).pk,
            "object_id": relationship.pk,
            "made_by": "counterpart",
            "assessed_on": "2026-03-01",
            "assessor": "Radhika",
        }

    def invalid_data(self, owner):
        return {"template": "", "content_type": "", "object_id": "x", "made_by": "someone"}


class FollowUpActionTests(ResourceTests):
    model = FollowUpAction
    update_field = "title"

    def make(self, owner):
        return FollowUpActionFactory(assessment=AssessmentFactory(organisation=owner))

    def valid_data(self, owner):
        return {
            "assessment": AssessmentFactory(organisation=owner).pk,
            "title": "Ask for their audited accounts",
            "owner": UserFactory().pk,
            "due": "2026-12-01",
            "status": "open",
        }

    def invalid_data(self, owner):
        return {"assessment": "", "title": "", "status": "forgotten"}
