"""Absolute addresses: every link that leaves the site (e-mails, feeds, sitemaps, share images,
QR codes, Stripe, hreflang) starts from SITE_URL, never from the request's Host header, which
the visitor chooses."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def absolute_url(path_or_name, *args, **kwargs):
    """SITE_URL + a path ("/fr/...") or + a URL name reversed in the active language.

    `absolute_url("/fr/privacy/")`, `absolute_url("campaign:unsubscribe", token)`.
    """
    if path_or_name.startswith("/"):
        path = path_or_name
    else:
        path = reverse(path_or_name, args=args, kwargs=kwargs)
    return settings.SITE_URL + path


def site_host():
    """The site's address as printed on posters and share images: SITE_URL's host name."""
    return urlsplit(settings.SITE_URL).netloc
