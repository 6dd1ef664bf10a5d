"""Issue 19: what visitors write never empties the page cache; a change drops only the pages
that show it; forms are served from the cache and still check their CSRF token."""

import re

import pytest
from django.core import mail
from django.test import Client

from campaign.models import NewsItem, Signature
from common.cache import generation
from conftest import make_detainee
from prisoners.models import Visibility

SIGNER = {"name": "Anna", "email": "anna@example.org", "country": "FR", "comment": ""}


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def two_profiles(db):
    return make_detainee(slug="ani-karapetyan"), make_detainee(
        slug="vahagn-petrosyan", name="Vahagn Petrosyan"
    )


def cached(client, url):
    """True when `url` comes from the page cache (and fills it when it did not)."""
    return client.get(url)["X-Page-Cache"] == "hit"


def warm(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] in ("miss", "hit"), url


PAGES = [
    "/en/",
    "/en/prisoners/",
    "/en/prisoners/ani-karapetyan/",
    "/en/prisoners/vahagn-petrosyan/",
    "/en/petition/",
    "/en/news/",
]


def test_visitors_writes_leave_every_cached_page_in_the_cache(
    client, page_cache, petition, two_profiles, stripe_api
):
    warm(client, [*PAGES, "/en/donate/"])
    visitor = Client()  # another browser: its cookies are its own
    assert visitor.post("/en/petition/", SIGNER).status_code == 302
    link = re.search(r"/en/petition/confirm/\S+/", mail.outbox[-1].body).group(0)
    assert visitor.post(link).status_code == 200
    assert Signature.objects.confirmed().count() == 1
    follow = visitor.post("/en/follow/ani-karapetyan/", {"email": "bob@example.org"})
    assert follow.status_code == 302
    report = visitor.post(
        "/en/prisoners/ani-karapetyan/report/", {"what_is_wrong": "The date is wrong."}
    )
    assert report.status_code in (200, 302)
    from campaign.models import Follower
    from prisoners.models import CorrectionRequest

    assert Follower.objects.count() == 1 and CorrectionRequest.objects.count() == 1
    # A gift, before Stripe's page: a PENDING donation, shown nowhere yet.
    gift = {"amount_choice": "50", "custom_amount": "", "currency": "EUR", "frequency": "ONCE",
            "donor_name": "Nare Sample", "donor_email": "nare@example.org"}  # fmt: skip
    assert visitor.post("/en/donate/", gift).status_code == 302
    from donations.models import Donation

    assert Donation.objects.count() == 1
    for url in [*PAGES, "/en/donate/"]:
        assert cached(client, url), f"{url} was dropped by a visitor's write"


def test_a_confirmed_signature_shows_on_the_cached_petition_through_its_counter(
    client, page_cache, petition
):
    page = client.get("/en/petition/").content.decode()
    count_url = re.search(r'data-count-url="([^"]+)"', page).group(1)
    assert client.get(count_url).json()["value"] == 0
    Signature.objects.create(
        petition=petition, name="Anna", email="a@example.org", confirmed_at="2026-01-01T00:00Z"
    )
    assert cached(client, "/en/petition/")
    # The counter is cached a few seconds at most, stated to the page cache and browsers.
    response = client.get(count_url)
    assert response["Cache-Control"] == "max-age=5"
    from django.core.cache import caches

    caches["pages"].clear()  # as five seconds later
    assert client.get(count_url).json()["value"] == 1


def test_a_profile_edit_drops_exactly_the_pages_that_show_it(client, page_cache, two_profiles):
    ani, _vahagn = two_profiles
    warm(client, PAGES)
    ani.name_en = "Ani Karapetyan-Sargsyan"
    ani.save()
    for url in ["/en/", "/en/prisoners/", "/en/prisoners/ani-karapetyan/"]:
        assert not cached(client, url), f"{url} still shows the old name"
    assert "Ani Karapetyan-Sargsyan" in client.get("/en/prisoners/ani-karapetyan/").content.decode()
    assert cached(client, "/en/prisoners/vahagn-petrosyan/")


@pytest.mark.parametrize("change", ["hide", "delete", "news"])
def test_a_hidden_deleted_or_newly_linked_profile_drops_its_pages(
    client, page_cache, two_profiles, change
):
    ani, vahagn = two_profiles
    news = NewsItem.objects.create(slug="verdict", title="Verdict", summary="S", body="B")
    urls = [*PAGES, "/en/news/verdict/"]
    warm(client, urls)
    if change == "hide":
        ani.visibility = Visibility.HIDDEN
        ani.save()
    elif change == "delete":
        ani.delete()
    else:
        news.detainees.add(ani)
    if change == "news":
        assert not cached(client, "/en/prisoners/ani-karapetyan/")
    else:
        assert client.get("/en/prisoners/ani-karapetyan/").status_code == 404
        for url in ["/en/", "/en/prisoners/", "/en/news/verdict/"]:
            assert "Ani Karapetyan" not in client.get(url).content.decode(), url
    assert cached(client, "/en/prisoners/vahagn-petrosyan/")


