"""common.urls.absolute_url: every address that leaves the site starts from SITE_URL."""

import re

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from common.tests.sources import app_sources
from common.urls import absolute_url


def test_a_path_is_joined_to_the_site_url(settings):
    settings.SITE_URL = "https://libertas.example.org"
    assert absolute_url("/fr/privacy/") == "https://libertas.example.org/fr/privacy/"


def test_a_url_name_is_reversed_in_the_active_language(settings):
    settings.SITE_URL = "https://libertas.example.org"
    with translation.override("hy"):
        url = absolute_url("staff_invitation", "2", "abc-123")
    assert url == "https://libertas.example.org/hy/staff/invitation/2/abc-123/"


def test_the_request_host_never_makes_an_address(settings):
    settings.SITE_URL = "https://libertas.example.org"
    request = RequestFactory().get("/en/about/", HTTP_HOST="evil.example")
    html = Template("{% load common_tags %}{{ request.path|absolute }}").render(
        Context({"request": request})
    )
    assert html == "https://libertas.example.org/en/about/"


def test_no_app_joins_site_url_by_itself():
    """Addresses are made in one place, so every e-mail, feed and QR code agrees."""
    joins = r"SITE_URL(\.rstrip\([^)]*\))?\s*\+|SITE_URL[^}]*\}\{|build_absolute_uri|urljoin\("
    found = [
        str(path)
        for path, text in app_sources()
        if path.name != "urls.py" or path.parent.name != "common"
        if re.search(joins, text)
    ]
    assert found == []
