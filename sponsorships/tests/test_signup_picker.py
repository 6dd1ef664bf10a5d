"""The sign-up page offers a few people and a search, not the whole registry; it works
without JavaScript (the search is a plain GET form of its own), and its cost does not grow."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import make_detainee, make_sponsor, make_sponsorship, signup_data
from prisoners.models import Visibility
from sponsorships.models import Sponsorship
from sponsorships.views import PICKER_SIZE

SURNAMES = ["Petrosyan", "Hakobyan", "Sargsyan", "Grigoryan", "Avetisyan", "Manukyan"]


def make_many(count, start=0):
    return [
        make_detainee(
            slug=f"person-{n}", name=f"Aram {SURNAMES[n % len(SURNAMES)]} {chr(65 + n % 26)}"
        )
        for n in range(start, start + count)
    ]


def offered(client, path):
    html = client.get(path).content.decode()
    return [int(pk) for pk in re.findall(r'name="target" id="target-(\d+)"', html)], html


def test_the_page_offers_a_few_people_with_no_sponsor_first_and_a_search(client, db):
    people = make_many(PICKER_SIZE + 8)
    sponsored = people[0]
    make_sponsorship(make_sponsor(), sponsored)
    pks, html = offered(client, "/en/sponsor/")
    assert len(pks) == PICKER_SIZE
    assert sponsored.pk not in pks  # enough people have no sponsor yet
    assert 'form="picker-search"' in html and '<form id="picker-search" method="get"' in html
    # A search finds someone the first list did not offer, in another script too.
    zara = make_detainee(slug="zara", name="Zara Zzyan", name_hy="Զառա Զզյան")
    assert zara.pk not in offered(client, "/en/sponsor/")[0]
    assert offered(client, "/en/sponsor/?q=zzyan")[0] == [zara.pk]
    assert offered(client, "/en/sponsor/?q=Զզյան")[0] == [zara.pk]
    found, html = offered(client, "/en/sponsor/?q=nobodyyan")
    assert found == [] and "No detainee found" in html


def test_without_javascript_search_choose_and_sign_up(client, db, commitments):
    make_many(PICKER_SIZE + 2)
    zara = make_detainee(slug="zara", name="Zara Zzyan")
    # 1. The search form: a plain GET with only the name in it.
    pks, html = offered(client, "/en/sponsor/?q=Zzyan")
    assert pks == [zara.pk]
    # 2. The sign-up form, with the person found.
    response = client.post("/en/sponsor/?q=Zzyan", signup_data(zara, commitments))
    assert response.status_code == 200
    assert Sponsorship.objects.get().detainee == zara
    assert "mairie@valbrune.example.org" in response.content.decode()


def test_a_sent_choice_stays_chosen_when_the_form_comes_back(client, db, commitments):
    make_many(PICKER_SIZE + 2)
    zara = make_detainee(slug="zara", name="Zara Zzyan")
    data = signup_data(zara, commitments, email="not an address")
    html = client.post("/en/sponsor/", data).content.decode()
    assert re.search(rf'id="target-{zara.pk}" value="{zara.pk}" checked', html)
    # A profile's link chooses the person at once.
    html = client.get(f"/en/sponsor/?target={zara.pk}").content.decode()
    assert re.search(rf'id="target-{zara.pk}" value="{zara.pk}" checked', html)


def test_a_hidden_or_released_person_cannot_be_chosen(client, db, commitments):
    hidden = make_detainee(slug="hidden", name="Hidden Hiddenyan", visibility=Visibility.HIDDEN)
    response = client.post("/en/sponsor/", signup_data(hidden, commitments))
    assert "Choose a detainee or the whole group." in response.content.decode()
    assert not Sponsorship.objects.exists()
    assert "Hiddenyan" not in client.get("/en/sponsor/?q=hiddenyan").content.decode()
    assert client.get(f"/en/sponsor/?target={hidden.pk}").status_code == 200
    assert (
        f'id="target-{hidden.pk}"'
        not in client.get(f"/en/sponsor/?target={hidden.pk}").content.decode()
    )


def queries(client, path):
    client.get(path)  # what is cached once for every page (footer, menus)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_list_search_signup_and_sitemap_cost_the_same_queries_at_two_sizes(client, db):
    paths = [
        "/en/prisoners/",
        "/en/prisoners/?q=petrosyan",
        "/en/sponsor/",
        "/en/sponsor/?q=petrosyan",
        "/sitemap.xml",
        "/sitemap-detainees.xml",
    ]
    # Both sizes fill the picker: with fewer than PICKER_SIZE unsponsored people it asks once
    # more for sponsored ones, which is one query, not one a person.
    make_many(PICKER_SIZE + 2)
    small = {path: queries(client, path) for path in paths}
    make_many(40, start=PICKER_SIZE + 2)
    make_sponsorship(make_sponsor(), make_detainee(slug="s-1"))
    assert {path: queries(client, path) for path in paths} == small


def test_the_cached_signup_page_still_searches_and_preselects(client, db, settings):
    """The page cache keys the sign-up page by what it reads, so a search is not answered
    with the cached page of another search (or of no search)."""
    settings.PAGE_CACHE_SECONDS = 600
    aram = make_detainee("aram-p", name="Aram Petrosyan")
    make_detainee("vazgen-h", name="Vazgen Hakobyan")
    client.get("/en/sponsor/")  # fills the cache with the unfiltered page
    found = client.get("/en/sponsor/", {"q": "hakobyan"}).content.decode()
    assert "Vazgen Hakobyan" in found and "Aram Petrosyan" not in found
    chosen = client.get("/en/sponsor/", {"target": aram.pk}).content.decode()
    assert f'value="{aram.pk}" checked' in chosen
