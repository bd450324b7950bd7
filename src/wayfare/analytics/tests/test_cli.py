"""``wayfare analyse-log``: the JSON it prints and its failures."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

LOG = "case id;activity;time\nc1;Open;01/02/2024 10:00\nc1;Close;01/02/2024 10:30\nc2;Open;02/02/2024 09:00\n"
MAPPING = ("--case", "case", "--activity", "activity", "--timestamp", "time")  # for the files written here
KEYS = {
    "events",
    "cases",
    "activities",
    "n_variants",
    "variants",
    "dfg",
    "start_activities",
    "end_activities",
    "case_duration_seconds",
}


def run(*args: str) -> tuple[dict | None, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("analyse_log", *args, "--no-progress", stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


@pytest.fixture
def small_csv(tmp_path) -> Path:
    path = tmp_path / "small.csv"
    path.write_text(LOG)
    return path


def test_json_shape(small_csv):
    result, _ = run(
        str(small_csv),
        "--case",
        "case id",
        "--activity",
        "activity",
        "--timestamp",
        "time",
        "--timestamp-format",
        "%d/%m/%Y %H:%M",
        "--timezone",
        "Europe/Rome",
        "--json",
    )
    assert set(result) == KEYS
    assert (result["events"], result["cases"], result["activities"], result["n_variants"]) == (3, 2, 2, 2)
    assert result["variants"] == [
        {"variant": ["Open"], "cases": 1},
        {"variant": ["Open", "Close"], "cases": 1},
    ]
    assert result["dfg"] == [
        {
            "from": "Open",
            "to": "Close",
            "frequency": 1,
            "mean": 1800.0,
            "median": 1800.0,
            "min": 1800.0,
            "max": 1800.0,
            "sum": 1800.0,
            "stdev": None,
        }
    ]
    assert result["start_activities"] == {"Open": 2}
    assert result["end_activities"] == {"Close": 1, "Open": 1}
    assert result["case_duration_seconds"] == {
        "min": 0.0,
        "max": 1800.0,
        "mean": 900.0,
        "median": 900.0,
        "n": 2,
    }


def test_bad_file_exits_with_status_1(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("case,activity,time\nc1,Open,2024-01-01T10:00:00\nc1,,not a time\n")
    completed = subprocess.run(
        [sys.executable, "-m", "wayfare", "analyse-log", str(bad), *MAPPING, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert "line 3 column 'activity': missing activity" in completed.stderr
    assert "line 3 column 'time': unparseable timestamp 'not a time'" in completed.stderr
    assert "--skip-bad-rows" in completed.stderr  # the way out is named


def test_skip_bad_rows_analyses_the_rest_and_lists_what_it_left_out(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "case,activity,time\nc1,Open,2024-01-01T10:00:00\nc1,,2024-01-01T10:10:00\nc1,Close,2024-01-01T11:00:00\n"
    )
    report, err = run(str(bad), *MAPPING, "--json", "--skip-bad-rows")
    assert (report["events"], report["variants"]) == (2, [{"variant": ["Open", "Close"], "cases": 1}])
    assert "skipped 1 rows" in err and "line 3 column 'activity': missing activity" in err


def test_missing_column_and_options(small_csv):
    err = io.StringIO()
    with pytest.raises(CommandError, match="'Case' is not in the header"):
        call_command(
            "analyse_log",
            str(small_csv),
            "--case",
            "Case",
            "--activity",
            "activity",
            "--timestamp",
            "time",
            "--json",
            "--no-progress",
            stderr=err,
        )
    assert "line 1" in err.getvalue()
    with pytest.raises(CommandError, match="--case"):
        call_command("analyse_log", str(small_csv), "--activity", "activity", "--timestamp", "time")


def test_subprocess_prints_one_json_object(small_csv):
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "wayfare",
            "analyse-log",
            str(small_csv),
            "--case",
            "case id",
            "--activity",
            "activity",
            "--timestamp",
            "time",
            "--timestamp-format",
            "%d/%m/%Y %H:%M",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert set(json.loads(completed.stdout)) == KEYS
