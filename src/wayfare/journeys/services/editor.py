"""The journey map editor (STYLE.md section 4, "Multi-row editors"): a collecting service.

``JourneyMapEditor(journey_map=, actor=, version=)`` records operations (plain dicts, as the API and the
page send them), then ``commit()`` applies them in ONE transaction under the map's version check
(``core.concurrency.lock_current``): every row is ``full_clean()``-ed and saved through the change history
with the actor, positions are renumbered 1..n, the activities of stages and touchpoints are checked against
the map's event log, and the map's ``updated`` (its version) moves. A bad operation raises
``ValidationError`` naming the operation and field; nothing is written. ``commit()`` returns the new map
document and the operations that undo the commit.

Operations (``{"op": ..., ...}``): ``add_stage`` (``data``, ``position``, ``ref``), ``update_stage``
(``id``, ``data``), ``move_stage`` (``id``, ``position``), ``delete_stage`` (``id``), ``add_touchpoint``
(``stage``, ``data``, ``position``, ``ref``), ``update_touchpoint``, ``move_touchpoint`` (``id``,
``stage``, ``position``), ``delete_touchpoint``, ``set_emotion`` (``stage``, ``persona``, ``as_is``,
``to_be``, ``note``), ``clear_emotion`` (``stage``, ``persona``), ``add_link`` (``source``, ``target``,
``kind``, ``label``), ``delete_link`` (``id``), ``add_comment`` (``stage``, ``text``),
``resolve_comment`` (``id``, ``resolved``); and, for undo, ``restore_stage`` / ``restore_touchpoint``.
A ``stage``/``source``/``target`` may name a row added earlier in the batch by its ``ref`` (a string).
"""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wayfare.core.concurrency import lock_current

from ..models import JourneyMap, JourneyStage, StageComment, StageEmotion, Touchpoint, TouchpointLink

STAGE_FIELDS = [
    f.name
    for f in JourneyStage._meta.concrete_fields
    if f.name not in ("id", "journey_map", "position", "created", "updated", "created_by", "translations")
]
TOUCHPOINT_FIELDS = [
    f.attname if f.name == "third_party" else f.name
    for f in Touchpoint._meta.concrete_fields
    if f.name
    not in ("id", "journey_map", "stage", "position", "created", "updated", "created_by", "translations")
]
_PARKED = 1_000_000  # positions of rows while the batch reorders them


def _row_fields(instance: models.Model) -> dict[str, Any]:
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if f.name not in ("created", "updated")
    }


