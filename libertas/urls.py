from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from common import views
from donations import views as donations_views

# Outside the language prefix: machines, not people, call these.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Outside the language prefix, so never in the page cache.
    path("csrf-token", views.csrf_token, name="csrf_token"),
    path("stripe/webhook/", donations_views.webhook, name="stripe_webhook"),
    # Outside the prefix, as Django's own: it answers with the next page in the new language.
    path("i18n/setlang/", views.set_language, name="set_language"),
    # By name, not by import: nothing imports the campaign app.
    path("", include("campaign.root_urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path(
        "staff/invitation/<str:uidb36>/<str:token>/",
        views.staff_invitation,
        name="staff_invitation",
    ),
    path("prisoners/", include("prisoners.urls")),
    path("", include("sponsorships.urls")),
    path("", include("donations.urls")),
    path("", include("campaign.urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler400 = "common.views.bad_request"
