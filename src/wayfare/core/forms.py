"""ModelForms built from declarations; every related-object choice goes through ``restrict()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .access import is_consumer
from .related import hidden_fields, restrict_choices
from .resources import registry

if TYPE_CHECKING:
    from .resources import Resource


def restrict_form_fields(form: forms.BaseForm, user: Any) -> None:
    """Limit model-choice fields to the rows the user may see (another organisation's id is 'not a valid
    choice', exactly like an id that does not exist)."""
    restrict_choices(form.fields.values(), user)


class RestrictedModelForm(forms.ModelForm):
    """For a consumer, the form has no backstage fields and no owning-organisation field: the services
    take the organisation from the actor (``core.services.consumer_input``), never from the input."""

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        resource = registry.find(self._meta.model)  # type: ignore[arg-type]
        if resource is not None and user is not None and is_consumer(user):
            for name in {*hidden_fields(resource, user), resource.owner_field}:
                self.fields.pop(name, None)  # type: ignore[arg-type]
        restrict_form_fields(self, user)
        if resource is not None and resource.translated_fields:
            add_translation_fields(self, resource.translated_fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        inputs = getattr(self, "translation_inputs", {})
        if inputs:
            texts: dict[str, dict[str, str]] = {}
            kept = dict(getattr(self.instance, "translations", None) or {})
            for key, (name, code) in inputs.items():
                value = (data.pop(key, "") or "").strip()
                if value:
                    texts.setdefault(code, {})[name] = value
            for code, fields in kept.items():  # texts of fields this form does not show stay as they are
                for name, value in (fields or {}).items():
                    if (name, code) not in inputs.values():
                        texts.setdefault(code, {})[name] = value
            data["translations"] = texts
        return data


def saved_names(form: forms.BaseForm, names: list[str]) -> list[str]:
    """The fields a save passes to the service: a changed translation input stands for ``translations``
    (which ``clean`` assembles); the inputs themselves are no model fields."""
    inputs = getattr(form, "translation_inputs", {})
    plain = [n for n in names if n not in inputs]
    return [*plain, "translations"] if len(plain) < len(names) else plain


def add_translation_fields(form: forms.BaseForm, names: Any) -> None:
    """One input per other language for each translated field the form shows, right after it, labelled
    "Name (Русский)"; filled from the record's ``translations`` (``core.translations``)."""
    from .translations import form_field_name, other_languages

    instance = getattr(form, "instance", None)
    stored = getattr(instance, "translations", None) or {}
    inputs: dict[str, tuple[str, str]] = {}
    ordered: dict[str, forms.Field] = {}
    for name, field in form.fields.items():
        ordered[name] = field
        if name not in names:
            continue
        for code, language in other_languages():
            key = form_field_name(name, code)
            widget = forms.Textarea(attrs={"rows": 3}) if isinstance(field.widget, forms.Textarea) else None
            extra: dict[str, Any] = {"widget": widget} if widget is not None else {}
            ordered[key] = forms.CharField(
                label=_("%(field)s (%(language)s)") % {"field": field.label, "language": language},
                required=False,
                max_length=getattr(field, "max_length", None) or 10_000,
                initial=(stored.get(code) or {}).get(name, ""),
                **extra,
            )
            ordered[key].widget.attrs["lang"] = code
            inputs[key] = (name, code)
    form.fields = ordered  # type: ignore[assignment]
    form.translation_inputs = inputs  # type: ignore[attr-defined]


def build_form(resource: Resource) -> type:
    return forms.modelform_factory(resource.model, form=RestrictedModelForm, fields=resource.editable_fields)


class CSVImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, first line holds the column names."))
