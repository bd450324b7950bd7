import factory
from django.core.files.base import ContentFile

from wayfare.analytics.models import EventLog

SMALL_LOG = (
    "case,activity,time,who\n"
    "c1,Book,2024-03-01T09:00:00Z,ana\n"
    "c1,Pick up,2024-03-01T10:00:00Z,ana\n"
    "c1,Return,2024-03-01T12:00:00Z,bo\n"
    "c2,Book,2024-03-02T09:00:00Z,bo\n"
    "c2,Pick up,2024-03-02T11:00:00Z,bo\n"
    "c2,Pick up,2024-03-02T11:30:00Z,ana\n"
    "c2,Return,2024-03-02T15:00:00Z,ana\n"
    "c3,Pick up,2024-03-05T08:00:00Z,ana\n"
    "c3,Charge,2024-03-05T09:00:00Z,ana\n"
    "c3,Return,2024-03-05T10:00:00Z,bo\n"
)


class EventLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventLog

    name = factory.Sequence(lambda n: f"Bookings {n}")
    source = factory.LazyFunction(lambda: ContentFile(SMALL_LOG.encode(), name="bookings.csv"))
    case_column = "case"
    activity_column = "activity"
    timestamp_column = "time"
    resource_column = "who"
