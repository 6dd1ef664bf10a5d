"""What the shared layout (templates/base.html, the error pages) and lower apps' pages show of
the apps above them, without naming them: common knows no domain.

- Pages: a key ("home", "privacy", "donate") for a page some app owns. The owner registers its
  URL name in its AppConfig.ready; a template reads `{{ pages.home }}`, Python `page_url("home")`.
  So the sign-up form links to the privacy page, and the footer to the petition, while
  sponsorships and templates/ name no campaign URL.
- Context: a variable of the layout that a higher app computes (the footer's organisations),
  computed only when a template reads it, so a page that does not show it pays nothing.
- Account links: links of the navigation for a signed-in person an app recognises (a
  sponsor's "My sponsorship"), as `{% for link in account_links %}`. Visitors without a
  session (the only ones the page cache serves) never run the check.
"""

import functools

from django.urls import reverse

_pages = {}
_context = {}
_account_links = []


def register_page(key, url_name):
    _pages[key] = url_name


def page_url(key):
    """The path of a registered page; a KeyError names a page that no app registered."""
    return reverse(_pages[key])


def register_context(name, function):
    """Offer `name` to every template: function() runs when a template reads it."""
    _context[name] = function


def register_account_link(label, url_name, shown_to):
    """A navigation link to `url_name`, labelled `label` (lazy), for a signed-in user for whom
    `shown_to(user)` is true."""
    _account_links.append((label, url_name, shown_to))


def account_links(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    # Asked once per request, however many times the layout reads it.
    if not hasattr(request, "_account_links"):
        request._account_links = [
            {"label": label, "url": reverse(url_name)}
            for label, url_name, shown_to in _account_links
            if shown_to(user)
        ]
    return request._account_links


class Pages:
    """`{{ pages.home }}`: reversed when read, in the language of the request."""

    def __getitem__(self, key):
        return page_url(key)


def context(request=None):
    # A callable: the template calls it only where it reads `account_links`.
    return {
        "pages": Pages(),
        "account_links": functools.partial(account_links, request),
        **_context,
    }
