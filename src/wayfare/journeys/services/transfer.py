"""Import of a journey map file (``exports.files``, format ``wayfare.journey-map`` version 1).

``journey_map_import`` exists so that a map made elsewhere (another Wayfare, a copy kept aside, a file
edited by hand) comes back whole or not at all. It keeps true: the file is read only when small enough
(``MAX_BYTES``), parsed (syntax errors with line and column), checked field by field before anything is
written (each error names its field, e.g. ``stages[2].phase``), related rows are found by name among
those the actor may see, activities are among the activities of the map's event log; then it writes the
map and all its rows in one transaction, through ``record_create`` / ``record_update`` (history, the
model's ``full_clean()``, the access re-check). Any error rolls everything back.
"""

from __future__ import annotations

import json
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from wayfare.core.access import has_permission, restrict
from wayfare.core.concurrency import StaleVersion, lock_current
from wayfare.core.exceptions import DomainError
from wayfare.core.related import Seen
from wayfare.core.services import _write_changes, record_create
from wayfare.core.translations import clean_translations
from wayfare.parties.models import Organisation
from wayfare.relationships.models import JourneyStep, ServiceRelationship

from ..models import (
    EMOTION_MAX,
    EMOTION_MIN,
    Aspect,
    Channel,
    InteractionForm,
    JourneyMap,
    JourneyStage,
    Lane,
    LinkKind,
    Persona,
    Phase,
    StageComment,
    StageEmotion,
    Touchpoint,
    TouchpointKind,
    TouchpointLink,
)

FORMAT = "wayfare.journey-map"
VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
STAGE_TEXT = (
    "customer_actions",
    "thoughts",
    "pain_points",
    "opportunities",
    "moments_of_truth",
    "provider_teams",
    "consumer_goals",
    "provider_goals",
    "data_sources",
    "past_improvements",
    "support_processes",
    "backstage_notes",
)


