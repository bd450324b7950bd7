"""Conformance of observed journeys with a designed journey, on a log small enough to check by hand, and
on the real Helpdesk log (Polato et al., Mendeley Data, doi 10.17632/39bp3vv62t.1, CC BY 4.0)."""

from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest

from wayfare.analytics.engine.analysis import EventLogAnalysis
from wayfare.analytics.engine.conformance import (
    DesignedJourney,
    DesignedStage,
    conformance,
    designed_path_from_activities,
)
from wayfare.analytics.engine.csv_import import import_csv
from wayfare.analytics.engine.types import ColumnMapping

T0 = datetime(2024, 5, 1, 8, 0)
H = 3600.0

JOURNEY = DesignedJourney(
    stages=(
        DesignedStage("A", ("a",)),
        DesignedStage("B", ("b1", "b2")),
        DesignedStage("C", ("c",), optional=True),
        DesignedStage("D", ("d",)),
    )
)

# case: [(activity, hours after T0)], in file order
CASES = {
    "k1": [("a", 0), ("b1", 1), ("b2", 2), ("d", 5)],  # conforms
    "k2": [("a", 0), ("b1", 1), ("x", 2), ("b1", 3), ("d", 4)],  # unexpected x, b1 repeated in its visit
    "k3": [("b1", 0), ("a", 1), ("d", 2)],  # a out of order
    "k4": [("a", 0), ("b1", 1), ("a", 2), ("b2", 3), ("d", 4)],  # re-enters A and B
    "k5": [("a", 0), ("d", 1)],  # skips B
    "k6": [("a", 0), ("b1", 1), ("c", 2), ("d", 3)],  # conforms, through the optional stage
}


def _table(cases):
    rows = [(case, act, T0 + timedelta(hours=h)) for case, events in cases.items() for act, h in events]
    return pa.table(
        {
            "row_no": pa.array(range(1, len(rows) + 1), pa.int64()),
            "case_id": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": pa.array([r[2] for r in rows], pa.timestamp("us")),
            "resource": pa.array([None] * len(rows), pa.string()),
        }
    )


@pytest.fixture
def result():
    with EventLogAnalysis.from_arrow(_table(CASES)) as analysis:
        return conformance(analysis.con, analysis.events_view, JOURNEY)


def test_conforming_cases(result):
    assert result["cases"] == 6
    assert result["conforming_cases"] == 2
    assert result["conforming_share"] == pytest.approx(2 / 6)


def test_deviations_by_kind(result):
    assert result["by_kind"] == {"skipped": 1, "unexpected": 1, "repeated": 2, "out_of_order": 1}
    found = {
        (d["kind"], d["stage"], d["activity"]): (d["cases"], d["occurrences"], d["example_cases"])
        for d in result["deviations"]
    }
    assert found == {
        ("repeated", "B", "b1"): (1, 1, ["k2"]),
        ("repeated", "A", "a"): (1, 1, ["k4"]),
        ("repeated", "B", "b2"): (1, 1, ["k4"]),
        ("unexpected", None, "x"): (1, 1, ["k2"]),
        ("skipped", "B", None): (1, 1, ["k5"]),
        ("out_of_order", "A", "a"): (1, 1, ["k3"]),
    }


def test_dwell_time_per_stage(result):
    stages = {s["stage"]: s for s in result["stages"]}
    assert [s["stage"] for s in result["stages"]] == ["A", "B", "C", "D"]
    assert stages["A"]["cases"] == 6
    assert stages["A"]["dwell_mean_s"] == pytest.approx(7 / 6 * H)
    assert stages["A"]["dwell_median_s"] == pytest.approx(H)
    assert stages["B"]["cases"] == 5
    assert stages["B"]["dwell_mean_s"] == pytest.approx(11 / 5 * H)
    assert stages["B"]["dwell_median_s"] == pytest.approx(2 * H)
    assert stages["C"]["cases"] == 1 and stages["C"]["dwell_mean_s"] == pytest.approx(H)
    assert stages["D"]["dwell_mean_s"] == 0


def test_ties_keep_file_order():
    cases = {"t1": [("a", 0), ("b1", 0), ("d", 1)]}
    with EventLogAnalysis.from_arrow(_table(cases)) as analysis:
        assert conformance(analysis.con, analysis.events_view, JOURNEY)["conforming_cases"] == 1
    cases = {"t2": [("b1", 0), ("a", 0), ("d", 1)]}
    with EventLogAnalysis.from_arrow(_table(cases)) as analysis:
        assert conformance(analysis.con, analysis.events_view, JOURNEY)["by_kind"]["out_of_order"] == 1


def test_examples_are_limited_and_sorted():
    cases = {f"s{i}": [("a", 0), ("d", 1)] for i in range(9, 0, -1)}
    with EventLogAnalysis.from_arrow(_table(cases)) as analysis:
        skipped = conformance(analysis.con, analysis.events_view, JOURNEY, examples=3)["deviations"][0]
    assert skipped["cases"] == 9 and skipped["example_cases"] == ["s1", "s2", "s3"]


def test_an_activity_in_two_stages_is_refused():
    with pytest.raises(ValueError, match="belongs to both"):
        DesignedJourney(stages=(DesignedStage("A", ("a",)), DesignedStage("B", ("a", "b"))))
    with pytest.raises(ValueError):
        DesignedJourney(stages=())


def test_plain_designed_path():
    journey = designed_path_from_activities(["a", "b1", "d"])
    assert [s.activities for s in journey.stages] == [("a",), ("b1",), ("d",)]


def test_on_the_helpdesk_log(tmp_path):
    csv = Path(__file__).resolve().parents[1] / "demo_data" / "helpdesk.csv"
    dest = tmp_path / "helpdesk.parquet"
    import_csv(csv, dest, ColumnMapping("case_id", "activity", "timestamp", "resource"))
    path = designed_path_from_activities(
        ["Assign seriousness", "Take in charge ticket", "Resolve ticket", "Closed"]
    )
    with EventLogAnalysis.from_parquet(dest) as analysis:
        result = conformance(analysis.con, analysis.events_view, path)
        variants = analysis.variants()
    assert result["cases"] == 4580
    deviating = result["cases"] - result["conforming_cases"]
    assert all(0 < n <= deviating for n in result["by_kind"].values())
    # the designed path is exactly the most frequent variant; it conforms, and so does nothing else
    happy = next(v for v in variants if v["variant"] == [s.name for s in path.stages])
    assert result["conforming_cases"] == happy["cases"] == 2366


def test_example_cases_are_in_natural_order():
    """Issue #15: "Case 2" before "Case 10" before "Case 103" (as text they sorted Case 10, Case 103, Case 2)."""
    ids = ["Case 103", "Case 10", "Case 2", "Case 1014", "Case 1"]
    cases = {case: [("a", 0), ("d", 1)] for case in ids}
    with EventLogAnalysis.from_arrow(_table(cases)) as analysis:
        skipped = conformance(analysis.con, analysis.events_view, JOURNEY, examples=4)["deviations"][0]
    assert skipped["cases"] == 5 and skipped["example_cases"] == ["Case 1", "Case 2", "Case 10", "Case 103"]
