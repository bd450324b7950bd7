"""The explorer's answer is bounded (issue #11: a 10.7 M-event log's call cost 3.4 GB and 42.7 MB of
JSON): each list holds at most the cap's rows, the most frequent first, with its total beside it, and
every figure shown is exactly the figure of the whole answer; DuckDB runs within the settings' bounds."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from wayfare.analytics.engine import EventLogAnalysis
from wayfare.analytics.services import event_log_import_run
from wayfare.core.testing import client_for

from .factories import EventLogFactory

pytestmark = pytest.mark.django_db

# The small log has 3 variants, 5 paths, 4 activities, 2 start and 1 end activities, rework in 1 case.
CAPS = {
    "WAYFARE_EXPLORER_MAX_VARIANTS": 2,
    "WAYFARE_EXPLORER_MAX_PATHS": 3,
    "WAYFARE_EXPLORER_MAX_ACTIVITIES": 1,
}


@pytest.fixture
def log():
    return event_log_import_run(event_log_id=EventLogFactory().pk)


def _explorer(users, log, **params):
    client = client_for(users["staff"])
    response = client.get(f"/api/analytics/event-logs/{log.pk}/explorer/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_every_list_is_cut_at_its_cap_with_its_total(users, log):
    with EventLogAnalysis.from_parquet(log.parquet_path) as whole:
        variants, edges = whole.variants(), whole.dfg()
        activities, starts = whole.activity_counts(), whole.start_activities()
    with override_settings(**CAPS):
        answer = _explorer(users, log)  # no limit: the cap applies
    v = answer["variants"]
    assert v["variants"] == variants[:2] and v["n_variants"] == v["variants_total"] == 3
    assert v["variants_truncated"] is True
    assert v["variants_others_cases"] == sum(x["cases"] for x in variants[2:]) == 1
    d = answer["dfg"]
    assert d["edges"] == edges[:3] and (d["edges_total"], d["edges_truncated"]) == (len(edges), True)
    # the activities listed are the most frequent one plus every activity a listed path touches
    touched = {e["from"] for e in d["edges"]} | {e["to"] for e in d["edges"]}
    assert set(d["activities"]) == touched | {next(iter(activities))}
    assert all(d["activities"][a] == activities[a] for a in d["activities"])
    assert d["activities_total"] == 4 and d["activities_truncated"] == (len(d["activities"]) < 4)
    assert d["start_activities"] == dict(list(starts.items())[:1]) and d["start_activities_total"] == 2
    a = answer["activities"]
    assert a["activities"] == dict(list(activities.items())[:1]) and a["activities_total"] == 4
    s = answer["summary"]
    assert s["start_activities_truncated"] is True and s["end_activities_truncated"] is False


def test_a_limit_above_the_cap_is_brought_down_to_it(users, log):
    with override_settings(**CAPS):
        assert len(_explorer(users, log, limit=100)["variants"]["variants"]) == 2


def test_under_the_caps_the_answer_is_whole(users, log):
    answer = _explorer(users, log)
    assert len(answer["variants"]["variants"]) == 3 and answer["variants"]["variants_truncated"] is False
    assert answer["variants"]["variants_others_cases"] == 0
    assert (
        answer["dfg"]["edges_truncated"] is False
        and len(answer["dfg"]["edges"]) == answer["dfg"]["edges_total"]
    )
    assert answer["activities"]["rework"] == {"Pick up": {"cases": 1, "extra_occurrences": 1}}


def test_duckdb_runs_within_the_settings_bounds(log):
    with EventLogAnalysis.from_parquet(log.parquet_path) as analysis:
        limit, threads, temp = analysis.con.execute(
            "SELECT current_setting('memory_limit'), current_setting('threads'), "
            "current_setting('temp_directory')"
        ).fetchone()
    value, unit = limit.split()
    assert threads == 2 and float(value) * {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30}[unit] <= 2 * 2**30
    assert Path(temp).resolve().is_relative_to(Path(settings.DATA_DIR).resolve())


def test_an_analysis_beyond_the_memory_limit_is_a_clear_answer(users, log):
    """DuckDB's memory is capped; a log that needs more answers 400 with a code and names the limit,
    never a 500 (found measuring a 10.7 M-event log at the old 1 GB default)."""
    from wayfare.analytics.engine import _duckdb

    saved = (_duckdb.MEMORY_LIMIT, _duckdb.THREADS, _duckdb.TEMP_DIRECTORY)
    _duckdb.configure(memory_limit="300KB", threads=1, temp_directory=saved[2])
    try:
        response = client_for(users["staff"]).get(f"/api/analytics/event-logs/{log.pk}/explorer/")
    finally:
        _duckdb.configure(memory_limit=saved[0], threads=saved[1], temp_directory=saved[2])
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "analysis_memory"