def test_moving_a_timeline_entry_drops_both_profiles(page_cache, two_profiles):
    from prisoners.models import TimelineEvent

    ani, vahagn = two_profiles
    event = TimelineEvent.objects.create(detainee=ani, date="2024-01-01", text="Moved")
    before = generation("profile:ani-karapetyan"), generation("profile:vahagn-petrosyan")
    event.detainee = vahagn
    event.save()
    after = generation("profile:ani-karapetyan"), generation("profile:vahagn-petrosyan")
    assert before[0] != after[0] and before[1] != after[1]


def test_tracking_parameters_share_the_cached_page(client, page_cache, petition):
    client.get("/en/petition/")
    for query in ["fbclid=abc", "utm_source=x&utm_medium=y", "gclid=1&mc_cid=2"]:
        assert cached(client, f"/en/petition/?{query}"), query


# Forms from the cache: the page carries no token; the form fetches one when sent.

FORM_PAGES = [
    "/en/petition/",
    "/en/donate/",
    "/en/sponsor/",
    "/en/follow/ani-karapetyan/",
    "/en/prisoners/ani-karapetyan/report/",
]


def test_form_pages_come_from_the_cache_without_a_token(
    client, page_cache, petition, two_profiles, stripe_api
):
    for url in FORM_PAGES:
        first = client.get(url)
        assert first.status_code == 200, url
        assert not first.cookies, f"{url} set a cookie, so it cannot be shared"
        assert cached(client, url), url
        page = client.get(url).content.decode()
        assert 'name="csrfmiddlewaretoken" value=""' in page, url
        assert 'data-csrf-url="/csrf-token"' in page and "js/live.js" in page, url


def test_the_token_endpoint_is_never_stored(client, db):
    response = client.get("/csrf-token")
    assert "no-store" in response["Cache-Control"]
    assert response.json()["token"]
    assert "csrftoken" in response.cookies


def test_the_cached_petition_accepts_a_signature_with_a_valid_token_and_refuses_one_without(
    page_cache, petition
):
    Client().get("/en/petition/")  # in the cache now
    browser = Client(enforce_csrf_checks=True)
    assert cached(browser, "/en/petition/")
    refused = browser.post("/en/petition/", SIGNER)
    assert refused.status_code == 403
    assert Signature.objects.count() == 0
    token = browser.get("/csrf-token").json()["token"]  # what live.js does
    accepted = browser.post("/en/petition/", {**SIGNER, "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302
    assert Signature.objects.count() == 1


def test_without_scripts_the_form_opens_with_its_own_token(page_cache, petition):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/en/petition/")
    page = browser.get("/en/petition/?csrf=1")
    assert "X-Page-Cache" not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token, "no token in the no-script form"
    accepted = browser.post("/en/petition/", {**SIGNER, "csrfmiddlewaretoken": token.group(1)})
    assert accepted.status_code == 302
    assert cached(Client(), "/en/petition/")


def test_a_news_item_without_people_drops_the_index_not_the_profiles(page_cache, two_profiles):
    before = generation("all"), generation("profile:ani-karapetyan"), generation("index")
    NewsItem.objects.create(slug="rally", title="Rally", summary="S", body="B")
    after = generation("all"), generation("profile:ani-karapetyan"), generation("index")
    assert before[:2] == after[:2] and before[2] != after[2]


def test_a_sponsor_of_the_whole_group_drops_every_page(page_cache, two_profiles):
    from conftest import make_sponsor, make_sponsorship

    sponsor = make_sponsor()
    before = generation("all")
    make_sponsorship(sponsor, None)
    assert generation("all") != before
    before = generation("all")
    sponsor.name = "Ville de Paris"
    sponsor.save()
    assert generation("all") != before


def test_a_sponsor_of_one_person_drops_that_profile_only(page_cache, two_profiles):
    from conftest import make_sponsor, make_sponsorship

    ani, _vahagn = two_profiles
    sponsor = make_sponsor()
    make_sponsorship(sponsor, ani)
    before = [generation(t) for t in ("all", "profile:ani-karapetyan", "profile:vahagn-petrosyan")]
    sponsor.name = "Ville de Lyon"
    sponsor.save()
    after = [generation(t) for t in ("all", "profile:ani-karapetyan", "profile:vahagn-petrosyan")]
    assert after[0] == before[0] and after[1] != before[1] and after[2] == before[2]
