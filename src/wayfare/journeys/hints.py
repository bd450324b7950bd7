"""Behavioural checks of a journey map (004 2.4.2), shown as hints on the map: each reads the map
document (``selectors.journey_map_document``) and says where the design works against how people
remember and judge a journey. Filled in by the design part of issue #13."""

from __future__ import annotations

from typing import Any


def journey_map_hints(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Hints as ``{"code", "stage", "message"}`` (``stage``: a stage id or ``None``), in map order."""
    return []
