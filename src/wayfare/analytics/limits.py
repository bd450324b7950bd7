"""What an event log and its analysis may cost, read from the settings in this one place (issue #11).

Settings (all optional; the defaults suit a small server with a few GB of memory):

- ``WAYFARE_MAX_UPLOAD_BYTES`` (2 GiB): the largest source file, uploaded or given to ``import-log``. A
  20-million-event CSV is about 1-2 GB; larger logs are better split or compressed.
- ``WAYFARE_MAX_EXPANDED_BYTES`` (8 GiB): what a ``.gz`` file may decompress to, and the XES text a parse
  may read. XES spends some 300-400 bytes per event, so 8 GiB holds the event cap; a gzip bomb stops here.
- ``WAYFARE_MAX_EVENTS_PER_LOG`` (20,000,000): events per log; the import stops at the first one past it.
- ``WAYFARE_EXPLORER_MAX_VARIANTS`` (1,000), ``WAYFARE_EXPLORER_MAX_PATHS`` (2,000) and
  ``WAYFARE_EXPLORER_MAX_ACTIVITIES`` (1,000): the most rows one part of an analysis answer lists (the
  most frequent first, with the total and what the rest holds), so an answer stays in the hundreds of KB.
- ``WAYFARE_DUCKDB_MEMORY_LIMIT`` ("2GB": the explorer's answer on a 10.7 M-event log of 3,000 activities
  needs about 1.1 GB of DuckDB memory, and fails at 1 GB; issue #15 stores logs so that it needs less) and ``WAYFARE_DUCKDB_THREADS`` (2): each DuckDB session's
  memory and threads; past the limit it spills to ``WAYFARE_DUCKDB_TEMP_DIR`` (``<data dir>/tmp/duckdb``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from .engine.types import GiB, ImportLimits

DEFAULTS: dict[str, Any] = {
    "WAYFARE_MAX_UPLOAD_BYTES": 2 * GiB,
    "WAYFARE_MAX_EXPANDED_BYTES": 8 * GiB,
    "WAYFARE_MAX_EVENTS_PER_LOG": 20_000_000,
    "WAYFARE_EXPLORER_MAX_VARIANTS": 1_000,
    "WAYFARE_EXPLORER_MAX_PATHS": 2_000,
    "WAYFARE_EXPLORER_MAX_ACTIVITIES": 1_000,
    "WAYFARE_DUCKDB_MEMORY_LIMIT": os.environ.get("WAYFARE_DUCKDB_MEMORY_LIMIT", "2GB"),
    "WAYFARE_DUCKDB_THREADS": int(os.environ.get("WAYFARE_DUCKDB_THREADS") or 2),
}


def _setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])


def import_limits() -> ImportLimits:
    """The caps every import runs under (form, API, task and command line alike)."""
    return ImportLimits(
        max_source_bytes=int(_setting("WAYFARE_MAX_UPLOAD_BYTES")),
        max_expanded_bytes=int(_setting("WAYFARE_MAX_EXPANDED_BYTES")),
        max_events=int(_setting("WAYFARE_MAX_EVENTS_PER_LOG")),
    )


@dataclass(frozen=True)
class ExplorerLimits:
    variants: int
    paths: int
    activities: int


def explorer_limits() -> ExplorerLimits:
    return ExplorerLimits(
        variants=int(_setting("WAYFARE_EXPLORER_MAX_VARIANTS")),
        paths=int(_setting("WAYFARE_EXPLORER_MAX_PATHS")),
        activities=int(_setting("WAYFARE_EXPLORER_MAX_ACTIVITIES")),
    )


def duckdb_config() -> dict[str, Any]:
    """Memory, threads and spill directory of every engine connection (``engine._duckdb.configure``)."""
    data_dir = getattr(settings, "DATA_DIR", None) or Path(settings.WAYFARE_EVENTLOG_DIR).parent
    temp = getattr(settings, "WAYFARE_DUCKDB_TEMP_DIR", None) or Path(data_dir) / "tmp" / "duckdb"
    return {
        "memory_limit": str(_setting("WAYFARE_DUCKDB_MEMORY_LIMIT")),  # the environment variable's name too
        "threads": int(_setting("WAYFARE_DUCKDB_THREADS")),
        "temp_directory": str(temp),
    }
