"""The sitemap: every public page, in every language, with hreflang alternates.

/sitemap.xml is an index (Django's sitemap index view) of one sitemap per section, each in
pages of LIMIT records: a page costs the same whatever the size of the registry (the whole
sitemap took 7.2 s at 10,000 detainees), and no file nears the 50,000-address limit.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property

from campaign.models import Event, NewsItem, Page
from common.urls import absolute_url
from prisoners.models import Detainee, list_counts_version

LIST_PAGES = [
    "campaign:home",
    "campaign:news",
    "campaign:events",
    "campaign:petition",
    "campaign:take_action",
    "campaign:take_action_letter",
    "campaign:newsletter",
    "campaign:help_now",
    "campaign:hearings",
    "prisoners:list",
    "sponsorships:signup",
    "sponsorships:wall",
    "sponsorships:map",
    "donations:donate",
]


class InEveryLanguage:
    """(record, language) pairs of a query, read a page at a time.

    Django's i18n sitemap builds the list of every pair of every record before it cuts a
    page: every page read the whole table. This sequence counts with COUNT and fetches only
    the records of the page asked for.
    """

    def __init__(self, records, languages):
        self.records = records
        self.languages = list(languages)

    @cached_property
    def total(self):
        # Once per sitemap page: the paginator asks for the count several times.
        return self.records.count() if hasattr(self.records, "query") else len(self.records)

    def count(self):
        return self.total * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.count())
        size = len(self.languages)
        first, last = start // size, (stop + size - 1) // size
        pairs = [(r, code) for r in self.records[first:last] for code in self.languages]
        return pairs[start - first * size : stop - first * size]


class LocalisedSitemap(Sitemap):
    # Addresses per sitemap page (a record gives one per language, each with its alternates).
    # About 0.5 ms an address with its alternates (tools/scale.py): 150 keep a page near 100 ms.
    limit = 150
    i18n = True
    alternates = True
    x_default = True

    def _items(self):
        # One page of records per sitemap page, not every record (see InEveryLanguage).
        return InEveryLanguage(self.items(), self._languages())

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

    def _items(self):
        # The count of every public record (60 ms at 100,000), once per change of the
        # registry: the list's counts move with the same version.
        items = super()._items()
        key = f"sitemap:detainees:count:{list_counts_version()}"
        items.total = cache.get_or_set(key, items.records.count, 600)
        return items

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


@x_robots_tag
def index(request):
    """Django's sitemap index, with addresses where absolute_url starts them (SITE_URL), like
    the sitemaps themselves, instead of the Sites framework's domain and the request's scheme."""
    items = []
    for section, sitemap_class in SITEMAPS.items():
        location = absolute_url(reverse("sitemap_section", kwargs={"section": section}))
        items.append(SitemapIndexItem(location, None))
        for page in range(2, sitemap_class().paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{location}?p={page}", None))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
