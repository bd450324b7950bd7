"""Forms of the account page: issuing an API token with a lifetime the user chooses."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .tokens import token_lifetime_choices


class ApiTokenForm(forms.Form):
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, choices=())

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        field = self.fields["days"]
        field.choices = [  # type: ignore[attr-defined]
            (d, ngettext("%(days)d day", "%(days)d days", d) % {"days": d}) for d in token_lifetime_choices()
        ]
        field.initial = min(settings.WAYFARE_API_TOKEN_DAYS, settings.WAYFARE_API_TOKEN_MAX_DAYS)
