"""The Privacy group exports and erases who reported an inaccuracy (see libertas/privacy.py)."""

from django.db import migrations

from common.groups import grant, revoke

PRIVACY = {"correctionrequest": ["view", "personal_data"]}


def forwards(apps, schema_editor):
    grant(apps, "Privacy", "prisoners", PRIVACY)


def backwards(apps, schema_editor):
    revoke(apps, "Privacy", "prisoners")


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0004_photos_private_with_public_copies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="correctionrequest",
            options={
                "ordering": ["handled", "-created_at"],
                "permissions": [
                    (
                        "personal_data_correctionrequest",
                        "Can export and erase the personal data of people who reported an inaccuracy",
                    )
                ],
                "verbose_name": "correction request",
                "verbose_name_plural": "correction requests",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
