"""Text sorts as the reader's language does (#11: "eCampus" sorted after "Sao Paulo").

A database compares text by code point unless told otherwise, so capitals came before small letters and
accents after "z". Lists and tables order text through ``collate_ordering()``, which wraps every text
term of a queryset's ordering in ``Collate``:

- on PostgreSQL an ICU collation of the active language (``ru-x-icu``, ``zh-x-icu``: pinyin order) or the
  root collation ``und-x-icu``; Debian's PostgreSQL is built with ICU, so they exist;
- on SQLite the collation ``wayfare_uca``, registered on every new connection, which compares strings
  by their Unicode Collation Algorithm keys (pyuca, pure Python: no ICU build). The UCA's default table
  sorts Latin and Cyrillic as their languages do; Han characters come by radical and stroke order rather
  than by pinyin, which only PostgreSQL gives.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate
from django.dispatch import receiver
from django.utils import translation

SQLITE_COLLATION = "wayfare_uca"
POSTGRESQL_COLLATIONS = {"ru": "ru-x-icu", "zh-hans": "zh-x-icu", "zh": "zh-x-icu"}
POSTGRESQL_DEFAULT = "und-x-icu"
TEXT_FIELDS = (models.CharField, models.TextField)


@functools.cache
def _collator() -> Any:
    import pyuca  # loading its table takes about half a second: only when something is sorted

    return pyuca.Collator()


@functools.lru_cache(maxsize=16384)
def sort_key(text: str) -> tuple[int, ...]:
    """The UCA key of a text: what SQLite's ``wayfare_uca`` compares."""
    return tuple(_collator().sort_key(text))


def _compare(a: str, b: str) -> int:
    ka, kb = sort_key(a), sort_key(b)
    if ka == kb:
        return (a > b) - (a < b)  # equal keys still order the same way every time
    return -1 if ka < kb else 1


@receiver(connection_created, dispatch_uid="wayfare.core.collation")
def _register_sqlite_collation(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _compare)


def collation_name(vendor: str, language: str | None = None) -> str | None:
    """The collation that sorts text for ``language`` (the active one by default) on this database."""
    if vendor == "sqlite":
        return SQLITE_COLLATION
    if vendor == "postgresql":
        language = (language or translation.get_language() or "").lower()
        return POSTGRESQL_COLLATIONS.get(language) or POSTGRESQL_COLLATIONS.get(
            language.split("-")[0], POSTGRESQL_DEFAULT
        )
    return None


def _text_terms(model: type[models.Model], path: str) -> list[str] | None:
    """The text fields ``path`` orders by: itself, or a related model's own ordering; None if not text."""
    opts: Any = model._meta
    parts = path.split("__")
    for i, part in enumerate(parts):
        try:
            field = opts.get_field(part)
        except Exception:  # noqa: BLE001 - an annotation or a transform: leave it as it is
            return None
        if field.is_relation and field.related_model is not None:
            opts = field.related_model._meta
            if i == len(parts) - 1:  # ordering by a relation orders by the related model's ordering
                prefix = "__".join(parts)
                terms = []
                for term in opts.ordering or []:
                    if not isinstance(term, str) or term.lstrip("-") == "pk":
                        return None
                    inner = _text_terms(field.related_model, term.lstrip("-"))
                    if inner is None or term.startswith("-"):
                        return None
                    terms += [f"{prefix}__{t}" for t in inner]
                return terms or None
            continue
        if i == len(parts) - 1 and isinstance(field, TEXT_FIELDS) and not field.choices:
            return [path]
        return None
    return None


def collate_ordering(queryset: models.QuerySet, using: str | None = None) -> models.QuerySet:
    """The queryset ordered as before, with each text term compared in the reader's language."""
    from django.db import connections

    collation = collation_name(connections[using or queryset.db].vendor)
    query = queryset.query
    terms = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    if not collation or not terms:
        return queryset
    ordering: list[Any] = []
    changed = False
    for term in terms:
        if not isinstance(term, str) or term in ("?", "pk", "-pk"):
            ordering.append(term)
            continue
        descending = term.startswith("-")
        text = _text_terms(queryset.model, term.lstrip("-"))
        if text is None:
            ordering.append(term)
            continue
        changed = True
        for path in text:
            expression: OrderBy = Collate(F(path), collation).asc()
            if descending:
                expression = Collate(F(path), collation).desc()
            ordering.append(expression)
    return queryset.order_by(*ordering) if changed else queryset


class CollatedTableMixin:
    """For a django-tables2 table: whichever way it is ordered (the data's own ordering, a column the
    reader clicked), text columns compare in the reader's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._collate()

    @property
    def order_by(self) -> Any:
        return self._order_by  # type: ignore[attr-defined]

    @order_by.setter
    def order_by(self, value: Any) -> None:
        import django_tables2 as tables

        tables.Table.order_by.fset(self, value)  # type: ignore[attr-defined]
        self._collate()

    def _collate(self) -> None:
        from django_tables2.data import TableQuerysetData

        data = getattr(self, "data", None)
        if isinstance(data, TableQuerysetData):
            data.data = collate_ordering(data.data)
