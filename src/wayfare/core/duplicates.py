"""Possible duplicates: a warning, not a rule (issue #11: two people with the same name and e-mail were
accepted without a word).

A declaration names the fields that together suggest the same record (``duplicate_check=["name",
"email"]``; text compared without regard to case). ``resource_create`` and ``resource_update`` refuse a
save that matches an existing record with ``PossibleDuplicate``, unless the caller confirms
(``confirm_duplicate=True``: the form's "save anyway" box, the API's ``?confirm_duplicate=1``). Only
records the actor may see are matched and named (``restrict()``), so the warning tells nobody about a
record they could not open. The CSV import does not ask (it has nobody to ask mid-file).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .access import restrict
from .exceptions import DomainError

if TYPE_CHECKING:
    from .resources import Resource

MAX_CANDIDATES = 10


class PossibleDuplicate(DomainError):
    """The record looks like one that exists already; nothing was saved."""

    code = "possible_duplicate"

    def __init__(self, resource: Resource, candidates: list[models.Model]) -> None:
        self.candidates = candidates
        labels = ", ".join(
            str(capfirst(getattr(resource.model._meta.get_field(n), "verbose_name", n)))
            for n in resource.duplicate_check
        )
        super().__init__(
            _("A record with the same %(fields)s exists already. Check it, or save anyway."),
            params={"fields": labels},
        )

    def as_json(self, display: Any = str) -> dict[str, Any]:
        return {"duplicates": [{"id": c.pk, "display": display(c)} for c in self.candidates]}


def duplicate_candidates(
    resource: Resource, *, actor: Any, values: dict[str, Any], exclude_pk: Any = None
) -> list[models.Model]:
    """Visible records whose ``duplicate_check`` fields all equal ``values`` (none if one is empty)."""
    if not resource.duplicate_check:
        return []
    lookups: dict[str, Any] = {}
    for name in resource.duplicate_check:
        value = values.get(name)
        if value is None or value == "":
            return []
        lookups[f"{name}__iexact" if isinstance(value, str) else name] = value
    queryset = restrict(resource.model._default_manager.filter(**lookups), actor, "view")
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return list(queryset.order_by("pk")[:MAX_CANDIDATES])


def check_duplicates(
    resource: Resource, *, actor: Any, values: dict[str, Any], exclude_pk: Any = None, confirmed: bool
) -> None:
    if confirmed:
        return
    candidates = duplicate_candidates(resource, actor=actor, values=values, exclude_pk=exclude_pk)
    if candidates:
        raise PossibleDuplicate(resource, candidates)
