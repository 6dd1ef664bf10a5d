"""Campaign addresses outside the language prefix: robots and search engines read these."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from campaign.sitemaps import SITEMAPS, index
from campaign.views import robots_txt

urlpatterns = [
    # The index names a sitemap per section and page (?p=2 …), each built from LIMIT records.
    path("sitemap.xml", index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
