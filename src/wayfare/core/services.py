"""Generic write services used when a declaration names no service of its own.

One write path for everyone: the UI views, the API viewsets, imports and tests call these. Each runs in one
transaction, runs the model's ``full_clean()``, records the actor in the change history, and checks after the
write that the actor may still change the row (``restrict()``); if not, everything rolls back.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .access import owner_from_actor, restrict
from .exceptions import AccessError
from .resources import Resource


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


def _save(instance: models.Model, *, actor: Any, m2m: dict[str, Any]) -> models.Model:
    instance.full_clean()
    instance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    instance.save()
    for name, value in m2m.items():
        getattr(instance, name).set(value)
    if not restrict(type(instance)._default_manager.filter(pk=instance.pk), actor, "change").exists():
        raise AccessError(_("You may not save this record with these values."))
    return instance


@transaction.atomic
def record_create(*, model: type[models.Model], actor: Any, data: dict[str, Any]) -> models.Model:
    """Create one record of a declared model."""
    instance = model()
    m2m = _assign(instance, data)
    if hasattr(instance, "created_by_id") and getattr(actor, "pk", None):
        instance.created_by = actor  # type: ignore[attr-defined]
    return _save(instance, actor=actor, m2m=m2m)


@transaction.atomic
def record_update(*, instance: models.Model, actor: Any, data: dict[str, Any]) -> models.Model:
    """Change the given fields of one record."""
    m2m = _assign(instance, data)
    return _save(instance, actor=actor, m2m=m2m)


@transaction.atomic
def record_delete(*, instance: models.Model, actor: Any) -> None:
    instance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    instance.delete()


def resource_create(resource: Resource, *, actor: Any, data: dict[str, Any]) -> models.Model:
    data = owner_from_actor(resource, actor=actor, data=data, creating=True)
    if resource.create_service:
        return resource.create_service(actor=actor, **data)
    return record_create(model=resource.model, actor=actor, data=data)


def resource_update(
    resource: Resource, *, instance: models.Model, actor: Any, data: dict[str, Any]
) -> models.Model:
    data = owner_from_actor(resource, actor=actor, data=data, creating=False)
    if resource.update_service:
        return resource.update_service(instance=instance, actor=actor, **data)
    return record_update(instance=instance, actor=actor, data=data)


def resource_delete(resource: Resource, *, instance: models.Model, actor: Any) -> None:
    if resource.delete_service:
        resource.delete_service(instance=instance, actor=actor)
    else:
        record_delete(instance=instance, actor=actor)


class ImportFailed(Exception):
    """An import wrote nothing; ``errors`` is a list of (line, message)."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


MAX_IMPORT_ERRORS = 200


@transaction.atomic
def resource_import_csv(resource: Resource, *, actor: Any, text: str) -> list[models.Model]:
    """Create one record per CSV row, all or nothing.

    Each row is validated by the resource's form (so choices, related ids and ``restrict()`` apply exactly as
    on the add page); related records are given by id. Any invalid row aborts the whole import with
    row-numbered errors (line 1 is the header).
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
    created: list[models.Model] = []
    errors: list[tuple[int, str]] = []
    for line, row in enumerate(reader, start=2):
        data = {k: v for k, v in row.items() if k is not None}
        many = {f.name for f in resource.model._meta.many_to_many}
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
        try:
            with transaction.atomic():
                created.append(resource_create(resource, actor=actor, data=form.cleaned_data))
        except (ValidationError, AccessError) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors += [(line, m) for m in messages]
    if errors:
        raise ImportFailed(errors)
    if not created:
        raise ImportFailed([(1, str(_("The file holds no rows.")))])
    return created


@transaction.atomic
def user_token_regenerate(*, user: Any, days: int | None = None) -> tuple[Any, str]:
    """Replace the user's API token (hashed, expiring: ``core.tokens``): the old one stops working at once.
    Answers the record and the full key, which is shown this once and never stored."""
    from .tokens import api_token_issue

    return api_token_issue(user=user, days=days)
