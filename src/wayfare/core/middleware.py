"""A busy database answers "try again" (503 with Retry-After), never a 500 (issue #11).

On SQLite one writer holds the write lock at a time; write transactions take it at BEGIN
(``transaction_mode = IMMEDIATE``), and a second writer waits up to the connection's ``timeout`` (SQLite's
busy handler retries on its own for that long). If the lock is still held after that, the request has not
written anything (its BEGIN failed, or its transaction rolled back), so answering 503 with
``Retry-After`` is safe and honest: the client, or the user pressing the button again, retries.

Why not retry on the server as well: SQLite has already retried for ``timeout`` seconds, and running a
view a second time is only safe when nothing outside the database happened in the first run (uploaded
files stored, tasks enqueued); keeping a worker busy longer also makes the queue behind the lock longer.
On PostgreSQL the same answer covers a lock timeout, a serialisation failure and a deadlock victim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import OperationalError
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 2
_BUSY_TEXT = ("database is locked", "database table is locked", "database is busy")
_BUSY_PGCODES = {"55P03", "40001", "40P01"}  # lock_not_available, serialization_failure, deadlock_detected


def is_database_busy(exc: BaseException) -> bool:
    if not isinstance(exc, DatabaseError):
        return False
    if isinstance(exc, OperationalError) and any(t in str(exc).lower() for t in _BUSY_TEXT):
        return True
    cause = exc.__cause__
    return (
        getattr(cause, "sqlstate", None) in _BUSY_PGCODES or getattr(cause, "pgcode", None) in _BUSY_PGCODES
    )


def _wants_json(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and "api" in match.namespaces:
        return True
    return request.path.startswith("/api/")


class DatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_busy(exception):
            return None
        message = _(
            "The database is busy with another change. Nothing was saved; please try again in a moment."
        )
        response: HttpResponse
        if _wants_json(request):
            response = JsonResponse({"detail": message, "code": "database_busy"}, status=503)
        else:
            html = render_to_string("generic/busy.html", {"message": message}, request=request)
            response = HttpResponse(html, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
