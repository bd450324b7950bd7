import factory

from wayfare.catalog.models import ValueDriverNode, ValueDriverTree

from .factories import NeedFactory


class ValueDriverTreeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ValueDriverTree

    name = factory.Sequence(lambda n: f"Weekend trips {n}")
    need = factory.SubFactory(NeedFactory)
    approach = "top_down"


class ValueDriverNodeFactory(factory.django.DjangoModelFactory):
    """A purpose at the top of its tree (pass ``parent`` and a lower ``layer`` for the rest)."""

    class Meta:
        model = ValueDriverNode

    tree = factory.SubFactory(ValueDriverTreeFactory)
    layer = "purpose"
    text = factory.Sequence(lambda n: f"International students feel at home {n}")
