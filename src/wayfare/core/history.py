"""Reading a record's change history (django-simple-history) for its page: who, when, what changed."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

KINDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
HIDDEN = {"updated", "created", "created_by"}


def _label(model: type[Model], name: str) -> Any:
    try:
        return getattr(model._meta.get_field(name), "verbose_name", name)
    except Exception:
        return name


def history_entries(obj: Model, limit: int = 50) -> list[dict[str, Any]]:
    manager = getattr(obj, "history", None)
    if manager is None:
        return []
    records = list(
        manager.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        changes = []
        previous = records[index + 1] if index + 1 < len(records) else None
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in HIDDEN:
                    continue
                changes.append(
                    {"field": _label(type(obj), change.field), "old": change.old, "new": change.new}
                )
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "kind": KINDS.get(record.history_type, record.history_type),
                "changes": changes,
            }
        )
    return entries
