import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wayfare.parties.models import ConsumerRole, ConsumerRoleKind, Organisation, OrganisationKind, Person


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("pw")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.EXTERNAL
    country = "BR"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda o: f"{o.name.replace(' ', '.').lower()}@example.org")
    organisation = factory.SubFactory(OrganisationFactory)


class ConsumerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsumerRole

    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    organisation = factory.SubFactory(OrganisationFactory)
    role = ConsumerRoleKind.USER
