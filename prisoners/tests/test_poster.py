"""The A4 poster any supporter may print from a public profile."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import make_detainee, put_photo
from prisoners.models import Status, Visibility


def pdf_text(content):
    return PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_a_public_profile_links_to_its_poster(client, db):
    detainee = make_detainee(name="Aram Petrosyan")
    url = reverse("prisoners:poster", args=[detainee.slug])
    assert url in client.get(detainee.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "public" in response["Cache-Control"]
    assert "Aram Petrosyan" in pdf_text(response.content)


def test_the_poster_carries_the_photo_of_a_public_record(client, media):
    detainee = make_detainee(photo=put_photo(media))
    content = client.get(reverse("prisoners:poster", args=[detainee.slug])).content
    assert len(PdfReader(io.BytesIO(content)).pages[0].images) == 1


def test_the_poster_follows_the_page_language(client, db):
    detainee = make_detainee()
    content = client.get(f"/hy/prisoners/{detainee.slug}/poster.pdf").content
    assert "Անի Կարապետյան" in pdf_text(content)


@pytest.mark.parametrize("visibility", [Visibility.LIMITED, Visibility.HIDDEN])
def test_a_limited_or_hidden_record_has_no_poster_and_no_link(client, media, visibility):
    detainee = make_detainee(name="Narek Avetisyan", photo=put_photo(media))
    slug = detainee.slug
    detainee.visibility = visibility
    detainee.save()
    # The old address and the new one (save() gives a limited record a new address).
    for address in {slug, detainee.slug}:
        assert client.get(reverse("prisoners:poster", args=[address])).status_code == 404
    if visibility == Visibility.LIMITED:
        page = client.get(detainee.get_absolute_url()).content.decode()
        assert "poster.pdf" not in page


def test_a_poster_already_fetched_is_not_served_after_the_record_is_limited(client, db):
    detainee = make_detainee(slug="cached-one", name="Narek Avetisyan")
    url = reverse("prisoners:poster", args=["cached-one"])
    assert client.get(url).status_code == 200
    detainee.visibility = Visibility.LIMITED
    detainee.save()
    assert client.get(url).status_code == 404


def test_no_poster_for_a_deceased_person(client, db):
    detainee = make_detainee(status=Status.DECEASED, died_on="2022-01-01")
    assert client.get(reverse("prisoners:poster", args=[detainee.slug])).status_code == 404
    assert "poster.pdf" not in client.get(detainee.get_absolute_url()).content.decode()


def test_a_released_person_s_poster_says_so_unless_staff_switch_it_off(client, db):
    detainee = make_detainee(status=Status.RELEASED, released_on="2024-01-19")
    url = reverse("prisoners:poster", args=[detainee.slug])
    text = pdf_text(client.get(url).content)
    assert "until release" in text
    assert "Released. Others are still held" in text
    assert "We demand their immediate release" not in text
    detainee.print_after_release = False
    detainee.save()
    assert client.get(url).status_code == 404
