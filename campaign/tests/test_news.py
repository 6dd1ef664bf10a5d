import datetime
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.utils import timezone

from campaign.models import NewsItem
from campaign.tests.conftest import make_news

ATOM = "{http://www.w3.org/2005/Atom}"


def test_news_list_shows_published_items_only(client, db):
    make_news("shown")
    make_news("draft", published=False)
    make_news("future", published_at=timezone.now() + datetime.timedelta(days=2))
    html = client.get("/en/news/").content.decode()
    assert "Title shown" in html
    assert "Title draft" not in html
    assert "Title future" not in html
    assert client.get("/en/news/draft/").status_code == 404


def test_news_list_filters_by_kind_and_paginates(client, db, django_assert_max_num_queries):
    for i in range(12):
        make_news(f"n{i}", published_at=timezone.now() - datetime.timedelta(hours=i))
    make_news("release", kind=NewsItem.Kind.PRESS_RELEASE)
    with django_assert_max_num_queries(10):
        first = client.get("/en/news/").content.decode()
    assert first.count('class="news-card') == 10
    assert "page=2" in first
    second = client.get("/en/news/?page=2").content.decode()
    assert second.count('class="news-card') == 3
    releases = client.get("/en/news/?kind=PRESS_RELEASE").content.decode()
    assert releases.count('class="news-card') == 1
    assert "Title release" in releases


def test_news_body_is_markdown_without_scripts(client, db):
    make_news("md", body="**bold** <script>alert(1)</script>")
    html = client.get("/en/news/md/").content.decode()
    assert "<strong>bold</strong>" in html
    assert "<script>alert(1)" not in html


def test_news_page_has_open_graph_and_feed_links(client, db, django_assert_max_num_queries):
    make_news("og", title="Thirty-two home")
    with django_assert_max_num_queries(10):
        html = client.get("/fr/news/og/").content.decode()
    assert '<meta property="og:title" content="Thirty-two home">' in html
    assert 'property="og:url" content="http://127.0.0.1:8000/fr/news/og/"' in html
    assert 'type="application/rss+xml"' in html
    assert 'href="/fr/news/atom/"' in html


def test_news_page_shows_public_related_detainees_only(
    client, detainee, hidden_detainee, limited_detainee
):
    item = make_news("related")
    item.detainees.set([detainee, hidden_detainee, limited_detainee])
    html = client.get("/en/news/related/").content.decode()
    assert "Aram Test" in html
    # Not even as initials: the news text beside them could name the person behind them.
    assert "N. L." not in html and limited_detainee.get_absolute_url() not in html
    assert "Narek Limited" not in html
    assert "Hidden Person" not in html


def test_rss_feed_parses_and_lists_published_news_in_the_language(client, db):
    make_news("feed", title_en="English title", title_fr="Titre français")
    make_news("hidden-draft", published=False)
    response = client.get("/fr/news/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Titre français"]
    assert channel.findtext("language") == "fr"
    link = channel.find("item").findtext("link")
    assert link == "http://127.0.0.1:8000/fr/news/feed/"


def test_atom_feed_parses(client, db):
    make_news("atom", title="Atom title")
    response = client.get("/en/news/atom/")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Atom title"]


def test_detainee_news_tag_lists_the_news_about_a_detainee_in_one_query(
    db, detainee, django_assert_num_queries
):
    about = make_news("about-aram", title="About Aram")
    about.detainees.add(detainee)
    make_news("other", title="Something else")
    draft = make_news("draft-aram", title="Draft about Aram", published=False)
    draft.detainees.add(detainee)
    template = Template("{% load campaign_tags %}{% detainee_news detainee %}")
    with django_assert_num_queries(1):
        html = template.render(Context({"detainee": detainee}))
    assert "About Aram" in html
    assert "/en/news/about-aram/" in html
    assert "Something else" not in html
    assert "Draft about Aram" not in html


def test_detainee_news_tag_renders_nothing_for_a_hidden_detainee(db, hidden_detainee):
    make_news("h").detainees.add(hidden_detainee)
    html = Template("{% load campaign_tags %}{% detainee_news d %}").render(
        Context({"d": hidden_detainee})
    )
    assert html.strip() == ""


@pytest.mark.parametrize("size", [10, 1000])
def test_news_list_query_count_does_not_grow_with_the_news(
    client, db, django_assert_max_num_queries, size
):
    NewsItem.objects.bulk_create(
        NewsItem(slug=f"n-{i}", title=f"Item {i}", summary="S", body="B") for i in range(size)
    )
    with django_assert_max_num_queries(10):
        response = client.get("/en/news/?page=2")
    assert response.status_code == 200
