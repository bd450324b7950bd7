"""Counts in tables and on record pages read with the language's digit grouping; exports keep numbers."""

from django.utils import translation

from wayfare.analytics.models import EventLog
from wayfare.core.resources import registry
from wayfare.core.tables import CountColumn


def test_count_column_groups_digits_per_language_and_exports_the_number():
    column = CountColumn()
    with translation.override("en"):
        assert column.render(21348) == "21,348"
    with translation.override("ru"):
        assert column.render(21348).replace("\xa0", " ") == "21 348"
    assert column.value(21348) == 21348


def test_integer_columns_of_a_resource_are_counts():
    table = registry.get(EventLog).table_class
    assert isinstance(table.base_columns["events"], CountColumn)
    assert not isinstance(table.base_columns["name"], CountColumn)
