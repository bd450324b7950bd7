"""CSV import of the engine on small generated logs: dialects, encodings, timestamps, errors."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wayfare.analytics.engine.analysis import EventLogAnalysis
from wayfare.analytics.engine.csv_import import (
    MESSAGES,
    detect_encoding,
    import_arrow,
    import_csv,
    sniff_delimiter,
)
from wayfare.analytics.engine.types import ColumnMapping, EventLogImportError

MAPPING = ColumnMapping("case", "activity", "time")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def events(parquet: Path) -> list[tuple]:
    """(case, activity, UTC timestamp) in file order."""
    return duckdb.sql(
        f"SELECT case_id, activity, timestamp FROM read_parquet('{parquet}') ORDER BY row_no"
    ).fetchall()


def only_dest_left(folder: Path, dest: Path) -> bool:
    return sorted(folder.iterdir()) == ([dest] if dest.exists() else [])


def test_semicolon_and_column_names_with_spaces(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "Case ID;Activity Name;Start Time;Org Unit\n"
        "1;Open;2024-01-01 10:00:00;Sales\n1;Close;2024-01-01 11:00:00;Sales\n",
    )
    dest = tmp_path / "out" / "log.parquet"
    result = import_csv(src, dest, ColumnMapping("Case ID", "Activity Name", "Start Time", "Org Unit"))
    assert (result.events, result.cases, result.activities, result.attributes) == (2, 1, 2, [])
    assert duckdb.sql(f"SELECT DISTINCT resource FROM '{dest}'").fetchall() == [("Sales",)]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected(tmp_path, delimiter):
    text = delimiter.join(["case", "activity", "time", "note"]) + "\n"
    text += delimiter.join(["c1", "A", "2024-01-01T10:00:00", '"x, y; z|w"']) + "\n"
    src = write(tmp_path / "log.csv", text)
    assert import_csv(src, tmp_path / "log.parquet", MAPPING).events == 1


def test_sniff_delimiter_prefers_structure():
    assert sniff_delimiter("a;b;c\n1;2,5;3\n4;5;6\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"


def test_cp1252_file(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc1,Prüfung €,2024-01-01T10:00:00\n", "cp1252")
    assert detect_encoding(src.read_bytes()) == "cp1252"
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING)
    assert events(dest)[0][1] == "Prüfung €"


def test_cp1252_after_a_long_ascii_start(tmp_path):
    # the sniffed 64 KiB look like UTF-8; the invalid byte comes later
    lines = ["case,activity,time"] + [f"c{i},Step,2024-01-01T10:00:00" for i in range(4000)]
    lines.append("late,Café,2024-01-01T10:00:00")
    src = write(tmp_path / "log.csv", "\n".join(lines) + "\n", "cp1252")
    dest = tmp_path / "log.parquet"
    assert import_csv(src, dest, MAPPING).events == 4001
    assert events(dest)[-1][1] == "Café"
    assert only_dest_left(tmp_path, dest) or sorted(p.name for p in tmp_path.iterdir()) == [
        "log.csv",
        "log.parquet",
    ]


def test_utf8_bom(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc1,Ünterlage,2024-01-01T10:00:00\n", "utf-8-sig")
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING)  # "case" must be found although the BOM precedes it
    assert events(dest)[0][:2] == ("c1", "Ünterlage")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path, encoding):
    text = "case;activity;time\nc1;Größe;2024-01-01T10:00:00\n"
    raw = (
        (codecs.BOM_UTF16_BE + text.encode("utf-16-be")) if encoding == "utf-16-be" else text.encode("utf-16")
    )
    src = tmp_path / "log.csv"
    src.write_bytes(raw)
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING)
    assert events(dest)[0][1] == "Größe"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv", "log.parquet"]


def test_day_first_minute_resolution_ties_keep_file_order(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "case,activity,time\n"
        "T1,Logged,03/02/2024 09:15\n"
        "T1,Assigned,03/02/2024 09:15\n"
        "T1,Accepted,03/02/2024 09:15\n"
        "T2,Logged,03/02/2024 09:16\n"
        "T1,Closed,04/02/2024 10:00\n"
        "T2,Assigned,03/02/2024 09:16\n",
    )
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING, timestamp_format="%d/%m/%Y %H:%M")
    assert events(dest)[0][2] == datetime(2024, 2, 3, 9, 15)
    with EventLogAnalysis.from_parquet(dest) as analysis:
        variants = {tuple(v["variant"]): v["cases"] for v in analysis.variants()}
    assert variants == {("Logged", "Assigned", "Accepted", "Closed"): 1, ("Logged", "Assigned"): 1}


def test_naive_local_time_across_dst_is_stored_as_utc(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "case,activity,time\n"
        "c,before,2024-03-30 12:00:00\n"  # CET, UTC+1
        "c,after,2024-03-31 12:00:00\n"  # CEST, UTC+2
        "c,autumn,2024-10-27 12:00:00\n",
    )  # CET again
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING, timezone="Europe/Rome")
    assert [e[2] for e in events(dest)] == [
        datetime(2024, 3, 30, 11),
        datetime(2024, 3, 31, 10),
        datetime(2024, 10, 27, 11),
    ]


def test_explicit_format_in_local_time(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc,a,31/07/2024 08:05\n")
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING, timezone="Europe/Rome", timestamp_format="%d/%m/%Y %H:%M")
    assert events(dest)[0][2] == datetime(2024, 7, 31, 6, 5)


def test_offsets_are_converted_to_utc(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "case,activity,time\n"
        "c,a,2024-07-01T12:00:00+02:00\n"
        "c,b,2024-07-01T12:00:00Z\n"
        "c,c,2024-07-01 12:00:00.250-05:00\n",
    )
    dest = tmp_path / "log.parquet"
    import_csv(src, dest, MAPPING, timezone="Europe/Rome")  # offsets win over the zone
    assert [e[2] for e in events(dest)] == [
        datetime(2024, 7, 1, 10),
        datetime(2024, 7, 1, 12),
        datetime(2024, 7, 1, 17, 0, 0, 250000),
    ]


def test_bad_rows_are_reported_with_lines_and_nothing_is_written(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "case,activity,time,note\n"
        "c1,a,2024-01-01T10:00:00,x\n"
        ',b,2024-01-01T10:00:00,"two\nlines"\n'
        "c1,,2024-01-01T10:00:00,x\n"
        "c1,d,yesterday,x\n"
        "c1,e,,x\n",
    )
    dest = tmp_path / "log.parquet"
    progress = []
    with pytest.raises(EventLogImportError) as info:
        import_csv(src, dest, MAPPING, progress=lambda d, t: progress.append((d, t)))
    err = info.value
    assert err.error_count == 4
    assert [{k: e.as_dict()[k] for k in ("line", "column", "reason")} for e in err.errors] == [
        {"line": 3, "column": "case", "reason": MESSAGES["missing_case"]},
        {"line": 5, "column": "activity", "reason": "missing activity"},  # line 3 spans two lines
        {"line": 6, "column": "time", "reason": "unparseable timestamp 'yesterday'"},
        {"line": 7, "column": "time", "reason": "missing timestamp"},
    ]
    assert "4 rows" in err.message
    assert not dest.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_unstated_day_first_format_is_named_in_the_error(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "Incident ID;Activity;DateStamp\nIM1;Open;07-01-2013 08:17:17\nIM1;Close;13-01-2013 09:00:00\n",
    )
    mapping = ColumnMapping("Incident ID", "Activity", "DateStamp")
    with pytest.raises(EventLogImportError) as info:
        import_csv(src, tmp_path / "log.parquet", mapping)
    assert info.value.message == MESSAGES["timestamp_hint"] % {"count": 2, "formats": "%d-%m-%Y %H:%M:%S"}
    # stated, the same file imports
    result = import_csv(src, tmp_path / "log.parquet", mapping, timestamp_format="%d-%m-%Y %H:%M:%S")
    assert result.first_timestamp == "2013-01-07T08:17:17Z"


def test_ambiguous_dates_name_both_formats_and_garbage_names_none(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc,a,07/01/2013 08:17\nc,b,08/01/2013 09:00\n")
    with pytest.raises(EventLogImportError) as info:
        import_csv(src, tmp_path / "log.parquet", MAPPING)
    assert "%d/%m/%Y %H:%M / %m/%d/%Y %H:%M" in info.value.message
    src = write(tmp_path / "bad.csv", "case,activity,time\nc,a,yesterday\nc,b,07/01/2013 08:17\n")
    with pytest.raises(EventLogImportError) as info:
        import_csv(src, tmp_path / "log.parquet", MAPPING)
    assert info.value.message == MESSAGES["rows_failed"] % {"count": 2}


def test_missing_mapped_column_is_one_clear_error(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc,a,2024-01-01T10:00:00\n")
    with pytest.raises(EventLogImportError) as info:
        import_csv(src, tmp_path / "log.parquet", ColumnMapping("case", "activity", "Timestamp"))
    assert "'Timestamp' is not in the header" in info.value.message
    assert [(e.line, e.column) for e in info.value.errors] == [(1, "Timestamp")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_bad_timezone_and_missing_file(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc,a,2024-01-01T10:00:00\n")
    with pytest.raises(EventLogImportError, match="time zone"):
        import_csv(src, tmp_path / "x.parquet", MAPPING, timezone="Mars/Olympus")
    with pytest.raises(EventLogImportError, match="source file is missing"):
        import_csv(tmp_path / "nope.csv", tmp_path / "x.parquet", MAPPING)


def test_ragged_file_is_refused(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc,a,2024-01-01T10:00:00,extra,more\n")
    with pytest.raises(EventLogImportError):
        import_csv(src, tmp_path / "log.parquet", MAPPING)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_colliding_and_extra_columns(tmp_path):
    src = write(tmp_path / "log.csv", "Case,Act,When,timestamp,Cost\nc,a,2024-01-01T10:00:00,orig,12\n")
    dest = tmp_path / "log.parquet"
    result = import_csv(src, dest, ColumnMapping("Case", "Act", "When"))
    assert result.attributes == ["attr_timestamp", "Cost"]
    assert duckdb.sql(f"SELECT attr_timestamp, Cost FROM '{dest}'").fetchall() == [("orig", "12")]


def test_progress_reaches_total(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc,a,2024-01-01T10:00:00\n")
    calls = []
    import_csv(src, tmp_path / "log.parquet", MAPPING, progress=lambda d, t: calls.append((d, t)))
    size = src.stat().st_size
    assert calls[-1] == (size, size)
    assert all(d <= t for d, t in calls)


def test_import_arrow_with_timestamps_and_strings(tmp_path):
    table = pa.table(
        {
            "case": ["x", "x", "y"],
            "activity": ["open", "close", "open"],
            "time": pa.array(
                [datetime(2024, 1, 1, 12), datetime(2024, 1, 1, 13), datetime(2024, 7, 1, 12)],
                pa.timestamp("us", tz="Europe/Rome"),
            ),
            "score": [1, 2, 3],
        }
    )
    dest = tmp_path / "a.parquet"
    result = import_arrow(table, dest, MAPPING)
    assert (result.events, result.cases, result.attributes) == (3, 2, ["score"])
    assert result.first_timestamp == "2024-01-01T12:00:00Z"  # pyarrow stores UTC instants
    strings = pa.table({"case": ["x", None], "activity": ["a", "b"], "time": ["2024-01-01 10:00", "bad"]})
    with pytest.raises(EventLogImportError) as info:
        import_arrow(strings, tmp_path / "b.parquet", MAPPING, timezone="Europe/Rome")
    assert [(e.line, e.column) for e in info.value.errors] == [(2, "case"), (2, "time")]
    naive = pa.table({"case": ["x"], "activity": ["a"], "time": pa.array([datetime(2024, 1, 1, 10)])})
    import_arrow(naive, tmp_path / "c.parquet", MAPPING, timezone="Europe/Rome")
    assert events(tmp_path / "c.parquet")[0][2] == datetime(2024, 1, 1, 9)


log_rows = st.lists(
    st.tuples(st.integers(0, 6), st.sampled_from(["A", "B", "C", "D"]), st.integers(0, 50)),
    min_size=1,
    max_size=60,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=log_rows)
def test_property_dfg_and_variant_counts(tmp_path, rows):
    """Directly-follows pairs number events - cases; variant counts sum to cases; every case starts
    and ends once."""
    src = tmp_path / "prop.csv"
    text = "case,activity,time\n" + "".join(
        f"case {c},{a},2024-01-01 {m // 60:02d}:{m % 60:02d}:00\n" for c, a, m in rows
    )
    src.write_text(text)
    dest = tmp_path / "prop.parquet"
    dest.unlink(missing_ok=True)
    import_csv(src, dest, MAPPING)
    n_cases = len({c for c, _, _ in rows})
    with EventLogAnalysis.from_parquet(dest) as analysis:
        assert sum(e["frequency"] for e in analysis.dfg()) == len(rows) - n_cases
        assert sum(v["cases"] for v in analysis.variants()) == n_cases
        assert sum(analysis.start_activities().values()) == n_cases
        assert sum(analysis.end_activities().values()) == n_cases
        assert sum(len(v["variant"]) * v["cases"] for v in analysis.variants()) == len(rows)


def test_malformed_rows_are_named_by_line(tmp_path):
    source = tmp_path / "ragged.csv"
    source.write_text(
        "case,activity,time\n"
        "c1,a,2024-01-01T10:00:00Z\n"
        "c1,b,2024-01-01T11:00:00Z,extra\n"
        "c2,a,2024-01-02T10:00:00Z\n"
        'c2,"unterminated\n'
    )
    dest = tmp_path / "out.parquet"
    with pytest.raises(EventLogImportError) as info:
        import_csv(source, dest, ColumnMapping("case", "activity", "time"))
    assert [e.line for e in info.value.errors] == [3, 5]
    assert all("malformed CSV row" in e.reason for e in info.value.errors)
    assert not dest.exists()


def test_skip_bad_rows_keeps_the_readable_rows_in_order_and_describes_the_others(tmp_path):
    src = write(
        tmp_path / "log.csv",
        "case,activity,time\n"
        "c1,a,2024-01-01T10:00:00\n"
        ",b,2024-01-01T10:30:00\n"
        "c1,b,2024-01-01T11:00:00\n"
        "c1,c,yesterday\n"
        "c1,c,2024-01-01T11:00:00\n",
    )
    dest = tmp_path / "out" / "log.parquet"
    result = import_csv(src, dest, MAPPING, skip_bad_rows=True)
    assert (result.events, result.cases, result.skipped) == (3, 1, 2)
    assert [(e.line, e.column) for e in result.skipped_rows] == [(3, "case"), (5, "time")]
    assert [a for _, a, _ in events(dest)] == ["a", "b", "c"]  # b and c tie: file order
    assert sorted(p.name for p in dest.parent.iterdir()) == ["log.parquet"]


def test_skip_bad_rows_still_refuses_a_file_with_no_event(tmp_path):
    src = write(tmp_path / "log.csv", "case,activity,time\nc1,a,never\n,b,2024-01-01T10:00:00\n")
    with pytest.raises(EventLogImportError) as info:
        import_csv(src, tmp_path / "log.parquet", MAPPING, skip_bad_rows=True)
    assert info.value.error_count == 2
    assert not (tmp_path / "log.parquet").exists()
