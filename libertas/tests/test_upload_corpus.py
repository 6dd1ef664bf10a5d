"""Hostile uploads, tried against every place that accepts a file.

The corpus is generated here, not committed: a script renamed .jpg, an SVG carrying a
script, a decompression bomb, a truncated image, a file just under the request size limit
and polyglots. Each is refused with a clear message and leaves no file in MEDIA_ROOT. A
polyglot that is also a valid image is accepted, because re-encoding keeps only its pixels:
the test then shows that what is stored holds no trace of the payload.
"""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaign.models import NewsItem
from conftest import make_detainee, make_sponsor, make_sponsorship, signup_data
from prisoners.models import Detainee
from sponsorships.models import Commitment, Sponsor, Sponsorship

PAYLOAD = b"<script>alert('libertas-payload')</script>"
MARKER = b"libertas-payload"


def image(fmt="JPEG", size=(64, 48)):
    out = io.BytesIO()
    Image.new("RGB", size, (120, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def bomb():
    # 10,000 × 10,000 one-bit pixels: a few kilobytes on disk, 100 megapixels decoded.
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG")
    return out.getvalue()


def near_the_request_limit():
    # A JPEG signature, then just under MAX_REQUEST_BYTES (larger requests are refused with 413
    # before they are read: test_request_size.py): refused on size before anything is decoded.
    from django.conf import settings

    return image()[:20] + b"\0" * (settings.MAX_REQUEST_BYTES - 1024 * 1024)


def gif_html_polyglot():
    # A real GIF that browsers would also read as HTML: GIF is not an accepted format.
    return image("GIF") + b"<html><body>" + PAYLOAD + b"</body></html>"


HOSTILE = {
    "script renamed .jpg": ("photo.jpg", lambda: b"#!/bin/sh\necho pwned\n" + PAYLOAD),
    "svg with script": (
        "logo.svg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    "decompression bomb": ("bomb.png", bomb),
    "truncated image": ("cut.jpg", lambda: image(size=(400, 300))[:600]),
    "file near the request limit": ("huge.jpg", near_the_request_limit),
    "gif+html polyglot": ("poly.gif", gif_html_polyglot),
}

# Valid images with a payload appended: accepted, but only the pixels may be stored.
POLYGLOTS = {
    "jpeg followed by html": ("poly.jpg", lambda: image() + b"<html>" + PAYLOAD),
    "png with a zip appended": (
        "poly.png",
        lambda: image("PNG") + b"PK\x03\x04" + PAYLOAD + b"PK\x05\x06" + b"\0" * 18,
    ),
}


def upload(name, make):
    return SimpleUploadedFile(name, make(), "image/jpeg")


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def management_forms(client, url):
    """The inline formsets' counters, as the admin's own page sends them."""
    html = client.get(url).content.decode()
    pattern = r'name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d+)"'
    return dict(re.findall(pattern, html))


# Each place an image is accepted: how to send a file there, and how to tell it was kept.


def send_detainee_photo(client, file):
    url = "/en/admin/prisoners/detainee/add/"
    data = management_forms(client, url)
    data.update(
        {
            "slug": "ani-karapetyan",
            "name_en": "Ani Karapetyan",
            "name_hy": "Անի Կարապետյան",
            "category": "CIVILIAN",
            "status": "HELD",
            "visibility": "PUBLIC",
            "detention_acknowledged": "UNKNOWN",
            "icrc_registered": "unknown",
            "photo": file,
        }
    )
    response = client.post(url, data)
    record = Detainee.objects.filter(slug="ani-karapetyan").first()
    return response, record.photo if record else None


def send_news_image(client, file):
    url = "/en/admin/campaign/newsitem/add/"
    data = management_forms(client, url)
    data.update(
        {
            "slug": "a-hearing",
            "kind": "NEWS",
            "title_en": "A hearing",
            "summary_en": "A hearing took place.",
            "body_en": "A hearing took place in Baku.",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "published": "on",
            "image": file,
        }
    )
    response = client.post(url, data)
    record = NewsItem.objects.filter(slug="a-hearing").first()
    return response, record.image if record else None


def send_sponsor_logo(client, file):
    detainee = make_detainee(slug="aram-petrosyan", name_en="Aram Petrosyan")
    data = signup_data(detainee, list(Commitment.objects.all()), logo=file)
    response = client.post(reverse("sponsorships:signup"), data)
    sponsor = Sponsor.objects.first()
    return response, sponsor.logo if sponsor else None


TARGETS = {
    "detainee photo (admin)": (send_detainee_photo, True),
    "news image (admin)": (send_news_image, True),
    "sponsor logo (public sign-up)": (send_sponsor_logo, False),
}

MESSAGES = {
    "invalid": (
        "This file is not a PNG, JPEG or WebP image, or it is damaged.",
        "The logo must be a PNG, JPEG or WebP image.",
    ),
    "too big": ("This image is too big", "The logo is too big"),
    "too large": ("This file is too large", "The logo is too large"),
}
EXPECTED = {
    "script renamed .jpg": "invalid",
    "svg with script": "invalid",
    "decompression bomb": "too big",
    "truncated image": "invalid",
    "file near the request limit": "too large",
    "gif+html polyglot": "invalid",
}


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_upload_is_refused_with_a_message_and_leaves_no_file(
    request, client, media, target, case
):
    send, needs_staff = TARGETS[target]
    if needs_staff:
        client = request.getfixturevalue("staff_client")
    name, make = HOSTILE[case]
    response, stored = send(client, upload(name, make))
    assert response.status_code == 200  # the form again, not a crash and not a redirect
    page = response.content.decode()
    generic, logo = MESSAGES[EXPECTED[case]]
    assert (logo if target.startswith("sponsor") else generic) in page
    assert not stored
    assert stored_files(media) == []


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case", POLYGLOTS)
def test_a_polyglot_that_is_a_valid_image_is_stored_without_its_payload(
    request, client, media, target, case
):
    send, needs_staff = TARGETS[target]
    if needs_staff:
        client = request.getfixturevalue("staff_client")
    name, make = POLYGLOTS[case]
    response, stored = send(client, upload(name, make))
    assert response.status_code in (200, 302)
    assert stored, response.content.decode()[:2000]
    files = stored_files(media)
    assert files
    for path in files:
        data = path.read_bytes()
        assert MARKER not in data
        assert b"<script" not in data and b"<html" not in data
        assert b"PK\x03\x04" not in data
        with Image.open(path) as kept:
            kept.load()  # still a valid image


@pytest.fixture
def active_sponsorship(db):
    detainee = make_detainee(slug="aram-petrosyan", name_en="Aram Petrosyan")
    sponsorship = make_sponsorship(make_sponsor("Ville de Lyonnet"), detainee)
    assert sponsorship.status == Sponsorship.Status.ACTIVE
    return sponsorship


@pytest.mark.parametrize(
    "case",
    [*HOSTILE, "html named .pdf", "jpeg named .pdf"],
)
def test_the_signed_agreement_accepts_nothing_but_a_pdf(
    staff_client, active_sponsorship, media, case
):
    if case == "html named .pdf":
        file = SimpleUploadedFile("signed.pdf", b"<html>" + PAYLOAD, "application/pdf")
    elif case == "jpeg named .pdf":
        file = SimpleUploadedFile("signed.pdf", image(), "application/pdf")
    else:
        name, make = HOSTILE[case]
        file = SimpleUploadedFile(name, make(), "application/pdf")
    url = reverse("admin:sponsorships_sponsorship_workflow", args=[active_sponsorship.pk, "sign"])
    response = staff_client.post(
        url, {"signed_on": "2024-05-18", "signing_place": "Lyon", "agreement": file}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "The signed agreement must be a PDF file." in page or "The agreement is too large" in page
    )
    active_sponsorship.refresh_from_db()
    assert not active_sponsorship.agreement
    assert stored_files(media) == []
