"""Forms of the review, design-work and Johari pages (issue #13 sections 2 and 4). Each checks its input
only; the writes are the services' (``services.design``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DesignWork, JohariEntry, JohariPane, JourneyMap, ReviewStatus


class ReviewAnswerForm(forms.Form):
    """One of the eight questions; ``prefix`` is the question's code."""

    answer = forms.CharField(
        label=_("Answer"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    status = forms.ChoiceField(label=_("Status"), choices=ReviewStatus.choices, initial=ReviewStatus.OPEN)
    stage: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Mostly about the stage"), queryset=None, required=False, empty_label=_("No one stage")
    )  # type: ignore[arg-type]
    version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args: Any, journey_map: JourneyMap, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = journey_map.stages.order_by("position")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == ReviewStatus.ANSWERED and not (data.get("answer") or "").strip():
            self.add_error("answer", _("An answered question needs its answer."))
        return data


class DesignWorkForm(forms.ModelForm):
    class Meta:
        model = DesignWork
        fields = [
            "design_stage",
            "principle",
            "activity",
            "status",
            "due",
            "notes",
            "evidence",
            "evidence_link",
        ]
        widgets = {
            "design_stage": forms.HiddenInput,
            "due": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }


class JohariEntryForm(forms.ModelForm):
    class Meta:
        model = JohariEntry
        fields = ["pane", "text", "action"]
        widgets = {
            "pane": forms.HiddenInput,
            "text": forms.Textarea(attrs={"rows": 2}),
            "action": forms.Textarea(attrs={"rows": 2}),
        }


class JohariMoveForm(forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)
    pane = forms.ChoiceField(label=_("Move to"), choices=JohariPane.choices, required=False)
    done = forms.BooleanField(label=_("Done"), required=False)
