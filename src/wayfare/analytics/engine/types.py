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


GiB = 1024**3


@dataclass(frozen=True)
class ImportLimits:
    """What one import may cost (issue #11: a 1,169-byte upload once took a worker to 4.8 GB).

    - ``max_source_bytes``: the source file as stored (compressed or not);
    - ``max_expanded_bytes``: what a gzip stream may decompress to, and the XES text a parse may read;
    - ``max_events``: events in the log; the import stops at the first event past it.

    The defaults are those of the Django settings ``WAYFARE_MAX_*`` (``analytics.limits``)."""

    max_source_bytes: int = 2 * GiB
    max_expanded_bytes: int = 8 * GiB
    max_events: int = 20_000_000


DEFAULT_LIMITS = ImportLimits()


@dataclass(frozen=True)
class RowError:
    """One rejected source row: ``line`` is the 1-based line (CSV) or event number (XES). ``code`` and
    ``params`` name the problem for translation; ``reason`` is the same in plain English."""

    line: int
    reason: str
    column: str | None = None
    code: str | None = None
    params: dict = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "reason": self.reason,
            "code": self.code,
            "params": self.params,
        }


class EventLogImportError(Exception):
    """An import that failed; nothing was written. ``errors`` holds at most the first 1,000 row errors,
    ``error_count`` how many rows failed in all. ``code`` and ``params`` name the problem (the Django
    layer translates them); parameters never hold a server path or a Python exception's text."""

    def __init__(
        self,
        message: str,
        errors: list[RowError] | None = None,
        error_count: int | None = None,
        *,
        code: str | None = None,
        params: dict | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        self.error_count = error_count if error_count is not None else len(self.errors)
        self.code = code
        self.params = params or {}


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
