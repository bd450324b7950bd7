"""Versions of a record: draft and numbered published snapshots, and a comparison of any two (issue #11).

A resource declares ``versioned=True`` and the related names of the child rows that belong to a version
(``version_children=["stages"]`` for a designed journey). A snapshot is JSON: the record's own fields and,
per child relation, each child row's fields keyed by its id, so a comparison can say which child rows
were added, removed or changed. The live record is the work in progress; *publish* freezes it as the next
numbered version, *save draft* keeps one unnumbered snapshot of it.

Versions are reached only through their record (``versions_for``, ``version_get``), which the caller has
fetched through ``restrict()``: whoever may not see the record sees none of its versions.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from .access import is_consumer, restrict
from .exceptions import AccessError, DomainError
from .history import _display, _label, _relation
from .models import Version, VersionState
from .related import NOT_SHOWN

if TYPE_CHECKING:
    from .resources import Resource

SKIPPED = {"id", "created", "updated", "created_by"}


class NothingToPublish(DomainError):
    code = "nothing_changed"


def _fields(instance: models.Model, skip: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    values: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in SKIPPED or field.name in skip:
            continue
        values[field.name] = field.value_from_object(instance)
    for field in instance._meta.many_to_many:
        values[field.name] = sorted(obj.pk for obj in getattr(instance, field.name).all())
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))  # dates and decimals as JSON text


def _child_relation(resource: Resource, name: str) -> Any:
    relation = resource.model._meta.get_field(name)
    if not relation.one_to_many:
        raise ValueError(f"{resource.model.__name__}.{name} is not a relation to child rows")
    return relation


def snapshot(resource: Resource, instance: models.Model) -> dict[str, Any]:
    """The record's fields and its declared child rows, as JSON-ready data."""
    children: dict[str, dict[str, Any]] = {}
    for name in resource.version_children:
        relation = _child_relation(resource, name)
        rows = getattr(instance, name).order_by("pk")
        children[name] = {
            str(row.pk): {"display": str(row), "fields": _fields(row, {relation.field.name})} for row in rows
        }
    return {"fields": _fields(instance, set(resource.version_skip)), "children": children}


def _content_type(resource: Resource) -> ContentType:
    return ContentType.objects.get_for_model(resource.model)


def versions_for(resource: Resource, instance: models.Model) -> models.QuerySet:
    """The record's versions, newest published first, the draft last."""
    return Version.objects.filter(content_type=_content_type(resource), object_id=instance.pk).select_related(
        "created_by"
    )


def version_get(resource: Resource, instance: models.Model, version_id: Any) -> Version | None:
    if not str(version_id).isdigit():
        return None
    return versions_for(resource, instance).filter(pk=int(version_id)).first()


def latest_published(resource: Resource, instance: models.Model) -> Version | None:
    return versions_for(resource, instance).filter(state=VersionState.PUBLISHED).order_by("-number").first()


def _locked(resource: Resource, instance: models.Model, actor: Any) -> models.Model:
    """The record, locked against a concurrent publish, if the actor may change it."""
    if not resource.versioned:
        raise ValueError(f"{resource.model.__name__} is not versioned")
    rows = restrict(resource.model._default_manager.all(), actor, "change")
    locked = rows.select_for_update(of=("self",)).filter(pk=instance.pk).first()
    if locked is None:
        raise AccessError(_("You may not do this to this record."))
    return locked


