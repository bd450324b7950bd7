"""A dependency's affected journeys are journey maps now (issue #13 section 3): the links to designed
journeys are carried over to the maps ``journeys`` 0002 made of them (same log; the same name, or the name
with the log's name added)."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Dependency = apps.get_model("relationships", "RelationshipDependency")
    JourneyMap = apps.get_model("journeys", "JourneyMap")
    for dependency in Dependency.objects.prefetch_related("journeys__event_log"):
        for journey in dependency.journeys.all():
            maps = JourneyMap.objects.filter(event_log_id=journey.event_log_id)
            found = (
                maps.filter(name=journey.name).first()
                or maps.filter(name__startswith=f"{journey.name} ({journey.event_log.name}").first()
            )
            if found is not None:
                dependency.journey_maps.add(found)


class Migration(migrations.Migration):
    dependencies = [
        ("relationships", "0002_engage"),
        ("journeys", "0002_designed_journeys"),
    ]

    operations = [
        migrations.AddField(
            model_name="relationshipdependency",
            name="journey_maps",
            field=models.ManyToManyField(blank=True, related_name="+", to="journeys.journeymap"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="relationshipdependency", name="journeys"),
        migrations.RenameField(model_name="relationshipdependency", old_name="journey_maps", new_name="journeys"),
        migrations.AlterField(
            model_name="relationshipdependency",
            name="journeys",
            field=models.ManyToManyField(
                blank=True,
                related_name="relationship_dependencies",
                to="journeys.journeymap",
                verbose_name="journeys affected",
            ),
        ),
    ]
