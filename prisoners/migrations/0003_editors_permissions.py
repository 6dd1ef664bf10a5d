"""Editors keep the registry; Finance has nothing to do here."""

from django.db import migrations

from common.groups import grant, revoke

EDITORS = {
    "detainee": ["view", "add", "change"],
    "timelineevent": ["view", "add", "change", "delete"],
    "source": ["view", "add", "change"],
    "campaignfigure": ["view", "add", "change"],
    "correctionrequest": ["view", "change"],
    "historicaldetainee": ["view"],
    "historicaltimelineevent": ["view"],
}


def forwards(apps, schema_editor):
    grant(apps, "Editors", "prisoners", EDITORS)


def backwards(apps, schema_editor):
    revoke(apps, "Editors", "prisoners")


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0002_registry"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
