"""Import of event logs from CSV files (and from Arrow tables) into the normalised Parquet table.

The whole file is read and converted by DuckDB in one ``COPY``; rows that fail (no case id, no
activity, timestamp missing or unparseable) come out with a NULL and are counted afterwards on the
Parquet (a cheap columnar scan). Only when there are failures is the source read a second time to
describe them with their file line numbers. The import is all-or-nothing: the Parquet is written to a
temporary file next to the destination and renamed at the very end.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
import uuid
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ._duckdb import connect, execute_with_progress, ident, iso_utc, literal
from .csv_source import MESSAGES as SOURCE_MESSAGES
from .csv_source import (  # noqa: F401 (detect_encoding and sniff_delimiter are public here too)
    UTF8_NAMES,
    NotUtf8,
    detect_encoding,
    readable_utf8,
    sniff_delimiter,
    transcode,
)
from .guards import MESSAGES as GUARD_MESSAGES
from .guards import check_source_size, check_text_encoding, failure, safe_detail
from .types import (
    DEFAULT_LIMITS,
    STANDARD_COLUMNS,
    ColumnMapping,
    EventLogImportError,
    ImportLimits,
    ImportResult,
    ProgressCallback,
    RowError,
)

logger = logging.getLogger(__name__)

# Message templates (plain English, named %-placeholders) so that the Django layer can translate them.
MESSAGES: dict[str, str] = {
    "missing_case": "missing case id",
    "missing_activity": "missing activity",
    "missing_timestamp": "missing timestamp",
    "bad_timestamp": "unparseable timestamp %(value)r",
    "missing_column": "column %(column)r is not in the header (columns: %(columns)s)",
    "rows_failed": "%(count)d rows could not be imported",
    "unreadable": "the file could not be read as CSV: its delimiter, quoting or columns could not be made out",
    "empty": "the file has no header line",
    "bad_timezone": "unknown time zone %(timezone)r",
    "bad_format": "invalid timestamp format %(format)r: %(detail)s",
    "not_found": "the source file is missing",
    "bad_row": "malformed CSV row: %(detail)s",
    "timestamp_hint": "%(count)d rows could not be imported: their timestamps are not ISO 8601 but match "
    "the format %(formats)s; state the timestamp format",
    **SOURCE_MESSAGES,
    **GUARD_MESSAGES,
}

# Formats tried on unparseable timestamps when none was stated, to tell the user which one to state.
_DATES = [f"%d{s}%m{s}%Y" for s in "/-."] + [f"%m{s}%d{s}%Y" for s in "/-."] + ["%Y/%m/%d", "%Y.%m.%d"]
_TIMES = ["%H:%M:%S", "%H:%M", "%H:%M:%S.%f", "%I:%M:%S %p", "%I:%M %p"]
GUESSED_FORMATS = [f"{d} {t}" for d in _DATES for t in _TIMES] + _DATES

MAX_ERRORS = 1000


def import_csv(
    path: str | os.PathLike,
    dest_parquet: str | os.PathLike,
    mapping: ColumnMapping,
    *,
    timestamp_format: str | None = None,
    timezone: str = "UTC",
    delimiter: str | None = None,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    skip_bad_rows: bool = False,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import a CSV event log into normalised Parquet at ``dest_parquet``.

    ``timestamp_format`` is a strptime-style format (``%d/%m/%Y %H:%M``); without it timestamps are
    ISO 8601. Times without an offset are taken in ``timezone`` (IANA name); all are stored as UTC.
    Delimiter and encoding are detected unless given. Raises :class:`EventLogImportError` (and
    writes nothing) on any failing row or unreadable file; with ``skip_bad_rows`` the rows without case,
    activity or readable time are left out instead and described in the result (``skipped``).

    A gzip-compressed file (``.csv.gz``, told by its content) is decompressed as a stream. ``limits``
    caps the file, what it decompresses to and its events; only text encodings are accepted."""
    limits = limits or DEFAULT_LIMITS
    source = Path(path)
    if encoding:
        check_text_encoding(encoding)
    if not source.is_file():
        raise failure(MESSAGES, "not_found")
    _check_timezone(timezone)
    total = source.stat().st_size
    check_source_size(total, limits.max_source_bytes)
    report = _Reporter(progress, total)
    dest = Path(dest_parquet)
    with _scratch(dest, ".csv") as transcoded:
        readable, sample = readable_utf8(source, encoding, transcoded, report, limits)
        delim = delimiter or sniff_delimiter(sample)
        con = connect()
        try:
            return _import_csv_utf8(
                con, readable, dest, mapping, delim, timestamp_format, timezone, report, skip_bad_rows, limits
            )
        except NotUtf8:
            if encoding is not None and encoding.lower() not in UTF8_NAMES:
                raise
            # The sample looked like UTF-8 but the rest of the file is not: fall back to cp1252.
            transcode(source, transcoded, "cp1252", report, limits)
            return _import_csv_utf8(
                con,
                transcoded,
                dest,
                mapping,
                delim,
                timestamp_format,
                timezone,
                report,
                skip_bad_rows,
                limits,
            )
        finally:
            con.close()


