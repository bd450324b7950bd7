"""django-tables2 tables built from declarations."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import django_tables2 as tables
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from .collation import CollatedTableMixin
from .related import Seen, hidden_fields
from .resources import registry

if TYPE_CHECKING:
    from .resources import Resource


class CountColumn(tables.Column):
    """Whole numbers with the language's digit grouping (21,348 · 21 348), right-aligned."""

    attrs = {"td": {"class": "num"}, "th": {"class": "num"}}  # noqa: RUF012

    def render(self, value: int) -> str:
        return number_format(value, force_grouping=True)

    def value(self, value: int) -> int:  # exports keep the plain number
        return value


class MeasureColumn(tables.Column):
    """A measured quantity (a target of 4.5, 99.5 or 90) without the zeros its precision pads it with,
    in the language's number format, right-aligned. Money keeps its two places (a plain column)."""

    attrs = {"td": {"class": "num"}, "th": {"class": "num"}}  # noqa: RUF012

    def render(self, value: Decimal) -> str:
        exact = Decimal(value).normalize()
        places = max(0, -int(exact.as_tuple().exponent))
        return number_format(exact, decimal_pos=places)

    def value(self, value: Decimal) -> str:  # exports keep the plain number
        return f"{Decimal(value).normalize():f}"


class LinesColumn(tables.Column):
    """Text kept one item per line (a stage's activities) keeps its lines in the cell."""

    def render(self, value: str) -> SafeString:
        return linebreaksbr(value, autoescape=True)

    def value(self, value: str) -> str:
        return value


class TranslatedColumn(tables.Column):
    """A text field that carries translations (``Resource.translated_fields``): the reader's language,
    else the field's own value, in pages and exports."""

    def render(self, value: Any, record: Any, bound_column: Any) -> Any:
        return record.translated(bound_column.accessor)

    def value(self, value: Any, record: Any, bound_column: Any) -> Any:
        return record.translated(bound_column.accessor)


class TranslatedLinesColumn(LinesColumn):
    """A translated text kept one item per line."""

    def render(self, value: Any, record: Any, bound_column: Any) -> SafeString:  # type: ignore[override]
        return linebreaksbr(record.translated(bound_column.accessor), autoescape=True)

    def value(self, value: Any, record: Any, bound_column: Any) -> Any:  # type: ignore[override]
        return record.translated(bound_column.accessor)


class CodeColumn(tables.Column):
    """An identifier (a slug): the same in every language, shown as code."""

    def render(self, value: Any) -> SafeString:
        return format_html("<code>{}</code>", value)

    def value(self, value: Any) -> Any:
        return value


class StatusColumn(tables.Column):
    """A status as a badge with an icon and its words (colour is not the only cue); exports keep the words."""

    def render(self, value: Any, record: Any, bound_column: Any) -> SafeString:
        from .templatetags.wayfare import status_badge_html

        return status_badge_html(getattr(record, bound_column.accessor), value)

    def value(self, value: Any) -> Any:
        return value


class RelatedColumn(tables.Column):
    """A related record, named only if the reader may open it (``core.related``), in pages and exports."""

    def render(self, value: Any, record: Any, table: Any, bound_column: Any) -> Any:
        table.seen.see_annotated(record, bound_column.name)
        return table.seen.label(value)

    def value(self, value: Any, record: Any, table: Any, bound_column: Any) -> str:
        return str(self.render(value, record, table, bound_column))


class WayfareTable(CollatedTableMixin, tables.Table):
    """Shows related records through ``Seen`` (whose visibility the list's own query computes, see
    ``Seen.annotate``) and leaves out the resource's backstage fields for consumers."""

    class Meta:
        attrs = {"class": "striped"}
        template_name = "generic/table.html"

    def __init__(self, data: Any, *args: Any, request: Any = None, exclude: Any = None, **kwargs: Any):
        self.seen = Seen.of(request)
        resource = registry.find(self._meta.model)
        hidden = hidden_fields(resource, self.seen.user)
        exclude = (*(exclude or ()), *sorted(hidden))
        related = [
            n for n, c in self.base_columns.items() if isinstance(c, RelatedColumn) and n not in hidden
        ]
        if isinstance(data, models.QuerySet) and related:
            data = self.seen.annotate(data, related)
        # ``request`` is only for ``Seen``: the view configures sorting and pagination itself
        # (RequestConfig), after clamping the page parameters (issue #11: no 500 on ?per_page=-1).
        super().__init__(data, *args, exclude=exclude, **kwargs)


def _is_related(model: type[models.Model], name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a column may be a property or an annotation
        return False
    return bool(field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete)


def _row_url(record: Any) -> str:
    return record.get_absolute_url()  # type: ignore[no-any-return]


def build_table(resource: Resource) -> type:
    columns = list(resource.columns)
    attrs: dict = {}
    model = resource.model
    for name in columns:
        if _is_related(model, name):
            related_field: Any = model._meta.get_field(name)
            attrs[name] = RelatedColumn(verbose_name=capfirst(related_field.verbose_name))
        elif name in resource.translated_fields:
            field: Any = model._meta.get_field(name)
            lines = isinstance(field, models.TextField)
            column = TranslatedLinesColumn if lines else TranslatedColumn
            attrs[name] = column(verbose_name=capfirst(field.verbose_name))
    if columns:
        # The first column links to the record's own page (never to a related record's).
        first = attrs.get(columns[0])
        column_class = type(first) if first is not None else tables.Column
        kwargs = {"verbose_name": first.verbose_name} if first is not None else {}
        attrs[columns[0]] = column_class(linkify=_row_url, **kwargs)
    for name in columns[1:]:
        if name in attrs:
            continue
        try:
            field = resource.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a column may be a property or an annotation
            continue
        if name == "status" and isinstance(field, models.Field) and field.choices:
            attrs[name] = StatusColumn(verbose_name=capfirst(field.verbose_name))
        elif isinstance(field, models.IntegerField) and not field.choices and not field.primary_key:
            attrs[name] = CountColumn(verbose_name=capfirst(field.verbose_name))
        elif isinstance(field, models.DecimalField) and field.decimal_places > 2:
            attrs[name] = MeasureColumn(verbose_name=capfirst(field.verbose_name))
        elif isinstance(field, models.TextField):
            attrs[name] = LinesColumn(verbose_name=capfirst(field.verbose_name))
        elif isinstance(field, models.SlugField):
            attrs[name] = CodeColumn(verbose_name=capfirst(field.verbose_name))
    meta = type(
        "Meta", (WayfareTable.Meta,), {"model": resource.model, "fields": columns, "sequence": columns}
    )
    attrs["Meta"] = meta
    return type(f"{resource.model.__name__}Table", (WayfareTable,), attrs)
