"""Share (issue 17, item 5): plain links to each network's share page, built on the server,
and the browser's own share sheet by our script; the footer's accounts and contact link."""

import html
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from campaign.models import NewsItem, SocialAccount
from common.share import share_links
from conftest import make_detainee
from prisoners.models import Visibility

NETWORKS = {"facebook", "x", "telegram", "whatsapp", "email"}


def links_on(page):
    """network → href of each share link on a page."""
    found = {}
    for part in page.split('class="share-link share-')[1:]:
        network, rest = part.split('"', 1)
        found[network] = html.unescape(rest.split('href="', 1)[1].split('"', 1)[0])
    return found


def test_the_links_carry_the_address_and_text_encoded():
    url = "https://libertas.example/en/prisoners/a-b/?x=1&y=2"
    links = {link.network: link.href for link in share_links(url, "Free A & B #now")}
    assert set(links) == NETWORKS
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [url], "text": ["Free A & B #now"]}
    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [url]}
    assert parse_qs(urlsplit(links["whatsapp"]).query) == {"text": [f"Free A & B #now {url}"]}
    assert links["email"].startswith("mailto:?subject=Free%20A%20%26%20B%20%23now&body=")


def test_a_profile_shares_its_canonical_address_with_the_name(client, db):
    detainee = make_detainee()
    page = client.get(f"{detainee.get_absolute_url()}?utm_source=x").content.decode()
    links = links_on(page)
    assert set(links) == NETWORKS
    canonical = settings.SITE_URL + detainee.get_absolute_url()
    assert parse_qs(urlsplit(links["telegram"]).query) == {
        "url": [canonical],
        "text": ["Ani Karapetyan"],
    }
    assert f'data-share-url="{canonical}"' in page and "share-native" in page


def test_a_limited_profile_is_shared_with_initials_only(client, db):
    detainee = make_detainee(slug="a-k", visibility=Visibility.LIMITED)
    page = client.get(detainee.get_absolute_url()).content.decode()
    shared = " ".join(links_on(page).values())
    assert "Karapet" not in shared and "Ani" not in shared
    assert parse_qs(urlsplit(links_on(page)["x"]).query)["text"] == ["A. K."]


def test_a_hidden_profile_has_no_page_to_share(client, db):
    detainee = make_detainee(visibility=Visibility.HIDDEN)
    assert client.get(detainee.get_absolute_url()).status_code == 404


def test_a_news_item_is_shared_by_its_address_and_title(client, db):
    item = NewsItem.objects.create(slug="trial-news", title_en="A trial opens", body_en="Text.")
    page = client.get(item.get_absolute_url()).content.decode()
    query = parse_qs(urlsplit(links_on(page)["x"]).query)
    assert query == {
        "url": [settings.SITE_URL + item.get_absolute_url()],
        "text": ["A trial opens"],
    }


@pytest.mark.parametrize("name", ["campaign:petition_sent"])
def test_after_signing_the_petition_one_can_share_it(client, db, name):
    page = client.get(reverse(name)).content.decode()
    query = parse_qs(urlsplit(links_on(page)["telegram"]).query)
    assert query["url"] == [settings.SITE_URL + reverse("campaign:petition")]


def test_the_share_button_is_our_own_script_and_hidden_without_it(client, db):
    detainee = make_detainee()
    page = client.get(detainee.get_absolute_url()).content.decode()
    assert '<script src="/static/js/share.js" defer></script>' in page
    button = page.split('class="btn btn-outline-secondary btn-sm share-native"')[1].split(">")[0]
    assert "hidden" in button
    scripts = [part.split('"')[1] for part in page.split("<script src=")[1:]]
    assert all(src.startswith("/static/") for src in scripts)


def test_the_footer_links_the_campaign_s_accounts_and_its_contact_address(client, db):
    SocialAccount.objects.create(network="TELEGRAM", url="https://t.me/libertas_demo", order=1)
    SocialAccount.objects.create(network="FACEBOOK", url="https://facebook.com/libertas.demo")
    page = client.get(reverse("campaign:home")).content.decode()
    footer = page.split('class="site-footer')[1]
    assert footer.index("facebook.com/libertas.demo") < footer.index("t.me/libertas_demo")
    assert f'href="mailto:{settings.CONTACT_EMAIL}"' in footer


def test_a_change_to_the_accounts_shows_in_the_footer_at_once(client, db):
    client.get(reverse("campaign:home"))
    SocialAccount.objects.create(network="X", url="https://x.com/libertas_demo")
    assert "x.com/libertas_demo" in client.get(reverse("campaign:home")).content.decode()
