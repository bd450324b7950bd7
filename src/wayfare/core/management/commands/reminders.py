"""``wayfare reminders``: run the reminders job once now; ``--schedule`` starts the periodic run on the
task worker instead (if none is waiting). For cron: ``wayfare reminders`` every 15 minutes."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Make and e-mail reminders from due dates now, or schedule the periodic run on the task worker."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Enqueue the periodic reminders task (for `wayfare db_worker`) unless one is waiting.",
        )
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            from wayfare.core.tasks import reminders_schedule, reminders_waiting

            waiting = reminders_waiting()
            result = waiting or reminders_schedule()
            if result is None:
                self.stdout.write("The task backend runs tasks at once: nothing to schedule.")
            elif waiting is not None:
                self.stdout.write(f"A reminders run is already waiting ({result.id}).")
            else:
                self.stdout.write(f"Reminders run scheduled ({result.id}).")
            return
        from wayfare.core.reminders import reminders_run

        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"--today: {exc}") from exc
        summary = reminders_run(today=today)
        self.stdout.write(
            "Reminders {today}: {created} new, {closed} closed, {emailed} e-mails sent, {failed} failed.".format(
                **summary.as_dict()
            )
        )
        for error in summary.errors:
            self.stderr.write(error)
