import io

import pytest
from django.core.cache import cache
from django.utils import timezone, translation
from PIL import Image

from prisoners.models import Category, Detainee, Visibility
from sponsorships.models import Commitment, Sponsor, Sponsorship


@pytest.fixture(autouse=True)
def fresh_cache_and_language():
    # The rate limit counts in the cache: each test starts with none. A request to /fr/
    # leaves French active in the thread, which would change what reverse() returns.
    cache.clear()
    translation.activate("en")
    yield
    cache.clear()
    translation.activate("en")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_detainee(slug="aram", name="Aram Petrosyan", **extra):
    fields = {
        "name_en": name,
        "name_fr": name,
        "name_hy": extra.pop("name_hy", "Արամ Պետրոսյան"),
        "category": Category.POW,
        "visibility": Visibility.PUBLIC,
    }
    fields.update(extra)
    return Detainee.objects.create(slug=slug, **fields)


def make_sponsor(name="Ville de Test", consent=True, user=None, **extra):
    """A sponsor; given a user, one approved for that account, as services.approve links it:
    the same address, confirmed through our link."""
    fields = {
        "kind": Sponsor.Kind.CITY,
        "country": "FR",
        "city": "Testville",
        "public_consent": consent,
        "contact_name": "Jeanne Contact",
        "email": f"{name.lower().replace(' ', '-')}@example.org",
        "user": user,
    }
    if user is not None:
        fields.update(email=user.email, email_confirmed_at=timezone.now())
    fields.update(extra)
    return Sponsor.objects.create(name=name, **fields)


def make_sponsorship(sponsor, detainee, status=Sponsorship.Status.ACTIVE, **extra):
    return Sponsorship.objects.create(sponsor=sponsor, detainee=detainee, status=status, **extra)


def png_bytes(size=(40, 20), fmt="PNG", exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (139, 26, 26))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


@pytest.fixture
def aram(db):
    return make_detainee()


@pytest.fixture
def commitments(db):
    return list(Commitment.objects.all())
