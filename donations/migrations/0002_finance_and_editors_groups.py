"""Least privilege: Finance reads donations and Stripe events; Editors get nothing here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FINANCE = {
    "donation": ["view", "change"],
    "stripeevent": ["view"],
}


def create_groups(apps, schema_editor):
    # On a fresh database the permissions are only created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    finance, _created = Group.objects.get_or_create(name="Finance")
    for model, actions in FINANCE.items():
        for action in actions:
            finance.permissions.add(
                Permission.objects.get(
                    content_type__app_label="donations", codename=f"{action}_{model}"
                )
            )
    # Other apps give Editors their own permissions; donors' data is not among them.
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.remove(
        *Permission.objects.filter(content_type__app_label="donations")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("donations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
