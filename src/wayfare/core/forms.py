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


def build_form(resource: Resource) -> type:
    return forms.modelform_factory(resource.model, form=RestrictedModelForm, fields=resource.editable_fields)


class CSVImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, first line holds the column names."))
