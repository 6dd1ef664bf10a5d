from django.urls import path

from campaign import views
from campaign.models import Page

app_name = "campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.page, {"slug": Page.Slug.ABOUT}, name="about"),
    path("sponsorship/", views.page, {"slug": Page.Slug.SPONSORSHIP}, name="sponsorship"),
    path("privacy/", views.page, {"slug": Page.Slug.PRIVACY}, name="privacy"),
    path("contact/", views.page, {"slug": Page.Slug.CONTACT}, name="contact"),
]
