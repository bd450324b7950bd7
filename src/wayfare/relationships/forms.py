"""Forms the declarations cannot infer: the other side's calendar as choices and dates, not raw JSON."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from wayfare.core.forms import RestrictedModelForm

from .models import ServiceRelationship


def _zones() -> list[tuple[str, str]]:
    return [("", "—")] + [(z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z or z == "UTC"]


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


class ServiceRelationshipForm(RestrictedModelForm):
    counterpart_time_zone = forms.ChoiceField(label=_("Their time zone"), choices=_zones, required=False)
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

    class Meta:
        model = ServiceRelationship
        fields = [
            "name",
            "provider",
            "consumer",
            "relationship_type",
            "journey_step",
            "ladder_stage",
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
