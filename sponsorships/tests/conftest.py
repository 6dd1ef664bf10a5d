import io

import pytest
from PIL import Image

from conftest import make_detainee
from prisoners.models import Category
from sponsorships.models import Commitment


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png_bytes(size=(40, 20), fmt="PNG", exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (139, 26, 26))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


@pytest.fixture
def aram(db):
    name_hy = "Արամ Պետրոսյան"
    return make_detainee(
        "aram", name="Aram Petrosyan", name_hy=name_hy, category=Category.POW, captured_on=None
    )


@pytest.fixture
def commitments(db):
    return list(Commitment.objects.all())
