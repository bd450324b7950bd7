from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..concurrency import StaleVersion, etag
from ..duplicates import PossibleDuplicate
from ..exceptions import AccessError, DomainError
from ..usage import RecordInUse


def _display(context: dict[str, Any]) -> Any:
    """How the requester may see a row named in an error (names of related rows restricted)."""
    from ..related import Seen

    return Seen.of(context.get("request")).display


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Domain errors become 400 with a stable code; model validation errors 400 keyed by field.

    A stale ``If-Match`` answers 412 with the current ETag (404 if the row is gone meanwhile); a delete of
    a record still in use answers 409 with what uses it, restricted to what the reader may see; a possible
    duplicate answers 400 with the matching records (repeat with ``?confirm_duplicate=1`` to save anyway).
    """
    if isinstance(exc, StaleVersion):
        if exc.current is None:
            return Response({"detail": str(exc), "code": "not_found"}, status=status.HTTP_404_NOT_FOUND)
        response = Response(
            {"detail": str(exc), "code": exc.code}, status=status.HTTP_412_PRECONDITION_FAILED
        )
        response["ETag"] = etag(exc.current) or ""
        return response
    if isinstance(exc, RecordInUse):
        body = {"detail": str(exc), "code": exc.code, **exc.usage.as_json(_display(context))}
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, PossibleDuplicate):
        body = {"detail": str(exc), "code": exc.code, **exc.as_json(_display(context))}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, AccessError):
        return Response({"detail": str(exc), "code": exc.code}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, DomainError):
        return Response({"detail": str(exc), "code": exc.code}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        data = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(data, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
