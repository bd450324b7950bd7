"""Forms the declarations cannot infer: the other side's calendar as choices and dates, not raw JSON."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.conf import global_settings
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from wayfare.core.forms import RestrictedModelForm

from .models import JourneyStep, LadderEvidence, ServiceRelationship


def _zones() -> list[str]:
    return [z for z in sorted(zoneinfo.available_timezones()) if "/" in z or z == "UTC"]


class ZoneInput(forms.TextInput):
    """A text input suggesting the IANA zone names as one types (a ``datalist``): the names are
    identifiers, the same in every language, and the list stays out of the page's text."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> Any:
        from django.utils.html import format_html, format_html_join

        attrs = {**(attrs or {}), "list": f"{name}-zones", "autocomplete": "off", "spellcheck": "false"}
        options = format_html_join("", '<option value="{}">', ((z,) for z in _zones()))
        return format_html(
            '{}<datalist id="{}">{}</datalist>',
            super().render(name, value, attrs, renderer),
            attrs["list"],
            options,
        )


class HolidaysField(forms.CharField):
    """Dates, one per line (or separated by commas), as YYYY-MM-DD; stored as a sorted list of strings."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            parts = [str(v) for v in value]
        else:
            parts = (value or "").replace(",", "\n").split()
        dates = set()
        for part in parts:
            try:
                dates.add(datetime.date.fromisoformat(part.strip()).isoformat())
            except ValueError:
                raise forms.ValidationError(
                    _("%(value)s is not a date as YYYY-MM-DD.") % {"value": part}, code="invalid"
                ) from None
        return sorted(dates)


# Language names Django's own Chinese catalogue leaves in Latin letters: named here so that our catalogue
# (which Django reads first) translates them.
LANGUAGE_NAME_FIXES = [gettext_noop("Central Kurdish (Sorani)")]


class ServiceRelationshipForm(RestrictedModelForm):
    counterpart_time_zone = forms.CharField(
        label=_("Their time zone"),
        required=False,
        widget=ZoneInput(),
    )
    counterpart_language = forms.ChoiceField(
        label=capfirst(ServiceRelationship._meta.get_field("counterpart_language").verbose_name),
        required=False,
        # Django's language names, in the reader's language (the model's choices are untranslated)
        choices=lambda: [("", "—"), *((code, _(name)) for code, name in global_settings.LANGUAGES)],
    )
    counterpart_working_days = forms.TypedMultipleChoiceField(
        label=_("Their working days"),
        choices=sorted(WEEKDAYS.items()),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    counterpart_holidays = HolidaysField(
        label=_("Their holidays"), required=False, help_text=_("One date a line, as YYYY-MM-DD.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "relationship_type" in self.fields:
            self.fields["relationship_type"].help_text = type_help_text()
        if "trust_kind" in self.fields:
            self.fields["trust_kind"].help_text = trust_help_text()
        if not self.instance.pk:  # journeys start midway; later moves go through "Move to step"
            self.fields["journey_step"] = forms.ChoiceField(
                label=_("Starting step"),
                choices=JourneyStep.choices,
                initial=JourneyStep.ENGAGE,
                required=False,  # left empty (a CSV without the column): Engage
                help_text=_(
                    "The journey step the relationship is at now; later moves are kept in its history."
                ),
            )

    def clean_journey_step(self) -> str:
        return self.cleaned_data.get("journey_step") or JourneyStep.ENGAGE

    class Meta:
        model = ServiceRelationship
        fields = [
            "name",
            "provider",
            "consumer",
            "relationship_type",
            "trust_kind",
            "manager",
            "manager_role",
            "started",
            "description",
            "internal_notes",
            "counterpart_time_zone",
            "counterpart_working_days",
            "counterpart_holidays",
            "counterpart_language",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
            "started": forms.DateInput(attrs={"type": "date"}),
        }


def type_help_text() -> Any:
    """One line per type from the guide (``relationships.guide``), beside the type field."""
    from django.urls import reverse
    from django.utils.html import format_html, format_html_join

    from .guide import RELATIONSHIP_TYPES

    lines = format_html_join(
        "", "<li><strong>{}</strong>: {}</li>", ((t.label, t.focus) for t in RELATIONSHIP_TYPES)
    )
    return format_html(
        '<ul class="type-help">{}</ul><a href="{}" target="_blank">{}</a>',
        lines,
        reverse("relationships:types"),
        _("Guide to relationship types"),
    )


def trust_help_text() -> Any:
    """The two kinds of trust (003 4.3.2, in our words), beside the field."""
    from django.utils.html import format_html, format_html_join

    from .guide import TRUST_KINDS

    return format_html(
        '<ul class="type-help">{}</ul>',
        format_html_join("", "<li><strong>{}</strong>: {}</li>", ((k.label, k.text) for k in TRUST_KINDS)),
    )


class StepMoveForm(forms.Form):
    """Move a relationship to another step of the journey (any of the seven, forwards or back)."""

    step = forms.ChoiceField(label=_("Move to step"), choices=JourneyStep.choices)
    note = forms.CharField(
        label=_("Why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What made the relationship move, for whoever reads its history later."),
    )

    def __init__(self, *args: Any, relationship: ServiceRelationship | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if relationship is not None:
            self.fields["step"].choices = [  # type: ignore[attr-defined]
                c for c in JourneyStep.choices if c[0] != relationship.journey_step
            ]


class LadderEvidenceForm(RestrictedModelForm):
    class Meta:
        model = LadderEvidence
        fields = ["relationship", "stage", "evidence", "reached_on", "link"]
        widgets = {
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "reached_on": forms.DateInput(attrs={"type": "date"}),
        }
