"""XES and XES.gz import: the same normalised events as a CSV, streaming, all or nothing."""

import csv
import gzip
import io
import json
from pathlib import Path
from xml.sax.saxutils import quoteattr

import duckdb
import pytest
from django.core.management import call_command

from wayfare.analytics.engine.analysis import EventLogAnalysis
from wayfare.analytics.engine.types import EventLogImportError
from wayfare.analytics.engine.xes_import import import_xes

HELPDESK = Path(__file__).resolve().parents[1] / "demo_data" / "helpdesk.csv"
ORACLE = Path(__file__).resolve().parent / "data" / "helpdesk-pm4py-oracle.json"

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <string key="concept:name" value="a log attribute, not a case"/>
  <trace>
    <string key="concept:name" value="T1"/>
    <string key="channel" value="app"/>
    <event><string key="concept:name" value="Book"/><date key="time:timestamp" value="2024-03-01T10:00:00.000+01:00"/>
      <string key="org:resource" value="ana"/><int key="seats" value="5"/><float key="price" value="9.5"/></event>
    <event><string key="concept:name" value="Return"/><date key="time:timestamp" value="2024-03-01T09:30:00Z"/>
      <list key="tags"><string key="x" value="nested values are skipped"/></list></event>
    <event><string key="concept:name" value="Pick up"/><date key="time:timestamp" value="2024-03-01T09:30:00Z"/></event>
  </trace>
  <trace>
    <event><date key="time:timestamp" value="2024-03-02T10:00:00Z"/><string key="concept:name" value="Book"/>
      <boolean key="vip" value="true"/><id key="ref" value="x-1"/></event>
    <string key="concept:name" value="T2"/>
  </trace>
