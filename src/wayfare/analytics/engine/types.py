"""Shared types of the event-log engine.

The engine knows nothing of Django. Every source (CSV, XES, interactions recorded in Wayfare) is turned
into one *normalised event table*, kept as Parquet, with these columns:

- ``row_no``    BIGINT, 1-based position of the event in its source (file order); ties on timestamp keep it
- ``case_id``   VARCHAR, never null
- ``activity``  VARCHAR, never null
- ``timestamp`` TIMESTAMP (naive, microseconds, always UTC)
- ``resource``  VARCHAR, may be null
- any further source columns, as VARCHAR, under their source names; a source column whose name collides
  with one of the names above is stored as ``attr_<name>``.

Events of a case are ordered by ``timestamp`` then ``row_no``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

STANDARD_COLUMNS = ("row_no", "case_id", "activity", "timestamp", "resource")

# progress(done, total): units are up to the reader (bytes for files); total may be 0 when unknown.
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ColumnMapping:
    """Which source columns hold the case, activity, timestamp and (optionally) resource."""

    case: str
    activity: str
    timestamp: str
    resource: str | None = None


@dataclass(frozen=True)
class RowError:
    """One rejected source row: ``line`` is the 1-based line (CSV) or event number (XES)."""

    line: int
    reason: str
    column: str | None = None

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "reason": self.reason}


class EventLogImportError(Exception):
    """An import that failed; nothing was written. ``errors`` holds at most the first 1,000 row errors,
    ``error_count`` how many rows failed in all."""

    def __init__(self, message: str, errors: list[RowError] | None = None, error_count: int | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        self.error_count = error_count if error_count is not None else len(self.errors)


@dataclass
class ImportResult:
    """What an import wrote."""

    path: str
    events: int
    cases: int
    activities: int
    attributes: list[str] = field(default_factory=list)
    first_timestamp: str | None = None
    last_timestamp: str | None = None
    skipped: int = 0  # rows left out (only when asked to skip bad rows)
    skipped_rows: list[RowError] = field(default_factory=list)  # the first of them, described
