"""The Privacy group exports and erases who reported an inaccuracy (see libertas/privacy.py)."""

from django.db import migrations

# The groups' permissions are data now: the app's AppConfig.staff_groups, synced after every
# migrate by common.groups. This migration once granted them and stays for its place in history.


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
    ]
