"""What a drawing of a map or of its blueprint holds, as rows of cells (one cell per stage), shared by the
SVG and the PDF so both show the same. Built from the map document only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import EMOTION_MAX, EMOTION_MIN, Lane


@dataclass
class Block:
    """A paragraph of a cell, or a card (a touchpoint) with a title and a line under it."""

    text: str = ""
    title: str = ""
    card: bool = False
    backstage: bool = False


@dataclass
class Row:
    label: str
    cells: list[list[Block]]
    kind: str = "text"  # text | line (the line of visibility) | curve (the emotion curve)


@dataclass
class Curve:
    """One persona's emotion per stage (``None`` where not given), as it is and as designed to be."""

    persona: str
    as_is: list[int | None]
    to_be: list[int | None]


@dataclass
class Drawing:
    title: str
    subtitle: str
    stages: list[dict[str, Any]]
    rows: list[Row] = field(default_factory=list)
    curves: list[Curve] = field(default_factory=list)
    low: int = EMOTION_MIN
    high: int = EMOTION_MAX


def _minutes(value: Any) -> str:
    if value in (None, ""):
        return ""
    value = int(value)
    if value >= 60 and value % 60 == 0:
        hours = value // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", value) % {"count": value}


def _card(touchpoint: dict[str, Any]) -> Block:
    parts = [touchpoint.get("channel_label") or "", touchpoint.get("kind_label") or ""]
    if touchpoint.get("interaction_form_label"):
        parts.append(touchpoint["interaction_form_label"])
    if touchpoint.get("third_party"):
        parts.append(_("with %(party)s") % {"party": touchpoint["third_party"]["name"]})
    if not touchpoint.get("expected", True):
        parts.append(_("unexpected"))
    return Block(
        title=str(touchpoint.get("name") or ""),
        text=" · ".join(str(p) for p in parts if p),
        card=True,
        backstage=bool(touchpoint.get("backstage")),
    )


def _text_row(label: str, stages: list[dict[str, Any]], key: str) -> Row | None:
    cells = [[Block(text=str(stage.get(key) or ""))] if stage.get(key) else [] for stage in stages]
    return Row(label, cells) if any(cells) else None


def _header(document: dict[str, Any]) -> tuple[str, str]:
    doc_map = document["map"]
    parts = []
    if doc_map.get("relationship"):
        parts.append(str(doc_map["relationship"]["name"]))
    if doc_map.get("personas"):
        names = ", ".join(str(p["name"]) for p in doc_map["personas"])
        parts.append(_("Personas: %(names)s") % {"names": names})
    return str(doc_map.get("name") or ""), " · ".join(parts)


def map_drawing(document: dict[str, Any]) -> Drawing:
    """The journey map: stages as columns, their text, touchpoint cards and the emotion curves."""
    stages = document["stages"]
    title, subtitle = _header(document)
    drawing = Drawing(title=title, subtitle=subtitle, stages=stages)
    for label, key in (
        (_("Customer actions"), "customer_actions"),
        (_("Thoughts"), "thoughts"),
        (_("Pain points"), "pain_points"),
        (_("Opportunities"), "opportunities"),
        (_("Moments of truth"), "moments_of_truth"),
        (_("Consumer goals"), "consumer_goals"),
        (_("Provider goals"), "provider_goals"),
        (_("Provider teams and roles"), "provider_teams"),
    ):
        row = _text_row(label, stages, key)
        if row is not None:
            drawing.rows.append(row)
    cards = [[_card(t) for t in stage["touchpoints"]] for stage in stages]
    if any(cards):
        drawing.rows.append(Row(_("Touchpoints"), cards))
    durations = [
        [Block(text=_minutes(s.get("duration_minutes")))] if s.get("duration_minutes") else [] for s in stages
    ]
    if any(durations):
        drawing.rows.append(Row(_("Duration"), durations))
    personas = {
        p["id"]: str(p["name"]) for p in document["map"].get("personas", []) if not p.get("is_machine")
    }
    for persona_id, name in personas.items():
        as_is: list[int | None] = []
        to_be: list[int | None] = []
        for stage in stages:
            emotion = next((e for e in stage["emotions"] if e["persona"] == persona_id), None)
            as_is.append(emotion["as_is"] if emotion else None)
            to_be.append(emotion["to_be"] if emotion else None)
        if any(v is not None for v in as_is + to_be):
            drawing.curves.append(Curve(name, as_is, to_be))
    if drawing.curves:
        drawing.rows.append(Row(_("Emotion"), [[] for _stage in stages], kind="curve"))
    return drawing


def blueprint_drawing(document: dict[str, Any]) -> Drawing:
    """The service blueprint: lanes of customer actions, frontstage, the line of visibility, backstage
    and support processes (the last two only in a document with its backstage), and time per stage."""
    stages = document["stages"]
    title, subtitle = _header(document)
    drawing = Drawing(title=title, subtitle=subtitle, stages=stages)

    def lane(name: str, text_key: str | None = None) -> list[list[Block]]:
        cells = []
        for stage in stages:
            cell = [Block(text=str(stage[text_key]))] if text_key and stage.get(text_key) else []
            cell += [_card(t) for t in stage["touchpoints"] if t.get("lane") == name]
            cells.append(cell)
        return cells

    drawing.rows.append(Row(_("Customer actions"), lane(Lane.CUSTOMER, "customer_actions")))
    drawing.rows.append(Row(_("Frontstage"), lane(Lane.FRONTSTAGE)))
    drawing.rows.append(Row(_("Line of visibility"), [[] for _stage in stages], kind="line"))
    if document.get("backstage"):
        drawing.rows.append(Row(_("Backstage"), lane(Lane.BACKSTAGE, "backstage_notes")))
        drawing.rows.append(Row(_("Support processes"), lane(Lane.SUPPORT, "support_processes")))
    drawing.rows.append(
        Row(
            _("Time"),
            [
                [Block(text=_minutes(s.get("duration_minutes")))] if s.get("duration_minutes") else []
                for s in stages
            ],
        )
    )
    return drawing
