"""Write operations of journey analytics: registering an event log and importing it.

An import is all-or-nothing: the engine writes the Parquet file only when every row is valid, and the
record keeps the row-numbered errors otherwise. Long imports run as a background task that reports its
progress on the record, which the log's page polls.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from typing import Any

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.services import record_create, record_delete, record_update

from .engine import ColumnMapping, EventLogImportError, ImportResult, import_csv
from .engine.guards import MESSAGES as GUARD_MESSAGES
from .engine.guards import failure
from .limits import import_limits
from .models import (
    MAPPING_FIELDS,
    EventLog,
    EventLogFormat,
    EventLogStatus,
    storing_sources,
)

logger = logging.getLogger(__name__)

XES_SUFFIXES = (".xes", ".xes.gz", ".xes.gzip")


def detect_format(filename: str) -> str:
    return EventLogFormat.XES if filename.lower().endswith(XES_SUFFIXES) else EventLogFormat.CSV


@contextlib.contextmanager
def _sources_removed_on_failure(*, keep: str = "") -> Iterator[None]:
    """Remove the source files stored inside the block when it fails (its transaction then rolls back,
    which ``on_commit`` never sees); ``keep`` names the file the record had before, which stays.

    Wraps the service's transaction, so a failure at commit is seen too; a caller that nests the service
    in a larger transaction of its own must clean up after a rollback of that one."""
    pending: list[EventLog] = []
    token = storing_sources.set(pending)
    try:
        yield
    except BaseException:
        for event_log in pending:
            name = str(event_log.source.name or "")
            if name and name != keep:
                with contextlib.suppress(OSError):
                    event_log.source.storage.delete(name)
        raise
    finally:
        storing_sources.reset(token)


def event_log_create(
    *, actor: Any, source: UploadedFile | File | None = None, enqueue: bool = True, **fields: Any
) -> EventLog:
    """Register an event log from an uploaded file and queue its import (after the commit, so the worker
    finds the row); with ``enqueue=False`` the caller runs the import itself (the command line).

    The model refuses a file over the upload limit or an encoding that is not a text encoding before the
    file is stored; a create that fails after storing it removes it again."""
    with _sources_removed_on_failure(), transaction.atomic():
        if source is not None:
            fields["source"] = source
            fields.setdefault("source_format", detect_format(source.name or ""))
        event_log = record_create(model=EventLog, actor=actor, data=fields)
        assert isinstance(event_log, EventLog)
        if enqueue:
            transaction.on_commit(lambda: event_log_import_enqueue(event_log_id=event_log.pk))
    return event_log


IMPORT_FIELDS = ("source", "source_format", *MAPPING_FIELDS)


def event_log_update(*, instance: EventLog, actor: Any, **fields: Any) -> EventLog:
    """Change a log's fields; a new source file or a changed column mapping imports it again.

    A new file replaces the old one, which is removed once the change commits; if the change fails, the
    new file is removed and the old one stays."""
    previous = str(instance.source.name or "")
    with _sources_removed_on_failure(keep=previous), transaction.atomic():
        reimport = any(name in fields and fields[name] != getattr(instance, name) for name in IMPORT_FIELDS)
        if fields.get("source") is None or fields.get("source") is False:
            fields.pop("source", None)  # no new upload: keep the file
        else:
            fields.setdefault("source_format", detect_format(fields["source"].name or ""))
        event_log = record_update(instance=instance, actor=actor, data=fields)
        assert isinstance(event_log, EventLog)
        if reimport:
            EventLog.objects.filter(pk=event_log.pk).update(status=EventLogStatus.PENDING, progress=0.0)
            transaction.on_commit(lambda: event_log_import_enqueue(event_log_id=event_log.pk))
        replaced = previous and str(event_log.source.name or "") != previous
        if replaced:
            storage = event_log.source.storage
            transaction.on_commit(lambda: storage.delete(previous))
    return event_log


@transaction.atomic
def event_log_delete(*, instance: EventLog, actor: Any) -> None:
    """Delete a log (its journey maps keep their stages, without a log); its Parquet and source files go once the delete commits."""
    parquet, source = instance.parquet_path, instance.source
    record_delete(instance=instance, actor=actor)

    def remove_files() -> None:
        parquet.unlink(missing_ok=True)
        if source:
            source.storage.delete(str(source.name))

    transaction.on_commit(remove_files)


def event_log_import_enqueue(*, event_log_id: int) -> None:
    from .tasks import event_log_import_task

    event_log_import_task.enqueue(event_log_id)


class _ProgressWriter:
    """Writes import progress to the record at most twice a second (the page polls it)."""

    def __init__(self, event_log: EventLog, stdout_callback: Any = None):
        self.event_log = event_log
        self.last = 0.0
        self.stdout_callback = stdout_callback

    def __call__(self, done: int, total: int) -> None:
        if self.stdout_callback:
            self.stdout_callback(done, total)
        now = time.monotonic()
        if total <= 0 or now - self.last < 0.5:
            return
        self.last = now
        EventLog.objects.filter(pk=self.event_log.pk).update(progress=min(done / total, 0.99))


def _read(event_log: EventLog, progress: Any) -> ImportResult:
    path = event_log.source.path
    dest = event_log.parquet_path
    dest.parent.mkdir(parents=True, exist_ok=True)
    limits = import_limits()
    if event_log.source_format == EventLogFormat.XES:
        from .engine.xes_import import import_xes

        return import_xes(path, dest, progress=progress, limits=limits)
    mapping = ColumnMapping(
        case=event_log.case_column,
        activity=event_log.activity_column,
        timestamp=event_log.timestamp_column,
        resource=event_log.resource_column or None,
    )
    return import_csv(
        path,
        dest,
        mapping,
        timestamp_format=event_log.timestamp_format or None,
        timezone=event_log.timezone or "UTC",
        delimiter=event_log.delimiter or None,
        encoding=event_log.encoding or None,
        progress=progress,
        skip_bad_rows=event_log.skip_bad_rows,
        limits=limits,
    )


def _aware(iso: str | None) -> Any:
    if not iso:
        return None
    from datetime import UTC, datetime

    value = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def event_log_import_run(*, event_log_id: int, progress: Any = None) -> EventLog:
    """Import the log's source file into its Parquet file and record the outcome on the log.

    Keeps true: a log is *ready* only with a complete Parquet file; a failed import leaves no file and
    records why (with row-numbered errors), in words that name the problem and never a server path or a
    Python exception (those go to the server log). Running it again re-imports from the source.
    """
    event_log = EventLog.objects.get(pk=event_log_id)
    EventLog.objects.filter(pk=event_log.pk).update(
        status=EventLogStatus.RUNNING,
        progress=0.0,
        message="",
        message_code="",
        message_params={},
        errors=[],
        skipped=0,
    )
    event_log.parquet_path.unlink(missing_ok=True)
    try:
        if not event_log.source:
            raise EventLogImportError("The event log has no source file.", code="no_source")
        try:
            result = _read(event_log, _ProgressWriter(event_log, progress))
        except OSError as exc:  # the stored file is unreadable (permissions, disk): say so, log the rest
            logger.exception("event log %s: its source file could not be read", event_log.pk)
            raise failure(GUARD_MESSAGES, "unreadable_source") from exc
    except EventLogImportError as exc:
        EventLog.objects.filter(pk=event_log.pk).update(
            status=EventLogStatus.FAILED,
            progress=0.0,
            message=_failure_message(exc),
            message_code=exc.code or "",
            message_params={
                **exc.params,
                "failed_rows": exc.error_count,
                "listed_rows": min(len(exc.errors), 200),
            },
            errors=[e.as_dict() for e in exc.errors[:200]],
        )
    except Exception:  # an unexpected failure must still end the import visibly
        logger.exception("event log %s failed to import", event_log.pk)
        EventLog.objects.filter(pk=event_log.pk).update(
            status=EventLogStatus.FAILED,
            progress=0.0,
            message=GUARD_MESSAGES["internal"],
            message_code="internal",
            message_params={},
            errors=[],
        )
    else:
        EventLog.objects.filter(pk=event_log.pk).update(
            status=EventLogStatus.READY,
            progress=1.0,
            message="",
            skipped=result.skipped,
            errors=[e.as_dict() for e in result.skipped_rows[:200]],  # the rows left out, described
            events=result.events,
            cases=result.cases,
            activities=result.activities,
            attributes=result.attributes,
            first_event=_aware(result.first_timestamp),
            last_event=_aware(result.last_timestamp),
        )
    event_log.refresh_from_db()
    return event_log


def _failure_message(exc: EventLogImportError) -> str:
    if exc.error_count > len(exc.errors):
        return str(
            _("%(message)s (%(count)d rows failed; the first %(shown)d are listed.)")
            % {"message": exc.message, "count": exc.error_count, "shown": len(exc.errors)}
        )
    return exc.message


# -- Declared transitions of an import's status (issue #11: only transitions change ``status``) ------------


def event_log_has_source(event_log: EventLog) -> Any:
    """Guard: a log can only be read again from a file it still has."""
    return None if event_log.source else _("The event log has no source file to import again.")


def event_log_has_bad_rows(event_log: EventLog) -> Any:
    """Guard: leaving rows out only helps a failed CSV import whose rows were the problem."""
    if event_log.may_skip_bad_rows:
        return None
    return _("Only a CSV import that failed on rows that are not events can be repeated leaving them out.")


def _event_log_queue_again(event_log: EventLog, actor: Any, changes: dict[str, Any]) -> EventLog:
    data = {"status": EventLogStatus.PENDING, "progress": 0.0, "message": "", **changes}
    saved = record_update(instance=event_log, actor=actor, data=data)  # through history, with the actor
    transaction.on_commit(lambda: event_log_import_enqueue(event_log_id=saved.pk))
    assert isinstance(saved, EventLog)
    return saved


@transaction.atomic
def event_log_import_again(*, instance: EventLog, actor: Any) -> EventLog:
    """Read a ready or failed log again from its source file (e.g. after the file's reader improved):
    the log waits for the import again, which is queued once this commits."""
    return _event_log_queue_again(instance, actor, {})


@transaction.atomic
def event_log_import_leaving_out_bad_rows(*, instance: EventLog, actor: Any) -> EventLog:
    """Import a failed CSV log again, leaving out (and listing) the rows that are not events."""
    return _event_log_queue_again(instance, actor, {"skip_bad_rows": True})
