import re
import xml.etree.ElementTree as ET

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.models import Page
from campaign.tests.conftest import make_event, make_news

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
BASE = "http://127.0.0.1:8000"


def sitemap_documents(client):
    """The sitemaps the index at /sitemap.xml names, each page of each section, parsed."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    assert index.tag == f"{SM}sitemapindex"
    documents = []
    for loc in index.iter(f"{SM}loc"):
        assert loc.text.startswith(BASE + "/sitemap-")
        response = client.get(loc.text.removeprefix(BASE))
        assert response.status_code == 200
        documents.append(ET.fromstring(response.content))  # noqa: S314 (our own sitemap)
    return documents


def sitemap_entries(client):
    entries = {}
    urls = [url for root in sitemap_documents(client) for url in root.findall(f"{SM}url")]
    for url in urls:
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
    with django_assert_max_num_queries(20):
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


def test_the_sitemap_is_an_index_of_pages_that_cost_the_same_at_any_size(client, db, monkeypatch):
    from campaign.sitemaps import LocalisedSitemap
    from conftest import make_detainee

    monkeypatch.setattr(LocalisedSitemap, "limit", 3 * len(LANGUAGES))  # 3 records a page
    for n in range(4):
        make_detainee(slug=f"p-{n}", name=f"Aram Test{n}")

    def detainee_pages():
        xml = client.get("/sitemap.xml").content.decode()
        return [loc for loc in re.findall(r"<loc>([^<]+)</loc>", xml) if "detainees" in loc]

    def queries_of_page(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured.captured_queries)

    assert detainee_pages() == [
        f"{BASE}/sitemap-detainees.xml",
        f"{BASE}/sitemap-detainees.xml?p=2",
    ]
    client.get("/sitemap-detainees.xml")  # what is cached once for every page
    small = queries_of_page("/sitemap-detainees.xml")
    for n in range(4, 12):
        make_detainee(slug=f"p-{n}", name=f"Aram Test{n}")
    assert len(detainee_pages()) == 4
    assert queries_of_page("/sitemap-detainees.xml?p=2") == small
    # Each page holds its share: 3 records, each in every language.
    xml = client.get("/sitemap-detainees.xml?p=4").content.decode()
    assert xml.count("<url>") == 3 * len(LANGUAGES)
