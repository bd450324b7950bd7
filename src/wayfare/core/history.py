"""Reading a record's change history (django-simple-history) for its page: who, when, what changed.

What a reader sees of it (issue #11):

- a consumer sees only the versions that were their organisation's: each historical row keeps the owner
  fields of its time, so the versions are filtered by the owner path's value then (a person who moved
  in from another organisation shows no phone or organisation of before); a change is listed only
  between two such versions;
- a consumer never sees changes of the resource's backstage fields;
- related values show through ``core.related`` (one query per related model for the whole history):
  a record the reader may not open is "not shown", a login account is its user name to staff only;
- who made a change shows as ``Seen.account`` does (staff are the provider's name to consumers).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from .access import consumer_organisation_id, is_consumer, owner_rule
from .related import NOT_SHOWN, Seen, hidden_fields
from .resources import registry

KINDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
HIDDEN = {"updated", "created", "created_by"}


def _label(model: type[Model], name: str) -> Any:
    try:
        return getattr(model._meta.get_field(name), "verbose_name", name)
    except Exception:
        return name


def _relation(model: type[Model], name: str) -> Any:
    try:
        field: Any = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete:
        return field
    return None


def _display(model: type[Model], name: str, value: Any, seen: Seen, related: dict) -> Any:
    """A changed value as a reader knows it: the choice's label, the related record's name (through
    ``Seen``: "not shown" if the reader may not open it), never a bare id."""
    if value in (None, ""):
        return value
    try:
        field: Any = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if name == "translations" and isinstance(value, dict):  # core.translations: words, not JSON
        from .translations import describe

        return describe(model, value)
    if _relation(model, name) is not None:
        obj = related.get((field.related_model, value))
        if obj is None:  # gone since; only staff learn that it existed
            return _("deleted record") if seen.staff else NOT_SHOWN
        return seen.label(obj)
    return value


def _related_objects(model: type[Model], deltas: list[Any]) -> dict:
    """Every related record the changes name, fetched once per related model."""
    wanted: dict[type[Model], set[Any]] = {}
    for delta in deltas:
        for change in delta.changes:
            field = _relation(model, change.field)
            if field is not None:
                ids = wanted.setdefault(field.related_model, set())
                ids.update(v for v in (change.old, change.new) if v not in (None, ""))
    found = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            found[(related_model, obj.pk)] = obj
    return found


def history_entries(obj: Model, user: Any = None, limit: int = 50) -> list[dict[str, Any]]:
    manager = getattr(obj, "history", None)
    if manager is None:
        return []
    model = type(obj)
    seen = Seen(user)
    records = list(
        manager.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    shown = {record.history_id for record in records}
    if user is not None and is_consumer(user):
        organisation_id = consumer_organisation_id(user)
        lookup = (
            owner_rule(model, organisation_id, historical=True)
            if getattr(model, "owner_path", None) and organisation_id is not None
            else None
        )
        ids = [record.history_id for record in records]
        shown = (
            set(manager.filter(lookup, history_id__in=ids).values_list("history_id", flat=True))
            if lookup
            else set()
        )
    hidden = HIDDEN | hidden_fields(registry.find(model), user)
    deltas: dict[Any, Any] = {}
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        if record.history_id not in shown or record.history_type != "~" or previous is None:
            continue
        if previous.history_id in shown:  # never a value from a version the reader may not see
            deltas[record.history_id] = record.diff_against(previous)
    related = _related_objects(model, list(deltas.values()))
    seen.prime_objects(related.values())
    seen.prime_objects(r.history_user for r in records if r.history_user is not None)
    entries = []
    for record in records[:limit]:
        if record.history_id not in shown:
            continue
        changes = []
        delta = deltas.get(record.history_id)
        for change in delta.changes if delta is not None else ():
            if change.field in hidden:
                continue
            changes.append(
                {
                    "field": _label(model, change.field),
                    "old": _display(model, change.field, change.old, seen, related),
                    "new": _display(model, change.field, change.new, seen, related),
                }
            )
        entries.append(
            {
                "when": record.history_date,
                "who": seen.account(record.history_user),
                "kind": KINDS.get(record.history_type, record.history_type),
                "changes": changes,
            }
        )
    from .audit import audit_entries  # issue #11: audited writes that are not rows (login accounts)

    entries = sorted(entries + audit_entries(obj, user, limit), key=lambda e: e["when"], reverse=True)
    return entries[:limit]


def history_record_change(instance: Model, *, actor: Any) -> Any:
    """Write the row as it is now into its change history, as a change by ``actor``, without saving the
    row: for a write that had to bypass ``save()`` (a ``queryset.update`` that must not move the record's
    version, such as a publish) and still belongs in the history."""
    from django.utils import timezone

    historical = instance.history.model  # type: ignore[attr-defined]
    names = {f.attname for f in historical._meta.concrete_fields}
    values = {
        f.attname: getattr(instance, f.attname)
        for f in type(instance)._meta.concrete_fields
        if f.attname in names
    }
    return historical.objects.create(
        **values,
        history_date=timezone.now(),
        history_type="~",
        history_user=actor if getattr(actor, "pk", None) else None,
    )
