"""Three languages: prefixes, a switcher that keeps the page, lang and hreflang on every page."""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
PUBLIC_NAMESPACES = {"campaign", "prisoners", "sponsorships", "donations"}


def public_pages():
    """Every public page that takes no argument, found in the URLconf so none is forgotten."""
    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif (
                isinstance(pattern, URLPattern)
                and namespace in PUBLIC_NAMESPACES
                and pattern.name
                and not pattern.pattern.converters
            ):
                names.append(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return sorted(set(names))


def url_in(language, name):
    from django.urls import reverse

    with translation.override(language):
        return reverse(name)


def test_the_urlconf_has_public_pages():
    assert {"campaign:home", "campaign:about", "campaign:privacy"} <= set(public_pages())


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("name", public_pages())
def test_every_public_page_answers_in_each_language(client, demo_data, language, name):
    url = url_in(language, name)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        for code in LANGUAGE_CODES:
            assert f'hreflang="{code}"' in html


@pytest.mark.parametrize(
    ("accept", "expected"), [("fr-FR,fr;q=0.9", "/fr/"), ("hy", "/hy/"), ("de", "/en/")]
)
def test_root_redirects_by_the_browsers_language(client, db, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_page_redirects_to_a_prefixed_one(client, demo_data):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="hy")
    assert response.status_code == 302
    assert response["Location"] == "/hy/about/"


def test_switcher_keeps_the_current_page_and_query(client, demo_data):
    # The query the page reads is kept; other parameters (here ref=) are not: a cached page
    # must not carry the parameters of the visitor who first asked for it.
    html = client.get("/fr/prisoners/?category=POW&ref=newsletter").content.decode()
    switcher = html[html.index("language-switcher") :]
    assert 'href="/en/prisoners/?category=POW"' in switcher
    assert 'href="/hy/prisoners/?category=POW"' in switcher
    assert re.search(r'href="/fr/prisoners/\?category=POW"[^>]*aria-current="true"', switcher)
    assert "newsletter" not in switcher


def test_hreflang_alternates_are_absolute(client, demo_data, settings):
    html = client.get("/en/privacy/").content.decode()
    for code in LANGUAGE_CODES:
        assert f'hreflang="{code}" href="{settings.SITE_URL}/{code}/privacy/"' in html
    assert 'hreflang="x-default"' in html


def test_page_content_follows_the_language(client, demo_data):
    assert "Le collectif" in client.get("/fr/about/").content.decode()
    assert "Կոլեկտիվի մասին" in client.get("/hy/about/").content.decode()


def test_interface_strings_are_translated(client, demo_data):
    assert "Aller au contenu" in client.get("/fr/").content.decode()
    assert "Անցնել բովանդակությանը" in client.get("/hy/").content.decode()


def switcher_links(html):
    switcher = html.split('class="list-inline mb-0 language-switcher"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'href="([^"]*)"', switcher)


@pytest.mark.parametrize("path", ["//evil.example/en/", "/\\evil.example/en/", "///evil.example/"])
def test_language_switcher_never_links_off_site(client, db, path):
    # The test client would read "//evil.example" as a host: give the raw path as a server does.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    links = switcher_links(response.content.decode())
    assert len(links) == len(LANGUAGE_CODES)
    for link in links:
        assert link.startswith("/") and not link.startswith(("//", "/\\")), link
        assert "evil.example" not in link
