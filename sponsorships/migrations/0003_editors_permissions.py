"""Editors (the campaign's content staff) manage sponsors; they may not delete them."""

from django.db import migrations

from common.groups import grant, revoke

EDITORS = {model: ["view", "add", "change"] for model in ["sponsor", "sponsorship", "commitment"]}


def forwards(apps, schema_editor):
    grant(apps, "Editors", "sponsorships", EDITORS)


def backwards(apps, schema_editor):
    revoke(apps, "Editors", "sponsorships")


class Migration(migrations.Migration):
    dependencies = [
        ("sponsorships", "0002_commitments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
