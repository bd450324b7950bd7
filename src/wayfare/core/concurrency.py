"""Optimistic locking: every edit names the version it started from (issue #11, lost updates).

A record's version is its ``updated`` time in whole microseconds since the epoch: every save moves it
(``auto_now``), so no counter column is needed. The API sends it as the ETag of a detail answer and takes
it back in ``If-Match``; the edit form carries it in a hidden field. The service compares it with the row
read inside its own transaction (``select_for_update`` where the database has it; on SQLite the
transaction holds the write lock from BEGIN, see ``transaction_mode`` in settings), so UI and API share
one check and no second writer slips in between the check and the save.
"""

from __future__ import annotations

import datetime as dt

from django.db import connections, models, router
from django.utils.translation import gettext_lazy as _

from .exceptions import DomainError

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class StaleVersion(DomainError):
    """The record changed (or was deleted) since the version the edit started from; nothing was saved."""

    code = "stale"

    def __init__(self, current: models.Model | None) -> None:
        self.current = current
        if current is None:
            message = _("This record was deleted by someone else since you opened it.")
        else:
            message = _("This record was changed by someone else since you opened it. Nothing was saved.")
        super().__init__(message)


def version_of(instance: models.Model | None) -> str | None:
    """The version token of a row, or ``None`` for a model without an ``updated`` time."""
    updated = getattr(instance, "updated", None)
    if not isinstance(updated, dt.datetime):
        return None
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=dt.UTC)
    return str((updated - _EPOCH) // dt.timedelta(microseconds=1))


def version_time(version: str) -> dt.datetime | None:
    """The ``updated`` time a version token stands for (to find the history entry of that version)."""
    try:
        return _EPOCH + dt.timedelta(microseconds=int(version))
    except (TypeError, ValueError, OverflowError):
        return None


def etag(instance: models.Model | None) -> str | None:
    version = version_of(instance)
    return f'"{version}"' if version else None


def parse_if_match(header: str | None) -> list[str] | None:
    """The versions an ``If-Match`` header accepts: ``None`` when absent or ``*`` (no check)."""
    if not header or header.strip() == "*":
        return None
    versions = []
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        versions.append(tag.strip('"'))
    return versions


def lock_current(instance: models.Model, expected_version: str | None) -> models.Model:
    """Read the row again inside the caller's transaction, locked, and check its version.

    Raises ``StaleVersion`` when ``expected_version`` is given and differs, or when the row is gone.
    """
    model = type(instance)
    queryset = model._default_manager.filter(pk=instance.pk)
    db = router.db_for_write(model, instance=instance)
    if connections[db].features.has_select_for_update:
        queryset = queryset.select_for_update(of=("self",))  # ordering may join nullable relations
    current = queryset.first()
    if current is None:
        raise StaleVersion(None)
    if expected_version is not None and version_of(current) != expected_version:
        raise StaleVersion(current)
    return current
