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

HERE = Path(__file__).resolve().parent
PACKAGED = (
    HERE.parents[1] / "analytics" / "demo_data" / "helpdesk.csv",
    HERE / "data" / "helpdesk-pm4py-oracle.json",
)
# Logs shipped beside the repository (../shared/data/<log>/ with a pm4py-oracle.json) are checked too.
SHARED = HERE.parents[4] / "shared" / "data"


def _logs() -> list[tuple[Path, Path]]:
    logs = {PACKAGED[0].name: PACKAGED}
    for oracle_file in sorted(SHARED.glob("*/pm4py-oracle.json")):
        csv = oracle_file.parent / json.loads(oracle_file.read_text())["source_csv"]
        logs[f"{oracle_file.parent.name}/{csv.name}"] = (csv, oracle_file)
    return list(logs.values())


LOGS = _logs()
STATS = ("mean", "median", "min", "max", "sum", "stdev")


def _mapping(oracle: dict) -> dict:
    mapping = oracle["mapping"]
    return {
        "case": mapping["case_id"],
        "activity": mapping["activity"],
        "timestamp": mapping["timestamp"],
        "timestamp_format": mapping.get("timestamp_format"),
    }


@pytest.fixture(scope="module", params=LOGS, ids=[f"{c.parent.name}-{c.name}" for c, _ in LOGS])
def log(request) -> tuple[Path, dict]:
    csv, oracle_file = request.param
    return csv, json.loads(oracle_file.read_text())


@pytest.fixture(scope="module")
def oracle(log) -> dict:
    return log[1]


@pytest.fixture(scope="module")
def engine_report(log, tmp_path_factory) -> dict:
    csv, oracle = log
    m = _mapping(oracle)
    dest = tmp_path_factory.mktemp("oracle") / "log.parquet"
    import_csv(
        csv,
        dest,
        ColumnMapping(m["case"], m["activity"], m["timestamp"]),
        timestamp_format=m["timestamp_format"],
    )
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
def cli_report(log) -> dict:
    csv, oracle = log
    m = _mapping(oracle)
    args = [str(csv), "--case", m["case"], "--activity", m["activity"], "--timestamp", m["timestamp"]]
    if m["timestamp_format"]:
        args += ["--timestamp-format", m["timestamp_format"]]
    out = io.StringIO()
    call_command("analyse_log", *args, "--json", "--no-progress", stdout=out)
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
