from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wayfare.core.roles import ROLES


class PersonAccountForm(forms.Form):
    """Login account of a person: user name, a first password and the roles."""

    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Tell it to the person through a safe channel; they can change it after logging in."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=[(role.group, role.label) for role in ROLES],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People of consumer organisations get the Consumer role only."),
    )
