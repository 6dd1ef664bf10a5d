"""Least-privilege staff groups, filled by each app's migrations with its own permissions."""

from django.contrib.auth.management import create_permissions


def grant(apps, group_name, app_label, actions_by_model):
    """Give `group_name` the listed actions ("view", "add"…) on models of `app_label`."""
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    codenames = [
        f"{action}_{model}" for model, actions in actions_by_model.items() for action in actions
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def revoke(apps, group_name, app_label):
    """Take from `group_name` every permission on `app_label`'s models."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label))
