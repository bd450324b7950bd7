"""Domain errors: raised by services, shown as form errors (UI), 400 with a code (API), exit 1 (CLI)."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A business rule was broken. ``message`` is lazily translated; ``code`` is stable for API clients."""

    code = "invalid"

    def __init__(self, message: Any, *, code: str | None = None, params: dict | None = None) -> None:
        self.message = message
        self.params = params or {}
        if code:
            self.code = code
        super().__init__(str(message))

    def __str__(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


class AccessError(DomainError):
    """The actor may not do this to this row (the row is hidden from them afterwards, or never was theirs)."""

    code = "forbidden"
