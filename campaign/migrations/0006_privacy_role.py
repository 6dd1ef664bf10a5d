"""The Privacy group exports and erases signers' and followers' data, and sees the accounts
it closes on erasure; nobody else may (see libertas/privacy.py)."""

from django.db import migrations

# The groups' permissions are data now: the app's AppConfig.staff_groups, synced after every
# migrate by common.groups. This migration once granted them and stays for its place in history.


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0005_confirmation_sent_at"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="follower",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    (
                        "personal_data_follower",
                        "Can export and erase the personal data of followers",
                    )
                ],
                "verbose_name": "follower",
                "verbose_name_plural": "followers",
            },
        ),
        migrations.AlterModelOptions(
            name="signature",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("personal_data_signature", "Can export and erase the personal data of signers")
                ],
                "verbose_name": "signature",
                "verbose_name_plural": "signatures",
            },
        ),
    ]
