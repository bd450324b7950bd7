"""What still uses a record: asked before a delete is confirmed, and answered when a delete is refused.

Django refuses to delete a row that a ``PROTECT`` or ``RESTRICT`` foreign key still points at. The
confirm page asks first (so the user is told before confirming, and gets no delete button), and the API
answers 409 with the same list. Names go through ``restrict()``: a record the reader may not open is only
counted ("N more not shown"), never named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, router
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.utils.translation import gettext_lazy as _

from .access import restrict
from .exceptions import DomainError

MAX_SHOWN = 20  # a long list helps nobody; the rest is counted


@dataclass
class Usage:
    shown: list[models.Model] = field(default_factory=list)
    hidden: int = 0
    more: int = 0  # visible but beyond MAX_SHOWN

    @property
    def blocked(self) -> bool:
        return bool(self.shown or self.hidden or self.more)

    def as_json(self, display: Any = str) -> dict[str, Any]:
        """``display`` names a row for the reader (``Seen.display``: names of related rows it holds go
        through restrict() too)."""
        from .resources import registry

        def entry(obj: models.Model) -> dict[str, Any]:
            resource = registry.find(type(obj))
            return {
                "type": f"{obj._meta.app_label}.{obj._meta.model_name}",
                "id": obj.pk,
                "display": display(obj),
                "kind": str(resource.verbose_name if resource else obj._meta.verbose_name),
            }

        return {"used_by": [entry(o) for o in self.shown], "hidden": self.hidden, "more": self.more}


def blocking_objects(instance: models.Model) -> list[models.Model]:
    """The rows that keep ``instance`` from being deleted (empty if it may be deleted)."""
    collector = Collector(using=router.db_for_write(type(instance), instance=instance))
    try:
        collector.collect([instance])
    except ProtectedError as exc:
        return list(exc.protected_objects)
    except RestrictedError as exc:
        return list(exc.restricted_objects)
    return []


def restricted_usage(objects: Iterable[models.Model], user: Any) -> Usage:
    """Split ``objects`` into what ``user`` may see (by name) and a count of the rest."""
    usage = Usage()
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model, rows in by_model.items():
        visible = set(
            restrict(model._default_manager.filter(pk__in=[r.pk for r in rows]), user, "view").values_list(
                "pk", flat=True
            )
        )
        for row in rows:
            if row.pk not in visible:
                usage.hidden += 1
            elif len(usage.shown) < MAX_SHOWN:
                usage.shown.append(row)
            else:
                usage.more += 1
    return usage


def usage_of(instance: models.Model, user: Any) -> Usage:
    return restricted_usage(blocking_objects(instance), user)


class RecordInUse(DomainError):
    """A delete was refused because other records still point at this one; nothing was deleted."""

    code = "in_use"

    def __init__(self, instance: models.Model, usage: Usage) -> None:
        self.usage = usage
        super().__init__(_("%(name)s is still in use and cannot be deleted."), params={"name": str(instance)})
