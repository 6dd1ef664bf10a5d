"""Editors write the campaign's content and may view or delete signers and followers."""

from django.db import migrations

from common.groups import grant, revoke

ALL = ["view", "add", "change", "delete"]
EDITORS = {
    **{model: ALL for model in ["newsitem", "event", "petition", "lettertemplate", "page"]},
    "organisation": ALL,
    "signature": ["view", "delete"],
    "follower": ["view", "delete"],
}


def forwards(apps, schema_editor):
    grant(apps, "Editors", "campaign", EDITORS)


def backwards(apps, schema_editor):
    revoke(apps, "Editors", "campaign")


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0003_campaign_actions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
