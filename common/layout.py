"""What the shared layout (templates/base.html, the error pages) and lower apps' pages show of
the apps above them, without naming them: common knows no domain.

- Pages: a key ("home", "privacy", "donate") for a page some app owns. The owner registers its
  URL name in its AppConfig.ready; a template reads `{{ pages.home }}`, Python `page_url("home")`.
  So the sign-up form links to the privacy page, and the footer to the petition, while
  sponsorships and templates/ name no campaign URL.
- Context: a variable of the layout that a higher app computes (the footer's organisations),
  computed only when a template reads it, so a page that does not show it pays nothing.
"""

from django.urls import reverse

_pages = {}
_context = {}


def register_page(key, url_name):
    _pages[key] = url_name


def page_url(key):
    """The path of a registered page; a KeyError names a page that no app registered."""
    return reverse(_pages[key])


def register_context(name, function):
    """Offer `name` to every template: function() runs when a template reads it."""
    _context[name] = function


class Pages:
    """`{{ pages.home }}`: reversed when read, in the language of the request."""

    def __getitem__(self, key):
        return page_url(key)


def context():
    return {"pages": Pages(), **_context}
