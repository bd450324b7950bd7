"""``wayfare alerts_refresh [--today YYYY-MM-DD]``: run every alert rule once (the periodic reminders job
does this too, first thing on each run). Running it twice raises nothing twice."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wayfare.relationships.services.communication import alerts_refresh


class Command(BaseCommand):
    help = "Raise, keep and resolve the alerts on service relationships."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options.get("today"):
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today takes a date as YYYY-MM-DD") from exc
        counts = alerts_refresh(today=today)
        self.stdout.write("alerts: {raised} raised, {kept} still open, {resolved} resolved".format(**counts))
