"""Panels of the relationship page, each declared by the part that owns its data::

    relationship_panel("stakeholders", "relationships/panels/stakeholders.html", order=30,
                       context=stakeholder_panel_context)

``context(request, relationship)`` returns the template's context (or ``None`` to leave the panel out);
it must read through ``restrict()`` with ``request.user``. ``staff_only`` panels never render for a
consumer's people (alerts, assessments the provider made, internal notes: backstage, issue #12 section 7).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wayfare.core.access import is_consumer


@dataclass(frozen=True)
class RelationshipPanel:
    key: str
    template: str
    order: int
    context: Callable[[Any, Any], dict[str, Any] | None] | None
    staff_only: bool


_PANELS: dict[str, RelationshipPanel] = {}


def relationship_panel(
    key: str,
    template: str,
    *,
    order: int = 100,
    context: Callable[[Any, Any], dict[str, Any] | None] | None = None,
    staff_only: bool = False,
) -> RelationshipPanel:
    if key in _PANELS:
        raise ValueError(f"relationship panel {key!r} is declared twice")
    panel = RelationshipPanel(key, template, order, context, staff_only)
    _PANELS[key] = panel
    return panel


def panels_for(request: Any, relationship: Any) -> list[tuple[RelationshipPanel, dict[str, Any]]]:
    """The panels this reader may see, in order, each with its context."""
    consumer = is_consumer(request.user)
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        if panel.staff_only and consumer:
            continue
        context = panel.context(request, relationship) if panel.context else {}
        if context is None:
            continue
        shown.append((panel, context))
    return shown
