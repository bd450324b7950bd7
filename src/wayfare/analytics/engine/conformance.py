"""Observed journeys held against a designed journey, in DuckDB.

A designed journey is an ordered list of stages; each stage names the activities that belong to it (an
activity belongs to at most one stage). Events of a case are taken in order of timestamp, then ``row_no``.
Definitions, per case:

- *unexpected*: an event whose activity belongs to no stage (each such event is one occurrence);
- *skipped*: a non-optional stage the case never visits (one occurrence per case and stage);
- a *visit* is a run of consecutive mapped events in the same stage (unexpected events do not end a visit);
- *repeated*: rework - an event that enters a stage the case has already visited before (re-entry), or an
  event whose activity already occurred in the same visit;
- *out of order*: an event that enters a stage for the first time after the case has already reached a later
  stage (e.g. taken in charge before being classified). A re-entry is counted as repeated only, never twice.

A case *conforms* when it has no deviation of any kind. The *dwell time* of a stage in a case runs from the
first event of each visit to the first mapped event of another stage after it (or, when none follows, to the
visit's last event), summed over the case's visits to that stage; waiting in unexpected activities counts to
the stage the case is in.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

KINDS = ("skipped", "unexpected", "repeated", "out_of_order")
_names = itertools.count(1)


@dataclass(frozen=True)
class DesignedStage:
    name: str
    activities: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class DesignedJourney:
    stages: tuple[DesignedStage, ...]

    def __post_init__(self) -> None:
        if not self.stages:
            raise ValueError("a designed journey needs at least one stage")
        owner: dict[str, str] = {}
        for stage in self.stages:
            if not stage.activities:
                raise ValueError(f"stage {stage.name!r} names no activity")
            for activity in stage.activities:
                if activity in owner and owner[activity] != stage.name:
                    raise ValueError(
                        f"activity {activity!r} belongs to both {owner[activity]!r} and {stage.name!r}"
                    )
                owner[activity] = stage.name


def designed_path_from_activities(activities: list[str]) -> DesignedJourney:
    """A plain designed path: one stage per activity, in the given order."""
    return DesignedJourney(stages=tuple(DesignedStage(name=a, activities=(a,)) for a in activities))


def _stage_table(journey: DesignedJourney) -> pa.Table:
    rows = [(a, i, s.name) for i, s in enumerate(journey.stages) for a in s.activities]
    return pa.table(
        {
            "activity": [r[0] for r in rows],
            "stage_idx": pa.array([r[1] for r in rows], pa.int32()),
            "stage": [r[2] for r in rows],
        }
    )


def _prepare(
    con: duckdb.DuckDBPyConnection, events_view: str, journey: DesignedJourney, n: int
) -> tuple[str, str, str, str]:
    """Register the stage tables and build the flagged events and the deviations (temp tables) of
    session ``n``; the caller drops them with ``_cleanup``."""
    stages, flagged, deviations = f"wf_cf_stages_{n}", f"wf_cf_flagged_{n}", f"wf_cf_dev_{n}"
    con.register(stages, _stage_table(journey))
    stage_list = pa.table(
        {
            "stage_idx": pa.array(range(len(journey.stages)), pa.int32()),
            "stage": [s.name for s in journey.stages],
            "optional": [s.optional for s in journey.stages],
        }
    )
    stage_list_name = f"wf_cf_stage_list_{n}"
    con.register(stage_list_name, stage_list)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {flagged} AS
        WITH ev AS (
            SELECT e.case_id, e.activity, e.timestamp, s.stage_idx, s.stage,
                   row_number() OVER (PARTITION BY e.case_id ORDER BY e.timestamp, e.row_no) AS pos
            FROM {events_view} e LEFT JOIN {stages} s ON s.activity = e.activity
        ),
        mapped AS (
            SELECT *,
                lag(stage_idx) OVER w AS prev_stage,
                max(stage_idx) OVER (PARTITION BY case_id ORDER BY pos
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max,
                lead(timestamp) OVER w AS next_ts,
                lead(stage_idx) OVER w AS next_stage
            FROM ev WHERE stage_idx IS NOT NULL
            WINDOW w AS (PARTITION BY case_id ORDER BY pos)
        ),
        runs AS (
            SELECT *,
                (prev_stage IS NULL OR prev_stage <> stage_idx) AS run_start,
                sum(CASE WHEN prev_stage IS NULL OR prev_stage <> stage_idx THEN 1 ELSE 0 END)
                    OVER (PARTITION BY case_id ORDER BY pos) AS run_id
            FROM mapped
        )
        SELECT *,
            count(*) OVER (PARTITION BY case_id, stage_idx ORDER BY pos
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS stage_seen,
            count(*) OVER (PARTITION BY case_id, run_id, activity ORDER BY pos
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS activity_seen_in_visit
        FROM runs
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {deviations} AS
        SELECT case_id, kind, stage, activity FROM (
            SELECT case_id, stage, activity,
                CASE WHEN run_start AND stage_seen > 0 THEN 'repeated'
                     WHEN run_start AND prev_max IS NOT NULL AND stage_idx < prev_max THEN 'out_of_order'
                     WHEN NOT run_start AND activity_seen_in_visit > 0 THEN 'repeated'
                END AS kind
            FROM {flagged}
        ) WHERE kind IS NOT NULL
        UNION ALL
        SELECT e.case_id, 'unexpected', NULL, e.activity
        FROM {events_view} e ANTI JOIN {stages} s ON s.activity = e.activity
        UNION ALL
        SELECT c.case_id, 'skipped', l.stage, NULL
        FROM (SELECT DISTINCT case_id FROM {events_view}) c
        CROSS JOIN (SELECT * FROM {stage_list_name} WHERE NOT optional) l
        ANTI JOIN (SELECT DISTINCT case_id, stage_idx FROM {flagged}) v
            ON v.case_id = c.case_id AND v.stage_idx = l.stage_idx
        """
    )
    return stages, flagged, deviations, stage_list_name


