"""Generic write services used when a declaration names no service of its own.

One write path for everyone: the UI views, the API viewsets, imports and tests call these. Each runs in one
transaction, runs the model's ``full_clean()``, records the actor in the change history, and checks after the
write that the actor may add (a new row) or change (a changed row) it (``restrict()``); if not, everything
rolls back.
"""

from __future__ import annotations

import csv
import inspect
import io
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _

from .access import owner_from_actor, restrict
from .concurrency import lock_current
from .duplicates import check_duplicates
from .exceptions import AccessError, DomainError
from .resources import Resource
from .translations import clean_translations
from .usage import RecordInUse, usage_of


def _assign(instance: models.Model, data: dict[str, Any]) -> dict[str, Any]:
    """Set plain fields, return the many-to-many values to set after saving."""
    m2m = {}
    many = {f.name for f in instance._meta.many_to_many}
    for name, value in data.items():
        if name in many:
            m2m[name] = value
        else:
            setattr(instance, name, value)
    return m2m


def _save(
    instance: models.Model,
    *,
    actor: Any,
    m2m: dict[str, Any],
    update_fields: list[str] | None = None,
    action: str = "change",
) -> models.Model:
    instance.full_clean()
    instance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    instance.save(update_fields=update_fields)
    for name, value in m2m.items():
        getattr(instance, name).set(value)
    # A new row must be one the actor may add, a changed row one they may change: a consumer's people may
    # add records they may never change afterwards (an acceptance, a sign-off).
    if not restrict(type(instance)._default_manager.filter(pk=instance.pk), actor, action).exists():
        raise AccessError(_("You may not save this record with these values."))
    return instance


@transaction.atomic
def record_create(*, model: type[models.Model], actor: Any, data: dict[str, Any]) -> models.Model:
    """Create one record of a declared model."""
    instance = model()
    m2m = _assign(instance, data)
    if hasattr(instance, "created_by_id") and getattr(actor, "pk", None):
        instance.created_by = actor  # type: ignore[attr-defined]
    return _save(instance, actor=actor, m2m=m2m, action="add")


def _differs(current: models.Model, name: str, value: Any) -> bool:
    field: Any = current._meta.get_field(name)
    if field.many_to_many:
        old = set(getattr(current, name).values_list("pk", flat=True))
        return old != {getattr(v, "pk", v) for v in value}
    if field.many_to_one or field.one_to_one:
        return getattr(current, field.attname) != getattr(value, "pk", value)
    return bool(getattr(current, name) != value)


@transaction.atomic
def record_update(
    *, instance: models.Model, actor: Any, data: dict[str, Any], expected_version: str | None = None
) -> models.Model:
    """Change the given fields of one record, writing only those whose value differs.

    The row is read again, locked, inside this transaction; ``expected_version`` (the version the edit
    started from, see ``core.concurrency``) must still be its version, or ``StaleVersion`` is raised and
    nothing is written. Only changed fields are saved (``update_fields``), so two people who change
    different fields of the same record both keep their change. Returns the saved row.
    """
    return _write_changes(lock_current(instance, expected_version), actor=actor, data=data)


def _write_changes(current: models.Model, *, actor: Any, data: dict[str, Any]) -> models.Model:
    """Save the fields of ``data`` whose value differs, on a row already read and locked in this
    transaction (``lock_current``)."""
    changed = {name: value for name, value in data.items() if _differs(current, name, value)}
    if not changed:
        return current
    m2m = _assign(current, changed)
    plain = [name for name in changed if name not in m2m]
    if any(f.name == "updated" for f in current._meta.concrete_fields):
        plain.append("updated")  # auto_now is only written when named; it is also the version
    return _save(current, actor=actor, m2m=m2m, update_fields=plain or None)


@transaction.atomic
def record_delete(*, instance: models.Model, actor: Any, expected_version: str | None = None) -> None:
    """Delete one record. A record still in use raises ``RecordInUse`` naming (restricted) what uses it."""
    current = lock_current(instance, expected_version)
    current._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    try:
        current.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise RecordInUse(current, usage_of(current, actor)) from exc


@transaction.atomic
def resource_create(
    resource: Resource, *, actor: Any, data: dict[str, Any], confirm_duplicate: bool = False
) -> models.Model:
    """Create through the declared service, or ``record_create``; a possible duplicate (see
    ``core.duplicates``) is refused unless ``confirm_duplicate``."""
    data = owner_from_actor(resource, actor=actor, data=data, creating=True)
    data, texts = _translations(resource, data)
    check_duplicates(resource, actor=actor, values=data, confirmed=confirm_duplicate)
    if texts is not None and (not resource.create_service or _passes_on(resource.create_service)):
        data["translations"], texts = texts, None  # written with the record, in one write
    if resource.create_service:
        created = resource.create_service(actor=actor, **data)
        return _save_translations(created, actor=actor, texts=texts, action="add")
    return record_create(model=resource.model, actor=actor, data=data)


