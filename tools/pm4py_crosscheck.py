"""Cross-check ``wayfare analyse-log --json`` against pm4py on generated logs with awkward properties.

pm4py is AGPL and never part of Wayfare: this script runs in its own throw-away environment and
calls Wayfare only through its command line, as an outside user would::

    uv run --no-project --with pm4py==2.7.23.11 python tools/pm4py_crosscheck.py [--cases N]

The logs it writes reproduce what real ITSM exports look like: ticket audit logs with day-first,
minute-resolution timestamps (many events of a case share a time; ties must keep file order), rows
not in time order, semicolon delimiters and column names with spaces; logs in local time with no
zone (read as given, as pm4py reads them); cp1252 files with accented activity names; tens of
thousands of cases; an export with blank cells (``--skip-bad-rows``, as pm4py drops such rows). For each log it prints one line per figure, ``OK`` or the first difference, and
exits 1 if any figure differs.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pm4py

REPO = Path(__file__).resolve().parent.parent

ACTIVITIES = [
    "Open",
    "Assign",
    "Reassign",
    "Update",
    "Pending vendor",
    "Caused by CI",
    "Resolved",
    "Closed",
    "Reopen",
    "Quality indicator set",
    "Status change",
    "Operator update",
]
ACCENTED = ["Ouverture", "Pris en charge", "Résolution", "Clôturé", "Réouverture", "Échange client"]


@dataclass
class LogSpec:
    name: str
    columns: tuple[str, str, str]  # case, activity, timestamp
    timestamp_format: str
    delimiter: str
    encoding: str
    activities: list[str]
    minute_resolution: bool
    shuffle_within_case: bool
    extra: dict[str, list[str]] = field(default_factory=dict)
    blanks: bool = False  # about 1% of case, activity and time cells left empty (``--skip-bad-rows``)


SPECS = [
    LogSpec(
        "audit-dayfirst-minutes",
        ("Incident ID", "Incident Activity Type", "Date Stamp"),
        "%d/%m/%Y %H:%M",
        ";",
        "utf-8",
        ACTIVITIES,
        minute_resolution=True,
        shuffle_within_case=True,
        extra={"Assignment Group": ["TEAM0001", "TEAM0002", "TEAM0003"], "KM number": ["KM1", "KM2", ""]},
    ),
    LogSpec(
        "local-time-no-zone",
        ("case", "event", "time"),
        "%Y-%m-%d %H:%M:%S",
        ",",
        "utf-8",
        ACTIVITIES,
        minute_resolution=False,
        shuffle_within_case=False,
    ),
    LogSpec(
        "cp1252-accents",
        ("N° dossier", "Étape", "Horodatage"),
        "%d.%m.%Y %H:%M:%S",
        "\t",
        "cp1252",
        ACCENTED,
        minute_resolution=False,
        shuffle_within_case=True,
    ),
    LogSpec(
        "export-with-blank-cells",
        ("Ticket", "Status", "Changed at"),
        "%d/%m/%Y %H:%M",
        ";",
        "utf-8",
        ACTIVITIES,
        minute_resolution=True,
        shuffle_within_case=False,
        blanks=True,
    ),
]


def generate(spec: LogSpec, cases: int, seed: int, path: Path) -> None:
    rng = random.Random(seed)
    rows = []
    # spans the European and US daylight-saving changes, so that local times which do not exist
    # (or exist twice) in some zones appear; read as naive, they are just clock readings
    origin = datetime(2013, 3, 9)
    for c in range(cases):
        case_id = f"{c:06d}" if c % 3 else f"IM{c:07d}"
        t = origin + timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
        n = rng.choice([1, 2, 3, 4, 4, 5, 6, 8, 12])
        trace = [rng.choice(spec.activities[:4])] + [rng.choice(spec.activities) for _ in range(n - 1)]
        events = []
        for act in trace:
            gap = (
                rng.choice([0, 0, 0, 1, 5, 60, 600, 3000, 86400])
                if spec.minute_resolution
                else rng.choice([0, 1, 7, 59, 3601, 7200, 86399])
            )
            t = t + timedelta(minutes=gap) if spec.minute_resolution else t + timedelta(seconds=gap)
            events.append((case_id, act, t))
        if spec.shuffle_within_case:
            rng.shuffle(events)
        for case_id, act, ts in events:
            row = {
                spec.columns[0]: case_id,
                spec.columns[1]: act,
                spec.columns[2]: ts.strftime(spec.timestamp_format),
            }
            for col, values in spec.extra.items():
                row[col] = rng.choice(values)
            if spec.blanks and rng.random() < 0.03:
                row[rng.choice(spec.columns)] = ""
            rows.append(row)
    # interleave cases the way exports do: blocks of a few cases mixed together
    blocks = [rows[i : i + 7] for i in range(0, len(rows), 7)]
    rng.shuffle(blocks)
    out = [r for b in blocks for r in b]
    pd.DataFrame(out).to_csv(path, sep=spec.delimiter, index=False, encoding=spec.encoding)


def pm4py_figures(spec: LogSpec, path: Path) -> dict:
    case, activity, timestamp = spec.columns
    df = pd.read_csv(path, sep=spec.delimiter, encoding=spec.encoding, dtype=str, keep_default_na=False)
    if spec.blanks:  # empty cells are missing values, which pm4py drops
        df = df.replace("", pd.NA)
    df[timestamp] = pd.to_datetime(df[timestamp], format=spec.timestamp_format, utc=True)
    df = pm4py.format_dataframe(df, case_id=case, activity_key=activity, timestamp_key=timestamp)
    variants = pm4py.get_variants(df)
    dfg, _, _ = pm4py.discover_dfg(df)
    perf, _, _ = pm4py.discover_performance_dfg(df)
    durations = pm4py.get_all_case_durations(df)
    s = pd.Series(durations, dtype=float)
    return {
        "events": len(df),
        "cases": df["case:concept:name"].nunique(),
        "activities": df["concept:name"].nunique(),
        "n_variants": len(variants),
        "variants": {tuple(k): int(v) for k, v in variants.items()},
        "dfg": {k: int(v) for k, v in dfg.items()},
        "performance": {
            k: {m: perf[k][m] for m in ("mean", "median", "min", "max", "sum", "stdev")} for k in perf
        },
        "start_activities": {k: int(v) for k, v in pm4py.get_start_activities(df).items()},
        "end_activities": {k: int(v) for k, v in pm4py.get_end_activities(df).items()},
        "case_duration_seconds": {
            "min": s.min(),
            "max": s.max(),
            "mean": s.mean(),
            "median": s.median(),
            "n": len(s),
        },
    }


def wayfare_figures(spec: LogSpec, path: Path) -> dict:
    case, activity, timestamp = spec.columns
    cmd = [
        "uv",
        "run",
        "--project",
        str(REPO),
        "wayfare",
        "analyse-log",
        str(path),
        "--case",
        case,
        "--activity",
        activity,
        "--timestamp",
        timestamp,
        "--timestamp-format",
        spec.timestamp_format,
        "--json",
        "--no-progress",
    ] + (["--skip-bad-rows"] if spec.blanks else [])
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if out.returncode:
        raise SystemExit(f"wayfare analyse-log failed on {spec.name}:\n{out.stderr}")
    w = json.loads(out.stdout)
    return {
        "events": w["events"],
        "cases": w["cases"],
        "activities": w["activities"],
        "n_variants": w["n_variants"],
        "variants": {tuple(v["variant"]): v["cases"] for v in w["variants"]},
        "dfg": {(e["from"], e["to"]): e["frequency"] for e in w["dfg"]},
        "performance": {
            (e["from"], e["to"]): {m: e[m] for m in ("mean", "median", "min", "max", "sum", "stdev")}
            for e in w["dfg"]
        },
        "start_activities": w["start_activities"],
        "end_activities": w["end_activities"],
        "case_duration_seconds": w["case_duration_seconds"],
    }


def close(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, (int, float)) or isinstance(b, (int, float)) or a is None or b is None:
        fa = math.nan if a is None else float(a)  # type: ignore[arg-type]
        fb = math.nan if b is None else float(b)  # type: ignore[arg-type]
        if math.isnan(fa) or math.isnan(fb):
            return math.isnan(fa) and math.isnan(fb)
        return math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-6)
    return a == b


def first_difference(a: dict, b: dict) -> str:
    for k in sorted(set(a) | set(b), key=str):
        if k not in a or k not in b or not close(a[k], b[k]):
            return f"{k!r}: pm4py={a.get(k)!r} wayfare={b.get(k)!r}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000, help="cases per generated log")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="wayfare-crosscheck-") as tmp:
        for i, spec in enumerate(SPECS):
            path = Path(tmp) / f"{spec.name}.csv"
            generate(spec, args.cases, args.seed + i, path)
            expected, got = pm4py_figures(spec, path), wayfare_figures(spec, path)
            print(f"{spec.name}: {expected['events']} events, {expected['cases']} cases")
            for key in expected:
                if close(expected[key], got[key]):
                    print(f"  {key}: OK")
                else:
                    failed = True
                    detail = (
                        first_difference(expected[key], got[key])
                        if isinstance(expected[key], dict)
                        else (f"pm4py={expected[key]!r} wayfare={got[key]!r}")
                    )
                    print(f"  {key}: DIFFERS {detail}")
    print("all figures equal" if not failed else "differences found")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
