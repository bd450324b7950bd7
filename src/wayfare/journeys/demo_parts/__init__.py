"""The journey design studio's part of the running story, one module per part: personas (Katrina and
the others, their research, aspirations, scenarios and culture profiles), maps (the end-to-end journey
of campus car sharing), incident (the incident journey of 004 Table 1.3, the reference of the service
desk's ticket log) and design (reviews, design work and Johari windows).

Texts are written ``{field: (English, Chinese, Russian)}``; ``texts()`` turns them into the English
field values plus the record's ``translations`` (core.translations)."""

from __future__ import annotations

from wayfare.core.demo_tools import DEMO_LANGUAGES as LANGUAGES
from wayfare.core.demo_tools import Texts, texts

__all__ = ["LANGUAGES", "Texts", "texts"]
