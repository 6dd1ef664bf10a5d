"""The Privacy group exports and erases donors' data (see libertas/privacy.py)."""

from django.db import migrations

from common.groups import grant, revoke

PRIVACY = {"donation": ["view", "personal_data"]}


def forwards(apps, schema_editor):
    grant(apps, "Privacy", "donations", PRIVACY)


def backwards(apps, schema_editor):
    revoke(apps, "Privacy", "donations")


class Migration(migrations.Migration):
    dependencies = [
        ("donations", "0002_finance_and_editors_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="donation",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("personal_data_donation", "Can export and erase the personal data of donors")
                ],
                "verbose_name": "donation",
                "verbose_name_plural": "donations",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
