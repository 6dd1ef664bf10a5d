"""Least privilege: Finance reads donations and Stripe events; Editors get nothing here."""

from django.db import migrations

from common.groups import grant, revoke

FINANCE = {"donation": ["view", "change"], "stripeevent": ["view"]}


def forwards(apps, schema_editor):
    grant(apps, "Finance", "donations", FINANCE)
    # Other apps give Editors their own permissions; donors' data is not among them.
    revoke(apps, "Editors", "donations")


def backwards(apps, schema_editor):
    revoke(apps, "Finance", "donations")


class Migration(migrations.Migration):
    dependencies = [
        ("donations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
