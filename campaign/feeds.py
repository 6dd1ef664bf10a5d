from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from campaign.models import NewsItem
from common.urls import absolute_url


class NewsFeed(Feed):
    """The latest news and press releases, in the language of the URL prefix."""

    def title(self):
        return _("Libertas: news and press releases")

    def link(self):
        return absolute_url("campaign:news")

    def description(self):
        return _("News from the campaign for the release of Armenians held in Azerbaijan.")

    def items(self):
        return NewsItem.objects.published()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
