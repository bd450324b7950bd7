"""The engine and ``wayfare analyse-log`` against pm4py's figures on a real log.

Data: the "Helpdesk" event log of an Italian software company's ticketing process (Polato et al.,
Mendeley Data, doi 10.17632/39bp3vv62t.1, CC BY 4.0), with reference figures computed by pm4py
2.7.23.11 (``pm4py-oracle.json``; pm4py is only the source of the expected numbers, never imported).
pm4py's stdev is the sample standard deviation (NaN for one observation, which the engine gives as
None); medians are interpolated.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest
from django.core.management import call_command

from wayfare.analytics.engine.analysis import EventLogAnalysis
from wayfare.analytics.engine.csv_import import import_csv
from wayfare.analytics.engine.types import ColumnMapping

DATA = Path("/work/shared/data/helpdesk")
CSV = DATA / "helpdesk.csv"
pytestmark = pytest.mark.skipif(not CSV.exists(), reason="helpdesk log not available")

STATS = ("mean", "median", "min", "max", "sum", "stdev")


@pytest.fixture(scope="module")
def oracle() -> dict:
    return json.loads((DATA / "pm4py-oracle.json").read_text())


@pytest.fixture(scope="module")
def engine_report(tmp_path_factory) -> dict:
    dest = tmp_path_factory.mktemp("oracle") / "helpdesk.parquet"
    import_csv(CSV, dest, ColumnMapping("case_id", "activity", "timestamp", "resource"))
    with EventLogAnalysis.from_parquet(dest) as analysis:
        return {
            **analysis.summary(),
            "n_variants": analysis.n_variants(),
            "variants": analysis.variants(),
            "dfg": analysis.dfg(),
            "start_activities": analysis.start_activities(),
            "end_activities": analysis.end_activities(),
            "case_duration_seconds": analysis.case_durations(),
        }


@pytest.fixture(scope="module")
def cli_report() -> dict:
    out = io.StringIO()
    call_command(
        "analyse_log",
        str(CSV),
        "--case",
        "case_id",
        "--activity",
        "activity",
        "--timestamp",
        "timestamp",
        "--resource",
        "resource",
        "--json",
        "--no-progress",
        stdout=out,
    )
    return json.loads(out.getvalue())


@pytest.fixture(params=["engine", "cli"])
def report(request, engine_report, cli_report) -> dict:
    return engine_report if request.param == "engine" else cli_report


def close(actual: float | None, expected: float) -> bool:
    if math.isnan(expected):
        return actual is None
    return actual is not None and math.isclose(actual, expected, rel_tol=1e-6, abs_tol=1e-6)


def test_counts(report, oracle):
    for key in ("events", "cases", "activities", "n_variants"):
        assert report[key] == oracle[key], key


def test_top10_variants_in_order(report, oracle):
    top = [(v["variant"], v["cases"]) for v in report["variants"][:10]]
    assert top == [(v["variant"], v["cases"]) for v in oracle["top10_variants"]]
    assert len(report["variants"]) == oracle["n_variants"]
    assert sum(v["cases"] for v in report["variants"]) == oracle["cases"]


def test_dfg_frequencies(report, oracle):
    got = {(e["from"], e["to"]): e["frequency"] for e in report["dfg"]}
    assert got == {(e["from"], e["to"]): e["frequency"] for e in oracle["dfg"]}


def test_dfg_performance(report, oracle):
    got = {(e["from"], e["to"]): e for e in report["dfg"]}
    assert len(got) == len(oracle["performance_dfg_seconds"])
    for expected in oracle["performance_dfg_seconds"]:
        edge = got[(expected["from"], expected["to"])]
        for stat in STATS:
            assert close(edge[stat], expected[stat]), (expected["from"], expected["to"], stat, edge[stat])


def test_start_end_activities(report, oracle):
    assert report["start_activities"] == oracle["start_activities"] == oracle["dfg_start_activities"]
    assert report["end_activities"] == oracle["end_activities"] == oracle["dfg_end_activities"]


def test_case_durations(report, oracle):
    for key, expected in oracle["case_duration_seconds"].items():
        assert close(report["case_duration_seconds"][key], expected), key
