"""Bad input on the sign-up form: clear messages, nothing lost, nothing stored."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from conftest import signup_data
from sponsorships.models import Sponsor, Sponsorship
from sponsorships.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def files_under(path):
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def test_form_errors_keep_everything_typed(client, aram, commitments):
    data = signup_data(aram, commitments, email="not-an-address", website="not a site")
    response = client.post(reverse("sponsorships:signup"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter an e-mail address such as name@example.org." in page
    assert "Enter a web address such as https://example.org." in page
    assert 'value="Ville de Valbrune"' in page
    assert 'value="Jeanne Maire"' in page
    assert 'value="+33 1 23 45 67 89"' in page
    assert 'value="not-an-address"' in page
    assert f'value="{aram.pk}" checked' in page
    for commitment in commitments[:2]:
        assert f'value="{commitment.pk}" id="commitment-{commitment.pk}" checked' in page
    assert f'value="{commitments[2].pk}" id="commitment-{commitments[2].pk}" checked' not in page
    assert '<option value="FR" selected>' in page
    assert Sponsor.objects.count() == 0
    assert mail.outbox == []


def test_missing_choices_get_clear_messages(client, aram, commitments):
    data = signup_data(aram, commitments)
    del data["target"], data["commitments"]
    page = client.post(reverse("sponsorships:signup"), data).content.decode()
    assert "Choose a detainee or the whole group." in page
    assert "Choose at least one commitment." in page


def test_an_svg_logo_is_refused_and_no_file_is_left_behind(client, aram, commitments, media):
    data = signup_data(aram, commitments)
    data["logo"] = SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")
    page = client.post(reverse("sponsorships:signup"), data).content.decode()
    assert "The logo must be a PNG, JPEG or WebP image." in page
    assert "Please choose your logo file again" in page
    assert Sponsor.objects.count() == 0
    assert files_under(media) == []


def test_a_file_that_only_claims_to_be_a_png_is_refused(client, aram, commitments, media):
    data = signup_data(aram, commitments)
    data["logo"] = SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\nnot really", "image/png")
    page = client.post(reverse("sponsorships:signup"), data).content.decode()
    assert "The logo must be a PNG, JPEG or WebP image." in page
    assert files_under(media) == []


def test_a_gif_logo_is_refused(client, aram, commitments, media):
    data = signup_data(aram, commitments)
    data["logo"] = SimpleUploadedFile("logo.gif", png_bytes(fmt="GIF"), "image/gif")
    page = client.post(reverse("sponsorships:signup"), data).content.decode()
    assert "The logo must be a PNG, JPEG or WebP image." in page
    assert Sponsor.objects.count() == 0


def test_a_logo_with_too_many_pixels_is_refused(client, aram, commitments, media):
    data = signup_data(aram, commitments)
    data["logo"] = SimpleUploadedFile("logo.png", png_bytes(size=(4001, 10)), "image/png")
    page = client.post(reverse("sponsorships:signup"), data).content.decode()
    assert "The logo is too big" in page
    assert files_under(media) == []


def test_a_good_logo_is_re_encoded_without_its_metadata(client, aram, commitments, media):
    exif = Image.Exif()
    exif[0x013B] = "Secret Photographer"  # Artist
    data = signup_data(aram, commitments)
    data["logo"] = SimpleUploadedFile(
        "my town's logo.jpg", png_bytes(fmt="JPEG", exif=exif.tobytes()), "image/jpeg"
    )
    client.post(reverse("sponsorships:signup"), data)
    sponsor = Sponsor.objects.get()
    assert sponsor.logo.name.startswith("sponsors/logos/")
    assert sponsor.logo.name.endswith(".jpg")
    assert (sponsor.logo_width, sponsor.logo_height) == (40, 20)
    with Image.open(sponsor.logo.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
    assert b"Secret Photographer" not in sponsor.logo.read()


def test_a_filled_honeypot_stores_and_sends_nothing(client, aram, commitments):
    data = signup_data(aram, commitments, nickname="robot")
    response = client.post(reverse("sponsorships:signup"), data)
    assert response.status_code == 200
    assert Sponsorship.objects.count() == 0
    assert mail.outbox == []


def test_the_sign_up_is_rate_limited_with_a_translated_page(client, aram, commitments):
    data = signup_data(aram, commitments, email="broken")
    for _ in range(10):
        assert client.post(reverse("sponsorships:signup"), data).status_code == 200
    response = client.post("/fr/sponsor/", data)
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_the_confirmation_e_mail_is_in_the_language_of_the_form(client, aram, commitments):
    client.post("/hy/sponsor/", signup_data(aram, commitments))
    assert Sponsor.objects.get().language == "hy"
    message = mail.outbox[0]
    assert "Հաստատեք" in message.subject
    assert "/hy/sponsor/confirm/" in message.body


def test_the_sign_up_page_summarises_the_three_groups_of_commitments(client, db):
    page = client.get("/fr/sponsor/").content.decode()
    for group in ("Communiquer", "Plaider", "Soutenir"):
        assert group in page
    assert "Rencontrer la famille de la personne détenue" in page


def test_the_sign_up_page_stays_within_its_query_budget(
    client, aram, commitments, django_assert_max_num_queries
):
    from conftest import make_detainee, make_sponsor, make_sponsorship

    for n in range(20):
        detainee = make_detainee(slug=f"d{n}", name=f"Person {n}")
        make_sponsorship(make_sponsor(f"Sponsor {n}"), detainee)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("sponsorships:signup")).status_code == 200


def test_the_kind_of_sponsor_offers_no_blank_radio_button(client, db):
    page = client.get(reverse("sponsorships:signup")).content.decode()
    assert 'name="kind" value=""' not in page
    for kind in Sponsor.Kind.values:
        assert f'name="kind" value="{kind}"' in page
