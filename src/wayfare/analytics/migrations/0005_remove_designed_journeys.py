"""Designed journeys are journey maps now (issue #13 section 3; their data moved in journeys 0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0004_record_translations"),
        ("journeys", "0002_designed_journeys"),
        ("relationships", "0003_dependency_journey_maps"),
    ]

    operations = [
        migrations.DeleteModel(name="HistoricalDesignedStage"),
        migrations.DeleteModel(name="HistoricalDesignedJourney"),
        migrations.DeleteModel(name="DesignedStage"),
        migrations.DeleteModel(name="DesignedJourney"),
    ]
