"""``wayfare import-log``: register an event log in Wayfare from a file on this machine, with a progress bar.

For logs too large to upload through a browser. The import is the same service the web page's background
task runs: all or nothing, with line-numbered errors (exit status 1).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from wayfare.analytics.messages import translate_engine_error, translate_engine_message
from wayfare.analytics.models import EventLog, EventLogStatus
from wayfare.analytics.services import event_log_create, event_log_import_run
from wayfare.core.access import SYSTEM


@contextlib.contextmanager
def _refusal_as_command_error() -> Iterator[None]:
    """The model's refusals (an encoding that is not text, a file over the upload limit) end the command
    with their messages and exit status 1, as the form shows them."""
    try:
        yield
    except ValidationError as exc:
        messages = [f"{field}: {m}" for field, errors in exc.message_dict.items() for m in errors]
        raise CommandError("; ".join(messages)) from exc


class Command(BaseCommand):
    help = "Import an event log file (CSV, XES, XES.gz) into Wayfare as a new event log."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="CSV, XES or XES.gz file")
        parser.add_argument("--name", required=True, help="name of the event log in Wayfare")
        parser.add_argument("--case", default="", help="case column (CSV)")
        parser.add_argument("--activity", default="", help="activity column (CSV)")
        parser.add_argument("--timestamp", default="", help="timestamp column (CSV)")
        parser.add_argument("--resource", default="", help="resource column (CSV, optional)")
        parser.add_argument("--timestamp-format", default="", help="strftime pattern; default ISO 8601")
        parser.add_argument("--timezone", default="UTC", help="zone of times without one (IANA name)")
        parser.add_argument("--delimiter", default="", help="CSV delimiter (default: detected)")
        parser.add_argument("--encoding", default="", help="file encoding (default: detected)")
        parser.add_argument("--description", default="")
        parser.add_argument("--attribution", default="", help="source and licence of the data")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def handle(self, *args: Any, **opts: Any) -> None:
        path = Path(opts["path"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        if EventLog.objects.filter(name=opts["name"]).exists():
            raise CommandError(f"an event log named {opts['name']!r} exists already")
        with path.open("rb") as handle, _refusal_as_command_error():
            event_log = event_log_create(
                actor=SYSTEM,
                enqueue=False,
                source=File(handle, name=path.name),
                name=opts["name"],
                case_column=opts["case"],
                activity_column=opts["activity"],
                timestamp_column=opts["timestamp"],
                resource_column=opts["resource"],
                timestamp_format=opts["timestamp_format"],
                timezone=opts["timezone"],
                delimiter=opts["delimiter"],
                encoding=opts["encoding"],
                description=opts["description"],
                attribution=opts["attribution"],
            )
        show = not opts["no_progress"] and sys.stderr.isatty()
        with tqdm(
            total=0, unit="B", unit_scale=True, desc="import", disable=not show, file=sys.stderr
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.n = done
                bar.refresh()

            event_log = event_log_import_run(event_log_id=event_log.pk, progress=progress)
        if event_log.status != EventLogStatus.READY:
            self.stderr.write(translate_engine_message(event_log.message))
            for error in event_log.errors[:20]:
                column = f" ({error['column']})" if error.get("column") else ""
                self.stderr.write(
                    f"  line {error['line']}{column}: "
                    f"{translate_engine_error(error.get('code'), error.get('params'), error['reason'])}"
                )
            raise CommandError(
                f"event log {event_log.pk} failed to import; fix the file and retry from its page"
            )
        self.stdout.write(
            f"event log {event_log.pk} {event_log.name!r}: {event_log.events} events, {event_log.cases} cases, "
            f"{event_log.activities} activities"
        )
