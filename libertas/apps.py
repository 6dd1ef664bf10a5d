from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class LibertasConfig(AppConfig):
    name = "libertas"
    default = True

    def ready(self):
        from libertas import checks  # noqa: F401 (registers the system checks)
        from libertas.cache import connect_invalidation

        connect_invalidation()


class LibertasAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "libertas.admin.LibertasAdminSite"
