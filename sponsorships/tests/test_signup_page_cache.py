"""Issue 19: a visitor's sponsor sign-up shows nowhere until staff approve it, so it drops no
cached page; the approval drops the pages that then show the sponsor, and only those."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from conftest import make_detainee, signup_data
from sponsorships import services
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.STAFF_EMAILS = ["staff@example.org"]


@pytest.fixture
def vahagn(db):
    return make_detainee("vahagn", name="Vahagn Petrosyan")


def cached(client, url):
    """True when `url` comes from the page cache (and fills it when it did not)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response["X-Page-Cache"] == "hit"


def pages(*detainees):
    return ["/en/", "/en/prisoners/", "/en/sponsors/", "/en/sponsor/"] + [
        d.get_absolute_url() for d in detainees
    ]


def sign_up_and_confirm(detainee, commitments, **extra):
    """As a visitor: the public form, then the e-mailed link and its button."""
    visitor = Client()
    data = signup_data(detainee, commitments, **extra)
    assert visitor.post(reverse("sponsorships:signup"), data).status_code == 200
    path = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    assert visitor.get(path).status_code == 200
    assert visitor.post(path).status_code == 200
    return Sponsorship.objects.latest("pk")


@pytest.mark.parametrize("whole_group", [False, True], ids=["one person", "whole group"])
def test_a_pending_sponsor_sign_up_leaves_every_cached_page_in_the_cache(
    client, aram, vahagn, commitments, whole_group
):
    urls = pages(aram, vahagn)
    for url in urls:
        cached(client, url)
    sponsorship = sign_up_and_confirm(None if whole_group else aram, commitments)
    assert sponsorship.status == Sponsorship.Status.PENDING
    assert sponsorship.sponsor.email_confirmed_at is not None
    for url in urls:
        assert cached(client, url), f"{url} was dropped by a pending sign-up"


def test_approving_a_sponsor_drops_the_pages_that_show_it_and_keeps_the_others(
    client, aram, vahagn, commitments
):
    sponsorship = sign_up_and_confirm(aram, commitments)
    for url in pages(aram, vahagn):
        cached(client, url)
    services.approve(sponsorship)
    for url in ["/en/sponsors/", aram.get_absolute_url()]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", f"{url} still without the sponsor"
        assert "Ville de Valbrune" in response.content.decode(), url
    assert not cached(client, "/en/"), "the home page is not dropped"
    assert cached(client, vahagn.get_absolute_url())


def test_declining_a_pending_sponsor_drops_nothing(client, aram, vahagn, commitments):
    sponsorship = sign_up_and_confirm(aram, commitments)
    urls = pages(aram, vahagn)
    for url in urls:
        cached(client, url)
    services.decline(sponsorship, "Not now.")
    for url in urls:
        assert cached(client, url), f"{url} was dropped by declining a sponsor never shown"


def test_ending_an_active_sponsorship_drops_its_profile(client, aram, vahagn, commitments):
    sponsorship = sign_up_and_confirm(aram, commitments)
    services.approve(sponsorship)
    assert "Ville de Valbrune" in client.get(aram.get_absolute_url()).content.decode()
    cached(client, aram.get_absolute_url())
    services.end(sponsorship, "2026-01-01", Sponsorship.EndReason.WITHDRAWAL)
    response = client.get(aram.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Ville de Valbrune" not in response.content.decode()


def test_renaming_an_active_sponsor_drops_its_profile(client, aram, vahagn, commitments):
    sponsorship = sign_up_and_confirm(aram, commitments)
    services.approve(sponsorship)
    cached(client, aram.get_absolute_url())
    cached(client, vahagn.get_absolute_url())
    sponsor = sponsorship.sponsor
    sponsor.name = "Commune de Valbrune"
    sponsor.save()
    assert "Commune de Valbrune" in client.get(aram.get_absolute_url()).content.decode()
    assert cached(client, vahagn.get_absolute_url())
