"""Campaign addresses outside the language prefix: robots and search engines read these."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from campaign.sitemaps import SITEMAPS
from campaign.views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