@transaction.atomic
def version_publish(resource: Resource, *, instance: models.Model, actor: Any, note: str = "") -> Version:
    """Freeze the record as it is now as its next numbered version.

    Keeps true: numbers run 1, 2, ... per record without gaps or repeats (the record is locked while the
    number is taken); a version differs from the one before it (publishing nothing new is refused); the
    draft snapshot, now published, is dropped.
    """
    locked = _locked(resource, instance, actor)
    data = snapshot(resource, locked)
    previous = latest_published(resource, locked)
    if previous is not None and previous.data == data:  # has_unpublished_changes, snapshot taken once
        raise NothingToPublish(
            _("Nothing changed since version %(number)s was published."), params={"number": previous.number}
        )
    existing = versions_for(resource, locked)
    number = (existing.aggregate(n=Max("number"))["n"] or 0) + 1
    existing.filter(state=VersionState.DRAFT).delete()
    version = Version.objects.create(
        content_type=_content_type(resource),
        object_id=locked.pk,
        state=VersionState.PUBLISHED,
        number=number,
        data=data,
        note=note,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if resource.on_publish is not None:
        resource.on_publish(instance=locked, version=version, actor=actor)
    return version


@transaction.atomic
def version_save_draft(resource: Resource, *, instance: models.Model, actor: Any, note: str = "") -> Version:
    """Keep the record as it is now as its draft snapshot (replacing the previous draft snapshot)."""
    locked = _locked(resource, instance, actor)
    versions_for(resource, locked).filter(state=VersionState.DRAFT).delete()
    return Version.objects.create(
        content_type=_content_type(resource),
        object_id=locked.pk,
        state=VersionState.DRAFT,
        data=snapshot(resource, locked),
        note=note,
        created_by=actor if getattr(actor, "pk", None) else None,
    )


def visible_data(resource: Resource, data: dict[str, Any], user: Any) -> dict[str, Any]:
    """A snapshot as ``user`` may read it: a consumer never sees the resource's backstage fields
    (``backstage_fields``, where the declaration has them; issue #11 section 2)."""
    if not is_consumer(user):
        return data
    hidden = set(getattr(resource, "backstage_fields", ()) or ())
    # Child rows of a model consumers may not see on its own stay out too (issue #13: a journey map's
    # backstage touchpoints and notes were in its versions' snapshots).
    children = {
        name: rows
        for name, rows in data.get("children", {}).items()
        if getattr(_child_relation(resource, name).related_model, "frontstage", False)
    }
    fields = {k: v for k, v in data.get("fields", {}).items() if k not in hidden}
    return {**data, "fields": fields, "children": children}


def _snapshot_related(model: type[models.Model], snapshots: list[dict[str, Any]], seen: Any) -> dict:
    """Every related record the snapshots name, fetched once per related model and primed in ``seen``
    (so a related record the reader may not open shows as "not shown", as in history)."""
    wanted: dict[type[models.Model], set[Any]] = {}
    for snapshot in snapshots:
        for name, value in snapshot.items():
            field = _relation(model, name)
            if field is not None and value not in (None, ""):
                wanted.setdefault(field.related_model, set()).add(value)
            many = _many(model, name)
            if many is not None and isinstance(value, list):
                wanted.setdefault(many.related_model, set()).update(value)
    found = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            found[(related_model, obj.pk)] = obj
    seen.prime_objects(found.values())
    return found


def _many(model: type[models.Model], name: str) -> Any:
    try:
        field: Any = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if field.many_to_many else None


def _shown(model: type[models.Model], name: str, value: Any, seen: Any, related: dict) -> Any:
    """A snapshot's value as the reader knows it; a many-to-many list as the related records' names
    (each through ``Seen``), never their ids."""
    many = _many(model, name)
    if many is not None and isinstance(value, list):
        names = []
        for pk in value:
            obj = related.get((many.related_model, pk))
            names.append(str(seen.label(obj)) if obj is not None else str(NOT_SHOWN))
        return ", ".join(names)
    return _display(model, name, value, seen, related)


def _field_diffs(model: type[models.Model], a: dict[str, Any], b: dict[str, Any], user: Any) -> list[dict]:
    from .related import Seen

    seen = Seen(user)
    related = _snapshot_related(model, [a, b], seen)
    rows = []
    # In the model's field order: PostgreSQL's jsonb keeps a snapshot's keys in an order of its own.
    order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
    for name in sorted(dict.fromkeys([*a, *b]), key=lambda n: order.get(n, len(order))):
        old, new = a.get(name), b.get(name)
        rows.append(
            {
                "name": name,
                "label": _label(model, name),
                "a": _shown(model, name, old, seen, related),
                "b": _shown(model, name, new, seen, related),
                "changed": old != new,
            }
        )
    return rows


def version_compare(resource: Resource, a: dict[str, Any], b: dict[str, Any], *, user: Any) -> dict[str, Any]:
    """Side by side: every field of the record in ``a`` and ``b``, and per child relation the rows added
    (only in ``b``), removed (only in ``a``) and changed (with their changed fields). Related records are
    named only if ``user`` may see them (``restrict()``), else by number."""
    a, b = visible_data(resource, a, user), visible_data(resource, b, user)
    fields = _field_diffs(resource.model, a.get("fields", {}), b.get("fields", {}), user)
    children = []
    for name in resource.version_children:
        relation = _child_relation(resource, name)
        child_model = relation.related_model
        rows_a, rows_b = a.get("children", {}).get(name, {}), b.get("children", {}).get(name, {})
        changed = []
        for key in rows_a.keys() & rows_b.keys():
            diffs = _field_diffs(child_model, rows_a[key]["fields"], rows_b[key]["fields"], user)
            if any(d["changed"] for d in diffs):
                changed.append(
                    {
                        "id": int(key),
                        "display": rows_b[key]["display"],
                        "fields": [d for d in diffs if d["changed"]],
                    }
                )
        children.append(
            {
                "name": name,
                "label": child_model._meta.verbose_name_plural,
                "added": [
                    {"id": int(k), "display": rows_b[k]["display"]} for k in rows_b.keys() - rows_a.keys()
                ],
                "removed": [
                    {"id": int(k), "display": rows_a[k]["display"]} for k in rows_a.keys() - rows_b.keys()
                ],
                "changed": sorted(changed, key=lambda row: row["id"]),
            }
        )
    for part in children:
        part["added"].sort(key=lambda row: row["id"])
        part["removed"].sort(key=lambda row: row["id"])
    return {
        "fields": fields,
        "changed": [f["name"] for f in fields if f["changed"]],
        "children": children,
    }


CURRENT = "current"


def has_unpublished_changes(resource: Resource, instance: models.Model, published: Version | None) -> bool:
    """Whether the record differs from ``published`` (its latest published version, or ``None``)."""
    return published is None or published.data != snapshot(resource, instance)


def version_default_pair(resource: Resource, instance: models.Model) -> tuple[Any, Any]:
    """What a comparison opened without a choice shows: the latest published version against the record
    as it is now, or, when nothing changed since it was published, the version before it against it."""
    published = [
        v for v in versions_for(resource, instance).order_by("-number") if v.state == VersionState.PUBLISHED
    ]
    if not published:
        return CURRENT, CURRENT
    latest = published[0]
    if not has_unpublished_changes(resource, instance, latest):
        return (published[1].pk if len(published) > 1 else latest.pk), latest.pk
    return latest.pk, CURRENT


def version_data(resource: Resource, instance: models.Model, key: Any) -> tuple[Any, dict[str, Any]] | None:
    """A side of a comparison: ``"current"`` (the record as it is now) or the id of one of its versions."""
    if key == CURRENT:
        return CURRENT, snapshot(resource, instance)
    version = version_get(resource, instance, key)
    return (version, version.data) if version is not None else None
