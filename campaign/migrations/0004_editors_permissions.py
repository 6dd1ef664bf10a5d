from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = ["newsitem", "event", "petition", "lettertemplate", "page", "organisation"]
PERSONAL_DATA_MODELS = ["signature", "follower"]


def grant_editors(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so we can grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    codenames = [
        f"{action}_{model}"
        for model in CONTENT_MODELS
        for action in ("view", "add", "change", "delete")
    ]
    codenames += [f"{action}_{model}" for model in PERSONAL_DATA_MODELS for action in ("view", "delete")]
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="campaign", codename__in=codenames)
    )


def revoke_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="campaign")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0003_campaign_actions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_editors, revoke_editors)]
