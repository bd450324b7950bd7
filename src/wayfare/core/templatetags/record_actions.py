"""``{% record_actions object %}``: the declared transitions the reader may run on a record now, as POST
forms, and the link to its versions (for versioned resources). Used by the generic detail page and by
fragments that redraw a record's state (e.g. an event log's import status)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from ..access import permission_name
from ..resources import registry
from ..transitions import transitions_available

register = template.Library()


@register.simple_tag(takes_context=True)
def record_actions(context: Any, obj: Any = None) -> SafeString | str:
    obj = obj if obj is not None else context.get("object")
    request = context.get("request")
    resource = registry.find(type(obj)) if obj is not None else None
    if resource is None or request is None:
        return ""
    user = request.user
    transitions = [
        {"transition": t, "url": reverse(resource.url_name("transition"), args=[obj.pk, t.name])}
        for t in transitions_available(resource, obj, user)
    ]
    versions_url = None
    if resource.versioned and user.has_perm(permission_name(resource.model, "view")):
        versions_url = reverse(resource.url_name("versions"), args=[obj.pk])
    if not transitions and not versions_url:
        return ""
    return render_to_string(
        "generic/transitions.html",
        {"transitions": transitions, "versions_url": versions_url},
        request=request,
    )
