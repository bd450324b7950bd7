"""Forms of the assessments app that a declaration cannot infer."""

from __future__ import annotations

import ast
import json
from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wayfare.core.forms import RestrictedModelForm

from .models import AnswerScale, Assessment, AssessmentTemplate
from .subjects import subject_models


class AssessmentForm(RestrictedModelForm):
    """The kind of subject is one of the declared subjects; the counterpart organisation follows from
    the subject (``Assessment.clean``)."""

    class Meta:
        model = Assessment
        fields = [
            "template",
            "content_type",
            "object_id",
            "made_by",
            "assessed_party",
            "assessed_on",
            "assessor",
            "notes",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "content_type" in self.fields:
            types = ContentType.objects.get_for_models(*subject_models()).values() if subject_models() else []
            field: Any = self.fields["content_type"]
            field.queryset = ContentType.objects.filter(pk__in=[t.pk for t in types])
            field.label_from_instance = lambda ct: str(ct.model_class()._meta.verbose_name).capitalize()
        if "assessed_on" in self.fields:
            self.fields["assessed_on"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _literal(text: Any) -> Any:
    """JSON, or a Python literal of the same shape (single quotes), as a value; else the text itself."""
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _json_help(text: Any, example: str) -> Any:
    """Help text with a JSON example: its keys are identifiers, shown as code in every language."""
    return mark_safe(format_lazy("{} <code>{}</code>", text, escape(example)))  # noqa: S308 - escaped


class LenientJSONInput(forms.Textarea):
    """A JSON text area that also reads a list sent as repeated values (one per element). Its keys are
    identifiers, the same in every language (``translate="no"``)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"translate": "no", "spellcheck": "false", "rows": 6, **(attrs or {})})

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if hasattr(data, "getlist"):
            values = data.getlist(name)
            if len(values) > 1:
                return [_literal(v) for v in values]
        return super().value_from_datadict(data, files, name)


class LenientJSONField(forms.JSONField):
    """JSON input that forgives single quotes (a copied Python value); shown as JSON."""

    widget = LenientJSONInput

    def to_python(self, value: Any) -> Any:
        if isinstance(value, (list, dict)):
            return value
        try:
            return super().to_python(value)
        except ValidationError:
            parsed = _literal(value)
            if isinstance(parsed, (list, dict)):
                return parsed
            raise

    def prepare_value(self, value: Any) -> Any:
        return value if isinstance(value, str) else super().prepare_value(value)

    def bound_data(self, data: Any, initial: Any) -> Any:
        if isinstance(data, (list, dict)):
            return data
        return super().bound_data(data, initial)


class JSONTextInitial:
    """The form starts its JSON fields from their JSON text (what the page shows and sends back)."""

    json_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name in self.json_fields:
            value = self.initial.get(name)  # type: ignore[attr-defined]
            if value is not None and not isinstance(value, str):
                self.initial[name] = json.dumps(value, ensure_ascii=False)  # type: ignore[attr-defined]


class AnswerScaleForm(JSONTextInitial, RestrictedModelForm):
    json_fields = ("options",)
    options = LenientJSONField(
        label=_("options"),
        help_text=_json_help(
            _("A list of options, lowest first, each a whole-number value with a label in every language:"),
            '[{"value": 1, "label": {"en": "…", "zh-hans": "…", "ru": "…"}}, …]',
        ),
    )

    class Meta:
        model = AnswerScale
        fields = ["code", "name", "options"]


class AssessmentTemplateForm(JSONTextInitial, RestrictedModelForm):
    json_fields = ("relevance",)
    relevance = LenientJSONField(
        label=_("relevance by relationship type"),
        required=False,
        help_text=_json_help(
            _("How much the template matters for each relationship type, for example:"),
            '{"basic": "critical", "cooperative": "moderate", "partnership": "light"}',
        ),
    )

    class Meta:
        model = AssessmentTemplate
        fields = ["code", "name", "description", "relevance", "cumulative_levels"]
