"""Analyses and filters of the engine on a tiny hand-made log with hand-computed expected values.

The log (times in seconds after 2024-01-01 00:00 UTC; ``channel`` is an event attribute):

    A: a@0 web,    b@10 phone,  c@30 phone                  duration 30
    B: a@100 phone, c@160 phone                             duration 60
    C: a@200 web,  b@210 web,   b@230 phone, c@260 phone    duration 60
    D: b@1000 phone, c@1001 phone                           duration 1
    E: a@2000 email, b@2020 email, c@2060 email             duration 60
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pyarrow as pa
import pytest

from wayfare.analytics.engine.analysis import EventFilter, EventLogAnalysis
from wayfare.analytics.engine.csv_import import import_arrow
from wayfare.analytics.engine.types import ColumnMapping

BASE = datetime(2024, 1, 1)
LOG = [
    ("A", "a", 0, "web"),
    ("A", "b", 10, "phone"),
    ("A", "c", 30, "phone"),
    ("B", "a", 100, "phone"),
    ("B", "c", 160, "phone"),
    ("C", "a", 200, "web"),
    ("C", "b", 210, "web"),
    ("C", "b", 230, "phone"),
    ("C", "c", 260, "phone"),
    ("D", "b", 1000, "phone"),
    ("D", "c", 1001, "phone"),
    ("E", "a", 2000, "email"),
    ("E", "b", 2020, "email"),
    ("E", "c", 2060, "email"),
]


def at(seconds: int) -> datetime:
    return BASE + timedelta(seconds=seconds)


def _table() -> pa.Table:
    return pa.table(
        {
            "row_no": pa.array(range(1, len(LOG) + 1), pa.int64()),
            "case_id": [r[0] for r in LOG],
            "activity": [r[1] for r in LOG],
            "timestamp": pa.array([at(r[2]) for r in LOG], pa.timestamp("us")),
            "resource": pa.array([None] * len(LOG), pa.string()),
            "channel": [r[3] for r in LOG],
        }
    )


@pytest.fixture
def log():
    with EventLogAnalysis.from_arrow(_table()) as analysis:
        yield analysis


def test_summary(log):
    assert log.summary() == {
        "events": 14,
        "cases": 5,
        "activities": 3,
        "first_timestamp": "2024-01-01T00:00:00Z",
        "last_timestamp": "2024-01-01T00:34:20Z",
    }


def test_variants_most_frequent_first_ties_lexicographic(log):
    variants = log.variants()
    assert [(v["variant"], v["cases"]) for v in variants] == [
        (["a", "b", "c"], 2),
        (["a", "b", "b", "c"], 1),
        (["a", "c"], 1),
        (["b", "c"], 1),
    ]
    assert variants[0]["share"] == pytest.approx(0.4)
    assert variants[0]["mean_duration_s"] == 45 and variants[0]["median_duration_s"] == 45
    assert log.n_variants() == 4
    assert [v["variant"] for v in log.variants(limit=2)] == [["a", "b", "c"], ["a", "b", "b", "c"]]


def test_dfg(log):
    dfg = log.dfg()
    assert [(e["from"], e["to"], e["frequency"]) for e in dfg] == [
        ("b", "c", 4),
        ("a", "b", 3),
        ("a", "c", 1),
        ("b", "b", 1),
    ]
    bc, ab, ac, _ = dfg
    assert (bc["min"], bc["max"], bc["sum"], bc["mean"], bc["median"]) == (1, 40, 91, 22.75, 25)
    assert ab["stdev"] == pytest.approx(math.sqrt(100 / 3))
    assert ab["median"] == 10
    assert ac["stdev"] is None and ac["mean"] == 60


def test_start_end_activities(log):
    assert log.start_activities() == {"a": 4, "b": 1}
    assert log.end_activities() == {"c": 5}


def test_case_durations(log):
    d = log.case_durations()
    assert (d["min"], d["max"], d["mean"], d["median"], d["n"]) == (1, 60, 42.2, 60, 5)
    assert d["p25"] == 30


def test_duration_histogram(log):
    assert log.duration_histogram(bins=2) == {"edges": [1, 30.5, 60], "counts": [2, 3]}
    assert sum(log.duration_histogram()["counts"]) == 5


def test_activity_counts_and_rework(log):
    assert log.activity_counts() == {
        "b": {"events": 5, "cases": 4},
        "c": {"events": 5, "cases": 5},
        "a": {"events": 4, "cases": 4},
    }
    assert list(log.activity_counts()) == ["b", "c", "a"]
    assert log.rework() == {"b": {"cases": 1, "extra_occurrences": 1}}


def _cases(analysis: EventLogAnalysis) -> list[str]:
    rows = analysis.con.execute(f"SELECT DISTINCT case_id FROM {analysis.events_view} ORDER BY 1").fetchall()
    return [r[0] for r in rows]


def test_time_window_contained_is_half_open(log):
    assert _cases(log.filtered(EventFilter(start=at(0), end=at(200)))) == ["A", "B"]
    # C ends exactly at the window's end, which is excluded
    assert _cases(log.filtered(EventFilter(start=at(0), end=at(260)))) == ["A", "B"]
    assert _cases(log.filtered(EventFilter(start=at(0), end=at(261)))) == ["A", "B", "C"]


def test_time_window_intersecting(log):
    flt = EventFilter(start=at(150), end=at(205), time_mode="intersecting")
    assert _cases(log.filtered(flt)) == ["B", "C"]


def test_time_window_aware_datetimes_are_converted(log):
    rome = timezone(timedelta(hours=1))
    flt = EventFilter(
        start=datetime(2024, 1, 1, 1, 0, tzinfo=rome), end=datetime(2024, 1, 1, 1, 4, 21, tzinfo=rome)
    )
    # 01:04:21+01:00 is 261 s after BASE (UTC): C (200..260) lies inside
    assert _cases(log.filtered(flt)) == ["A", "B", "C"]


def test_case_attribute_uses_first_event(log):
    # A's later events are "phone", but its first is "web"
    assert _cases(log.filtered(EventFilter(case_attributes={"channel": ["phone"]}))) == ["B", "D"]
    assert _cases(log.filtered(EventFilter(case_attributes={"channel": ["web", "email"]}))) == ["A", "C", "E"]


def test_event_attribute_keeps_matching_events(log):
    phone = log.filtered(EventFilter(event_attributes={"channel": ["phone"]}))
    assert phone.summary()["events"] == 8
    assert [(v["variant"], v["cases"]) for v in phone.variants()] == [(["b", "c"], 3), (["a", "c"], 1)]


def test_variant_start_end_filters(log):
    assert _cases(log.filtered(EventFilter(variants=[["a", "b", "c"]]))) == ["A", "E"]
    assert _cases(log.filtered(EventFilter(variants=[["a", "c"], ["b", "c"]]))) == ["B", "D"]
    assert _cases(log.filtered(EventFilter(start_activities=["b"]))) == ["D"]
    assert _cases(log.filtered(EventFilter(end_activities=["c"]))) == ["A", "B", "C", "D", "E"]
    assert _cases(log.filtered(EventFilter(end_activities=[]))) == []


def test_filters_combine_and_chain(log):
    flt = EventFilter(start_activities=["a"], case_attributes={"channel": ["web", "phone"]})
    first = log.filtered(flt)
    assert _cases(first) == ["A", "B", "C"]
    second = first.filtered(EventFilter(variants=[["a", "c"]]))
    assert second.summary()["cases"] == 1
    assert second.dfg()[0]["mean"] == 60
    assert log.summary()["cases"] == 5  # the parent is unchanged


def test_empty_filtered_log(log):
    empty = log.filtered(EventFilter(variants=[]))
    assert empty.summary() == {
        "events": 0,
        "cases": 0,
        "activities": 0,
        "first_timestamp": None,
        "last_timestamp": None,
    }
    assert empty.variants() == [] and empty.dfg() == [] and empty.n_variants() == 0
    assert empty.duration_histogram() == {"edges": [], "counts": []}
    assert empty.case_durations()["n"] == 0


def test_unknown_attribute_is_refused(log):
    with pytest.raises(ValueError, match="unknown attribute"):
        log.filtered(EventFilter(event_attributes={"nope": ["x"]}))


def test_from_parquet_via_import_arrow(tmp_path):
    rows = _table().drop_columns(["row_no", "resource"])
    dest = tmp_path / "log.parquet"
    result = import_arrow(rows, dest, ColumnMapping("case_id", "activity", "timestamp"))
    assert (result.events, result.cases, result.activities, result.attributes) == (14, 5, 3, ["channel"])
    with EventLogAnalysis.from_parquet(dest) as analysis:
        assert analysis.n_variants() == 4
        assert analysis.dfg()[0]["frequency"] == 4


def test_attribute_values_for_filter_pickers():
    from datetime import datetime

    import pyarrow as pa

    table = pa.table(
        {
            "row_no": pa.array([1, 2, 3, 4], pa.int64()),
            "case_id": ["c1", "c1", "c2", "c3"],
            "activity": ["a", "b", "a", "a"],
            "timestamp": pa.array([datetime(2024, 1, 1, h) for h in (1, 2, 3, 4)], pa.timestamp("us")),
            "resource": ["ana", "bo", "ana", None],
            "channel": ["app", "app", "web", ""],
        }
    )
    with EventLogAnalysis.from_arrow(table) as analysis:
        values = analysis.attribute_values(limit=1)
        assert values == {
            "resource": [{"value": "ana", "events": 2, "cases": 2}],
            "channel": [{"value": "app", "events": 2, "cases": 1}],
        }
        assert len(analysis.attribute_values()["channel"]) == 2  # empty and null values are left out


def test_case_events_keep_file_order_on_ties_and_their_attributes(tmp_path):
    from wayfare.analytics.engine.csv_import import import_csv
    from wayfare.analytics.engine.types import ColumnMapping

    src = tmp_path / "log.csv"
    src.write_text(
        "case,activity,time,channel\n"
        "k,Second,2024-01-01T10:00:00Z,app\nk,Third,2024-01-01T10:00:00Z,\nk,First,2024-01-01T09:00:00Z,web\n"
    )
    import_csv(src, tmp_path / "log.parquet", ColumnMapping("case", "activity", "time"))
    with EventLogAnalysis.from_parquet(tmp_path / "log.parquet") as analysis:
        events = analysis.case_events("k")
        assert analysis.case_events("missing") == []
    assert [e["activity"] for e in events] == ["First", "Second", "Third"]
    assert events[0] == {
        "case_id": "k",
        "activity": "First",
        "timestamp": "2024-01-01T09:00:00Z",
        "channel": "web",
    }
    assert "channel" not in events[2]  # empty attributes are left out


def test_cases_through_or_never_through_an_activity(tmp_path):
    from wayfare.analytics.engine.csv_import import import_csv
    from wayfare.analytics.engine.types import ColumnMapping

    src = tmp_path / "log.csv"
    src.write_text(
        "case,activity,time\n"
        "a,Open,2024-01-01T09:00:00Z\na,Wait,2024-01-01T10:00:00Z\na,Close,2024-01-01T11:00:00Z\n"
        "b,Open,2024-01-02T09:00:00Z\nb,Close,2024-01-02T10:00:00Z\n"
        "c,Open,2024-01-03T09:00:00Z\nc,Escalate,2024-01-03T10:00:00Z\n"
    )
    import_csv(src, tmp_path / "log.parquet", ColumnMapping("case", "activity", "time"))
    with EventLogAnalysis.from_parquet(tmp_path / "log.parquet") as analysis:
        through = analysis.filtered(EventFilter(with_activities=["Wait", "Escalate"])).summary()
        never = analysis.filtered(EventFilter(without_activities=["Wait"])).summary()
        both = analysis.filtered(
            EventFilter(with_activities=["Close"], without_activities=["Wait"])
        ).summary()
    assert (through["cases"], never["cases"], both["cases"]) == (2, 2, 1)
    assert through["events"] == 5  # whole cases are kept
