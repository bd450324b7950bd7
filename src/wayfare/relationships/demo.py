"""The relationships of the running story (DOMAIN.md section 8), one module per part in ``demo_parts``,
loaded in this order: later parts use the relationships the first one makes."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from .demo_parts import assessing, communication, relationship, stakeholders, suppliers


@transaction.atomic
def load(stdout: Any) -> None:
    relationship.load(stdout)
    stakeholders.load(stdout)
    communication.load(stdout)
    suppliers.load(stdout)
    assessing.load(stdout)
    communication.refresh_alerts(stdout)
