"""django-tables2 tables built from declarations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import django_tables2 as tables
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from .collation import CollatedTableMixin

if TYPE_CHECKING:
    from .resources import Resource


class CountColumn(tables.Column):
    """Whole numbers with the language's digit grouping (21,348 · 21 348), right-aligned."""

    attrs = {"td": {"class": "num"}, "th": {"class": "num"}}  # noqa: RUF012

    def render(self, value: int) -> str:
        return number_format(value, force_grouping=True)

    def value(self, value: int) -> int:  # exports keep the plain number
        return value


class LinesColumn(tables.Column):
    """Text kept one item per line (a stage's activities) keeps its lines in the cell."""

    def render(self, value: str) -> SafeString:
        return linebreaksbr(value, autoescape=True)

    def value(self, value: str) -> str:
        return value


class StatusColumn(tables.Column):
    """A status as a badge with an icon and its words (colour is not the only cue); exports keep the words."""

    def render(self, value: Any, record: Any, bound_column: Any) -> SafeString:
        from .templatetags.wayfare import status_badge_html

        return status_badge_html(getattr(record, bound_column.accessor), value)

    def value(self, value: Any) -> Any:
        return value


class WayfareTable(CollatedTableMixin, tables.Table):
    class Meta:
        attrs = {"class": "striped"}
        template_name = "generic/table.html"


def build_table(resource: Resource) -> type:
    columns = list(resource.columns)
    attrs: dict = {}
    if columns:
        # The first column links to the record's detail page.
        attrs[columns[0]] = tables.Column(linkify=True)
    for name in columns[1:]:
        try:
            field = resource.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a column may be a property or an annotation
            continue
        if name == "status" and isinstance(field, models.Field) and field.choices:
            attrs[name] = StatusColumn(verbose_name=capfirst(field.verbose_name))
        elif isinstance(field, models.IntegerField) and not field.choices and not field.primary_key:
            attrs[name] = CountColumn(verbose_name=capfirst(field.verbose_name))
        elif isinstance(field, models.TextField):
            attrs[name] = LinesColumn(verbose_name=capfirst(field.verbose_name))
    meta = type(
        "Meta", (WayfareTable.Meta,), {"model": resource.model, "fields": columns, "sequence": columns}
    )
    attrs["Meta"] = meta
    return type(f"{resource.model.__name__}Table", (WayfareTable,), attrs)
