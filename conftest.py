"""Shared fixtures: named people, as in healthchecks' tests, so a test reads as a story."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command

PASSWORD = "correct-horse-battery-staple"


def make_user(email, **extra):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: no page, rate-limit count or token from another."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test keeps its private files (originals, agreements) in a folder of its own."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def alice(db):
    """A staff member with every permission."""
    return make_user("alice@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def bob(db):
    """A visitor with an account and no staff rights."""
    return make_user("bob@example.org")


@pytest.fixture
def demo_data(db):
    call_command("load_demo", verbosity=0)