class JourneyMapEditor:
    def __init__(self, *, journey_map: JourneyMap, actor: Any, version: str | None) -> None:
        self.journey_map = journey_map
        self.actor = actor
        self.version = version
        self.operations: list[dict[str, Any]] = []

    def record(self, operation: dict[str, Any]) -> JourneyMapEditor:
        if not isinstance(operation, dict) or not isinstance(operation.get("op"), str):
            raise ValidationError({"operations": _("Each operation is an object with an “op”.")})
        self.operations.append(operation)
        return self

    def extend(self, operations: list[dict[str, Any]]) -> JourneyMapEditor:
        for operation in operations:
            self.record(operation)
        return self

    # -- commit -----------------------------------------------------------------------------------
    @transaction.atomic
    def commit(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        from ..selectors import journey_map_document

        self.map = cast(JourneyMap, lock_current(self.journey_map, self.version))
        self.refs: dict[str, int] = {}
        self.undo: list[dict[str, Any]] = []
        self.stage_order = list(
            JourneyStage.objects.filter(journey_map=self.map)
            .order_by("position")
            .values_list("pk", flat=True)
        )
        self.tp_order: dict[int, list[int]] = {pk: [] for pk in self.stage_order}
        for tp in Touchpoint.objects.filter(journey_map=self.map).order_by("position"):
            self.tp_order.setdefault(tp.stage_id, []).append(tp.pk)
        for index, operation in enumerate(self.operations):
            handler = getattr(self, f"_op_{operation['op']}", None)
            if handler is None:
                raise ValidationError({f"operations[{index}].op": _("Unknown operation.")})
            try:
                handler(operation)
            except ValidationError as exc:
                raise ValidationError(_prefixed(exc, index)) from exc
        self._renumber()
        self._check_activities()
        self.map._history_user = self.actor if getattr(self.actor, "pk", None) else None  # type: ignore[attr-defined]
        self.map.save(update_fields=["updated"])
        self.journey_map.updated = self.map.updated
        self.undo.reverse()
        document = journey_map_document(self.map, self.actor)
        return document or {}, self.undo

    # -- helpers ----------------------------------------------------------------------------------
    def _id(self, value: Any, field: str) -> int:
        if isinstance(value, str) and value in self.refs:
            return self.refs[value]
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValidationError({field: _("Not a row of this map.")}) from None

    def _get(self, model: type[models.Model], value: Any, field: str = "id") -> Any:
        row = model._default_manager.filter(journey_map=self.map, pk=self._id(value, field)).first()
        if row is None:
            raise ValidationError({field: _("Not a row of this map.")})
        return row

    def _save(self, instance: models.Model) -> None:
        instance.full_clean(validate_constraints=False)
        instance._history_user = self.actor if getattr(self.actor, "pk", None) else None  # type: ignore[attr-defined]
        instance.save()

    def _delete(self, instance: models.Model) -> None:
        instance._history_user = self.actor if getattr(self.actor, "pk", None) else None  # type: ignore[attr-defined]
        instance.delete()

    @staticmethod
    def _assign(instance: models.Model, data: Any, allowed: list[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise ValidationError({"data": _("An object of field values.")})
        unknown = [name for name in data if name not in allowed]
        if unknown:
            raise ValidationError({name: _("Not a field that can be edited here.") for name in unknown})
        old = {}
        for name, value in data.items():
            old[name] = getattr(instance, name)
            setattr(instance, name, value)
        return old

    @staticmethod
    def _insert(order: list[int], pk: int, position: Any) -> None:
        if pk in order:
            order.remove(pk)
        try:
            index = max(0, int(position) - 1) if position not in (None, "") else len(order)
        except (TypeError, ValueError):
            raise ValidationError({"position": _("A whole number.")}) from None
        order.insert(min(index, len(order)), pk)

    def _parked(self) -> int:
        self._park = getattr(self, "_park", _PARKED) + 1
        return self._park

    # -- stages -----------------------------------------------------------------------------------
    def _op_add_stage(self, op: dict[str, Any]) -> None:
        stage = JourneyStage(journey_map=self.map, position=self._parked())
        self._assign(stage, op.get("data") or {}, STAGE_FIELDS)
        self._save(stage)
        if op.get("ref"):
            self.refs[str(op["ref"])] = stage.pk
        self._insert(self.stage_order, stage.pk, op.get("position"))
        self.tp_order[stage.pk] = []
        self.undo.append({"op": "delete_stage", "id": stage.pk})

    def _op_update_stage(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("id"))
        old = self._assign(stage, op.get("data") or {}, STAGE_FIELDS)
        self._save(stage)
        self.undo.append({"op": "update_stage", "id": stage.pk, "data": old})

    def _op_move_stage(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("id"))
        old = self.stage_order.index(stage.pk) + 1
        self._insert(self.stage_order, stage.pk, op.get("position"))
        self.undo.append({"op": "move_stage", "id": stage.pk, "position": old})

    def _op_delete_stage(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("id"))
        touchpoints = list(Touchpoint.objects.filter(stage=stage))
        tp_ids = [t.pk for t in touchpoints]
        links = list(TouchpointLink.objects.filter(models.Q(source__in=tp_ids) | models.Q(target__in=tp_ids)))
        self.undo.append(
            {
                "op": "restore_stage",
                "position": self.stage_order.index(stage.pk) + 1,
                "stage": _row_fields(stage),
                "touchpoints": [_row_fields(t) for t in touchpoints],
                "emotions": [_row_fields(e) for e in StageEmotion.objects.filter(stage=stage)],
                "comments": [_row_fields(c) for c in StageComment.objects.filter(stage=stage)],
                "links": [_row_fields(link) for link in links],
            }
        )
        for link in links:
            self._delete(link)
        for row in [*StageEmotion.objects.filter(stage=stage), *StageComment.objects.filter(stage=stage)]:
            self._delete(row)
        for touchpoint in touchpoints:
            self._delete(touchpoint)
        pk = stage.pk
        self._delete(stage)
        self.stage_order.remove(pk)
        self.tp_order.pop(pk, None)

    def _restore(self, model: type[models.Model], fields: dict[str, Any], **extra: Any) -> models.Model:
        row = model(**{**fields, **extra, "journey_map_id": self.map.pk})
        if model._default_manager.filter(pk=row.pk).exists():
            raise ValidationError({"id": _("This row exists already.")})
        self._save(row)
        return row

    def _op_restore_stage(self, op: dict[str, Any]) -> None:
        stage = self._restore(JourneyStage, op["stage"], position=self._parked())
        self._insert(self.stage_order, stage.pk, op.get("position"))
        self.tp_order[stage.pk] = []
        for fields in sorted(op.get("touchpoints") or [], key=lambda f: f.get("position") or 0):
            tp = self._restore(Touchpoint, fields, position=self._parked())
            self.tp_order[stage.pk].append(tp.pk)
        for fields in [*(op.get("emotions") or []), *(op.get("comments") or []), *(op.get("links") or [])]:
            model = (
                StageEmotion if "as_is" in fields else StageComment if "text" in fields else TouchpointLink
            )
            self._restore(model, fields)
        self.undo.append({"op": "delete_stage", "id": stage.pk})

    # -- touchpoints ------------------------------------------------------------------------------
    def _op_add_touchpoint(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("stage"), "stage")
        tp = Touchpoint(journey_map=self.map, stage=stage, position=self._parked())
        self._assign(tp, op.get("data") or {}, TOUCHPOINT_FIELDS)
        self._save(tp)
        if op.get("ref"):
            self.refs[str(op["ref"])] = tp.pk
        self._insert(self.tp_order.setdefault(stage.pk, []), tp.pk, op.get("position"))
        self.undo.append({"op": "delete_touchpoint", "id": tp.pk})

    def _op_update_touchpoint(self, op: dict[str, Any]) -> None:
        tp = self._get(Touchpoint, op.get("id"))
        old = self._assign(tp, op.get("data") or {}, TOUCHPOINT_FIELDS)
        self._save(tp)
        self.undo.append({"op": "update_touchpoint", "id": tp.pk, "data": old})

    def _op_move_touchpoint(self, op: dict[str, Any]) -> None:
        tp = self._get(Touchpoint, op.get("id"))
        stage = self._get(JourneyStage, op.get("stage", tp.stage_id), "stage")
        old_stage = tp.stage_id
        old = self.tp_order[old_stage].index(tp.pk) + 1
        self.tp_order[old_stage].remove(tp.pk)
        if stage.pk != old_stage:
            tp.stage = stage
            tp.position = self._parked()
            self._save(tp)
        self._insert(self.tp_order.setdefault(stage.pk, []), tp.pk, op.get("position"))
        self.undo.append({"op": "move_touchpoint", "id": tp.pk, "stage": old_stage, "position": old})

    def _op_delete_touchpoint(self, op: dict[str, Any]) -> None:
        tp = self._get(Touchpoint, op.get("id"))
        links = list(TouchpointLink.objects.filter(models.Q(source=tp) | models.Q(target=tp)))
        self.undo.append(
            {
                "op": "restore_touchpoint",
                "position": self.tp_order[tp.stage_id].index(tp.pk) + 1,
                "touchpoint": _row_fields(tp),
                "links": [_row_fields(link) for link in links],
            }
        )
        for link in links:
            self._delete(link)
        self.tp_order[tp.stage_id].remove(tp.pk)
        self._delete(tp)

    def _op_restore_touchpoint(self, op: dict[str, Any]) -> None:
        tp = self._restore(Touchpoint, op["touchpoint"], position=self._parked())
        self._insert(self.tp_order.setdefault(tp.stage_id, []), tp.pk, op.get("position"))  # type: ignore[attr-defined]
        for fields in op.get("links") or []:
            self._restore(TouchpointLink, fields)
        self.undo.append({"op": "delete_touchpoint", "id": tp.pk})

    # -- emotions, links, comments ----------------------------------------------------------------
    def _op_set_emotion(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("stage"), "stage")
        persona_id = self._id(op.get("persona"), "persona")
        if not self.map.personas.filter(pk=persona_id).exists():
            raise ValidationError({"persona": _("Not a persona of this map.")})
        emotion = StageEmotion.objects.filter(stage=stage, persona_id=persona_id).first()
        if emotion is None:
            emotion = StageEmotion(journey_map=self.map, stage=stage, persona_id=persona_id)
            self.undo.append({"op": "clear_emotion", "stage": stage.pk, "persona": persona_id})
        else:
            self.undo.append(
                {
                    "op": "set_emotion",
                    "stage": stage.pk,
                    "persona": persona_id,
                    "as_is": emotion.as_is,
                    "to_be": emotion.to_be,
                    "note": emotion.note,
                }
            )
        for name in ("as_is", "to_be", "note"):
            if name in op:
                setattr(emotion, name, op[name] if op[name] != "" or name == "note" else None)
        self._save(emotion)

    def _op_clear_emotion(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("stage"), "stage")
        emotion = StageEmotion.objects.filter(
            stage=stage, persona_id=self._id(op.get("persona"), "persona")
        ).first()
        if emotion is not None:
            self.undo.append(
                {
                    "op": "set_emotion",
                    "stage": stage.pk,
                    "persona": emotion.persona_id,
                    "as_is": emotion.as_is,
                    "to_be": emotion.to_be,
                    "note": emotion.note,
                }
            )
            self._delete(emotion)

    def _op_add_link(self, op: dict[str, Any]) -> None:
        link = TouchpointLink(
            journey_map=self.map,
            source=self._get(Touchpoint, op.get("source"), "source"),
            target=self._get(Touchpoint, op.get("target"), "target"),
            kind=op.get("kind") or "alternative",
            label=op.get("label") or "",
        )
        if TouchpointLink.objects.filter(source=link.source, target=link.target).exists():
            raise ValidationError({"target": _("These touchpoints are linked already.")})
        self._save(link)
        self.undo.append({"op": "delete_link", "id": link.pk})

    def _op_delete_link(self, op: dict[str, Any]) -> None:
        link = self._get(TouchpointLink, op.get("id"))
        self.undo.append(
            {
                "op": "add_link",
                "source": link.source_id,
                "target": link.target_id,
                "kind": link.kind,
                "label": link.label,
            }
        )
        self._delete(link)

    def _op_add_comment(self, op: dict[str, Any]) -> None:
        stage = self._get(JourneyStage, op.get("stage"), "stage")
        comment = StageComment(journey_map=self.map, stage=stage, text=op.get("text") or "")
        if getattr(self.actor, "pk", None):
            comment.author = self.actor
        self._save(comment)
        self.undo.append({"op": "resolve_comment", "id": comment.pk, "resolved": True})

    def _op_resolve_comment(self, op: dict[str, Any]) -> None:
        comment = self._get(StageComment, op.get("id"))
        self.undo.append({"op": "resolve_comment", "id": comment.pk, "resolved": comment.resolved})
        comment.resolved = bool(op.get("resolved", True))
        self._save(comment)

    # -- at the end -------------------------------------------------------------------------------
    def _renumber(self) -> None:
        """Positions 1..n in the recorded order (parked first, so the unique positions never clash)."""
        stages = JourneyStage.objects.filter(journey_map=self.map)
        touchpoints = Touchpoint.objects.filter(journey_map=self.map)
        current_stages = dict(stages.values_list("pk", "position"))
        current_tps = dict(touchpoints.values_list("pk", "position"))
        wanted_stages = {pk: i for i, pk in enumerate(self.stage_order, 1)}
        wanted_tps = {pk: i for order in self.tp_order.values() for i, pk in enumerate(order, 1)}
        if current_stages != wanted_stages:
            stages.update(position=models.F("position") + _PARKED * 2)
            for pk, position in wanted_stages.items():
                JourneyStage.objects.filter(pk=pk).update(position=position)
        if current_tps != wanted_tps:
            touchpoints.update(position=models.F("position") + _PARKED * 2)
            for pk, position in wanted_tps.items():
                Touchpoint.objects.filter(pk=pk).update(position=position)

    def _check_activities(self) -> None:
        from ..reference import activity_problems

        problems = activity_problems(self.map)
        if problems:
            raise ValidationError({f"stages[{pk}].activities": messages for pk, messages in problems.items()})


def _prefixed(exc: ValidationError, index: int) -> dict[str, Any]:
    if hasattr(exc, "error_dict"):
        return {f"operations[{index}].{name}": errors for name, errors in exc.message_dict.items()}
    return {f"operations[{index}]": exc.messages}
