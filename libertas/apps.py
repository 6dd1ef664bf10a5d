from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class LibertasConfig(AppConfig):
    name = "libertas"
    default = True


class LibertasAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "libertas.admin.LibertasAdminSite"