class TransferFailed(DomainError):
    """The file cannot be imported; ``errors`` lists every problem, each naming its field."""

    code = "invalid_file"

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def obj(self, value: Any, where: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(where, _("must be an object"))
            return None
        return value

    def text(
        self, row: dict, key: str, where: str, *, required: bool = False, limit: int | None = None
    ) -> str:
        value = row.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(f"{where}.{key}", _("must be a text"))
            return ""
        if required and not value.strip():
            self.add(f"{where}.{key}", _("must not be empty"))
        if limit is not None and len(value) > limit:
            self.add(f"{where}.{key}", _("is longer than %(limit)d characters") % {"limit": limit})
        return value

    def choice(
        self, row: dict, key: str, where: str, choices: Any, default: str, *, blank: bool = False
    ) -> str:
        value = row.get(key, default)
        if value is None:
            value = ""
        allowed = [str(v) for v in choices.values]
        if (value == "" and blank) or value in allowed:
            return str(value)
        self.add(
            f"{where}.{key}",
            _("%(value)s is not one of %(allowed)s")
            % {"value": _shown(value), "allowed": ", ".join(allowed)},
        )
        return default

    def boolean(self, row: dict, key: str, where: str, default: bool) -> bool:
        value = row.get(key, default)
        if not isinstance(value, bool):
            self.add(f"{where}.{key}", _("must be true or false"))
            return default
        return value

    def integer(
        self, row: dict, key: str, where: str, *, low: int | None, high: int | None, null: bool
    ) -> int | None:
        value = row.get(key)
        if value is None:
            if not null:
                self.add(f"{where}.{key}", _("is required"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(f"{where}.{key}", _("must be a whole number"))
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.add(
                f"{where}.{key}",
                _("%(value)s is not between %(low)s and %(high)s")
                % {"value": value, "low": low, "high": high},
            )
            return None
        return value

    def items(self, data: dict, key: str) -> list[tuple[str, dict[str, Any]]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.add(key, _("must be a list"))
            return []
        rows = []
        for index, row in enumerate(value):
            checked = self.obj(row, f"{key}[{index}]")
            if checked is not None:
                rows.append((f"{key}[{index}]", checked))
        return rows

    def translations(self, model: type, row: dict, where: str) -> dict:
        try:
            return clean_translations(model, row.get("translations") or {})
        except ValidationError as exc:
            self.add(f"{where}.translations", " ".join(exc.messages))
            return {}


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value)[:60]


def _parse(data: Any, checker: _Checker) -> Any:
    if hasattr(data, "read"):  # an uploaded file: refuse a big one before reading it
        size = getattr(data, "size", None)
        if size is not None and size > MAX_BYTES:
            raise TransferFailed([_too_big()])
        data = data.read(MAX_BYTES + 1)
    if isinstance(data, (bytes, bytearray)):
        if len(data) > MAX_BYTES:
            raise TransferFailed([_too_big()])
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TransferFailed([_("file: not UTF-8 text")]) from None
    if isinstance(data, str):
        if len(data.encode()) > MAX_BYTES:
            raise TransferFailed([_too_big()])
        try:
            return json.loads(data)
        except json.JSONDecodeError as exc:
            raise TransferFailed(
                [
                    _("file: not valid JSON at line %(line)d, column %(column)d (%(problem)s)")
                    % {"line": exc.lineno, "column": exc.colno, "problem": exc.msg}
                ]
            ) from None
    return data


def _too_big() -> str:
    return _("file: larger than %(size)d MB") % {"size": MAX_BYTES // (1024 * 1024)}


def _by_name(queryset: Any, actor: Any, ref: Any, where: str, checker: _Checker, label: Any = None) -> Any:
    """The row ``ref`` (``{"id", "name"}``) names, among those the actor may see: the row of that id if
    its name matches, else the one row of that name."""
    if not isinstance(ref, dict) or not isinstance(ref.get("name"), str) or not ref["name"].strip():
        checker.add(where, _("must be an object with a name"))
        return None
    name = ref["name"].strip()
    label = label or (lambda row: str(row))
    rows = list(restrict(queryset, actor, "view"))
    if isinstance(ref.get("id"), int):
        for row in rows:
            if row.pk == ref["id"] and (label(row) == name or getattr(row, "name", None) == name):
                return row
    found = [row for row in rows if label(row) == name or getattr(row, "name", None) == name]
    if len(found) != 1:
        message = _("no %(kind)s named %(name)s") if not found else _("several %(kind)ss are named %(name)s")
        checker.add(where, message % {"kind": queryset.model._meta.verbose_name, "name": _shown(name)})
        return None
    return found[0]


def _activities(row: dict, where: str, known: set[str] | None, checker: _Checker) -> list[str]:
    value = row.get("activities", [])
    if value is None:
        return []
    if not isinstance(value, list) or any(not isinstance(a, str) or not a.strip() for a in value):
        checker.add(f"{where}.activities", _("must be a list of activity names"))
        return []
    if value and known is None:
        checker.add(f"{where}.activities", _("the map names no event log to take activities from"))
        return []
    unknown = [a for a in value if known is not None and a not in known]
    if unknown:
        checker.add(
            f"{where}.activities",
            _("not activities of the event log: %(names)s")
            % {"names": ", ".join(_shown(a) for a in unknown)},
        )
    return list(value)


def _number(rows: list[dict[str, Any]]) -> None:
    """Positions kept as the file gives them (a round trip keeps them); missing ones follow the last."""
    given = [row["position"] for row in rows if row["position"] is not None]
    if len(set(given)) != len(given):
        given = []
        for row in rows:
            row["position"] = None
    last = max(given, default=0)
    for row in rows:
        if row["position"] is None:
            last += 1
            row["position"] = last


def _check(data: Any, actor: Any) -> dict[str, Any]:
    """Everything the file says, checked and resolved; raises ``TransferFailed`` listing every problem."""
    from wayfare.analytics.models import EventLog
    from wayfare.analytics.selectors import event_log_activity_names

    checker = _Checker()
    top = checker.obj(data, "file")
    if top is None:
        raise TransferFailed(checker.errors)
    if top.get("format") != FORMAT:
        raise TransferFailed(
            [
                _("format: %(value)s is not %(format)s")
                % {"value": _shown(top.get("format")), "format": FORMAT}
            ]
        )
    if top.get("version") != VERSION:
        raise TransferFailed(
            [
                _("version: %(value)s is not supported (this Wayfare reads version %(version)d)")
                % {"value": _shown(top.get("version")), "version": VERSION}
            ]
        )
    source = checker.obj(top.get("map"), "map") or {}
    seen = Seen(actor)
    plan: dict[str, Any] = {
        "map": {
            "name": checker.text(source, "name", "map", required=True, limit=200),
            "description": checker.text(source, "description", "map"),
            "scope": checker.text(source, "scope", "map"),
            "internal_notes": checker.text(source, "internal_notes", "map"),
            "translations": checker.translations(JourneyMap, source, "map"),
            "log_filters": source.get("log_filters") or {},
        }
    }
    if not isinstance(plan["map"]["log_filters"], dict):
        checker.add("map.log_filters", _("must be an object"))
    relationship = None
    if source.get("relationship") is not None:
        relationship = _by_name(
            ServiceRelationship.objects.all(),
            actor,
            source["relationship"],
            "map.relationship",
            checker,
            label=lambda row: str(seen.label(row)),
        )
    plan["map"]["relationship"] = relationship
    personas: dict[str, Persona] = {}
    persona_list = source.get("personas") or []
    if not isinstance(persona_list, list):
        checker.add("map.personas", _("must be a list"))
        persona_list = []
    for index, ref in enumerate(persona_list):
        persona = _by_name(Persona.objects.all(), actor, ref, f"map.personas[{index}]", checker)
        if persona is not None:
            personas[ref["name"].strip()] = persona
    plan["map"]["personas"] = list(personas.values())
    log, known = None, None
    if source.get("event_log") is not None:
        log = _by_name(EventLog.objects.all(), actor, source["event_log"], "map.event_log", checker)
        known = set(event_log_activity_names(log)) if log is not None else set()
    plan["map"]["event_log"] = log

    stages: dict[Any, dict[str, Any]] = {}
    for where, row in checker.items(top, "stages"):
        key = row.get("id")
        if key is None or isinstance(key, (dict, list, bool)) or key in stages:
            checker.add(f"{where}.id", _("must be given once per stage"))
            continue
        fields = {
            "position": checker.integer(row, "position", where, low=0, high=None, null=True),
            "name": checker.text(row, "name", where, required=True, limit=200),
            "step": checker.choice(row, "step", where, JourneyStep, "", blank=True),
            "phase": checker.choice(row, "phase", where, Phase, Phase.DURING),
            **{name: checker.text(row, name, where) for name in STAGE_TEXT},
            "duration_minutes": checker.integer(row, "duration_minutes", where, low=0, high=None, null=True),
            "consumer_waits": checker.boolean(row, "consumer_waits", where, False),
            "optional": checker.boolean(row, "optional", where, False),
            "activities": _activities(row, where, known, checker),
            "translations": checker.translations(JourneyStage, row, where),
        }
        stages[key] = {"fields": fields, "where": where}
    ordered = sorted(
        stages.items(),
        key=lambda item: (item[1]["fields"]["position"] is None, item[1]["fields"]["position"] or 0),
    )
    _number([stage["fields"] for _key, stage in ordered])
    plan["stages"] = dict(ordered)

    organisations = Organisation.objects.all()
    touchpoints: dict[Any, dict[str, Any]] = {}
    for where, row in checker.items(top, "touchpoints"):
        key = row.get("id")
        if key is None or isinstance(key, (dict, list, bool)) or key in touchpoints:
            checker.add(f"{where}.id", _("must be given once per touchpoint"))
            continue
        if row.get("stage") not in stages:
            checker.add(
                f"{where}.stage",
                _("%(value)s is not the id of a stage of the file") % {"value": _shown(row.get("stage"))},
            )
        kind = checker.choice(row, "kind", where, TouchpointKind, TouchpointKind.INTERACTION)
        form = checker.choice(row, "interaction_form", where, InteractionForm, "", blank=True)
        if kind == TouchpointKind.TOUCHPOINT and form:
            checker.add(
                f"{where}.interaction_form", _("a touchpoint without interaction has no form of interaction")
            )
        third = None
        if row.get("third_party") is not None:
            third = _by_name(organisations, actor, row["third_party"], f"{where}.third_party", checker)
        fields = {
            "position": checker.integer(row, "position", where, low=0, high=None, null=True),
            "name": checker.text(row, "name", where, required=True, limit=200),
            "description": checker.text(row, "description", where),
            "channel": checker.choice(row, "channel", where, Channel, Channel.OTHER),
            "kind": kind,
            "interaction_form": form,
            "lane": checker.choice(row, "lane", where, Lane, Lane.FRONTSTAGE),
            "third_party": third,
            "aspect": checker.choice(row, "aspect", where, Aspect, Aspect.JOURNEY),
            "expected": checker.boolean(row, "expected", where, True),
            "offers_choice": checker.boolean(row, "offers_choice", where, False),
            "activities": _activities(row, where, known, checker),
            "translations": checker.translations(Touchpoint, row, where),
        }
        touchpoints[key] = {"fields": fields, "where": where, "stage": row.get("stage")}
    for stage_key in stages:
        mine = [t for t in touchpoints.values() if t["stage"] == stage_key]
        mine.sort(key=lambda t: (t["fields"]["position"] is None, t["fields"]["position"] or 0))
        _number([touchpoint["fields"] for touchpoint in mine])
    plan["touchpoints"] = touchpoints

    emotions = []
    pairs: set[tuple[Any, int]] = set()
    for where, row in checker.items(top, "emotions"):
        if row.get("stage") not in stages:
            checker.add(
                f"{where}.stage",
                _("%(value)s is not the id of a stage of the file") % {"value": _shown(row.get("stage"))},
            )
        ref = row.get("persona")
        persona = (
            personas.get(ref["name"].strip())
            if isinstance(ref, dict) and isinstance(ref.get("name"), str)
            else None
        )
        if persona is None:
            checker.add(f"{where}.persona", _("must name one of the map's personas"))
        elif persona.is_machine:
            checker.add(f"{where}.persona", _("a machine consumer has no emotions"))
        elif (row.get("stage"), persona.pk) in pairs:
            checker.add(f"{where}.persona", _("this persona's emotion at this stage is given twice"))
        else:
            pairs.add((row.get("stage"), persona.pk))
        emotions.append(
            {
                "stage": row.get("stage"),
                "where": where,
                "fields": {
                    "persona": persona,
                    "as_is": checker.integer(
                        row, "as_is", where, low=EMOTION_MIN, high=EMOTION_MAX, null=False
                    ),
                    "to_be": checker.integer(
                        row, "to_be", where, low=EMOTION_MIN, high=EMOTION_MAX, null=True
                    ),
                    "note": checker.text(row, "note", where, limit=300),
                },
            }
        )
    plan["emotions"] = emotions

    links = []
    ends: set[tuple[Any, Any]] = set()
    for where, row in checker.items(top, "links"):
        for end in ("source", "target"):
            if row.get(end) not in touchpoints:
                checker.add(
                    f"{where}.{end}",
                    _("%(value)s is not the id of a touchpoint of the file")
                    % {"value": _shown(row.get(end))},
                )
        if row.get("source") == row.get("target") and row.get("source") is not None:
            checker.add(f"{where}.target", _("a link joins two different touchpoints"))
        elif (row.get("source"), row.get("target")) in ends:
            checker.add(f"{where}.target", _("these two touchpoints are linked twice"))
        ends.add((row.get("source"), row.get("target")))
        links.append(
            {
                "source": row.get("source"),
                "target": row.get("target"),
                "where": where,
                "fields": {
                    "kind": checker.choice(row, "kind", where, LinkKind, LinkKind.ALTERNATIVE),
                    "label": checker.text(row, "label", where, limit=200),
                    "translations": checker.translations(TouchpointLink, row, where),
                },
            }
        )
    plan["links"] = links
    if checker.errors:
        raise TransferFailed(checker.errors)
    return plan


def _errors(exc: ValidationError, where: str) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [f"{where}.{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()]
    return [f"{where}: {' '.join(exc.messages)}"]


def _unique_name(name: str) -> str:
    if not JourneyMap.objects.filter(name=name).exists():
        return name
    number = 2
    while JourneyMap.objects.filter(name=f"{name} ({number})").exists():
        number += 1
    return f"{name} ({number})"[:200]


@transaction.atomic
def journey_map_import(
    *,
    data: Any,
    actor: Any,
    name: str | None = None,
    into: JourneyMap | None = None,
    expected_version: str | None = None,
) -> JourneyMap:
    """Create a map from a map file (``data``: bytes, text, an uploaded file or the parsed object), or
    replace the content of ``into`` (its stages, touchpoints, emotions and links, and the map's own
    fields except its name unless ``name`` is given; its comments are kept, see ``_keep_comments``),
    checking ``expected_version`` of ``into``.

    A new map takes ``name``, else the file's name, made unique with a number when taken. Raises
    ``TransferFailed`` (every problem, naming its field) or ``StaleVersion``; writes nothing then.
    """
    if into is None and not has_permission(actor, JourneyMap, "add"):
        raise TransferFailed([_("file: you may not add journey maps")])
    plan = _check(_parse(data, _Checker()), actor)
    fields = dict(plan["map"])
    try:
        if into is None:
            fields["name"] = name.strip() if name and name.strip() else _unique_name(fields["name"])
            journey_map = cast(JourneyMap, record_create(model=JourneyMap, actor=actor, data=fields))
        else:
            if not restrict(JourneyMap.objects.filter(pk=into.pk), actor, "change").exists():
                raise TransferFailed([_("into: you may not change this journey map")])
            current = cast(JourneyMap, lock_current(into, expected_version))
            if name and name.strip():
                fields["name"] = name.strip()
            else:
                fields.pop("name")
                kept = {lang: t["name"] for lang, t in (current.translations or {}).items() if "name" in t}
                merged = {
                    lang: {k: v for k, v in t.items() if k != "name"}
                    for lang, t in fields["translations"].items()
                }
                for lang, text in kept.items():
                    merged.setdefault(lang, {})["name"] = text
                fields["translations"] = {lang: t for lang, t in merged.items() if t}
            # The old stages step aside (their positions out of the way) until the new ones are
            # written; then their comments move to the new stage of the same name (else of the same
            # position, else the last), and the old stages go with their touchpoints, emotions and links.
            old = list(current.stages.order_by("position"))
            JourneyStage.objects.filter(pk__in=[s.pk for s in old]).update(position=F("position") + 1_000_000)
            journey_map = cast(JourneyMap, _write_changes(current, actor=actor, data=fields))
        _write_children(journey_map, plan, actor)
        if into is not None:
            _keep_comments(journey_map, old)
    except ValidationError as exc:
        raise TransferFailed(_errors(exc, "map")) from None
    return journey_map


def _keep_comments(journey_map: JourneyMap, old: list[JourneyStage]) -> None:
    """Comments are the team's talk about a stage, not part of a map file: a replaced map keeps them."""
    new = list(journey_map.stages.filter(position__lt=1_000_000).order_by("position"))
    if new:
        by_name = {stage.name: stage for stage in new}
        by_position = {stage.position: stage for stage in new}
        for stage in old:
            target = by_name.get(stage.name) or by_position.get(stage.position) or new[-1]
            StageComment.objects.filter(stage=stage).update(stage=target)
    JourneyStage.objects.filter(pk__in=[s.pk for s in old]).delete()


def _write_children(journey_map: JourneyMap, plan: dict[str, Any], actor: Any) -> None:
    stages: dict[Any, JourneyStage] = {}
    touchpoints: dict[Any, Touchpoint] = {}
    errors: list[str] = []

    def create(model: type, where: str, data: dict[str, Any]) -> Any:
        try:
            return record_create(model=model, actor=actor, data={"journey_map": journey_map, **data})
        except ValidationError as exc:
            errors.extend(_errors(exc, where))
            return None

    for key, stage in plan["stages"].items():
        stages[key] = create(JourneyStage, stage["where"], stage["fields"])
    for key, touchpoint in plan["touchpoints"].items():
        if stages.get(touchpoint["stage"]) is not None:
            touchpoints[key] = create(
                Touchpoint,
                touchpoint["where"],
                {"stage": stages[touchpoint["stage"]], **touchpoint["fields"]},
            )
    for emotion in plan["emotions"]:
        if stages.get(emotion["stage"]) is not None:
            create(StageEmotion, emotion["where"], {"stage": stages[emotion["stage"]], **emotion["fields"]})
    for link in plan["links"]:
        source, target = touchpoints.get(link["source"]), touchpoints.get(link["target"])
        if source is not None and target is not None:
            create(TouchpointLink, link["where"], {"source": source, "target": target, **link["fields"]})
    if errors:
        raise TransferFailed(errors)  # raised inside the transaction: nothing stays written


__all__ = ["MAX_BYTES", "StaleVersion", "TransferFailed", "journey_map_import"]
