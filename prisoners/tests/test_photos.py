"""Photo uploads: real bounded images only, re-encoded without metadata, served as WebP."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from conftest import image_bytes, make_detainee, put_photo
from prisoners.models import Detainee
from prisoners.photos import MAX_BYTES

ADD_URL = "/en/admin/prisoners/detainee/add/"


def admin_form_data(client, url=ADD_URL):
    """What the admin's add form sends when a person fills in the required fields."""
    html = client.get(url).content.decode()
    data = {}
    for name, value in re.findall(
        r'name="([^"]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"[^>]*value="(\d+)"', html
    ):
        data[name] = value
    data.update(
        {
            "slug": "ani-karapetyan",
            "name_en": "Ani Karapetyan",
            "name_fr": "",
            "name_hy": "Անի Կարապետյան",
            "category": "CIVILIAN",
            "status": "HELD",
            "visibility": "PUBLIC",
            "detention_acknowledged": "UNKNOWN",
            "icrc_registered": "unknown",
        }
    )
    return data


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()]


def gps_jpeg():
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (40.0, 11.0, 0.0)
    exif[0x010F] = "CameraMaker-Secret"
    return image_bytes("JPEG", exif=exif.tobytes())


def bomb_png():
    # 10,000 × 10,000 pixels, a few kilobytes on disk: 100 megapixels once decoded.
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG")
    return out.getvalue()


HOSTILE = {
    "not an image": (b"#!/bin/sh\necho this is a script\n", "photo.jpg", "not a PNG, JPEG or WebP"),
    "a decompression bomb": (None, "bomb.png", "too big: at most 40 million pixels"),
    "an oversized file": (b"\xff\xd8\xff" + b"0" * MAX_BYTES, "huge.jpg", "too large"),
    "a truncated image": (image_bytes()[:400], "cut.jpg", "not a PNG, JPEG or WebP"),
    "a GIF": (image_bytes("GIF"), "anim.gif", "not a PNG, JPEG or WebP"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_upload_is_refused_with_a_message_and_nothing_is_stored(
    staff_client, media, kind
):
    content, filename, message = HOSTILE[kind]
    content = bomb_png() if content is None else content
    data = admin_form_data(staff_client)
    data["photo"] = SimpleUploadedFile(filename, content, "image/jpeg")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Detainee.objects.exists()
    assert stored_files(media) == []


def test_the_refusal_is_translated(staff_client, media):
    data = admin_form_data(staff_client, "/fr/admin/prisoners/detainee/add/")
    data["photo"] = SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg")
    response = staff_client.post("/fr/admin/prisoners/detainee/add/", data)
    assert "Ce fichier n’est pas une image PNG, JPEG ou WebP" in response.content.decode()
    with translation.override("hy"):
        from prisoners.photos import reencode

        with pytest.raises(Exception) as error:
            reencode(SimpleUploadedFile("x.jpg", b"nope"))
        assert "PNG" in str(error.value.messages[0])
        assert "This file" not in str(error.value.messages[0])


def test_a_good_photo_is_stored_without_its_metadata(staff_client, media):
    data = admin_form_data(staff_client)
    data["photo"] = SimpleUploadedFile("Ani at home.jpg", gps_jpeg(), "image/jpeg")
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    detainee = Detainee.objects.get()
    # A random name: the original file name can itself identify someone.
    assert "Ani" not in detainee.photo.name
    with Image.open(detainee.photo.path) as stored:
        assert stored.format == "JPEG"
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info
    stored = settings.PRIVATE_MEDIA_ROOT / detainee.photo.name
    assert b"CameraMaker-Secret" not in stored.read_bytes()


def test_renditions_are_webp_at_the_displayed_sizes(client, staff_client, media):
    data = admin_form_data(staff_client)
    data["photo"] = SimpleUploadedFile("p.png", image_bytes("PNG", (900, 1200)), "image/png")
    assert staff_client.post(ADD_URL, data).status_code == 302
    detainee = Detainee.objects.get()
    for spec, size in [("photo_card", (240, 300)), ("photo_profile_2x", (720, 900))]:
        with Image.open(getattr(detainee, spec).path) as rendition:
            assert rendition.format == "WEBP"
            assert rendition.size == size
    html = client.get(detainee.get_absolute_url()).content.decode()
    assert f'src="{detainee.photo_profile.url}"' in html
    assert 'width="360" height="450"' in html
    listing = client.get("/en/prisoners/").content.decode()
    assert f"{detainee.photo_card_2x.url} 480w" in listing  # a width: the phone row is narrow


def test_cards_below_the_fold_load_lazily(client, media):
    # With photos: a card without one shows initials, and has nothing to load.
    for i in range(6):
        make_detainee(
            slug=f"person-{i}", name_en=f"Person {i}", photo=put_photo(media, f"detainees/p{i}.jpg")
        )
    html = client.get("/en/prisoners/").content.decode()
    assert html.count('loading="lazy"') == 2
