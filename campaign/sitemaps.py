"""The sitemap: every public page, in every language, with hreflang alternates."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaign.models import Event, NewsItem, Page
from common.urls import absolute_url
from prisoners.models import Detainee

LIST_PAGES = [
    "campaign:home",
    "campaign:news",
    "campaign:events",
    "campaign:petition",
    "campaign:take_action",
    "prisoners:list",
    "sponsorships:signup",
    "sponsorships:wall",
    "donations:donate",
]


class LocalisedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    # Addresses start where absolute_url starts them, like the hreflang links of every page.
    def get_domain(self, site=None):
        return urlsplit(absolute_url("/")).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(absolute_url("/")).scheme


class ListPagesSitemap(LocalisedSitemap):
    changefreq = "daily"

    def items(self):
        return LIST_PAGES

    def location(self, name):
        return reverse(name)


class ContentPagesSitemap(LocalisedSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.order_by("slug")

    def lastmod(self, page):
        return page.updated_at


class NewsSitemap(LocalisedSitemap):
    def items(self):
        return NewsItem.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(LocalisedSitemap):
    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class DetaineeSitemap(LocalisedSitemap):
    """Every profile with a public page (limited ones too); never a hidden one."""

    changefreq = "weekly"

    def items(self):
        return Detainee.objects.public().order_by("pk").only("slug", "public_updated_at")

    def location(self, detainee):
        return reverse("prisoners:detail", args=[detainee.slug])

    def lastmod(self, detainee):
        # Moves only when something the public sees changes, never with a private field.
        return detainee.public_updated_at


SITEMAPS = {
    "pages": ListPagesSitemap,
    "content": ContentPagesSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "detainees": DetaineeSitemap,
}
