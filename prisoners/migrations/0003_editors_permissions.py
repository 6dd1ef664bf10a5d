"""Editors keep the registry; Finance has nothing to do here."""

from django.db import migrations

# The groups' permissions are data now: the app's AppConfig.staff_groups, synced after every
# migrate by common.groups. This migration once granted them and stays for its place in history.


class Migration(migrations.Migration):
    dependencies = [
        ("prisoners", "0002_registry"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
