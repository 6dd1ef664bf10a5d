"""Fixtures for the registry's tests: records made to measure, and a staff client past MFA."""

import datetime
import io

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from conftest import PASSWORD
from prisoners.models import Category, Detainee, Status, Visibility


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters, share images and the footer live in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def media(settings, tmp_path, db):
    # A folder of its own: the private files sit beside it, as in production.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def make_detainee(slug="ani-karapetyan", **fields):
    defaults = {
        "name_en": "Ani Karapetyan",
        "name_fr": "Ani Karapetian",
        "name_hy": "Անի Կարապետյան",
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "captured_on": datetime.date(2023, 9, 28),
    }
    defaults.update(fields)
    return Detainee.objects.create(slug=slug, **defaults)


def put_photo(media_root, name="detainees/portrait.jpg"):
    """A real JPEG among the private uploads, for a record to point at.

    Uploads are private (only their renditions are published), so `media_root`, the test's
    public folder, only says that the test has set its folders up.
    """
    path = settings.PRIVATE_MEDIA_ROOT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes())
    return name


def image_bytes(fmt="JPEG", size=(600, 800), **save_options):
    out = io.BytesIO()
    Image.new("RGB", size, (120, 30, 30)).save(out, format=fmt, **save_options)
    return out.getvalue()


@pytest.fixture
def staff_client(client, alice):
    """Alice, signed in with her password and a TOTP code, as the admin requires."""
    secret = generate_totp_secret()
    TOTP.activate(alice, secret)
    client.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.get("/en/admin/").status_code == 200
    return client