def _cleanup(con: duckdb.DuckDBPyConnection, names: tuple[str, str, str, str]) -> None:
    stages, flagged, deviations, stage_list_name = names
    for name in (flagged, deviations):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    con.unregister(stages)
    con.unregister(stage_list_name)


def conformance(
    con: duckdb.DuckDBPyConnection, events_view: str, journey: DesignedJourney, *, examples: int = 5
) -> dict[str, Any]:
    """Share of conforming cases, deviations by kind with counts and example cases, dwell time per stage."""
    names = _prepare(con, events_view, journey, next(_names))
    stages, flagged, deviations, stage_list_name = names
    try:
        cases, conforming = con.execute(
            f"""
            SELECT count(*), count(*) FILTER (WHERE case_id NOT IN (SELECT case_id FROM {deviations}))
            FROM (SELECT DISTINCT case_id FROM {events_view})
            """
        ).fetchone() or (0, 0)
        # Example cases in natural order (Case 2 before Case 10): text without its digits, then the first
        # number in it, then the whole id (#15: they sorted as text, Case 1, Case 1014, Case 103).
        rows = con.execute(
            f"""
            WITH per_case AS (
                SELECT kind, stage, activity, case_id, count(*) AS n FROM {deviations} GROUP BY ALL
            )
            SELECT kind, stage, activity, count(*) AS cases, sum(n) AS occurrences,
                   list(case_id ORDER BY
                        regexp_replace(CAST(case_id AS VARCHAR), '[0-9]+', '', 'g'),
                        try_cast(regexp_extract(CAST(case_id AS VARCHAR), '[0-9]+') AS HUGEINT) NULLS FIRST,
                        case_id)[1:{int(examples)}] AS example_cases
            FROM per_case
            GROUP BY kind, stage, activity
            ORDER BY cases DESC, occurrences DESC, kind, stage NULLS FIRST, activity NULLS FIRST
            """
        ).fetchall()
        by_kind = dict(
            con.execute(f"SELECT kind, count(DISTINCT case_id) FROM {deviations} GROUP BY kind").fetchall()
        )
        dwell = con.execute(
            f"""
            WITH visits AS (
                SELECT case_id, stage_idx, run_id,
                       min(timestamp) AS started,
                       max(CASE WHEN next_stage IS NULL OR next_stage <> stage_idx
                                THEN coalesce(next_ts, timestamp) END) AS ended
                FROM {flagged} GROUP BY case_id, stage_idx, run_id
            ),
            per_case AS (
                SELECT case_id, stage_idx, sum(epoch(ended) - epoch(started)) AS seconds
                FROM visits GROUP BY case_id, stage_idx
            )
            SELECT l.stage_idx, count(p.case_id), avg(p.seconds), median(p.seconds),
                   quantile_cont(p.seconds, 0.9)
            FROM {stage_list_name} l LEFT JOIN per_case p ON p.stage_idx = l.stage_idx
            GROUP BY l.stage_idx ORDER BY l.stage_idx
            """
        ).fetchall()
    finally:
        _cleanup(con, names)

    def _float(value: Any) -> float | None:
        return None if value is None else float(value)

    return {
        "cases": int(cases),
        "conforming_cases": int(conforming),
        "conforming_share": (conforming / cases) if cases else None,
        "deviations": [
            {
                "kind": kind,
                "stage": stage,
                "activity": activity,
                "cases": int(n_cases),
                "occurrences": int(occurrences),
                "example_cases": list(example_cases),
            }
            for kind, stage, activity, n_cases, occurrences, example_cases in rows
        ],
        "by_kind": {kind: int(by_kind.get(kind, 0)) for kind in KINDS},
        "stages": [
            {
                "stage": journey.stages[idx].name,
                "cases": int(n_cases),
                "dwell_mean_s": _float(mean),
                "dwell_median_s": _float(median),
                "dwell_p90_s": _float(p90),
            }
            for idx, n_cases, mean, median, p90 in dwell
        ],
    }


