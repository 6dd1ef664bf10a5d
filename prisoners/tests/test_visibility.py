"""PUBLIC shows in full, LIMITED shows initials and nothing that identifies, HIDDEN nowhere."""

import datetime

import pytest
from django.urls import reverse

from conftest import make_detainee, put_photo
from prisoners.forms import DetaineeAdminForm
from prisoners.models import Visibility

PROFILE_EXTRAS = {
    "birth_date": datetime.date(1990, 3, 14),
    "hometown_en": "Berdzor",
    "biography_en": "Taught mathematics at the village school.",
    "capture_circumstances_en": "Stopped at the bridge with his brother.",
    "echr_application_number": "12345/23",
    "photo": "detainees/portrait.jpg",
    "photo_alt_en": "Portrait in a blue shirt",
}


def test_a_public_profile_shows_everything_published(client, media):
    put_photo(media)
    detainee = make_detainee(**PROFILE_EXTRAS)
    html = client.get(detainee.get_absolute_url()).content.decode()
    assert "Ani Karapetyan" in html
    for shown in ["Berdzor", "Taught mathematics", "Stopped at the bridge", "12345/23", "1990"]:
        assert shown in html
    assert 'alt="Portrait in a blue shirt"' in html
    assert 'width="360" height="450"' in html
    assert "-profile_2x.webp 720w" in html  # copies by width, for every screen


def test_a_limited_profile_shows_initials_and_nothing_that_identifies(client, media):
    put_photo(media)
    detainee = make_detainee(slug="record-17", visibility=Visibility.LIMITED, **PROFILE_EXTRAS)
    response = client.get(detainee.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "A. K." in html
    hidden = ["Karapetyan", "Karapetian", "Berdzor", "1990", "Taught mathematics"]
    hidden += ["Stopped at the bridge", "12345/23", "portrait.jpg", "Portrait in a blue shirt"]
    for secret in hidden:
        assert secret not in html, secret
    listing = client.get(reverse("prisoners:list")).content.decode()
    assert "A. K." in listing
    assert "Karapetyan" not in listing
    assert "portrait.jpg" not in listing


@pytest.mark.parametrize("name", ["detail", "share_image"])
def test_a_hidden_profile_answers_404(client, db, name):
    detainee = make_detainee(visibility=Visibility.HIDDEN)
    assert client.get(reverse(f"prisoners:{name}", args=[detainee.slug])).status_code == 404


def test_a_hidden_profile_cannot_receive_a_report(client, db):
    detainee = make_detainee(visibility=Visibility.HIDDEN)
    url = reverse("prisoners:report", args=[detainee.slug])
    assert client.post(url, {"what_is_wrong": "x"}).status_code == 404


def test_a_limited_record_is_left_out_of_the_exports(client, db):
    make_detainee(slug="record-17", visibility=Visibility.LIMITED)
    for name in ["export_csv", "export_json"]:
        body = client.get(reverse(f"prisoners:{name}")).content.decode()
        assert "record-17" not in body and "Karapetyan" not in body


def test_a_limited_profile_address_may_not_spell_the_name(db):
    data = {
        "slug": "ani-karapetyan",
        "name": "Ani Karapetyan",
        "name_en": "Ani Karapetyan",
        "category": "CIVILIAN",
        "status": "HELD",
        "visibility": "LIMITED",
        "detention_acknowledged": "UNKNOWN",
    }
    form = DetaineeAdminForm(data)
    assert not form.is_valid()
    assert "must not contain the person" in str(form.errors["slug"])
    form = DetaineeAdminForm({**data, "slug": "record-17"})
    assert form.is_valid(), form.errors


def test_a_query_through_a_relation_keeps_the_records_public_keeps(db):
    """public_through() is public() for a query that reaches detainees through a join."""
    from prisoners.models import Detainee, DetaineeQuerySet, TimelineEvent

    for visibility in Visibility.values:
        detainee = make_detainee(slug=f"v-{visibility.lower()}", visibility=visibility)
        TimelineEvent.objects.create(detainee=detainee, date=datetime.date(2021, 1, 1))
    events = TimelineEvent.objects.filter(DetaineeQuerySet.public_through("detainee"))
    through = set(events.values_list("detainee__slug", flat=True))
    assert through == set(Detainee.objects.public().values_list("slug", flat=True))
    assert through == {"v-public", "v-limited"}
