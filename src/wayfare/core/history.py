"""Reading a record's change history (django-simple-history) for its page: who, when, what changed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from .access import restrict

KINDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
HIDDEN = {"updated", "created", "created_by"}


def _label(model: type[Model], name: str) -> Any:
    try:
        return getattr(model._meta.get_field(name), "verbose_name", name)
    except Exception:
        return name


def _display(model: type[Model], name: str, value: Any, user: Any) -> Any:
    """A changed value as a reader knows it: the choice's label, the related record's name (if the reader
    may see it, else its number)."""
    if value in (None, ""):
        return value
    try:
        field: Any = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.is_relation and field.many_to_one and hasattr(field.related_model._default_manager, "restrict"):
        related = restrict(field.related_model._default_manager.filter(pk=value), user, "view").first()
        return related if related is not None else f"#{value}"
    if field.is_relation and field.many_to_one:
        return f"#{value}"
    return value


def history_entries(obj: Model, user: Any = None, limit: int = 50) -> list[dict[str, Any]]:
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
                model = type(obj)
                changes.append(
                    {
                        "field": _label(model, change.field),
                        "old": _display(model, change.field, change.old, user),
                        "new": _display(model, change.field, change.new, user),
                    }
                )
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "kind": KINDS.get(record.history_type, record.history_type),
                "changes": changes,
            }
        )
    from .audit import audit_entries  # issue #11: audited writes that are not rows (login accounts)

    entries = sorted(entries + audit_entries(obj, user, limit), key=lambda e: e["when"], reverse=True)
    return entries[:limit]
