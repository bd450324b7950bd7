"""The Django admin is for superusers only (issue #11): accounts earlier grants made staff (Administrators)
lose the flag, which no longer lets them in and would only show them a link to a page that refuses them."""

from django.conf import settings
from django.db import migrations


def staff_for_superusers_only(apps, schema_editor):
    app_label, model_name = settings.AUTH_USER_MODEL.split(".")
    User = apps.get_model(app_label, model_name)
    User.objects.filter(is_staff=True, is_superuser=False).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_api_tokens_and_audit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(staff_for_superusers_only, migrations.RunPython.noop)]
