"""Background tasks of core: the periodic reminders run (issue #12 section 5).

``reminders_run_task`` runs ``reminders_run`` and enqueues its own next run ``WAYFARE_REMINDERS_INTERVAL``
minutes later, so one ``reminders_schedule()`` (``wayfare reminders --schedule``, done by ``make serve``)
keeps it going on the django-tasks worker (``wayfare db_worker``). At most one run waits in the queue.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .reminders import reminders_run


def interval() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "WAYFARE_REMINDERS_INTERVAL", 15)))


@task()
def reminders_run_task() -> dict[str, Any]:
    try:
        return reminders_run().as_dict()
    finally:  # a failed run still keeps the schedule
        reminders_schedule(delay=interval())


def _pending(backend: Any) -> list[Any]:
    """The runs of ``reminders_run_task`` waiting in the queue (not the one running now)."""
    path = reminders_run_task.module_path
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database backend is a dependency
        DatabaseBackend = None  # type: ignore[assignment,misc]  # noqa: N806
    if DatabaseBackend is not None and isinstance(backend, DatabaseBackend):
        return list(
            DBTaskResult.objects.select_for_update()
            .filter(task_path=path, status="READY", backend_name=backend.alias)
            .order_by("run_after")
        )
    results = getattr(backend, "results", None)  # the dummy backend of tests keeps them in memory
    if results is not None:
        return [r for r in results if r.task.module_path == path and str(r.status) == "READY"]
    return []


def reminders_waiting() -> Any:
    """The run waiting in the queue, or ``None``."""
    backend = reminders_run_task.get_backend()
    pending = _pending(backend) if backend.supports_defer else []
    return pending[0] if pending else None


def reminders_schedule(*, delay: timedelta | None = None) -> Any:
    """Enqueue the next run ``delay`` from now unless one is already waiting; answer the waiting run (a
    task result), or ``None`` when the backend runs tasks at once (tests, ``WAYFARE_TASKS=immediate``):
    there is nothing to schedule then."""
    backend = reminders_run_task.get_backend()
    if not backend.supports_defer:
        return None
    with transaction.atomic():
        pending = _pending(backend)
        if pending:
            return pending[0]
        run_after = timezone.now() + (delay or timedelta(0))
        return reminders_run_task.using(run_after=run_after).enqueue()