def _translations(resource: Resource, data: dict[str, Any]) -> tuple[dict[str, Any], dict | None]:
    """The input without ``translations``, and those checked (``core.translations``), or ``None``."""
    if "translations" not in data:
        return data, None
    data = dict(data)
    texts = data.pop("translations")
    if not resource.translated_fields:
        return data, None
    return data, clean_translations(resource.model, texts)


def _passes_on(service: Callable[..., Any]) -> bool:
    """A declared service taking ``**fields`` hands them to ``record_create``/``record_update``: the
    translations can go with them (one write, one history entry)."""
    return any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in inspect.signature(service).parameters.values()
    )


def _save_translations(
    instance: models.Model, *, actor: Any, texts: dict | None, action: str = "change"
) -> models.Model:
    """After a declared service saved the record: its translations, if given and changed, in the same
    transaction and history (declared services know nothing of translations)."""
    if texts is None or getattr(instance, "translations", None) == texts:
        return instance
    instance.translations = texts  # type: ignore[attr-defined]
    fields = ["translations"] + (["updated"] if hasattr(instance, "updated") else [])
    return _save(instance, actor=actor, m2m={}, update_fields=fields, action=action)


@transaction.atomic
def resource_update(
    resource: Resource,
    *,
    instance: models.Model,
    actor: Any,
    data: dict[str, Any],
    expected_version: str | None = None,
    confirm_duplicate: bool = False,
) -> models.Model:
    """Update through the declared service, or ``record_update``; the version check comes first, in the
    same transaction, for declared services too. A change of a ``duplicate_check`` field that makes the
    record look like another one is refused unless ``confirm_duplicate``."""
    data = owner_from_actor(resource, actor=actor, data=data, creating=False)
    data, texts = _translations(resource, data)
    current = lock_current(instance, expected_version)
    if set(resource.duplicate_check) & data.keys():
        values = {name: getattr(current, name) for name in resource.duplicate_check} | data
        check_duplicates(
            resource, actor=actor, values=values, exclude_pk=current.pk, confirmed=confirm_duplicate
        )
    if texts is not None and data and (not resource.update_service or _passes_on(resource.update_service)):
        data["translations"], texts = texts, None  # written with the other changes, in one write
    elif texts is not None and not resource.update_service:
        data["translations"], texts = texts, None
    if resource.update_service:
        only_texts = texts is not None and not data  # no call of the service for nothing
        saved = current if only_texts else resource.update_service(instance=current, actor=actor, **data)
        return _save_translations(saved, actor=actor, texts=texts)
    return _write_changes(current, actor=actor, data=data)  # read, locked and version-checked above


@transaction.atomic
def resource_delete(
    resource: Resource, *, instance: models.Model, actor: Any, expected_version: str | None = None
) -> None:
    if not resource.delete_service:
        record_delete(instance=instance, actor=actor, expected_version=expected_version)
        return
    current = lock_current(instance, expected_version)
    try:
        resource.delete_service(instance=current, actor=actor)
    except (ProtectedError, RestrictedError) as exc:
        raise RecordInUse(current, usage_of(current, actor)) from exc


