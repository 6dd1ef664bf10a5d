"""The Privacy group exports and erases donors' data (see libertas/privacy.py)."""

from django.db import migrations

# The groups' permissions are data now: the app's AppConfig.staff_groups, synced after every
# migrate by common.groups. This migration once granted them and stays for its place in history.


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
    ]
