import xml.etree.ElementTree as ET

from django.conf import settings

from campaign.models import Page
from campaign.tests.conftest import make_event, make_news

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
BASE = "http://127.0.0.1:8000"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    entries = {}
    for url in root.findall(f"{SM}url"):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        entries[url.findtext(f"{SM}loc")] = alternates
    return entries


def test_sitemap_lists_every_public_page_in_every_language_and_no_hidden_profile(
    client, demo_data, detainee, limited_detainee, hidden_detainee, django_assert_max_num_queries
):
    make_news("draft-news", published=False)
    make_event("draft-event", published=False)
    with django_assert_max_num_queries(10):
        entries = sitemap_entries(client)
    paths = [
        "/",
        "/news/",
        "/events/",
        "/petition/",
        "/take-action/",
        "/prisoners/",
        *(f"/{slug}/" for slug in Page.Slug.values),
        "/news/release-of-32-prisoners-december-2023/",
        "/events/sample-rally-geneva/",
        "/events/sample-signing-paris/",
        f"/prisoners/{detainee.slug}/",
        f"/prisoners/{limited_detainee.slug}/",
        "/prisoners/sample-aram-petrosyan/",
    ]
    for page_path in paths:
        for language in LANGUAGES:
            loc = f"{BASE}/{language}{page_path}"
            assert loc in entries, loc
            alternates = entries[loc]
            assert set(alternates) == {*LANGUAGES, "x-default"}
            # Django points x-default at the unprefixed address, which redirects by language.
            assert alternates["x-default"] == f"{BASE}{page_path}"
            assert alternates["hy"] == f"{BASE}/hy{page_path}"
    text = "\n".join(entries)
    assert hidden_detainee.slug not in text
    assert "draft-news" not in text
    assert "draft-event" not in text


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines
    assert "Disallow: /fr/admin/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
