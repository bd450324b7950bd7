"""Forms of the people part (issue #13 section 1): the persona form with its checked picture, merging
scenarios into a map and choosing two culture profiles to compare."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wayfare.core.access import restrict
from wayfare.core.forms import RestrictedModelForm
from wayfare.relationships.models import ServiceRelationship

from .models import PERSONA_TEXT_FIELDS, CultureProfile, Persona, Scenario
from .services.people import persona_picture_prepare


class PersonaForm(RestrictedModelForm):
    class Meta:
        model = Persona
        fields = ["name", "segment", "summary", "is_machine", "picture", "relationship", *PERSONA_TEXT_FIELDS]
        widgets = {
            "picture": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"})
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.initial.get("picture"):
            self.initial.pop("picture", None)  # an empty file is no initial value

    def clean_picture(self) -> Any:
        value = self.cleaned_data.get("picture")
        if isinstance(value, UploadedFile):
            return persona_picture_prepare(value)
        return value


class ScenarioMergeForm(forms.Form):
    scenarios = forms.ModelMultipleChoiceField(
        label=_("Scenarios"), queryset=Scenario.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    name = forms.CharField(label=_("Name of the new map"), max_length=200)
    relationship = forms.ModelChoiceField(
        label=_("Relationship"), queryset=ServiceRelationship.objects.none(), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scenarios"].queryset = restrict(  # type: ignore[attr-defined]
            Scenario.objects.select_related("persona"), user, "change"
        )
        self.fields["relationship"].queryset = restrict(  # type: ignore[attr-defined]
            ServiceRelationship.objects.all(), user, "view"
        )
        self.fields["scenarios"].error_messages["required"] = _("Choose at least one scenario to merge.")


class CultureCompareForm(forms.Form):
    a = forms.ModelChoiceField(label=_("First group"), queryset=CultureProfile.objects.none())
    b = forms.ModelChoiceField(label=_("Second group"), queryset=CultureProfile.objects.none())

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = restrict(CultureProfile.objects.all(), user, "view")  # type: ignore[attr-defined]
