"""The Privacy group exports and erases sponsors' contacts; it sees the sponsorships that
their export lists (see libertas/privacy.py)."""

from django.db import migrations

# The groups' permissions are data now: the app's AppConfig.staff_groups, synced after every
# migrate by common.groups. This migration once granted them and stays for its place in history.


class Migration(migrations.Migration):
    dependencies = [
        ("sponsorships", "0005_agreements_to_private_storage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="sponsor",
            options={
                "ordering": ["name"],
                "permissions": [
                    (
                        "personal_data_sponsor",
                        "Can export and erase the personal data of sponsors' contacts",
                    )
                ],
                "verbose_name": "sponsor",
                "verbose_name_plural": "sponsors",
            },
        ),
    ]
