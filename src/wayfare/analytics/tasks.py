"""Background tasks of journey analytics: thin wrappers around services."""

from django_tasks import task

from .services import event_log_import_run


@task()
def event_log_import_task(event_log_id: int) -> str:
    return event_log_import_run(event_log_id=event_log_id).status
