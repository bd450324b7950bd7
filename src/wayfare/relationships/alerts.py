"""Rules that raise alerts on a relationship (issue #12 section 4: a missed contact, threats to trust),
each declared by the part that knows its data::

    alert_rule("missed_contact", _("Planned contact missed"), check=missed_contacts,
               describe=lambda params: _("No %(channel)s contact since %(due)s.") % params)

``check(today)`` yields an ``AlertFinding`` for every case it finds now. The alert engine
(``services/communication.py``: ``alerts_refresh``) raises one alert per (rule, key) that is new, keeps
those still found, and resolves those no longer found; running it twice raises nothing twice. Alerts are
backstage: consumers never see them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class AlertFinding:
    relationship_id: int
    key: str  # what the alert is about, stable across runs (e.g. "plan:12:2026-11-30")
    params: dict[str, Any] = field(default_factory=dict)  # JSON-safe, for ``describe``
    owner_id: int | None = None  # the user who should act (their reminders list it)
    due: datetime.date | None = None


@dataclass(frozen=True)
class AlertRule:
    code: str
    label: str | Promise
    check: Callable[[datetime.date], Iterable[AlertFinding]]
    describe: Callable[[dict[str, Any]], str]
    description: str | Promise = ""
    severity: str = "warning"  # "warning" or "critical"


_RULES: dict[str, AlertRule] = {}


def alert_rule(
    code: str,
    label: str | Promise,
    *,
    check: Callable[[datetime.date], Iterable[AlertFinding]],
    describe: Callable[[dict[str, Any]], str],
    description: str | Promise = "",
    severity: str = "warning",
) -> AlertRule:
    if code in _RULES:
        raise ValueError(f"alert rule {code!r} is declared twice")
    rule = AlertRule(code, label, check, describe, description, severity)
    _RULES[code] = rule
    return rule


def alert_rules() -> list[AlertRule]:
    return list(_RULES.values())


def alert_rule_for(code: str) -> AlertRule | None:
    return _RULES.get(code)
