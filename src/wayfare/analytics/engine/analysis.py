"""Process-mining analyses of a normalised event table, computed in DuckDB.

An :class:`EventLogAnalysis` owns (or, for filtered children, shares) a DuckDB connection and exposes
``events_view``, a view of its (filtered) events with the normalised columns, so that other modules
(conformance checking) can run their own SQL on exactly the same events.

The ordered per-case sequences are materialised once per analysis object, on first use, in a temp
table (case, position, activity, timestamp, next activity, next timestamp), plus one row per case
(start, end, duration, variant); every analysis reads those, so asking for several is cheap.

All answers are plain JSON-ready Python: dicts, lists, ints, floats (durations in seconds), ISO
strings for times; a statistic that is undefined (stdev of a single value, figures of an empty log) is
``None``, never NaN.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import duckdb
import pyarrow as pa

from ._duckdb import connect, ident, iso_utc, literal, timestamp_literal

_names = itertools.count(1)

TimeMode = Literal["contained", "intersecting"]


@dataclass(frozen=True)
class EventFilter:
    """Which part of the log to analyse. Empty fields do not filter.

    - ``start``/``end``: a time window ``[start, end)`` (naive datetimes are UTC). With
      ``time_mode="contained"`` (the default) a case is kept when its first *and* last event lie in
      the window - the usual choice for comparing durations, as no case is cut; with
      ``"intersecting"`` a case is kept when any part of it, from first to last event, overlaps the
      window. Whole cases are kept either way, never trimmed.
    - ``case_attributes``: ``{attribute: values}``; a case is kept when the value of the attribute on
      its *first* event is one of ``values`` (case-level attributes).
    - ``event_attributes``: ``{attribute: values}``; only the events whose value is one of ``values``
      are kept (cases left with no event disappear).
    - ``variants``: keep the cases whose activity sequence is one of these.
    - ``start_activities``/``end_activities``: keep the cases starting/ending with one of these.
    - ``with_activities``: keep the cases in which at least one of these activities happens;
      ``without_activities``: keep the cases in which none of them happens.

    Case-level criteria are all evaluated on the log being filtered (before the event-attribute
    filter); then the event-attribute filter drops events of the kept cases. To filter in the other
    order, call :meth:`EventLogAnalysis.filtered` twice.
    """

    start: datetime | None = None
    end: datetime | None = None
    time_mode: TimeMode = "contained"
    case_attributes: Mapping[str, Collection[str]] = field(default_factory=dict)
    event_attributes: Mapping[str, Collection[str]] = field(default_factory=dict)
    variants: Sequence[Sequence[str]] | None = None
    start_activities: Collection[str] | None = None
    end_activities: Collection[str] | None = None
    with_activities: Collection[str] | None = None
    without_activities: Collection[str] | None = None


class EventLogAnalysis:
    """Analyses of one (possibly filtered) event log. Use :meth:`from_parquet` or :meth:`from_arrow`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, events_view: str, *, owns_connection: bool):
        self.con = con
        self.events_view = events_view
        self._owns_connection = owns_connection
        n = next(_names)
        self._seq = f"wf_seq_{n}"
        self._cases = f"wf_cases_{n}"
        self._materialised = False
        self._children: list[EventLogAnalysis] = []
        self._activity_rows: list[tuple] | None = None

    # --- construction -------------------------------------------------------------------------------

    @classmethod
    def from_parquet(cls, path: str | os.PathLike) -> EventLogAnalysis:
        """Analyse a normalised Parquet file (as written by the importers)."""
        con = connect()
        view = f"wf_events_{next(_names)}"
        con.execute(f"CREATE TEMP VIEW {view} AS SELECT * FROM read_parquet({literal(os.fspath(path))})")
        return cls(con, view, owns_connection=True)

    @classmethod
    def from_arrow(cls, table: pa.Table) -> EventLogAnalysis:
        """Analyse an Arrow table that already has the normalised columns."""
        con = connect()
        n = next(_names)
        con.register(f"wf_arrow_{n}", table)
        view = f"wf_events_{n}"
        con.execute(f"CREATE TEMP VIEW {view} AS SELECT * FROM wf_arrow_{n}")
        return cls(con, view, owns_connection=True)

    def close(self) -> None:
        """Close the connection (if this object owns it); filtered children become unusable too."""
        if self._owns_connection:
            self.con.close()

    def __enter__(self) -> EventLogAnalysis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- materialisation ----------------------------------------------------------------------------

    def _ensure(self) -> None:
        """Build the ordered sequences and the per-case table once (one window pass, one group-by)."""
        if self._materialised:
            return
        self.con.execute(
            f"""CREATE TEMP TABLE {self._seq} AS
                SELECT case_id, activity, timestamp,
                       row_number() OVER w AS pos,
                       lead(activity) OVER w AS next_activity,
                       lead(timestamp) OVER w AS next_timestamp
                FROM {self.events_view}
                WINDOW w AS (PARTITION BY case_id ORDER BY timestamp, row_no)"""
        )
        self.con.execute(
            f"""CREATE TEMP TABLE {self._cases} AS
                SELECT case_id, min(timestamp) AS start_ts, max(timestamp) AS end_ts, count(*) AS n_events,
                       (epoch_us(max(timestamp)) - epoch_us(min(timestamp))) / 1e6 AS duration_s,
                       list(activity ORDER BY pos) AS variant
                FROM {self._seq} GROUP BY case_id"""
        )
        self._materialised = True

    def _rows(self, sql: str, params: list | None = None) -> list[tuple]:
        self._ensure()
        return self.con.execute(sql, params).fetchall()

    # --- filtering ----------------------------------------------------------------------------------

    def filtered(self, flt: EventFilter) -> EventLogAnalysis:
        """A new analysis (sharing this connection) on the part of this log that ``flt`` selects."""
        self._ensure()
        columns = {
            row[0] for row in self.con.execute(f"DESCRIBE SELECT * FROM {self.events_view}").fetchall()
        }
        for name in [*flt.case_attributes, *flt.event_attributes]:
            if name not in columns:
                raise ValueError(f"unknown attribute {name!r}")
        keep = self._case_conditions(flt)
        first_events = ""
        if flt.case_attributes:
            first_events = f"""JOIN (
                    SELECT * FROM {self.events_view}
                    QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY timestamp, row_no) = 1
                ) f USING (case_id)"""
            keep += [_in(f"f.{ident(k)}", v) for k, v in flt.case_attributes.items()]
        where = " AND ".join(keep) or "true"
        n = next(_names)
        self.con.execute(
            f"CREATE TEMP TABLE wf_keep_{n} AS "
            f"SELECT c.case_id FROM {self._cases} c {first_events} WHERE {where}"
        )
        event_where = " AND ".join(_in(f"e.{ident(k)}", v) for k, v in flt.event_attributes.items()) or "true"
        view = f"wf_events_{n}"
        self.con.execute(
            f"""CREATE TEMP VIEW {view} AS SELECT e.* FROM {self.events_view} e
                WHERE e.case_id IN (SELECT case_id FROM wf_keep_{n}) AND {event_where}"""
        )
        child = EventLogAnalysis(self.con, view, owns_connection=False)
        self._children.append(child)
        return child

    @staticmethod
    def _case_conditions(flt: EventFilter) -> list[str]:
        conds: list[str] = []
        if flt.time_mode not in ("contained", "intersecting"):
            raise ValueError(f"unknown time mode {flt.time_mode!r}")
        lo = "c.start_ts" if flt.time_mode == "contained" else "c.end_ts"
        hi = "c.end_ts" if flt.time_mode == "contained" else "c.start_ts"
        if flt.start is not None:
            conds.append(f"{lo} >= {timestamp_literal(flt.start)}")
        if flt.end is not None:
            conds.append(f"{hi} < {timestamp_literal(flt.end)}")
        if flt.variants is not None:
            lists = ", ".join("[" + ", ".join(literal(a) for a in v) + "]::VARCHAR[]" for v in flt.variants)
            conds.append(f"c.variant IN ({lists})" if lists else "false")
        if flt.start_activities is not None:
            conds.append(_in("c.variant[1]", flt.start_activities))
        if flt.end_activities is not None:
            conds.append(_in("c.variant[-1]", flt.end_activities))
        if flt.with_activities is not None:
            conds.append(f"list_has_any(c.variant, {_list(flt.with_activities)})")
        if flt.without_activities is not None:
            conds.append(f"NOT list_has_any(c.variant, {_list(flt.without_activities)})")
        return conds

    # --- analyses -----------------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Events, cases, distinct activities, first and last timestamp."""
        events, activities, first, last = self._rows(
            f"SELECT count(*), count(DISTINCT activity), min(timestamp), max(timestamp) FROM {self._seq}"
        )[0]
        cases = self._rows(f"SELECT count(*) FROM {self._cases}")[0][0]
        return {
            "events": events,
            "cases": cases,
            "activities": activities,
            "first_timestamp": iso_utc(first),
            "last_timestamp": iso_utc(last),
        }

    def n_cases(self) -> int:
        return self._rows(f"SELECT count(*) FROM {self._cases}")[0][0]

    def n_variants(self) -> int:
        return self._rows(f"SELECT count(DISTINCT variant) FROM {self._cases}")[0][0]

    def variants(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Variants (activity sequences), most frequent first; equal counts in lexicographic order of
        the sequence (a deterministic choice; pm4py's top 10 on the helpdesk log has no ties)."""
        limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
        rows = self._rows(
            f"""SELECT variant, count(*) AS n, count(*) / (SELECT count(*) FROM {self._cases}) AS share,
                       avg(duration_s), median(duration_s)
                FROM {self._cases} GROUP BY variant ORDER BY n DESC, variant {limit_sql}"""
        )
        return [
            {
                "variant": list(v),
                "cases": n,
                "share": share,
                "mean_duration_s": mean,
                "median_duration_s": med,
            }
            for v, n, share, mean, med in rows
        ]

    def n_dfg_edges(self) -> int:
        """How many distinct directly-follows edges the log has (what :meth:`dfg` lists in all)."""
        return self._rows(
            f"SELECT count(*) FROM (SELECT DISTINCT activity, next_activity FROM {self._seq} "
            "WHERE next_activity IS NOT NULL)"
        )[0][0]

    def dfg(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Directly-follows edges with frequency and waiting-time statistics in seconds (stdev is the
        sample standard deviation, as pandas/pm4py compute it; None for a single observation).
        Most frequent first, then by activity names; the first ``limit`` only when given (the others are
        never fetched into Python)."""
        limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
        rows = self._rows(
            f"""SELECT activity, next_activity, count(*) AS n, avg(d), median(d), min(d), max(d), sum(d),
                       stddev_samp(d)
                FROM (SELECT activity, next_activity,
                             (epoch_us(next_timestamp) - epoch_us(timestamp)) / 1e6 AS d
                      FROM {self._seq} WHERE next_activity IS NOT NULL)
                GROUP BY activity, next_activity ORDER BY n DESC, activity, next_activity {limit_sql}"""
        )
        keys = ("from", "to", "frequency", "mean", "median", "min", "max", "sum", "stdev")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def start_activities(self, limit: int | None = None) -> dict[str, int]:
        """{activity: cases starting with it}, most frequent first (the first ``limit`` when given)."""
        return self._activity_count("variant[1]", limit)

    def end_activities(self, limit: int | None = None) -> dict[str, int]:
        """{activity: cases ending with it}, most frequent first (the first ``limit`` when given)."""
        return self._activity_count("variant[-1]", limit)

    def n_start_activities(self) -> int:
        return self._rows(f"SELECT count(DISTINCT variant[1]) FROM {self._cases}")[0][0]

    def n_end_activities(self) -> int:
        return self._rows(f"SELECT count(DISTINCT variant[-1]) FROM {self._cases}")[0][0]

    def _activity_count(self, expr: str, limit: int | None = None) -> dict[str, int]:
        limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
        rows = self._rows(
            f"SELECT {expr} AS a, count(*) AS n FROM {self._cases} GROUP BY a ORDER BY n DESC, a {limit_sql}"
        )
        return dict(rows)

    def case_durations(self) -> dict[str, Any]:
        """Case duration (last minus first event) in seconds: min, max, mean, median (interpolated), n,
        and the 10/25/75/90th percentiles."""
        row = self._rows(
            f"""SELECT min(duration_s), max(duration_s), avg(duration_s), median(duration_s), count(*),
                       quantile_cont(duration_s, [0.1, 0.25, 0.75, 0.9])
                FROM {self._cases}"""
        )[0]
        lo, hi, mean, med, n, pcts = row
        pcts = pcts or [None] * 4
        return {
            "min": lo,
            "max": hi,
            "mean": mean,
            "median": med,
            "n": n,
            "p10": pcts[0],
            "p25": pcts[1],
            "p75": pcts[2],
            "p90": pcts[3],
        }

    def duration_histogram(self, bins: int = 30) -> dict[str, list]:
        """Case durations in ``bins`` equal-width bins from the shortest to the longest case:
        ``edges`` (bins + 1 values, seconds) and ``counts``; the last bin includes its upper edge."""
        if bins < 1:
            raise ValueError("bins must be at least 1")
        lo, hi = self._rows(f"SELECT min(duration_s), max(duration_s) FROM {self._cases}")[0]
        if lo is None:
            return {"edges": [], "counts": []}
        if hi == lo:
            return {"edges": [lo, hi], "counts": [self._rows(f"SELECT count(*) FROM {self._cases}")[0][0]]}
        width = (hi - lo) / bins
        counts = dict(
            self._rows(
                f"""SELECT least(floor((duration_s - ?) / ?)::BIGINT, ?) AS b, count(*)
                    FROM {self._cases} GROUP BY b""",
                [lo, width, bins - 1],
            )
        )
        return {
            "edges": [lo + i * width for i in range(bins)] + [hi],
            "counts": [counts.get(i, 0) for i in range(bins)],
        }

    def activity_counts(self, limit: int | None = None) -> dict[str, dict[str, int]]:
        """{activity: {"events": occurrences, "cases": cases where it occurs}}, most frequent first
        (the first ``limit`` when given)."""
        rows = self._per_activity("*", "true", "events DESC, activity", limit)
        return {a: {"events": n, "cases": c} for a, n, c, _, _ in rows}

    def activity_names(self, names: Collection[str]) -> dict[str, dict[str, int]]:
        """The same figures as :meth:`activity_counts` for the named activities only."""
        if not names:
            return {}
        rows = self._per_activity("*", _in("activity", names), "events DESC, activity", None)
        return {a: {"events": n, "cases": c} for a, n, c, _, _ in rows}

    def n_activities(self) -> int:
        return self._per_activity("count(*)", "true", None, None)[0][0]

    def rework(self, limit: int | None = None) -> dict[str, dict[str, int]]:
        """Per activity: ``cases`` in which it occurs more than once and ``extra_occurrences`` (the
        occurrences beyond the first, summed over cases). Activities without rework are left out; the
        first ``limit`` (most rework cases first) when given."""
        rows = self._per_activity("*", "rework_cases > 0", "rework_cases DESC, activity", limit)
        return {a: {"cases": rc, "extra_occurrences": x} for a, _, _, rc, x in rows}

    def n_rework(self) -> int:
        return self._per_activity("count(*)", "rework_cases > 0", None, None)[0][0]

    def _per_activity(self, select: str, where: str, order: str | None, limit: int | None) -> list[tuple]:
        """One group-by (case, activity) serves both activity counts and rework (a count(DISTINCT)
        per activity would cost as much again); kept in a temp table since the log of an analysis
        never changes, so that each answer fetches only the rows it lists."""
        table = f"{self._cases}_activities"
        if self._activity_rows is None:
            self._rows(
                f"""CREATE TEMP TABLE {table} AS
                    SELECT activity, sum(n)::BIGINT AS events, count(*) AS cases,
                           count(*) FILTER (WHERE n > 1) AS rework_cases,
                           coalesce(sum(n - 1) FILTER (WHERE n > 1), 0)::BIGINT AS extra
                    FROM (SELECT case_id, activity, count(*) AS n FROM {self._seq} GROUP BY case_id, activity)
                    GROUP BY activity"""
            )
            self._activity_rows = []
        order_sql = f"ORDER BY {order}" if order else ""
        limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
        return self._rows(f"SELECT {select} FROM {table} WHERE {where} {order_sql} {limit_sql}")

    def attribute_values(self, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
        """The most frequent values of every attribute (and the resource), for filter pickers:
        {attribute: [{"value", "events", "cases"}, ...]}, most events first; one UNPIVOT query."""
        columns = [
            name
            for name, _type, *_ in self.con.execute(f"DESCRIBE SELECT * FROM {self.events_view}").fetchall()
            if name not in ("row_no", "case_id", "activity", "timestamp")
        ]
        if not columns:
            return {}
        casts = ", ".join(f"CAST({ident(c)} AS VARCHAR) AS {ident(c)}" for c in columns)
        rows = self._rows(
            f"""WITH long AS (
                    UNPIVOT (SELECT case_id, {casts} FROM {self.events_view})
                    ON {", ".join(ident(c) for c in columns)} INTO NAME attribute VALUE value
                ),
                counted AS (
                    SELECT attribute, value, count(*) AS events, count(DISTINCT case_id) AS cases
                    FROM long WHERE value IS NOT NULL AND value <> '' GROUP BY attribute, value
                )
                SELECT attribute, value, events, cases FROM counted
                QUALIFY row_number() OVER (PARTITION BY attribute ORDER BY events DESC, value) <= {int(limit)}
                ORDER BY attribute, events DESC, value"""
        )
        result: dict[str, list[dict[str, Any]]] = {c: [] for c in columns}
        for attribute, value, events, cases in rows:
            result[attribute].append({"value": value, "events": events, "cases": cases})
        return result

    def case_events(self, case_id: str, limit: int = 1000) -> list[dict[str, Any]]:
        """The events of one case in journey order (time, then file order), every attribute kept;
        times as ISO 8601 UTC. Empty when the log (as filtered) has no such case."""
        cur = self.con.execute(
            f"""SELECT * EXCLUDE (row_no) FROM {self.events_view}
                WHERE case_id = ? ORDER BY timestamp, row_no LIMIT {int(limit)}""",
            [case_id],
        )
        names = [d[0] for d in cur.description or ()]
        events = []
        for row in cur.fetchall():
            event = dict(zip(names, row, strict=True))
            event["timestamp"] = iso_utc(event["timestamp"])
            events.append({k: v for k, v in event.items() if v is not None})
        return events

    def report(self) -> dict[str, Any]:
        """Every analysis at once (what the command line prints)."""
        return {
            **self.summary(),
            "n_variants": self.n_variants(),
            "variants": self.variants(),
            "dfg": self.dfg(),
            "start_activities": self.start_activities(),
            "end_activities": self.end_activities(),
            "case_duration_seconds": self.case_durations(),
            "activity_counts": self.activity_counts(),
            "rework": self.rework(),
        }


def _list(values: Collection[str]) -> str:
    """A VARCHAR[] literal of quoted values."""
    return "[" + ", ".join(literal(v) for v in values) + "]::VARCHAR[]"


def _in(expr: str, values: Collection[str]) -> str:
    """``expr IN (...)`` with quoted literals; an empty collection selects nothing."""
    values = list(values)
    if not values:
        return "false"
    return f"{expr} IN ({', '.join(literal(v) for v in values)})"