def stage_breakdown(
    con: duckdb.DuckDBPyConnection, events_view: str, journey: DesignedJourney
) -> list[dict[str, Any]]:
    """Per stage of the designed journey, in its order, over all cases of the view (the module's
    definitions): ``cases`` that reached it (at least one event of its activities), their ``share`` of all
    cases, the ``median_dwell_seconds`` of those cases (None when none reached it), and the shares of all
    cases that ``skipped`` it (a non-optional stage never visited; 0 for an optional one), did it again
    (``repeated``: re-entered it or repeated an activity within a visit) or entered it ``out_of_order``.
    Shares are 0 for a log without cases."""
    names = _prepare(con, events_view, journey, next(_names))
    stages, flagged, deviations, stage_list_name = names
    try:
        total = (con.execute(f"SELECT count(DISTINCT case_id) FROM {events_view}").fetchone() or (0,))[0]
        rows = con.execute(
            f"""
            WITH visits AS (
                SELECT case_id, stage_idx, run_id,
                       min(timestamp) AS started,
                       max(CASE WHEN next_stage IS NULL OR next_stage <> stage_idx
                                THEN coalesce(next_ts, timestamp) END) AS ended
                FROM {flagged} GROUP BY case_id, stage_idx, run_id
            ),
            dwell AS (
                SELECT case_id, stage_idx, sum(epoch(ended) - epoch(started)) AS seconds
                FROM visits GROUP BY case_id, stage_idx
            ),
            kinds AS (
                SELECT case_id, stage_idx,
                    bool_or((run_start AND stage_seen > 0) OR (NOT run_start AND activity_seen_in_visit > 0))
                        AS repeated,
                    bool_or(run_start AND stage_seen = 0 AND prev_max IS NOT NULL AND stage_idx < prev_max)
                        AS out_of_order
                FROM {flagged} GROUP BY case_id, stage_idx
            )
            SELECT l.stage_idx, l.optional, count(d.case_id), median(d.seconds),
                   count(*) FILTER (WHERE k.repeated), count(*) FILTER (WHERE k.out_of_order)
            FROM {stage_list_name} l
            LEFT JOIN dwell d ON d.stage_idx = l.stage_idx
            LEFT JOIN kinds k ON k.stage_idx = d.stage_idx AND k.case_id = d.case_id
            GROUP BY l.stage_idx, l.optional ORDER BY l.stage_idx
            """
        ).fetchall()
    finally:
        _cleanup(con, names)

    def share(count: int) -> float:
        return count / total if total else 0.0

    return [
        {
            "stage": journey.stages[idx].name,
            "cases": int(reached),
            "share": share(reached),
            "median_dwell_seconds": None if median is None else float(median),
            "skipped_share": 0.0 if optional else share(total - reached),
            "repeated_share": share(repeated),
            "out_of_order_share": share(out_of_order),
        }
        for idx, optional, reached, median, repeated, out_of_order in rows
    ]
