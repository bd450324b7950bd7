import datetime

import factory

from wayfare.parties.tests.factories import UserFactory
from wayfare.relationships.models import Alert, CommunicationPlan, Contact, Promise

from .factories import ServiceRelationshipFactory


class CommunicationPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunicationPlan

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    audience = factory.Sequence(lambda n: f"Stakeholder group {n}")
    channel = "meeting"
    cadence_days = 30
    owner = factory.SubFactory(UserFactory)
    starts_on = datetime.date(2026, 1, 5)
    next_due = datetime.date(2026, 2, 4)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    kind = "call"
    occurred_on = datetime.date(2026, 3, 2)
    participants = factory.Sequence(lambda n: f"Participant {n}")
    summary = "Talked about the service."


class PromiseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Promise

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    what = factory.Sequence(lambda n: f"Promise {n}")
    due = datetime.date(2026, 4, 1)
    promised_by = factory.SubFactory(UserFactory)


class AlertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alert

    relationship = factory.SubFactory(ServiceRelationshipFactory)
    rule = "missed_contact"
    key = factory.Sequence(lambda n: f"test:{n}")
    params = factory.LazyFunction(lambda: {"channel": "meeting", "audience": "Students", "due": "2026-03-02"})
    raised_on = datetime.date(2026, 3, 3)
    owner = factory.SubFactory(UserFactory)
