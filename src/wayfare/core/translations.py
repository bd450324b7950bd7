"""Record text in the reader's language (issue #11: the demo's own records were English on Chinese and
Russian pages).

A resource declares which of its text fields carry translations (``Resource(translated_fields=[...])``)
and its model adds ``core.models.TranslatedTextMixin``: one JSON field ``translations`` holding, per
language other than the base one (``LANGUAGE_CODE``, the field's own value), the translated fields::

    {"zh-hans": {"name": "服务台工单记录"}, "ru": {"name": "История заявок службы поддержки"}}

A reader sees the translation of their language, or the field's own value where it is missing. Tables,
detail pages, the API's ``display`` and exports read through ``translated()``; the edit form shows one
input per other language (``forms``), the API reads and writes ``translations``, checked here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

MAX_TEXT = 10_000  # a translated field without its own max_length (a description) takes at most this


def base_language() -> str:
    return str(settings.LANGUAGE_CODE).lower()


def other_languages() -> list[tuple[str, str]]:
    """(code, name) of the languages a translation may be given in: all but the base language."""
    return [(code.lower(), name) for code, name in settings.LANGUAGES if code.lower() != base_language()]


def translated(obj: Any, name: str, language: str | None = None) -> Any:
    """The field ``name`` of ``obj`` in ``language`` (default: the active one), else its own value."""
    value = getattr(obj, name)
    language = (language or get_language() or base_language()).lower()
    if language == base_language():
        return value
    text = ((getattr(obj, "translations", None) or {}).get(language) or {}).get(name)
    return text if isinstance(text, str) and text.strip() else value


def declared_fields(model: type) -> list[str]:
    from .resources import registry

    resource = registry.find(model)
    return list(resource.translated_fields) if resource is not None else []


def _limit(model: type, name: str) -> int:
    return getattr(model._meta.get_field(name), "max_length", None) or MAX_TEXT  # type: ignore[attr-defined]


def clean_translations(model: type, value: Any) -> dict[str, dict[str, str]]:
    """``value`` checked: an object of known languages, each an object of the model's declared translated
    fields, each a string no longer than the field allows. Empty texts are dropped (the field's own value
    shows). Raises ``ValidationError`` naming the problem."""
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise ValidationError(_("Translations must be an object of languages."))
    languages = dict(other_languages())
    fields = declared_fields(model)
    cleaned: dict[str, dict[str, str]] = {}
    for language, texts in value.items():
        if language not in languages:
            raise ValidationError(
                _("Unknown language %(language)s. Allowed: %(allowed)s.")
                % {"language": language, "allowed": ", ".join(languages)}
            )
        if not isinstance(texts, dict):
            raise ValidationError(
                _("The translations in %(language)s must be an object of fields.") % {"language": language}
            )
        for name, text in texts.items():
            if name not in fields:
                raise ValidationError(
                    _("%(field)s has no translations. Allowed: %(allowed)s.")
                    % {"field": name, "allowed": ", ".join(fields)}
                )
            if not isinstance(text, str):
                raise ValidationError(
                    _("The translation of %(field)s in %(language)s must be text.")
                    % {"field": name, "language": language}
                )
            if len(text) > _limit(model, name):
                raise ValidationError(
                    _("The translation of %(field)s in %(language)s is longer than %(limit)d characters.")
                    % {"field": name, "language": language, "limit": _limit(model, name)}
                )
            if text.strip():
                cleaned.setdefault(language, {})[name] = text.strip()
    return cleaned


def describe(model: type, value: Any) -> str:
    """Translations as a reader reads them in history and version comparisons, not as JSON:
    "Name (Русский): Путь; Description (Русский): ..."."""
    from django.utils.text import capfirst

    languages = dict(other_languages())
    parts = []
    for code, texts in (value or {}).items():
        for name, text in (texts or {}).items() if isinstance(texts, dict) else ():
            try:
                label = capfirst(model._meta.get_field(name).verbose_name)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - a field removed since
                label = name
            parts.append(
                _("%(field)s (%(language)s): %(text)s")
                % {"field": label, "language": languages.get(code, code), "text": text}
            )
    return "; ".join(parts)


def form_field_name(name: str, language: str) -> str:
    return f"{name}__{language}"
