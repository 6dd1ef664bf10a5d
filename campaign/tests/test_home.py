"""The home page leads with the campaign's own figures (each with its source and date), then
faces staff feature, what to do, the petition, the next event, the news and the sponsors."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from campaign.tests.conftest import make_event, make_news
from conftest import make_detainee, make_sponsor, make_sponsorship, put_photo
from prisoners.models import (
    CampaignFigure,
    Category,
    Detainee,
    FigureKind,
    Source,
    Status,
    Visibility,
)
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db


def home(client, language="en"):
    with translation.override(language):
        url = reverse("campaign:home")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def report(db):
    return Source.objects.create(
        title="Annual report on the captives", publisher="Rights Watch", url="https://example.org/r"
    )


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (pytest.ini turns it off for other tests)."""
    settings.PAGE_CACHE_SECONDS = 600


def cached_home(client, django_assert_num_queries):
    """The home, built once, then served from the page cache without a query."""
    first = home(client)
    with django_assert_num_queries(0):
        assert home(client) == first
    return first


def make_figure(key, source, **fields):
    values = {"low": 23, "as_of": datetime.date(2025, 1, 15), "source": source}
    values.update(fields)
    return CampaignFigure.objects.create(key=key, **values)


def test_the_figures_are_the_campaigns_own_with_value_source_and_date(client, report):
    make_figure("held", report, counts=FigureKind.HELD, low=23)
    make_figure("disappeared", report, counts=FigureKind.DISAPPEARED, low=80, high=200)
    # Records on file are not what the home counts: one person here, 23 in the figure.
    make_detainee()

    html = home(client)

    assert "23" in html and "people held" in html
    assert "80 to 200" in html and "forcibly disappeared people" in html
    assert "Annual report on the captives" in html and 'href="https://example.org/r"' in html
    assert "Jan. 15, 2025" in html
    assert "people we know to be held, on record here" not in html


def test_a_changed_figure_shows_at_once_on_the_cached_home(
    client, report, page_cache, django_assert_num_queries
):
    figure = make_figure("pows", report, counts=FigureKind.POW, low=9)
    assert ">9<" in cached_home(client, django_assert_num_queries)

    figure.low = 11
    figure.as_of = datetime.date(2025, 6, 30)
    figure.save()

    html = home(client)
    assert ">11<" in html and ">9<" not in html
    assert "June 30, 2025" in html


@pytest.mark.parametrize(
    ("language", "one", "several"),
    [
        ("en", "civilian", "civilians"),
        ("fr", "civil", "civils"),
        # Armenian keeps the noun singular after a number.
        ("hy", "խաղաղ բնակիչ", "խաղաղ բնակիչ"),
    ],
)
def test_the_words_after_a_figure_agree_with_the_number(client, report, language, one, several):
    figure = make_figure("civilians", report, counts=FigureKind.CIVILIAN, low=1)
    assert f'<p class="figure-noun">{one}</p>' in home(client, language)
    figure.low = 6
    figure.save()
    assert f'<p class="figure-noun">{several}</p>' in home(client, language)


def test_a_figure_without_a_kind_shows_the_label_staff_wrote(client, report):
    make_figure("leaders", report, label="former leaders of Artsakh", low=8)
    assert '<p class="figure-noun">former leaders of Artsakh</p>' in home(client)


def test_a_figure_needs_a_kind_or_a_label(report):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        CampaignFigure(key="x", low=1, as_of=datetime.date(2025, 1, 1)).full_clean()


# Faces: through the one public rule.


def test_hidden_records_never_show_and_limited_ones_show_initials_without_a_photo(client, media):
    photo = put_photo(media)
    make_detainee("shown", name="Aram Shown", featured=True, photo=photo)
    make_detainee("limited", name="Narek Limited", featured=True, visibility=Visibility.LIMITED)
    make_detainee("hidden", name="Hidden Person", featured=True, visibility=Visibility.HIDDEN)

    html = home(client)

    assert "Aram Shown" in html
    assert "Narek Limited" not in html and "N. L." in html
    initials = '<span class="initials initials-civilian person-photo" aria-hidden="true">NL</span>'
    assert initials in html
    assert "Hidden Person" not in html and "/hidden/" not in html
    # One photo on the page's faces: the public record's, never the limited one's.
    faces = html[html.index('data-testid="faces"') :]
    assert faces.count('class="person-photo" src=') == 1


