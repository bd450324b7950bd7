"""Memory and answer size of the explorer call on a large, varied log (issue #11: a 10.7 M-event log's
explorer call cost the web process 3.4 GB and 42.7 MB of JSON).

    uv run python benchmarks/explorer_memory.py --events 1500000 --activities 3000

Generates, in a child process, a normalised Parquet log of N events whose cases wander among A activities
(Zipf-like choice, 4-16 events a case), so nearly every case is its own variant and the directly-follows
graph has tens of thousands of paths: the shape that made the answer big. Then, each in a fresh child
process (so one measurement's memory does not count in the next), it computes the five explorer parts the
way the API does (``selectors.ANALYSES``) for the page's call (``limit=20``) and for an API client's call
without ``limit``, and prints per call: peak RSS of the process (``ru_maxrss``, DuckDB included), the
Python heap's peak (tracemalloc), DuckDB's memory at the end of the call, and the JSON bytes.
Last lines: ``call=page|api events=N peak_rss_mib=... python_peak_mib=... duckdb_mib=... json_bytes=...``.

Measured 2026-12-01 (2 shared cores), 1.5 M events, 3,000 activities (149,899 variants, 844,932 paths):
before the caps (DuckDB 3 GB, answer unbounded): page 2,058 MiB peak RSS, 699 MiB Python heap,
139,978,299 JSON bytes; API without limit 2,341 MiB, 931 MiB, 184,512,403 bytes. After (DuckDB 1 GB,
2 threads, caps 1,000 variants / 2,000 paths / 1,000 activities): page 548 MiB, 6.3 MiB, 626,659 bytes;
API without limit 569 MiB, 7.6 MiB, 913,442 bytes.

Measured 2026-12-02, 10.7 M events, 3,000 activities, after the merge (DuckDB 2 GB, 2 threads; at the
earlier 1 GB default this call failed with DuckDB's out-of-memory error, now answered as ``analysis_memory``):
page 2,182 MiB peak RSS, 6.6 MiB Python heap, 637,931 JSON bytes; API without limit 2,154 MiB, 7.7 MiB,
928,152 bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generate(events: int, activities: int, dest: Path) -> None:
    import duckdb

    cases = max(events // 10, 1)
    con = duckdb.connect()
    con.execute(
        "SET threads = 2; SET memory_limit = '1GB'; SET enable_progress_bar = false; SELECT setseed(0.11)"
    )
    con.execute(
        f"""COPY (
            WITH c AS (SELECT i AS case_no, 4 + (hash(i) % 13)::INT AS n FROM range({cases}) t(i)),
                 e AS (SELECT case_no, unnest(range(n)) AS pos FROM c)
            SELECT row_number() OVER () AS row_no,
                   'case-' || case_no AS case_id,
                   'activity ' || lpad(floor(pow(random(), 3) * {activities})::INT::VARCHAR, 5, '0') AS activity,
                   TIMESTAMP '2024-01-01' + to_seconds(case_no * 60 + pos * (600 + hash(case_no, pos) % 7200))
                       AS timestamp,
                   'agent ' || (hash(case_no) % 50) AS resource
            FROM e ORDER BY case_no, pos LIMIT {events}
        ) TO '{dest}' (FORMAT parquet)"""
    )
    con.close()


def measure(log: Path, query: str) -> dict:
    """One explorer call in this (fresh) process."""
    import tracemalloc

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wayfare.settings")
    import django

    django.setup()
    from django.http import QueryDict

    from wayfare.analytics.engine import EventLogAnalysis
    from wayfare.analytics.selectors import ANALYSES, EXPLORER_PARTS

    params = QueryDict(query)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    with EventLogAnalysis.from_parquet(log) as analysis:
        answer = {name: ANALYSES[name](analysis, params) for name in EXPLORER_PARTS}
        duckdb_bytes = sum(
            int(r[0] or 0)
            for r in analysis.con.execute("SELECT memory_usage_bytes FROM duckdb_memory()").fetchall()
        )
        settings = analysis.con.execute(
            "SELECT current_setting('memory_limit'), current_setting('threads')"
        ).fetchone()
    body = json.dumps(answer, ensure_ascii=False).encode()
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "startup_rss_mib": base_rss / 1024,
        "python_peak_mib": python_peak / 2**20,
        "duckdb_mib": duckdb_bytes / 2**20,
        "json_bytes": len(body),
        "variants": len(answer["variants"]["variants"]),
        "paths": len(answer["dfg"]["edges"]),
        "duckdb_memory_limit": settings[0] if settings else None,
        "duckdb_threads": settings[1] if settings else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_500_000)
    parser.add_argument("--activities", type=int, default=3_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), args.child[1])))
        return
    env = {
        **os.environ,
        "WAYFARE_DATA_DIR": os.environ.get("WAYFARE_DATA_DIR") or tempfile.mkdtemp(prefix="wf-bench-"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log.parquet"
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
                f"from explorer_memory import generate; from pathlib import Path; "
                f"generate({args.events}, {args.activities}, Path({str(log)!r}))",
            ],
            check=True,
        )
        for call, query in (("page", "limit=20"), ("api", "")):
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(log), query],
                capture_output=True,
                text=True,
                env=env,
            )
            if child.returncode != 0:
                sys.exit(f"the {call} call failed:\n{child.stderr[-3000:]}")
            out = child.stdout.strip().splitlines()[-1]
            figures = json.loads(out)
            print(
                f"call={call} events={args.events} activities={args.activities} "
                + " ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items())
            )


if __name__ == "__main__":
    main()
