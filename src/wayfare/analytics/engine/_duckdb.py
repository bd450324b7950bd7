"""DuckDB connections and SQL quoting shared by the importers and the analysis.

Every engine connection is in-memory, limited in memory and threads (the engine runs next to a web
server on small machines) and spills to a temporary directory instead of failing on large logs.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import duckdb

# Overridable so that a deployment can give the engine more (or less) room: Django passes its settings
# through configure() (analytics.limits); without Django the environment variables apply.
MEMORY_LIMIT = os.environ.get("WAYFARE_DUCKDB_MEMORY_LIMIT", "1GB")
THREADS = int(os.environ.get("WAYFARE_DUCKDB_THREADS", "0")) or min(os.cpu_count() or 2, 2)
TEMP_DIRECTORY = os.environ.get("WAYFARE_DUCKDB_TEMP_DIR") or os.path.join(
    tempfile.gettempdir(), "wayfare-duckdb"
)


def configure(*, memory_limit: str, threads: int, temp_directory: str) -> None:
    """Set the memory, threads and spill directory of the connections made from now on."""
    global MEMORY_LIMIT, THREADS, TEMP_DIRECTORY
    MEMORY_LIMIT, THREADS, TEMP_DIRECTORY = memory_limit, max(int(threads), 1), temp_directory


def connect() -> duckdb.DuckDBPyConnection:
    """A fresh in-memory connection with the engine's limits; progress is tracked but never printed."""
    os.makedirs(TEMP_DIRECTORY, exist_ok=True)
    con = duckdb.connect(
        config={
            "memory_limit": MEMORY_LIMIT,
            "threads": THREADS,
            "temp_directory": TEMP_DIRECTORY,
            "preserve_insertion_order": True,
        }
    )
    con.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false")
    return con


def ident(name: str) -> str:
    """Quote an identifier (column names may hold spaces or quotes)."""
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    """Quote a string literal, for the few places (view definitions) where parameters cannot go."""
    return "'" + str(value).replace("'", "''") + "'"


def timestamp_literal(value: datetime) -> str:
    """A naive-UTC TIMESTAMP literal; naive datetimes are taken as UTC already."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return f"TIMESTAMP '{value.isoformat(sep=' ')}'"


def iso_utc(value: datetime | None) -> str | None:
    """ISO 8601 with a ``Z``, the form every JSON answer of the engine uses for times."""
    return None if value is None else value.isoformat() + "Z"


def execute_with_progress(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    on_fraction: Callable[[float], None] | None,
    params: list | None = None,
) -> None:
    """Run one long statement; while it runs, report DuckDB's own progress estimate (0..1).

    The statement runs in a worker thread so that the callback is called from the caller's thread
    (progress bars and task runners are rarely thread-safe)."""
    if on_fraction is None:
        con.execute(sql, params)
        return
    failure: list[BaseException] = []

    def run() -> None:
        try:
            con.execute(sql, params)
        except BaseException as exc:  # re-raised in the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    last = -1.0
    while worker.is_alive():
        worker.join(0.25)
        try:
            pct = con.query_progress()
        except duckdb.Error:
            pct = -1
        if pct is not None and pct >= 0 and pct / 100 > last:
            last = pct / 100
            on_fraction(min(last, 1.0))
    if failure:
        raise failure[0]
