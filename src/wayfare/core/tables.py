"""django-tables2 tables built from declarations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_tables2 as tables

if TYPE_CHECKING:
    from .resources import Resource


class WayfareTable(tables.Table):
    class Meta:
        attrs = {"class": "striped"}
        template_name = "generic/table.html"


def build_table(resource: Resource) -> type:
    columns = list(resource.columns)
    attrs: dict = {}
    if columns:
        # The first column links to the record's detail page.
        attrs[columns[0]] = tables.Column(linkify=True)
    meta = type(
        "Meta", (WayfareTable.Meta,), {"model": resource.model, "fields": columns, "sequence": columns}
    )
    attrs["Meta"] = meta
    return type(f"{resource.model.__name__}Table", (WayfareTable,), attrs)
