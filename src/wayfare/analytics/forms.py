from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wayfare.core.forms import RestrictedModelForm

from .models import MAPPING_FIELDS, EventLog, EventLogFormat


def _zones() -> list[tuple[str, str]]:
    return [(z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z or z == "UTC"]


class EventLogForm(RestrictedModelForm):
    """Upload and column mapping of an event log. CSV needs the mapping; XES carries its own."""

    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=_zones,
        initial="UTC",
        help_text=_("Times without a zone are taken in this zone."),
    )

    class Media:
        js = ["analytics/import-form.js"]

    class Meta:
        model = EventLog
        fields = ["name", "source", *MAPPING_FIELDS, "description", "attribution"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "attribution": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].required = not (self.instance and self.instance.pk and self.instance.source)
        self.fields["source"].help_text = _("CSV or CSV.gz (any delimiter and encoding), or XES / XES.gz.")
        self.fields["source"].widget.attrs.update(
            {
                "accept": ".csv,.txt,.tsv,.xes,.gz",
                # read by import-form.js, which offers the file's columns once it is chosen
                "data-preview-label": _("The first rows of the file (delimiter %(delimiter)s):"),
                "data-tab-label": _("tab"),
            }
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source = data.get("source")
        name = getattr(source, "name", "") or ""
        is_xes = name.lower().endswith((".xes", ".xes.gz", ".xes.gzip")) or (
            not name and self.instance.source_format == EventLogFormat.XES
        )
        if not is_xes:
            for field in ("case_column", "activity_column", "timestamp_column"):
                if not data.get(field):
                    self.add_error(field, _("A CSV log needs this column."))
        return data
