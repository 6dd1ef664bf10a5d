"""The list page (tabs, filters, pages, empty states) and the profile page's facts."""

import datetime

from conftest import make_detainee
from prisoners.models import Acknowledgement, Category, Detainee, Reliability, Source, Status


def test_tabs_show_a_count_per_category(client, db):
    make_detainee()
    make_detainee(slug="p1", name_en="Pow One", category=Category.POW)
    make_detainee(slug="p2", name_en="Pow Two", category=Category.POW, status=Status.RELEASED)
    html = client.get("/en/prisoners/").content.decode()
    # By default, those still held: the released one is counted apart.
    assert 'Prisoner of war <span class="count">1</span>' in html
    assert 'Civilian <span class="count">1</span>' in html
    assert 'Released <span class="count">1</span>' in html
    everyone = client.get("/en/prisoners/?status=ALL").content.decode()
    assert 'Prisoner of war <span class="count">2</span>' in everyone
    pows = client.get("/en/prisoners/?category=POW&status=RELEASED").content.decode()
    assert "Pow Two" in pows and "Pow One" not in pows and "Ani Karapetyan" not in pows


def test_the_list_is_paginated_by_24(client, db):
    for i in range(30):
        make_detainee(slug=f"person-{i:02d}", name_en=f"Person {i:02d}")
    first = client.get("/en/prisoners/").content.decode()
    assert first.count("detainee-card") == 24 and "Page 1 of 2" in first
    second = client.get("/en/prisoners/?page=2").content.decode()
    assert second.count("detainee-card") == 6 and "Person 29" in second


def test_an_empty_category_says_so(client, db):
    html = client.get("/en/prisoners/?category=DISAPPEARED").content.decode()
    assert "No profile in this section yet." in html


def test_the_profile_shows_the_facts_and_their_sources(client, db):
    detainee = make_detainee(
        charges_en="Illegal border crossing",
        criminal_code_articles="318.1",
        sentence_en="6 years",
        place_of_detention_en="Baku pre-trial centre",
        icrc_registered=True,
        echr_application_number="12345/23",
        echr_interim_measures=True,
    )
    source = Source.objects.create(
        title="Annual report", publisher="Human rights NGO", reliability=Reliability.CONFIRMED
    )
    detainee.sources.add(source)
    detainee.timeline.create(
        date=datetime.date(2024, 2, 1), kind="SENTENCED", text_en="Sentenced in Baku", source=source
    )
    html = client.get(detainee.get_absolute_url()).content.decode()
    for fact in ["Illegal border crossing", "318.1", "6 years", "Baku pre-trial centre"]:
        assert fact in html
    assert "Registered by the ICRC" in html and "Interim measures granted" in html
    assert "Sentenced in Baku" in html
    assert html.count("Confirmed by an official body") == 2  # the profile's and the event's
    assert "days in captivity" in html


def test_the_disappeared_show_when_and_where_they_were_last_seen(client, db):
    detainee = make_detainee(
        category=Category.DISAPPEARED,
        status=Status.UNKNOWN,
        captured_on=None,
        last_seen_on=datetime.date(2020, 11, 2),
        last_seen_place_en="near Shushi",
        detention_acknowledged=Acknowledgement.DENIED,
    )
    html = client.get(detainee.get_absolute_url()).content.decode()
    assert "near Shushi" in html and "Denied by Azerbaijan" in html
    assert f"{detainee.days_held:,} days since last seen" in html


def test_the_demo_covers_every_category_and_status_in_three_languages(demo_data):
    demo = Detainee.objects.filter(slug__startswith="sample-")
    assert set(demo.values_list("category", flat=True)) == set(Category.values)
    assert set(demo.values_list("status", flat=True)) == set(Status.values)
    for detainee in demo:
        assert detainee.name_en and detainee.name_fr and detainee.name_hy
    assert Detainee.objects.search("Սաղաթելյան").get().slug == "sample-armen-saghatelyan"
