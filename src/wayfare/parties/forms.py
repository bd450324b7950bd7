from __future__ import annotations

from typing import Any

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

    def __init__(self, *args: Any, actor: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if actor is not None:  # offer only the roles the actor may grant (issue #11)
            from .services import grantable_roles

            allowed = set(grantable_roles(actor))
            field = self.fields["roles"]
            field.choices = [c for c in field.choices if c[0] in allowed]  # type: ignore[attr-defined]
