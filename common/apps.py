from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    """What every app uses and no app owns: the bottom floor. It names no domain app."""

    name = "common"
    default = True
    # The admin's heading for the trail of decisions (and what else staff may one day need).
    verbose_name = _("Administration")
    # Every role reads the trail; each sees only the entries about what it may see.
    staff_groups = {
        "Editors": {"trailentry": ["view"]},
        "Finance": {"trailentry": ["view"]},
        "Privacy": {"trailentry": ["view"]},
    }

    def ready(self):
        from common import checks  # noqa: F401 (registers the system checks)
        from common.admin import register_trail_admin, translate_permissions_in_auth_admin
        from common.cache import connect_invalidation
        from common.groups import sync_groups
        from common.overview import mail_queue, register_overview
        from common.third_party import name_package_labels

        connect_invalidation()
        translate_permissions_in_auth_admin()
        register_trail_admin()
        name_package_labels()
        post_migrate.connect(sync_groups, dispatch_uid="common-sync-groups")
        # Technical, for superusers: mailer's queue (its permission is nobody else's).
        register_overview(
            "mail", mail_queue, order=90, permission="mailer.view_message", title=_("E-mail")
        )


class CommonAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "common.admin.LibertasAdminSite"
