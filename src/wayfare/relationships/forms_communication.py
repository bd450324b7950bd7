"""Forms of communication (issue #12 section 4): the contact form shows the listening-modes guide (seed
003 Table 4.2, in our words) and warns, without blocking, when a contact falls outside the other side's
working days or hours (4.1.2)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wayfare.core.forms import RestrictedModelForm

from .calendar import timing_warnings
from .models import LISTENING_GUIDE, Alert, CommunicationPlan, Contact, Promise


def listening_guide_html() -> str:
    rows = format_html_join(
        "",
        "<dt><strong>{}</strong></dt><dd>{} <em>{}</em> {}</dd>",
        ((label, what, _("When:"), when) for _code, label, what, when in LISTENING_GUIDE),
    )
    return format_html(
        '<details class="listening-guide"><summary>{}</summary><dl>{}</dl></details>',
        _("Which listening mode fits? (Table 4.2)"),
        rows,
    )


def _timing_help() -> str:
    return format_html(
        '{} <span id="contact-timing" role="status" aria-live="polite"></span>',
        _("In our time zone; we check it against their working days and hours."),
    )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CommunicationPlanForm(RestrictedModelForm):
    class Meta:
        model = CommunicationPlan
        fields = [
            "relationship",
            "audience",
            "channel",
            "cadence_days",
            "owner",
            "starts_on",
            "active",
            "notes",
        ]
        widgets = {"starts_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}


class ContactForm(RestrictedModelForm):
    class Meta:
        model = Contact
        fields = [
            "relationship",
            "plan",
            "kind",
            "occurred_on",
            "time",
            "participants",
            "people",
            "summary",
            "listening_mode",
            "is_complaint",
            "is_escalation",
            "answer_due",
            "answered_on",
            "answers",
            "introduces",
        ]
        widgets = {
            "occurred_on": DATE,
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "answer_due": DATE,
            "answered_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "listening_mode" in self.fields:
            self.fields["listening_mode"].help_text = listening_guide_html()
        if "time" in self.fields:
            self.fields["time"].help_text = _timing_help()
        check = {
            "hx-get": reverse_lazy("relationships:contact_timing"),
            "hx-trigger": "change",
            "hx-target": "#contact-timing",
            "hx-include": "closest form",
        }
        for name in ("relationship", "occurred_on", "time"):
            if name in self.fields:
                self.fields[name].widget.attrs.update(check)
        self.timing_warnings: list[str] = []

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # Warnings only (issue #12: planned contacts respect their calendar, but a contact on a day off
        # still happened and is recorded).
        self.timing_warnings = timing_warnings(
            data.get("relationship"), data.get("occurred_on"), data.get("time")
        )
        return data


class PromiseForm(RestrictedModelForm):
    class Meta:
        model = Promise
        fields = ["relationship", "contact", "what", "promised_by", "due", "kept_on"]
        widgets = {"due": DATE, "kept_on": DATE}


class AlertForm(RestrictedModelForm):
    """Alerts are the rules' own: people only choose who acts on one and by when."""

    class Meta:
        model = Alert
        fields = ["owner", "due"]
        widgets = {"due": DATE}
