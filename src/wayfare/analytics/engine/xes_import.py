"""XES (IEEE 1849-2016) event logs, plain or gzip-compressed, into the normalised event table.

The file is read as a stream (``iterparse``, elements cleared as they are done). Each event becomes a row:
the trace's ``concept:name`` is the case, the event's ``concept:name`` the activity, ``time:timestamp`` the
time (converted to UTC) and ``org:resource`` the resource; other event attributes are kept under their keys
and trace attributes under ``case:<key>``, as pm4py names them. Nested (list or container) attributes are
skipped. Parsed events are spilled to Parquet in batches, then go through the same normalisation and checks
as a CSV (``import_parquet``), so a log imports completely or not at all, with errors numbered by event
(the n-th event of the file).
"""

from __future__ import annotations

import gzip
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .csv_import import MESSAGES as CSV_MESSAGES
from .csv_import import import_parquet
from .guards import CappedReader, check_source_size, failure
from .types import DEFAULT_LIMITS, ColumnMapping, ImportLimits, ImportResult, ProgressCallback

MESSAGES: dict[str, str] = {
    "malformed": "the file is not well-formed XES: %(detail)s (line %(line)s)",
    "not_xes": "the file holds no XES log element",
    "no_events": "the log holds no event",
}

CASE, ACTIVITY, TIMESTAMP, RESOURCE = "case:concept:name", "concept:name", "time:timestamp", "org:resource"
_ATTRIBUTE_TAGS = {"string", "date", "int", "float", "boolean", "id"}
_PROGRESS_EVERY = 5000
_BATCH_EVENTS = 100_000


def _xes_failure(code: str, **params: Any) -> Exception:
    """An import error of this module; its code is namespaced ``xes_`` as in ``analytics.messages``."""
    error = failure(MESSAGES, code, **params)
    error.code = f"xes_{code}"
    return error


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _open(path: Path, limits: ImportLimits) -> tuple[Any, Any]:
    """(stream to parse, capped at the expanded limit; raw file whose position measures progress)."""
    raw = path.open("rb")
    magic = raw.read(2)
    raw.seek(0)
    if magic == b"\x1f\x8b":
        return CappedReader(gzip.GzipFile(fileobj=raw), limits.max_expanded_bytes, compressed=True), raw
    return CappedReader(raw, limits.max_expanded_bytes), raw


def read_xes(
    path: str | os.PathLike, *, progress: ProgressCallback | None = None, limits: ImportLimits | None = None
) -> pa.Table:
    """The events of an XES file as one Arrow table of strings (columns named as in the file)."""
    batches = list(iter_xes_batches(path, progress=progress, limits=limits))
    return pa.concat_tables(batches, promote_options="default")


def iter_xes_batches(
    path: str | os.PathLike, *, progress: ProgressCallback | None = None, limits: ImportLimits | None = None
) -> Iterator[pa.Table]:
    """The events of an XES file in file order, as Arrow tables of strings of at most ``_BATCH_EVENTS``
    rows; every batch has the case, activity and timestamp columns (null where the file has none).

    ``limits`` caps the file, the XES text it holds (decompressed) and its events: the parse stops at
    the first byte or event past a cap."""
    limits = limits or DEFAULT_LIMITS
    source = Path(path)
    if not source.is_file():
        raise failure(CSV_MESSAGES, "not_found")
    total = source.stat().st_size
    check_source_size(total, limits.max_source_bytes)
    stream, raw = _open(source, limits)
    columns: dict[str, list[Any]] = {}
    batches: list[pa.Table] = []  # finished batches, handed out as the parse goes on
    n_events = 0
    in_batch = 0
    trace_attrs: dict[str, str] = {}
    trace_events: list[dict[str, str]] = []
    stack: list[str] = []
    saw_log = False

    def flush_batch() -> None:
        nonlocal in_batch
        if in_batch:
            for key in (CASE, ACTIVITY, TIMESTAMP):
                columns.setdefault(key, [None] * in_batch)
            batches.append(pa.table({key: pa.array(values, pa.string()) for key, values in columns.items()}))
        columns.clear()
        in_batch = 0

    def flush_trace() -> None:
        nonlocal n_events, in_batch
        for event in trace_events:
            row = {f"case:{k}": v for k, v in trace_attrs.items()} | event
            for key in row.keys() - columns.keys():
                columns[key] = [None] * in_batch
            for key, values in columns.items():
                values.append(row.get(key))
            n_events += 1
            if n_events > limits.max_events:
                raise failure(CSV_MESSAGES, "too_many_events", limit=f"{limits.max_events:,}")
            in_batch += 1
            if progress and n_events % _PROGRESS_EVERY == 0:
                progress(raw.tell(), total)
        trace_events.clear()
        trace_attrs.clear()
        if in_batch >= _BATCH_EVENTS:
            flush_batch()

    current: dict[str, str] | None = None
    root: ET.Element | None = None
    try:
        with stream:
            for kind, elem in ET.iterparse(stream, events=("start", "end")):
                tag = _local(elem.tag)
                if kind == "start":
                    if tag == "event":
                        current = {} if stack and stack[-1] == "trace" else None
                    if root is None:
                        root = elem
                    stack.append(tag)
                    saw_log = saw_log or tag == "log"
                    continue
                stack.pop()
                parent = stack[-1] if stack else None
                if tag in _ATTRIBUTE_TAGS and parent in ("event", "trace"):
                    key, value = elem.get("key"), elem.get("value")
                    if key is not None and value is not None:
                        if parent == "trace":
                            trace_attrs[key] = value
                        elif current is not None:
                            current[key] = value
                elif tag == "event":
                    if current is not None:
                        trace_events.append(current)
                        if n_events + len(trace_events) > limits.max_events:  # even inside one long trace
                            raise failure(CSV_MESSAGES, "too_many_events", limit=f"{limits.max_events:,}")
                    current = None
                elif tag == "trace":
                    flush_trace()
                    if root is not None:
                        root.clear()  # drop finished traces: memory stays bounded
                    while batches:
                        yield batches.pop(0)
            # events outside traces have no case; they are ignored, as in pm4py
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise _xes_failure("malformed", detail=str(exc).split(":")[0], line=line) from exc
    except (OSError, EOFError) as exc:  # the file itself could not be read (gzip faults are named above)
        raise failure(CSV_MESSAGES, "unreadable_source") from exc
    finally:
        raw.close()
    if not saw_log:
        raise _xes_failure("not_xes")
    flush_batch()
    if n_events == 0:
        raise _xes_failure("no_events")
    yield from batches
    if progress:
        progress(total, total)


def import_xes(
    path: str | os.PathLike,
    dest_parquet: str | os.PathLike,
    *,
    progress: ProgressCallback | None = None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import an XES or XES.gz file into normalised Parquet at ``dest_parquet`` (all or nothing).

    Batches of parsed events are spilled to Parquet files beside the destination as the parse goes on,
    so memory holds one batch, not the log; the normalisation then reads them as one relation."""
    dest = Path(dest_parquet)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{dest.name}.", dir=dest.parent) as scratch:
        parts = []
        has_resource = False
        for n, batch in enumerate(iter_xes_batches(path, progress=progress, limits=limits)):
            part = Path(scratch) / f"part-{n:06d}.parquet"
            pq.write_table(batch, part, compression="zstd")
            parts.append(part)
            has_resource = has_resource or RESOURCE in batch.column_names
        mapping = ColumnMapping(CASE, ACTIVITY, TIMESTAMP, RESOURCE if has_resource else None)
        return import_parquet(parts, dest, mapping, timezone="UTC", limits=limits)