def test_featured_faces_come_first_then_others_still_held(client):
    make_detainee("a", name="Aaron First")
    make_detainee("z", name="Zara Featured", featured=True)
    make_detainee("r", name="Ruben Released", status=Status.RELEASED)

    html = home(client)

    assert html.index("Zara Featured") < html.index("Aaron First")
    assert "Ruben Released" not in html


def test_a_face_with_no_active_sponsorship_is_marked_as_needing_a_sponsor(client):
    alone = make_detainee("alone", name="Alone Person")
    helped = make_detainee("helped", name="Helped Person")
    make_sponsorship(make_sponsor(), helped)
    make_sponsorship(make_sponsor("Pending City"), alone, status=Sponsorship.Status.PENDING)

    html = home(client)

    mark = reverse("sponsorships:signup") + f"?target={alone.pk}"
    assert f'<a class="card-mark" href="{mark}">Needs a sponsor' in html
    assert html.count("Needs a sponsor") == 1
    assert mark in html and f"?target={helped.pk}" not in html


def test_a_new_sponsorship_drops_the_mark_from_the_cached_home(
    client, page_cache, django_assert_num_queries
):
    person = make_detainee("alone", name="Alone Person")
    assert "Needs a sponsor" in cached_home(client, django_assert_num_queries)
    make_sponsorship(make_sponsor(), person)
    assert "Needs a sponsor" not in home(client)


def test_featuring_someone_drops_the_cached_home(client, page_cache, django_assert_num_queries):
    for i in range(10):
        make_detainee(f"p{i}", name=f"Person{i} Held")
    late = make_detainee("zz", name="Zz Released", status=Status.RELEASED)
    assert "Zz Released" not in cached_home(client, django_assert_num_queries)
    late.featured = True
    late.save()
    assert "Zz Released" in home(client)


# The rest of the page.


def test_the_home_shows_the_three_actions_petition_event_news_and_sponsor_logos(
    client, petition, media
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from conftest import image_bytes

    make_event("rally", title="Rally in Lyon")
    make_news("latest", title="A hearing was postponed")
    sponsor = make_sponsor("Ville de Logo")
    sponsor.logo = SimpleUploadedFile("logo.png", image_bytes("PNG", (200, 100)))
    sponsor.save()
    make_sponsorship(sponsor, make_detainee())
    make_sponsor("Hidden Logo City", consent=False)

    html = home(client)

    for name in ("sponsorships:signup", "donations:donate", "campaign:take_action"):
        assert f'href="{reverse(name)}"' in html
    assert "Free them" in html and 'data-count-url="' in html and "<progress" in html
    assert "Rally in Lyon" in html
    assert "A hearing was postponed" in html
    assert 'alt="Ville de Logo"' in html and "Hidden Logo City" not in html


@pytest.mark.parametrize("size", [10, 1000])
def test_the_home_stays_within_ten_queries(client, django_assert_max_num_queries, size, report):
    categories = list(Category.values)
    Detainee.objects.bulk_create(
        Detainee(
            slug=f"person-{i}",
            name_en=f"Person {i:05d}",
            category=categories[i % 4],
            status=Status.HELD if i % 3 else Status.RELEASED,
            visibility=Visibility.LIMITED if i % 7 == 0 else Visibility.PUBLIC,
            featured=i % 5 == 0,
            captured_on=datetime.date(2020, 11, 1),
        )
        for i in range(size)
    )
    sponsor = make_sponsor()
    for person in Detainee.objects.all()[:5]:
        make_sponsorship(sponsor, person)
    make_figure("held", report, counts=FigureKind.HELD)
    make_figure("pows", report, counts=FigureKind.POW)
    make_event("rally")
    make_news("latest")
    with django_assert_max_num_queries(10):
        html = home(client)
    # Featured (every fifth) or still held (two in three): 7 of the first 10, else a full 8.
    assert html.count('class="face"') == (7 if size == 10 else 8)