</log>
"""


def _rows(path):
    return duckdb.sql(f"SELECT * FROM read_parquet('{path}') ORDER BY row_no").fetchall()


@pytest.mark.parametrize("compress", [False, True])
def test_small_log(tmp_path, compress):
    source = tmp_path / ("log.xes.gz" if compress else "log.xes")
    source.write_bytes(gzip.compress(SMALL.encode()) if compress else SMALL.encode())
    result = import_xes(source, tmp_path / "out.parquet")
    assert (result.events, result.cases, result.activities) == (4, 2, 3)
    assert set(result.attributes) == {"case:channel", "seats", "price", "vip", "ref"}
    assert result.first_timestamp == "2024-03-01T09:00:00Z"  # +01:00 converted to UTC
    with EventLogAnalysis.from_parquet(tmp_path / "out.parquet") as analysis:
        # ordered by time; Return and Pick up share a time and keep file order
        variants = {tuple(v["variant"]) for v in analysis.variants()}
    assert variants == {("Book", "Return", "Pick up"), ("Book",)}


def test_gzip_is_detected_by_content_not_name(tmp_path):
    source = tmp_path / "log.bin"
    source.write_bytes(gzip.compress(SMALL.encode()))
    assert import_xes(source, tmp_path / "out.parquet").events == 4


def test_progress_reaches_the_end(tmp_path):
    source = tmp_path / "log.xes"
    source.write_text(SMALL)
    seen = []
    import_xes(source, tmp_path / "out.parquet", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] == source.stat().st_size


@pytest.mark.parametrize(
    "text,needle",
    [
        ("<log><trace><event>", "well-formed"),
        ("<notalog/>", "no XES log"),
        ("<log></log>", "no event"),
    ],
)
def test_bad_files_write_nothing(tmp_path, text, needle):
    source = tmp_path / "bad.xes"
    source.write_text(text)
    with pytest.raises(EventLogImportError, match=needle):
        import_xes(source, tmp_path / "out.parquet")
    assert not (tmp_path / "out.parquet").exists()


def test_events_without_time_or_case_are_row_errors(tmp_path):
    broken = SMALL.replace(
        '<date key="time:timestamp" value="2024-03-01T09:30:00Z"/>\n      <list', "<list", 1
    )
    broken = broken.replace('<string key="concept:name" value="T2"/>', "")
    source = tmp_path / "broken.xes"
    source.write_text(broken)
    with pytest.raises(EventLogImportError) as info:
        import_xes(source, tmp_path / "out.parquet")
    lines = {(e.line, e.column) for e in info.value.errors}
    assert lines == {(2, "time:timestamp"), (4, "case:concept:name")}
    assert not (tmp_path / "out.parquet").exists()


def _helpdesk_as_xes(path: Path) -> None:
    traces: dict[str, list[dict]] = {}
    with HELPDESK.open() as handle:
        for row in csv.DictReader(handle):
            traces.setdefault(row["case_id"], []).append(row)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n')
        for case, events in traces.items():
            out.write(f'<trace><string key="concept:name" value={quoteattr(case)}/>\n')
            for e in events:
                out.write(
                    f'<event><string key="concept:name" value={quoteattr(e["activity"])}/>'
                    f'<date key="time:timestamp" value="{e["timestamp"]}"/>'
                    f'<string key="org:resource" value={quoteattr(e["resource"])}/></event>\n'
                )
            out.write("</trace>\n")
        out.write("</log>\n")


def test_helpdesk_as_xes_gives_pm4py_figures(tmp_path):
    """The Helpdesk log (Polato et al., doi 10.17632/39bp3vv62t.1, CC BY 4.0) written as XES.gz."""
    source = tmp_path / "helpdesk.xes.gz"
    _helpdesk_as_xes(source)
    out = io.StringIO()
    call_command("analyse_log", str(source), "--json", "--no-progress", stdout=out)
    report = json.loads(out.getvalue())
    oracle = json.loads(ORACLE.read_text())
    for key in ("events", "cases", "activities", "n_variants"):
        assert report[key] == oracle[key], key
    assert report["start_activities"] == oracle["start_activities"]
    assert [v["cases"] for v in report["variants"][:10]] == [v["cases"] for v in oracle["top10_variants"]]


def test_batches_with_different_attributes_are_joined(tmp_path, monkeypatch):
    from wayfare.analytics.engine import xes_import

    monkeypatch.setattr(xes_import, "_BATCH_EVENTS", 2)  # every trace ends a batch here
    source = tmp_path / "log.xes"
    source.write_text(SMALL)
    table = xes_import.read_xes(source)
    assert table.num_rows == 4
    assert table.column("case:channel").to_pylist() == ["app", "app", "app", None]
    assert table.column("vip").to_pylist() == [None, None, None, "true"]


def test_spilled_batches_import_like_one_and_leave_nothing_behind(tmp_path, monkeypatch):
    """Parsed batches go to Parquet files beside the destination while parsing; the result is the same as
    with one batch, row numbers (for errors) still count events, and the spill files are removed."""
    from wayfare.analytics.engine import xes_import

    source = tmp_path / "log.xes"
    source.write_text(SMALL)
    whole = tmp_path / "whole"
    whole.mkdir()
    import_xes(source, whole / "out.parquet")
    monkeypatch.setattr(xes_import, "_BATCH_EVENTS", 1)  # every trace is a batch of its own
    spilled = tmp_path / "spilled"
    spilled.mkdir()
    result = import_xes(source, spilled / "out.parquet")
    assert result.events == 4
    columns = "row_no, case_id, activity, timestamp, resource"
    query = "SELECT {} FROM read_parquet('{}') ORDER BY row_no"
    assert (
        duckdb.sql(query.format(columns, spilled / "out.parquet")).fetchall()
        == duckdb.sql(query.format(columns, whole / "out.parquet")).fetchall()
    )
    assert [p.name for p in spilled.iterdir()] == ["out.parquet"]

    broken = tmp_path / "broken.xes"
    broken.write_text(SMALL.replace('<string key="concept:name" value="T2"/>', ""))
    with pytest.raises(EventLogImportError) as info:
        import_xes(broken, spilled / "again.parquet")
    assert {(e.line, e.column) for e in info.value.errors} == {(4, "case:concept:name")}
    assert [p.name for p in spilled.iterdir()] == ["out.parquet"]
