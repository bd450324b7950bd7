"""Helpers for the demo loaders (``<app>/demo.py``): writes that change nothing when run again."""

from __future__ import annotations

from typing import Any

from django.db import models


def upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    """Find the row by ``lookup``; create it, or save only the fields whose values differ (so a second
    run of the demo writes no new history)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [
        name for name, value in values.items() if _stored(model, obj, name) != _prepared(model, name, value)
    ]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
    return obj


def _prepared(model: type[models.Model], name: str, value: Any) -> Any:
    field = model._meta.get_field(name)
    if isinstance(value, models.Model):
        return value.pk
    return field.get_prep_value(value)  # type: ignore[union-attr]


def _stored(model: type[models.Model], obj: models.Model, name: str) -> Any:
    field = model._meta.get_field(name)
    return field.get_prep_value(getattr(obj, field.attname))  # type: ignore[union-attr]


DEMO_LANGUAGES = ("zh-hans", "ru")

# Demo texts are written ``{field: (English, Chinese, Russian)}``.
Texts = dict[str, tuple[str, str, str]]


def texts(fields: Texts, *, lookup: tuple[str, ...] = ("name",)) -> dict[str, Any]:
    """The English values of ``fields`` and, under ``translations``, their Chinese and Russian. Fields
    in ``lookup`` are left out of the English values: the caller finds the row by them."""
    values: dict[str, Any] = {name: en for name, (en, _zh, _ru) in fields.items() if name not in lookup}
    values["translations"] = {
        code: {name: text[index] for name, text in fields.items()}
        for index, code in enumerate(DEMO_LANGUAGES, start=1)
    }
    return values
