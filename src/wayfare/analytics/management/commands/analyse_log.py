"""``wayfare analyse-log``: import an event log (CSV or XES) and print its process-mining figures.

The log is imported into a temporary directory (nothing is kept); with ``--json`` one JSON object is
printed on stdout, so that the figures can be compared with other tools or scripted.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from wayfare.analytics.engine.analysis import EventLogAnalysis
from wayfare.analytics.engine.csv_import import import_csv
from wayfare.analytics.engine.types import ColumnMapping, EventLogImportError, ImportResult, ProgressCallback
from wayfare.analytics.limits import import_limits

SHOWN_ROW_ERRORS = 20
DURATION_KEYS = ("min", "max", "mean", "median", "n")


class Command(BaseCommand):
    help = "Import an event log (CSV, XES) and print variants, directly-follows graph and durations."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="CSV, .xes or .xes.gz file")
        parser.add_argument("--case", help="column holding the case id (CSV)")
        parser.add_argument("--activity", help="column holding the activity (CSV)")
        parser.add_argument("--timestamp", help="column holding the timestamp (CSV)")
        parser.add_argument("--resource", help="column holding the resource (CSV, optional)")
        parser.add_argument(
            "--timestamp-format", help="strptime format, e.g. %%d/%%m/%%Y %%H:%%M (default ISO 8601)"
        )
        parser.add_argument(
            "--timezone", default="UTC", help="IANA zone of times without offset (default UTC)"
        )
        parser.add_argument("--delimiter", help="CSV delimiter (default: detected)")
        parser.add_argument("--encoding", help="file encoding (default: detected)")
        parser.add_argument(
            "--skip-bad-rows",
            action="store_true",
            help="leave out rows without case, activity or readable time (listed on stderr) instead of failing",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def handle(self, *args: Any, **opts: Any) -> None:
        path = Path(opts["path"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")  # the caller's own path, on their own terminal
        show_bar = not opts["no_progress"] and sys.stderr.isatty()
        with tempfile.TemporaryDirectory(prefix="wayfare-analyse-") as tmp:
            dest = Path(tmp) / "events.parquet"
            with tqdm(
                total=0, unit="B", unit_scale=True, desc="import", disable=not show_bar, file=sys.stderr
            ) as bar:
                try:
                    imported = self._import(path, dest, opts, _bar_callback(bar))
                except EventLogImportError as exc:
                    self._report_errors(exc.message, exc.errors, exc.error_count)
                    if exc.errors and not opts["skip_bad_rows"]:
                        self.stderr.write("  (--skip-bad-rows leaves these rows out and analyses the others)")
                    raise CommandError(exc.message) from exc
            if imported.skipped:
                self._report_errors(
                    f"skipped {imported.skipped} rows that are not events:",
                    imported.skipped_rows,
                    imported.skipped,
                )
            with EventLogAnalysis.from_parquet(dest) as analysis:
                result = _cli_report(analysis)
        if opts["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, allow_nan=False))
        else:
            self._print_text(result)

    def _import(self, path: Path, dest: Path, opts: dict, progress: ProgressCallback) -> ImportResult:
        if path.name.lower().endswith((".xes", ".xes.gz")):
            from wayfare.analytics.engine.xes_import import import_xes  # written separately; lazy on purpose

            return import_xes(path, dest, progress=progress, limits=import_limits())
        missing = [f"--{name}" for name in ("case", "activity", "timestamp") if not opts[name]]
        if missing:
            raise CommandError(f"a CSV log needs {', '.join(missing)}")
        mapping = ColumnMapping(opts["case"], opts["activity"], opts["timestamp"], opts["resource"])
        return import_csv(
            path,
            dest,
            mapping,
            timestamp_format=opts["timestamp_format"],
            timezone=opts["timezone"],
            delimiter=_unescape(opts["delimiter"]),
            encoding=opts["encoding"],
            progress=progress,
            skip_bad_rows=opts["skip_bad_rows"],
            limits=import_limits(),  # the same caps and encoding checks as an upload
        )

    def _report_errors(self, message: str, errors: list, count: int) -> None:
        self.stderr.write(message)
        for err in errors[:SHOWN_ROW_ERRORS]:
            column = f" column {err.column!r}" if err.column else ""
            self.stderr.write(f"  line {err.line}{column}: {err.reason}")
        if count > SHOWN_ROW_ERRORS:
            self.stderr.write(f"  ... and {count - SHOWN_ROW_ERRORS} more rows")

    def _print_text(self, result: dict) -> None:
        self.stdout.write(
            f"{result['events']} events, {result['cases']} cases, {result['activities']} activities, "
            f"{result['n_variants']} variants"
        )
        for v in result["variants"][:10]:
            self.stdout.write(f"  {v['cases']:>8}  {' > '.join(v['variant'])}")


def _cli_report(analysis: EventLogAnalysis) -> dict[str, Any]:
    """The figures the command prints (the same that pm4py's usual calls give)."""
    summary = analysis.summary()
    durations = analysis.case_durations()
    return {
        "events": summary["events"],
        "cases": summary["cases"],
        "activities": summary["activities"],
        "n_variants": analysis.n_variants(),
        "variants": [{"variant": v["variant"], "cases": v["cases"]} for v in analysis.variants()],
        "dfg": analysis.dfg(),
        "start_activities": analysis.start_activities(),
        "end_activities": analysis.end_activities(),
        "case_duration_seconds": {k: durations[k] for k in DURATION_KEYS},
    }


def _bar_callback(bar: tqdm) -> ProgressCallback:
    def update(done: int, total: int) -> None:
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    return update


def _unescape(delimiter: str | None) -> str | None:
    """Let ``--delimiter '\\t'`` mean a tab."""
    return "\t" if delimiter in ("\\t", "tab", "TAB") else delimiter
