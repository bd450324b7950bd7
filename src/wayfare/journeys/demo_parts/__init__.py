"""The journey design studio's part of the running story, one module per part: personas (Katrina and
the others, their research, aspirations, scenarios and culture profiles), maps (the end-to-end journey
of campus car sharing), incident (the incident journey of 004 Table 1.3, the reference of the service
desk's ticket log) and design (reviews, design work and Johari windows).

Texts are written ``{field: (English, Chinese, Russian)}``; ``texts()`` turns them into the English
field values plus the record's ``translations`` (core.translations)."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("zh-hans", "ru")

Texts = dict[str, tuple[str, str, str]]


def texts(fields: Texts, *, lookup: tuple[str, ...] = ("name",)) -> dict[str, Any]:
    """The English values of ``fields`` and, under ``translations``, their Chinese and Russian. Fields
    in ``lookup`` are left out of the English values: the caller finds the row by them."""
    values: dict[str, Any] = {name: en for name, (en, _zh, _ru) in fields.items() if name not in lookup}
    values["translations"] = {
        code: {name: text[index] for name, text in fields.items()}
        for index, code in enumerate(LANGUAGES, start=1)
    }
    return values
