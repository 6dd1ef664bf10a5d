"""Public pages are cached per language for anonymous visitors and dropped when content changes."""

import pytest

from campaign.models import Page


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_second_visit_is_served_from_the_cache_without_a_query(
    client, demo_data, page_cache, django_assert_num_queries
):
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/en/about/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_each_language_has_its_own_entry(client, demo_data, page_cache):
    client.get("/en/about/")
    response = client.get("/fr/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "Le collectif" in response.content.decode()


def test_staff_change_is_visible_at_once(client, demo_data, page_cache):
    client.get("/en/about/")
    about = Page.objects.get(slug="about")
    about.title_en = "Who we are"
    about.save()
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "Who we are" in response.content.decode()


def test_signed_in_visitor_is_never_served_a_shared_page(client, demo_data, page_cache, bob):
    client.get("/en/about/")
    client.force_login(bob)
    response = client.get("/en/about/")
    assert "X-Page-Cache" not in response
    assert "Sign out" in response.content.decode()


def test_page_with_a_form_is_not_cached(client, db, page_cache):
    client.get("/en/accounts/login/")
    assert "X-Page-Cache" not in client.get("/en/accounts/login/")


def test_unchanged_page_answers_304_to_a_conditional_get(client, demo_data, page_cache):
    etag = client.get("/en/privacy/")["ETag"]
    response = client.get("/en/privacy/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_pages_are_cached_compressed_for_browsers_and_plain_for_other_clients(
    client, demo_data, page_cache
):
    gzip = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    assert client.get("/en/prisoners/", **gzip)["X-Page-Cache"] == "miss"
    compressed = client.get("/en/prisoners/", **gzip)
    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    plain = client.get("/en/prisoners/")
    assert plain["X-Page-Cache"] == "miss"
    assert not plain.has_header("Content-Encoding")
    assert b"</html>" in plain.content


def test_junk_query_parameters_hit_the_cached_page_and_make_no_new_entries(
    client, demo_data, page_cache, settings
):
    from pathlib import Path

    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    junk = [f"/en/about/?fbclid={n}&utm_source=x{n}" for n in range(1200)]
    assert client.get(junk[0])["X-Page-Cache"] == "hit"
    # The default configuration keeps pages in files, one per entry: count them.
    entries = Path(settings.CACHES["pages"]["LOCATION"])
    before = len(list(entries.glob("*.djcache")))
    for url in junk:
        assert client.get(url)["X-Page-Cache"] == "hit", url
    assert len(list(entries.glob("*.djcache"))) == before


def test_parameters_a_page_reads_still_have_their_own_entry(client, demo_data, page_cache):
    first = client.get("/en/prisoners/?page=1")
    assert first["X-Page-Cache"] == "miss"
    assert client.get("/en/prisoners/?category=POW&utm_campaign=x")["X-Page-Cache"] == "miss"
    assert client.get("/en/prisoners/?utm_campaign=y&category=POW")["X-Page-Cache"] == "hit"


def test_a_junk_query_cannot_plant_itself_in_the_cached_language_links(
    client, demo_data, page_cache
):
    client.get("/en/about/?utm_source=planted")
    assert "planted" not in client.get("/en/about/").content.decode()


def report_until_limited(client, slug):
    url = f"/en/prisoners/{slug}/report/"
    for _attempt in range(5):
        client.post(url, {})
    assert client.post(url, {}).status_code == 429
    return url


def test_rate_limit_survives_a_flood_of_junk_queries(client, demo_data, page_cache):
    from prisoners.models import Detainee

    url = report_until_limited(client, Detainee.objects.public().first().slug)
    for number in range(1200):
        client.get(f"/en/about/?fbclid={number}")
    assert client.post(url, {}).status_code == 429


def test_emptying_the_page_cache_keeps_rate_limit_counters(client, demo_data, page_cache):
    from django.core.cache import caches

    from prisoners.models import Detainee

    url = report_until_limited(client, Detainee.objects.public().first().slug)
    caches["pages"].clear()
    assert client.post(url, {}).status_code == 429


# A hit is answered above the middleware that add headers (common.cache.PageCacheMiddleware):
# it must still carry every header a freshly built page carries.

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Strict-Transport-Security",
]


@pytest.mark.parametrize("url", ["/en/", "/fr/prisoners/", "/hy/petition/", "/en/donate/"])
def test_a_cached_page_carries_every_header_of_a_freshly_built_one(
    client, demo_data, page_cache, settings, url
):
    settings.SECURE_HSTS_SECONDS = 31536000
    gzip = {"HTTP_ACCEPT_ENCODING": "gzip", "secure": True}
    fresh = client.get(url, **gzip)
    assert fresh["X-Page-Cache"] == "miss"
    hit = client.get(url, **gzip)
    assert hit["X-Page-Cache"] == "hit"
    for header in SECURITY_HEADERS:
        assert hit[header] == fresh[header], header
    changing = {"X-Page-Cache", "Expires"}
    assert {name for name, _ in fresh.items()} - changing == {
        name for name, _ in hit.items()
    } - changing
    for name, value in fresh.items():
        if name not in changing:
            assert hit[name] == value, name
    assert hit.content == fresh.content


def test_hsts_follows_the_request_not_the_request_that_filled_the_cache(
    client, demo_data, page_cache, settings
):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert client.get("/en/about/", secure=True)["X-Page-Cache"] == "miss"
    plain = client.get("/en/about/")
    assert plain["X-Page-Cache"] == "hit"
    assert "Strict-Transport-Security" not in plain
    assert client.get("/en/about/", secure=True)["Strict-Transport-Security"]


def test_a_cached_page_asked_over_plain_http_still_redirects_to_https(
    client, demo_data, page_cache, settings
):
    settings.SECURE_SSL_REDIRECT = True  # read as the middleware loads, on the first request
    client.get("/en/about/", secure=True)
    assert client.get("/en/about/", secure=True)["X-Page-Cache"] == "hit"
    response = client.get("/en/about/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/about/"


def test_a_page_whose_policy_carries_a_nonce_is_never_stored(rf):
    from django.http import HttpResponse

    from common.cache import cacheable_response

    request = rf.get("/en/about/")
    response = HttpResponse("<script nonce='abc'></script>")
    response["Content-Security-Policy"] = "script-src 'self'"
    assert cacheable_response(request, response)
    response["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"
    assert not cacheable_response(request, response)


def test_a_head_request_is_answered_from_the_cache_but_never_fills_it(
    client, demo_data, page_cache
):
    assert "X-Page-Cache" not in client.head("/en/about/")
    assert "X-Page-Cache" not in client.head("/en/about/")
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    assert client.head("/en/about/")["X-Page-Cache"] == "hit"


def test_a_url_is_resolved_once_per_process(client, demo_data, page_cache):
    from common import cache

    cache._resolved.cache_clear()
    for _visit in range(3):
        client.get("/en/about/?fbclid=1")
    # The page cache and the language links of the miss: one resolution, then remembered.
    assert cache._resolved.cache_info().misses == 1