class BulkFailed(Exception):
    """A bulk change wrote nothing; ``errors`` is a list of (record or id, message)."""

    def __init__(self, errors: list[tuple[Any, str]]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _bulk_rows(resource: Resource, *, actor: Any, pks: list[Any], action: str) -> list[models.Model]:
    """The selected rows the actor may ``action``; an id outside them is "not found" (never "forbidden",
    so another organisation's rows stay hidden)."""
    rows = list(restrict(resource.queryset(), actor, action).filter(pk__in=pks))
    found = {str(row.pk) for row in rows}
    missing = [pk for pk in dict.fromkeys(str(p) for p in pks) if pk not in found]
    if missing:
        raise BulkFailed([(f"#{pk}", str(_("Not found."))) for pk in missing])
    return rows


@transaction.atomic
def resource_bulk_update(
    resource: Resource,
    *,
    actor: Any,
    pks: list[Any],
    validate: Callable[[models.Model], dict[str, Any]],
    confirm_duplicate: bool = False,
) -> list[models.Model]:
    """Set the same fields on every selected row, all or nothing.

    ``validate(row)`` checks the new values against that row (the edit form does it in the UI) and returns
    the cleaned values, or raises ``ValidationError``; each row then goes through ``resource_update``, so
    the same rules, history and access check apply as for one edit. Any error rolls back every row and
    raises ``BulkFailed`` listing each row's problems.
    """
    rows = _bulk_rows(resource, actor=actor, pks=pks, action="change")
    saved: list[models.Model] = []
    errors: list[tuple[Any, str]] = []
    for row in rows:
        try:
            with transaction.atomic():
                data = validate(row)
                saved.append(
                    resource_update(
                        resource, instance=row, actor=actor, data=data, confirm_duplicate=confirm_duplicate
                    )
                )
        except ValidationError as exc:
            errors += [(row, m) for m in exc.messages]
        except DomainError as exc:
            errors.append((row, str(exc)))
    if errors:
        raise BulkFailed(errors)
    return saved


@transaction.atomic
def resource_bulk_delete(resource: Resource, *, actor: Any, pks: list[Any]) -> int:
    """Delete every selected row, all or nothing; a row still in use rolls back all of them."""
    rows = _bulk_rows(resource, actor=actor, pks=pks, action="delete")
    errors: list[tuple[Any, str]] = []
    for row in rows:
        try:
            with transaction.atomic():
                resource_delete(resource, instance=row, actor=actor)
        except DomainError as exc:
            errors.append((row, str(exc)))
    if errors:
        raise BulkFailed(errors)
    return len(rows)


class ImportFailed(Exception):
    """An import wrote nothing; ``errors`` is a list of (line, message)."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


MAX_IMPORT_ERRORS = 200


def resource_import_csv(resource: Resource, *, actor: Any, text: str) -> list[models.Model]:
    """Create one record per CSV row, all or nothing.

    Each row is validated by the resource's form (so choices, related ids and ``restrict()`` apply exactly as
    on the add page); related records are given by id. Any invalid row aborts the whole import with
    row-numbered errors (line 1 is the header).

    Every row is validated first, outside any write transaction (reads only), and only then are all rows
    written in one short transaction: on SQLite the write lock is held for the writes alone, not for the
    validation of the whole file (issue #11: a 20,001-row import held it for 73 s).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        raise ImportFailed([(1, str(_("The file is empty or has no header line.")))])
    known = set(resource.editable_fields)
    unknown = [name for name in reader.fieldnames if name not in known]
    if unknown:
        message = _("Unknown columns: %(columns)s. Allowed: %(allowed)s.") % {
            "columns": ", ".join(unknown),
            "allowed": ", ".join(sorted(known)),
        }
        raise ImportFailed([(1, str(message))])
    valid: list[tuple[int, dict[str, Any]]] = []
    errors: list[tuple[int, str]] = []
    many = {f.name for f in resource.model._meta.many_to_many}
    for line, row in enumerate(reader, start=2):
        data = {k: v for k, v in row.items() if k is not None}
        for name in many & data.keys():
            data[name] = [v for v in (data[name] or "").split(";") if v]  # type: ignore[assignment]
        form = resource.form_class(data=data, user=actor)
        if not form.is_valid():
            for field, messages in form.errors.items():
                label = field if field != "__all__" else ""
                errors += [(line, f"{label}: {m}" if label else m) for m in messages]
            if len(errors) >= MAX_IMPORT_ERRORS:
                break
            continue
        valid.append((line, form.cleaned_data))
    if errors:
        raise ImportFailed(errors)
    if not valid:
        raise ImportFailed([(1, str(_("The file holds no rows.")))])
    return _import_write(resource, actor=actor, rows=valid)


@transaction.atomic
def _import_write(
    resource: Resource, *, actor: Any, rows: list[tuple[int, dict[str, Any]]]
) -> list[models.Model]:
    """Write validated rows in one transaction; a row the service still refuses rolls back all of them."""
    created: list[models.Model] = []
    errors: list[tuple[int, str]] = []
    for line, data in rows:
        try:
            with transaction.atomic():
                created.append(resource_create(resource, actor=actor, data=data, confirm_duplicate=True))
        except (ValidationError, AccessError) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors += [(line, m) for m in messages]
            if len(errors) >= MAX_IMPORT_ERRORS:
                break
    if errors:
        raise ImportFailed(errors)
    return created


@transaction.atomic
def user_token_regenerate(*, user: Any, days: int | None = None) -> tuple[Any, str]:
    """Replace the user's API token (hashed, expiring: ``core.tokens``): the old one stops working at once.
    Answers the record and the full key, which is shown this once and never stored."""
    from .tokens import api_token_issue

    return api_token_issue(user=user, days=days)
