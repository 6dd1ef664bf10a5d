from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CommonConfig(AppConfig):
    """What every app uses and no app owns: the bottom floor. It names no domain app."""

    name = "common"
    default = True

    def ready(self):
        from common import checks  # noqa: F401 (registers the system checks)
        from common.cache import connect_invalidation

        connect_invalidation()


class CommonAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "common.admin.LibertasAdminSite"
