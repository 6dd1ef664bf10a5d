"""List and profile run at most 10 SQL queries with 10 or with 2,000 detainees."""

import datetime

import pytest
from django.urls import reverse

from conftest import put_photo
from prisoners.models import Category, Detainee, Source, Status, TimelineEvent, Visibility
from prisoners.search import search_text

LANGUAGES = ["en", "hy"]


def populate(n, media):
    put_photo(media)
    categories = list(Category.values)
    Detainee.objects.bulk_create(
        Detainee(
            slug=f"person-{i}",
            name_en=f"Person {i:05d}",
            name_hy=f"Անձ {i:05d}",
            category=categories[i % 4],
            status=Status.HELD if i % 3 else Status.RELEASED,
            visibility=Visibility.LIMITED if i % 7 == 0 else Visibility.PUBLIC,
            captured_on=datetime.date(2020, 11, 1),
            # Every other card shows a photo rendition.
            photo="detainees/portrait.jpg" if i % 2 else "",
            search_text=search_text([f"Person {i:05d}"]),
        )
        for i in range(n)
    )
    first = Detainee.objects.get(slug="person-1")
    sources = Source.objects.bulk_create(Source(title=f"Report {i}") for i in range(3))
    first.sources.set(sources)
    TimelineEvent.objects.bulk_create(
        TimelineEvent(detainee=first, date=datetime.date(2021, 1, i + 1), source=sources[i % 3])
        for i in range(12)
    )
    return first


@pytest.mark.parametrize("size", [10, 2000])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_page_stays_within_ten_queries(
    client, media, django_assert_max_num_queries, size, language
):
    populate(size, media)
    assert Detainee.objects.count() == size
    urls = [
        f"/{language}/prisoners/",
        f"/{language}/prisoners/?category=POW&status=HELD&page=2",
        f"/{language}/prisoners/?q=person",
    ]
    cards = []
    for url in urls:
        with django_assert_max_num_queries(10):
            response = client.get(url)
        assert response.status_code == 200
        cards.append(response.content.decode().count('class="card h-100 detainee-card"'))
    still_held = Detainee.objects.filter(status__in=[Status.HELD, Status.UNKNOWN]).count()
    assert cards[0] == min(still_held, 24)  # the list's default: those still held
    assert cards[2] == min(size - (size + 6) // 7, 24)  # LIMITED records are not searched


@pytest.mark.parametrize("size", [10, 2000])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_profile_page_stays_within_ten_queries(
    client, media, django_assert_max_num_queries, size, language
):
    first = populate(size, media)
    with django_assert_max_num_queries(10):
        response = client.get(f"/{language}/prisoners/{first.slug}/")
    assert response.status_code == 200
    assert response.content.decode().count("Report 0") >= 4


@pytest.mark.parametrize("size", [10, 2000])
def test_exports_and_share_image_do_not_grow_with_the_data(
    client, media, django_assert_max_num_queries, size
):
    first = populate(size, media)
    for url in [
        reverse("prisoners:export_csv"),
        reverse("prisoners:export_json"),
        reverse("prisoners:share_image", args=[first.slug]),
    ]:
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
