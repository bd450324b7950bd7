"""ModelForms built from declarations; every related-object choice goes through ``restrict()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .resources import Resource


def restrict_form_fields(form: forms.BaseForm, user: Any) -> None:
    """Limit model-choice fields to the rows the user may see (another organisation's id is 'not a valid
    choice', exactly like an id that does not exist)."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and hasattr(queryset, "restrict"):
            field.queryset = queryset.restrict(user, "view")  # type: ignore[attr-defined]


class RestrictedModelForm(forms.ModelForm):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        restrict_form_fields(self, user)


def build_form(resource: Resource) -> type:
    return forms.modelform_factory(resource.model, form=RestrictedModelForm, fields=resource.editable_fields)


class CSVImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, first line holds the column names."))
