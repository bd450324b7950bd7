"""The designed journeys of journey analytics become journey maps (issue #13 section 3).

Every ``analytics.DesignedJourney`` is copied into a ``JourneyMap`` (its name; the log's name added when a
map of that name exists already; description, event log, translations), each ``DesignedStage`` into a
``JourneyStage`` (position, name, activities as a JSON list, optional, translations). Its core versions are
re-pointed to the map: numbers kept, snapshots mapped to the map's fields and stages, and the map's
``published_number`` set to its latest published version. Backwards, nothing is restored (the designed
journeys' tables come back empty).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

SKIPPED = {"id", "created", "updated", "created_by"}


def _fields(instance, skip=()):
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in SKIPPED or field.name in skip:
            continue
        values[field.name] = field.value_from_object(instance)
    if instance.pk:
        for field in instance._meta.many_to_many:
            values[field.name] = sorted(obj.pk for obj in getattr(instance, field.name).all())
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _lines(text):
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def _unique_name(JourneyMap, name, log_name):
    candidate = name
    if JourneyMap.objects.filter(name=candidate).exists():
        candidate = f"{name} ({log_name})"[:200]
    n = 2
    while JourneyMap.objects.filter(name=candidate).exists():
        candidate = f"{name} ({log_name}, {n})"[:200]
        n += 1
    return candidate


def _map_snapshot(data, journey_map, stage_ids, JourneyStage):
    """An old snapshot of a designed journey as a snapshot of the map."""
    old = data.get("fields", {})
    fields = _fields(journey_map, {"published_number"})
    for name in ("description", "translations"):
        if name in old:
            fields[name] = old[name]
    fields["name"] = journey_map.name
    stages = {}
    for key, row in (data.get("children", {}).get("stages") or {}).items():
        new_id = stage_ids.get(str(key))
        template = JourneyStage.objects.filter(pk=new_id).first() if new_id else None
        if template is None:
            template = JourneyStage(journey_map=journey_map, position=0, name="")
        values = _fields(template, {"journey_map"})
        old_stage = row.get("fields", {})
        values["position"] = old_stage.get("position", values["position"])
        values["name"] = old_stage.get("name", values["name"])
        values["activities"] = _lines(old_stage.get("activities"))
        values["optional"] = bool(old_stage.get("optional", False))
        values["translations"] = old_stage.get("translations", {})
        display = f"{values['position']}. {values['name']}"
        stages[str(new_id) if new_id else f"-{key}"] = {"display": display, "fields": values}
    return {"fields": fields, "children": {"stages": stages, "touchpoints": {}, "emotions": {}, "links": {}}}


def forwards(apps, schema_editor):
    DesignedJourney = apps.get_model("analytics", "DesignedJourney")
    DesignedStage = apps.get_model("analytics", "DesignedStage")
    JourneyMap = apps.get_model("journeys", "JourneyMap")
    JourneyStage = apps.get_model("journeys", "JourneyStage")
    Version = apps.get_model("core", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")

    old_type = ContentType.objects.filter(app_label="analytics", model="designedjourney").first()
    new_type = None
    for journey in DesignedJourney.objects.select_related("event_log").order_by("pk"):
        journey_map = JourneyMap.objects.create(
            name=_unique_name(JourneyMap, journey.name, journey.event_log.name),
            description=journey.description,
            event_log_id=journey.event_log_id,
            translations=journey.translations or {},
        )
        stage_ids = {}
        for stage in DesignedStage.objects.filter(journey=journey).order_by("position"):
            new = JourneyStage.objects.create(
                journey_map=journey_map,
                position=stage.position,
                name=stage.name,
                activities=_lines(stage.activities),
                optional=stage.optional,
                translations=stage.translations or {},
            )
            stage_ids[str(stage.pk)] = new.pk
        if old_type is None:
            continue
        versions = Version.objects.filter(content_type=old_type, object_id=journey.pk)
        if not versions.exists():
            continue
        if new_type is None:
            new_type, _ = ContentType.objects.get_or_create(app_label="journeys", model="journeymap")
        published = 0
        for version in versions:
            version.content_type = new_type
            version.object_id = journey_map.pk
            version.data = _map_snapshot(version.data or {}, journey_map, stage_ids, JourneyStage)
            version.save()
            if version.state == "published" and version.number:
                published = max(published, version.number)
        if published:
            JourneyMap.objects.filter(pk=journey_map.pk).update(published_number=published)


class Migration(migrations.Migration):
    dependencies = [
        ("journeys", "0001_initial"),
        ("analytics", "0004_record_translations"),
        ("core", "0004_reminders"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
