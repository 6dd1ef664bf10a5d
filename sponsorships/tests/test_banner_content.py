"""What a banner says: the sponsor, the person's status, the campaign's own figures; and the
warnings about a photo too small to print."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from conftest import (
    image_bytes,
    make_detainee,
    make_sponsor,
    make_sponsorship,
    make_user,
    put_photo,
)
from prisoners.models import CampaignFigure, Status, Visibility


def pdf_text(content):
    return " ".join(PdfReader(io.BytesIO(content)).pages[0].extract_text().split())


@pytest.fixture
def sponsor(db):
    sponsor = make_sponsor("Ville de Valence", user=make_user("valence@example.org"))
    sponsor.logo.save("logo.png", ContentFile(image_bytes("PNG", (300, 120))))
    return sponsor


def banner(client, sponsorship, size="a4", query="lang=en"):
    client.force_login(sponsorship.sponsor.user)
    return client.get(reverse("sponsorships:banner", args=[sponsorship.pk, size]) + "?" + query)


def test_the_banner_names_the_sponsor_in_a_sentence_and_shows_its_logo(client, sponsor):
    mine = make_sponsorship(sponsor, make_detainee(name="Aram Petrosyan"))
    content = banner(client, mine).content
    assert "Ville de Valence sponsors Aram Petrosyan" in pdf_text(content)
    assert len(PdfReader(io.BytesIO(content)).pages[0].images) == 1  # the logo; no photo


def test_a_limited_record_s_banner_names_it_by_initials_even_in_the_sponsor_s_sentence(
    client, sponsor
):
    detainee = make_detainee(name="Narek Avetisyan", visibility=Visibility.LIMITED)
    text = pdf_text(banner(client, make_sponsorship(sponsor, detainee)).content)
    assert "Ville de Valence sponsors N. A." in text
    assert "Narek" not in text and "Avetisyan" not in text


def test_a_held_person_s_banner_demands_release(client, sponsor):
    text = pdf_text(banner(client, make_sponsorship(sponsor, make_detainee())).content)
    assert "days in captivity" in text
    assert "We demand their immediate release." in text


def test_a_released_person_gets_a_released_banner_or_none_as_staff_decide(client, sponsor):
    detainee = make_detainee(status=Status.RELEASED, sex="M", released_on=datetime.date(2025, 1, 1))
    mine = make_sponsorship(sponsor, detainee)
    text = pdf_text(banner(client, mine).content)
    assert "until release" in text
    assert "We demand their immediate release." not in text
    assert "days in captivity" not in text
    detainee.print_after_release = False
    detainee.save()
    assert banner(client, mine).status_code == 404
    page = client.get(reverse("sponsorships:portal_detail", args=[mine.pk])).content.decode()
    assert reverse("sponsorships:banner", args=[mine.pk, "a4"]) not in page


def test_a_deceased_person_has_no_banner(client, sponsor):
    detainee = make_detainee(status=Status.DECEASED, died_on=datetime.date(2022, 1, 1))
    mine = make_sponsorship(sponsor, detainee)
    for size in ("a4", "poster", "rollup"):
        assert banner(client, mine, size).status_code == 404
    page = client.get(reverse("sponsorships:portal_detail", args=[mine.pk])).content.decode()
    assert reverse("sponsorships:banner", args=[mine.pk, "a4"]) not in page


def test_the_whole_group_banner_quotes_the_campaign_s_figures_not_the_registry(client, sponsor):
    for n in range(3):
        make_detainee(slug=f"held-{n}")
    CampaignFigure.objects.create(
        key="disappeared", label="forcibly disappeared", low=80, high=200, as_of="2024-04-01"
    )
    text = pdf_text(banner(client, make_sponsorship(sponsor, None), "poster").content)
    assert "80 to 200" in text
    assert "forcibly disappeared" in text
    assert "3 people" not in text and "3 person" not in text
    assert "Ville de Valence sponsors the campaign for all Armenian prisoners" in text


def test_the_print_variant_has_bleed_and_trim_boxes_and_the_roll_up_has_none(client, sponsor):
    mine = make_sponsorship(sponsor, make_detainee())
    page = PdfReader(io.BytesIO(banner(client, mine, "a4", "print=1").content)).pages[0]
    assert float(page.trimbox.width) == pytest.approx(595.28, abs=0.1)
    assert float(page.bleedbox.width) - float(page.trimbox.width) == pytest.approx(17.0, abs=0.1)
    assert float(page.mediabox.width) > float(page.bleedbox.width)
    assert banner(client, mine, "rollup", "print=1").status_code == 404
    portal = client.get(reverse("sponsorships:portal_detail", args=[mine.pk])).content.decode()
    assert "print=1" in portal


def test_a_photo_too_small_for_print_is_flagged_to_the_sponsor_and_to_staff(
    sponsor, staff_client, settings
):
    detainee = make_detainee(name="Aram Petrosyan")
    path = put_photo(settings.MEDIA_ROOT)
    (settings.PRIVATE_MEDIA_ROOT / path).write_bytes(image_bytes("JPEG", (240, 320)))
    detainee.photo = path
    detainee.save()
    mine = make_sponsorship(sponsor, detainee)
    client = Client()  # staff_client is the test's client, signed in as staff
    client.force_login(sponsor.user)
    portal = client.get(reverse("sponsorships:portal_detail", args=[mine.pk])).content.decode()
    assert "too small to print sharply" in portal
    assert "Roll-up banner" in portal.split("too small to print sharply")[1].split("</ul>")[0]
    for url in (
        reverse("admin:sponsorships_sponsorship_change", args=[mine.pk]),
        reverse("admin:prisoners_detainee_change", args=[detainee.pk]),
    ):
        page = staff_client.get(url).content.decode()
        assert "Too small to print sharply" in page, url


def test_a_large_photo_is_not_flagged(client, sponsor, settings):
    detainee = make_detainee()
    path = put_photo(settings.MEDIA_ROOT)
    (settings.PRIVATE_MEDIA_ROOT / path).write_bytes(image_bytes("JPEG", (4600, 6000)))
    detainee.photo = path
    detainee.save()
    client.force_login(sponsor.user)
    mine = make_sponsorship(sponsor, detainee)
    portal = client.get(reverse("sponsorships:portal_detail", args=[mine.pk])).content.decode()
    assert "too small to print sharply" not in portal
