"""Least-privilege staff groups, declared as data: each app's AppConfig lists what its groups may
do in `staff_groups`, and after every migrate the groups are made to match, the way Django creates
permissions. Changing a role is editing a dict, so no migration imports code to grant or revoke.

    staff_groups = {"Editors": {"detainee": ["view", "change"]}, "Privacy": {"auth.user": ["view"]}}

A model without an app label belongs to the declaring app.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS


def declared_groups():
    """{group name: {(app_label, codename), …}} gathered from every app's `staff_groups`."""
    groups = {}
    for config in global_apps.get_app_configs():
        for name, actions_by_model in getattr(config, "staff_groups", {}).items():
            wanted = groups.setdefault(name, set())
            for model, actions in actions_by_model.items():
                app_label, _dot, model_name = model.rpartition(".")
                wanted |= {(app_label or config.label, f"{a}_{model_name}") for a in actions}
    return groups


def sync_groups(sender=None, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate: give each declared group exactly its declared permissions."""
    # post_migrate is sent once per app, in INSTALLED_APPS order: act once, after the last one,
    # when every app's permissions exist.
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is not None and sender.label != with_models[-1].label:
        return
    for config in with_models:
        create_permissions(config, verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in declared_groups().items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        labels = {app_label for app_label, _codename in wanted}
        permissions = Permission.objects.using(using).filter(content_type__app_label__in=labels)
        group.permissions.set(
            p
            for p in permissions.select_related("content_type")
            if (p.content_type.app_label, p.codename) in wanted
        )
