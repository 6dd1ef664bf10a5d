"""Fixtures for the registry's tests: media folders and real images (records, people and the
staff client are in the root conftest)."""

import io

import pytest
from django.conf import settings
from PIL import Image


@pytest.fixture
def media(settings, tmp_path, db):
    # A folder of its own: the private files sit beside it, as in production.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


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