def import_arrow(
    table: pa.Table,
    dest_parquet: str | os.PathLike,
    mapping: ColumnMapping,
    *,
    timestamp_format: str | None = None,
    timezone: str = "UTC",
    progress: ProgressCallback | None = None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import events held in an Arrow table (e.g. Wayfare's own interactions) the same way as a CSV.

    Timestamp columns may be Arrow timestamps (zone-aware ones are converted, naive ones are taken in
    ``timezone``) or strings parsed like CSV fields. Error ``line`` numbers are 1-based row numbers."""

    def register(con: duckdb.DuckDBPyConnection) -> int:
        con.register("wf_arrow_source", table)
        return table.num_rows

    return _import_relation(
        "wf_arrow_source", register, Path(dest_parquet), mapping, timestamp_format, timezone, progress, limits
    )


def import_parquet(
    paths: Sequence[Path],
    dest_parquet: str | os.PathLike,
    mapping: ColumnMapping,
    *,
    timestamp_format: str | None = None,
    timezone: str = "UTC",
    progress: ProgressCallback | None = None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import events spilled to Parquet files (read in the given order, columns matched by name; a column
    missing from a file is null there) the same way as a CSV. Error ``line`` numbers count rows."""
    files = "[" + ", ".join(literal(str(p)) for p in paths) + "]"
    sql = f"read_parquet({files}, union_by_name=true)"

    def count(con: duckdb.DuckDBPyConnection) -> int:
        rows = con.execute(f"SELECT count(*) FROM {sql}").fetchone()  # Parquet metadata: cheap
        return int(rows[0]) if rows else 0

    return _import_relation(
        sql, count, Path(dest_parquet), mapping, timestamp_format, timezone, progress, limits
    )


def _import_relation(
    sql: str,
    prepare: Callable[[duckdb.DuckDBPyConnection], int],
    dest: Path,
    mapping: ColumnMapping,
    timestamp_format: str | None,
    timezone: str,
    progress: ProgressCallback | None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Normalise the rows of a relation that is not a file to parse (``prepare`` makes it available on the
    connection and answers its row count, the measure of progress)."""
    _check_timezone(timezone)
    con = connect()
    try:
        report = _Reporter(progress, prepare(con))
        source = _Source(sql, _describe(con, f"SELECT * FROM {sql}"), header_lines=0, count_newlines=False)
        return _normalise(
            con, source, dest, mapping, timestamp_format, timezone, report, limits=limits or DEFAULT_LIMITS
        )
    finally:
        con.close()


def _check_timezone(name: str) -> None:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise failure(MESSAGES, "bad_timezone", timezone=name) from exc


# --- the conversion ---------------------------------------------------------------------------------


class _Reporter:
    """Turns phase fractions into (done, total) calls: reading+converting is 90% of the work, the
    final count 10%."""

    def __init__(self, callback: ProgressCallback | None, total: int):
        self.callback = callback
        self.total = total
        self.done = 0

    def phase(self, start: float, end: float, fraction: float) -> None:
        if self.callback is None:
            return
        done = int(self.total * (start + (end - start) * max(0.0, min(fraction, 1.0))))
        if done > self.done:
            self.done = done
            self.callback(done, self.total)

    def finish(self) -> None:
        if self.callback is not None:
            self.callback(self.total, self.total)


class _Source:
    """A relation to import: SQL of the rows (in source order) and their columns with DuckDB types."""

    def __init__(self, sql: str, columns: dict[str, str], *, header_lines: int, count_newlines: bool):
        self.sql = sql
        self.columns = columns
        self.header_lines = header_lines
        self.count_newlines = count_newlines


def _csv_source(con: duckdb.DuckDBPyConnection, path: Path, delimiter: str) -> _Source:
    sql = (
        f"read_csv({literal(str(path))}, delim={literal(delimiter)}, header=true, all_varchar=true, "
        "quote='\"', escape='\"', auto_detect=true, sample_size=20480, strict_mode=true)"
    )
    return _Source(sql, _describe(con, f"SELECT * FROM {sql}"), header_lines=1, count_newlines=True)


def _describe(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, str]:
    rows = con.execute(f"DESCRIBE {sql}").fetchall()
    return {row[0]: row[1] for row in rows}


def _import_csv_utf8(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    dest: Path,
    mapping: ColumnMapping,
    delimiter: str,
    timestamp_format: str | None,
    timezone: str,
    report: _Reporter,
    skip_bad_rows: bool = False,
    limits: ImportLimits = DEFAULT_LIMITS,
) -> ImportResult:
    try:
        source = _csv_source(con, path, delimiter)
        return _normalise(
            con,
            source,
            dest,
            mapping,
            timestamp_format,
            timezone,
            report,
            skip_bad_rows=skip_bad_rows,
            limits=limits,
        )
    except duckdb.Error as exc:
        text = str(exc)
        lowered = text.lower()
        # DuckDB names invalid UTF-8 so; its dialect-sniffing errors merely mention "Encoding: utf-8".
        if "invalid unicode" in lowered or "byte sequence" in lowered or "not valid utf" in lowered:
            raise NotUtf8(text) from exc
        if "no such file" in text.lower() or "empty" in text.lower():
            raise failure(MESSAGES, "empty") from exc
        rejected = _rejected_rows(con, path, delimiter)
        if rejected:
            count = len(rejected)
            raise failure(MESSAGES, "rows_failed", rejected[:MAX_ERRORS], count, count=count) from exc
        # The reader's words only: the engine's own text (in English, naming the server's path) goes to
        # the server log, not to the page (#15).
        logger.warning("CSV import of %s failed: %s", path.name, safe_detail(text))
        raise failure(MESSAGES, "unreadable") from exc


def _rejected_rows(con: duckdb.DuckDBPyConnection, path: Path, delimiter: str) -> list[RowError]:
    """When the CSV reader gives up (a row with too many fields, an unterminated quote), read the file
    again with the header's columns fixed and DuckDB's rejects table on, to name every bad line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle, delimiter=delimiter), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return []
    if not header:
        return []
    columns = "{" + ", ".join(f"{literal(name)}: 'VARCHAR'" for name in header) + "}"
    try:
        con.execute(
            f"""SELECT count(*) FROM read_csv({literal(str(path))}, delim={literal(delimiter)}, header=true,
                    quote='"', escape='"', auto_detect=false, columns={columns}, strict_mode=true,
                    store_rejects=true, rejects_table='wf_rejects', rejects_scan='wf_reject_scans',
                    ignore_errors=true)"""
        ).fetchall()
        rows = con.execute("SELECT line, column_name, error_message FROM wf_rejects ORDER BY line").fetchall()
    except duckdb.Error:
        return []
    return [
        _row_error(int(line), column, "bad_row", detail=safe_detail(message))
        for line, column, message in rows
    ]


def _row_error(line: int, where: str | None, code: str, **params: Any) -> RowError:
    """A rejected row in ``where`` (its column), with its English reason, code and parameters."""
    reason = MESSAGES[code] % params if params else MESSAGES[code]
    return RowError(line, reason, where, code=code, params=params)


def _normalise(
    con: duckdb.DuckDBPyConnection,
    source: _Source,
    dest: Path,
    mapping: ColumnMapping,
    timestamp_format: str | None,
    timezone: str,
    report: _Reporter,
    *,
    skip_bad_rows: bool = False,
    limits: ImportLimits = DEFAULT_LIMITS,
) -> ImportResult:
    """Write the normalised Parquet from ``source``; validate; rename into place or raise.

    At most one event past ``limits.max_events`` is read (a LIMIT on the source, which DuckDB streams),
    so a log over the cap fails without being converted whole."""
    _check_mapping(mapping, source.columns)
    con.execute(f"SET TimeZone = {literal(timezone)}")
    ts_sql = _timestamp_sql(
        con, mapping.timestamp, source.columns[mapping.timestamp], timestamp_format, timezone
    )
    select = _select_sql(source, mapping, ts_sql, limits.max_events + 1)
    with _scratch(dest, ".parquet") as tmp:
        copy = (
            f"COPY ({select}) TO {literal(str(tmp))} "
            "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)"
        )
        execute_with_progress(con, copy, lambda f: report.phase(0.3 if report.done else 0.0, 0.9, f))
        stats = _stats(con, tmp)
        if stats["events"] > limits.max_events:
            raise failure(MESSAGES, "too_many_events", limit=f"{limits.max_events:,}")
        skipped: list[RowError] = []
        skipped_count = 0
        if stats["failed"]:
            message, skipped = _describe_row_errors(
                con, source, mapping, ts_sql, stats["failed"], timestamp_format
            )
            if not skip_bad_rows or stats["failed"] == stats["events"]:
                raise failure(MESSAGES, message[0], skipped, stats["failed"], **message[1])
            skipped_count = stats["failed"]
            with _scratch(dest, ".parquet") as kept:
                con.execute(
                    f"COPY (SELECT * FROM read_parquet({literal(str(tmp))}) WHERE NOT ({_FAILED_ROW}) "
                    f"ORDER BY row_no) TO {literal(str(kept))} "
                    "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)"
                )
                os.replace(kept, tmp)
            stats = _stats(con, tmp)
        attributes = [
            c for c in con.execute(f"DESCRIBE SELECT * FROM read_parquet({literal(str(tmp))})").fetchall()
        ]
        os.replace(tmp, dest)
    report.finish()
    return ImportResult(
        path=str(dest),
        events=stats["events"],
        cases=stats["cases"],
        activities=stats["activities"],
        attributes=[row[0] for row in attributes if row[0] not in STANDARD_COLUMNS],
        first_timestamp=iso_utc(stats["first"]),
        last_timestamp=iso_utc(stats["last"]),
        skipped=skipped_count,
        skipped_rows=skipped,
    )


def _check_mapping(mapping: ColumnMapping, columns: dict[str, str]) -> None:
    wanted = [mapping.case, mapping.activity, mapping.timestamp] + (
        [mapping.resource] if mapping.resource else []
    )
    missing = [name for name in wanted if name not in columns]
    if not missing:
        return
    listing = ", ".join(repr(c) for c in columns)
    errors = [_row_error(1, name, "missing_column", column=name, columns=listing) for name in missing]
    raise EventLogImportError(errors[0].reason, errors, code=errors[0].code, params=errors[0].params)


def _timestamp_sql(
    con: duckdb.DuckDBPyConnection, column: str, duck_type: str, fmt: str | None, timezone: str
) -> str:
    """SQL turning the source timestamp column into naive UTC (NULL when it cannot be parsed).

    Naive values are read in ``timezone`` (the session TimeZone is set to it, so a cast to
    TIMESTAMPTZ does exactly that, DST included); values with an offset keep their offset."""
    col = ident(column)
    if duck_type.startswith("TIMESTAMP WITH TIME ZONE"):
        return f"timezone('UTC', {col})"
    if duck_type.startswith("TIMESTAMP"):
        return f"timezone('UTC', timezone({literal(timezone)}, {col}::TIMESTAMP))"
    text = f"nullif(trim({col}::VARCHAR), '')"
    if fmt is None:
        return f"timezone('UTC', try_cast({text} AS TIMESTAMPTZ))"
    try:
        con.execute("SELECT try_strptime('x', ?)", [fmt]).fetchall()
    except duckdb.Error as exc:
        raise failure(MESSAGES, "bad_format", format=fmt, detail=safe_detail(str(exc))) from exc
    parsed = f"try_strptime({text}, {literal(fmt)})"
    if "%z" in fmt or "%Z" in fmt:
        return f"timezone('UTC', {parsed})"
    return f"timezone('UTC', timezone({literal(timezone)}, {parsed}))"


def _select_sql(source: _Source, mapping: ColumnMapping, ts_sql: str, limit: int | None = None) -> str:
    """The normalised projection: standard columns first, then the other source columns as VARCHAR
    (``attr_<name>`` when the name collides with a standard column)."""
    mapped = {mapping.case, mapping.activity, mapping.timestamp, mapping.resource}
    resource = f"{ident(mapping.resource)}::VARCHAR" if mapping.resource else "NULL::VARCHAR"
    parts = [
        "row_number() OVER () AS row_no",
        f"{_text(mapping.case)} AS case_id",
        f"{_text(mapping.activity)} AS activity",
        f"{ts_sql} AS timestamp",
        f"{resource} AS resource",
    ]
    for name in source.columns:
        if name in mapped:
            continue
        target = f"attr_{name}" if name in STANDARD_COLUMNS else name
        parts.append(f"{ident(name)}::VARCHAR AS {ident(target)}")
    rows = source.sql if limit is None else f"(SELECT * FROM {source.sql} LIMIT {int(limit)})"
    return f"SELECT {', '.join(parts)} FROM {rows}"


def _text(column: str) -> str:
    """A required text column: blank counts as missing."""
    return f"nullif({ident(column)}::VARCHAR, '')"


# A normalised row that cannot be an event: no case, no activity or no readable time.
_FAILED_ROW = (
    "case_id IS NULL OR trim(case_id) = '' OR activity IS NULL OR trim(activity) = '' OR timestamp IS NULL"
)


def _stats(con: duckdb.DuckDBPyConnection, parquet: Path) -> dict:
    row = con.execute(
        f"""SELECT count(*), count(DISTINCT case_id), count(DISTINCT activity),
                   min(timestamp), max(timestamp),
                   count(*) FILTER (WHERE {_FAILED_ROW})
            FROM read_parquet({literal(str(parquet))})"""
    ).fetchone()
    assert row is not None
    keys = ("events", "cases", "activities", "first", "last", "failed")
    return dict(zip(keys, row, strict=True))


def _describe_row_errors(
    con: duckdb.DuckDBPyConnection,
    source: _Source,
    mapping: ColumnMapping,
    ts_sql: str,
    failed: int,
    timestamp_format: str | None,
) -> tuple[tuple[str, dict[str, Any]], list[RowError]]:
    """The message (code, parameters) and the described failing rows (a second read of the source,
    only on failure)."""
    newlines = (
        " + ".join(
            f"coalesce(length({ident(c)}::VARCHAR) - length(replace({ident(c)}::VARCHAR, chr(10), '')), 0)"
            for c in source.columns
        )
        if source.count_newlines
        else "0"
    )
    rows = con.execute(
        f"""WITH src AS (
                SELECT row_number() OVER () AS row_no, {ident(mapping.case)}::VARCHAR AS c,
                       {ident(mapping.activity)}::VARCHAR AS a, {ident(mapping.timestamp)}::VARCHAR AS t,
                       {ts_sql} AS ts, {newlines} AS nl
                FROM {source.sql}),
            numbered AS (
                SELECT *, row_no + {source.header_lines}
                          + coalesce(sum(nl) OVER (ORDER BY row_no ROWS BETWEEN UNBOUNDED PRECEDING
                                                                      AND 1 PRECEDING), 0) AS line
                FROM src)
            SELECT line, c, a, t, ts FROM numbered
            WHERE c IS NULL OR trim(c) = '' OR a IS NULL OR trim(a) = '' OR ts IS NULL
            ORDER BY row_no LIMIT {MAX_ERRORS}"""
    ).fetchall()
    errors: list[RowError] = []
    for line, case, activity, raw_ts, parsed in rows:
        errors.extend(_row_errors(int(line), case, activity, raw_ts, parsed is not None, mapping))
    errors = errors[:MAX_ERRORS]
    bad = [raw for _, _, _, raw, parsed in rows if raw and raw.strip() and parsed is None]
    formats = guess_timestamp_formats(con, bad[:200]) if timestamp_format is None and bad else []
    if formats:
        return ("timestamp_hint", {"count": failed, "formats": " / ".join(formats)}), errors
    return ("rows_failed", {"count": failed}), errors


def guess_timestamp_formats(con: duckdb.DuckDBPyConnection, values: list[str]) -> list[str]:
    """The formats of :data:`GUESSED_FORMATS` that read every one of ``values`` (several when the values
    cannot tell day-first from month-first), for a hint; empty when none does."""
    checks = ", ".join(
        f"count(*) FILTER (WHERE try_strptime(trim(v), {literal(fmt)}) IS NULL)" for fmt in GUESSED_FORMATS
    )
    misses = con.execute(f"SELECT {checks} FROM (SELECT unnest(?::VARCHAR[]) AS v)", [values]).fetchone()
    return [fmt for fmt, miss in zip(GUESSED_FORMATS, misses or (), strict=True) if miss == 0]


def _row_errors(
    line: int,
    case: str | None,
    activity: str | None,
    raw_ts: str | None,
    parsed: bool,
    mapping: ColumnMapping,
) -> Iterator[RowError]:
    """The reasons one row failed (a row may fail in several columns). Runs on at most 1,000 rows."""
    if case is None or not case.strip():
        yield _row_error(line, mapping.case, "missing_case")
    if activity is None or not activity.strip():
        yield _row_error(line, mapping.activity, "missing_activity")
    if raw_ts is None or not raw_ts.strip():
        yield _row_error(line, mapping.timestamp, "missing_timestamp")
    elif not parsed:
        yield _row_error(line, mapping.timestamp, "bad_timestamp", value=raw_ts)


@contextlib.contextmanager
def _scratch(dest: Path, suffix: str) -> Iterator[Path]:
    """A temporary path in the destination's folder (so the final rename is atomic), always removed."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.{uuid.uuid4().hex}{suffix}"
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
