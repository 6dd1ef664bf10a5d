import datetime

import pytest
from django.utils import timezone

from campaign.models import Event, NewsItem, Petition
from prisoners.models import Category, Detainee, Visibility


@pytest.fixture
def detainee(db):
    return Detainee.objects.create(
        slug="test-aram", name_en="Aram Test", category=Category.POW, visibility=Visibility.PUBLIC
    )


@pytest.fixture
def hidden_detainee(db):
    return Detainee.objects.create(
        slug="test-hidden",
        name_en="Hidden Person",
        category=Category.CIVILIAN,
        visibility=Visibility.HIDDEN,
    )


@pytest.fixture
def limited_detainee(db):
    return Detainee.objects.create(
        slug="test-limited",
        name_en="Narek Limited",
        category=Category.CIVILIAN,
        visibility=Visibility.LIMITED,
    )


@pytest.fixture
def petition(db):
    return Petition.objects.create(
        title="Free them",
        text="Release **everyone**.",
        addressees="A minister\nAn ambassador",
        goal=100,
    )


def make_news(slug, **extra):
    fields = {"title": f"Title {slug}", "summary": f"Summary {slug}", "body": "Body"}
    fields.update(extra)
    return NewsItem.objects.create(slug=slug, **fields)


def make_event(slug, days=10, **extra):
    starts = timezone.now() + datetime.timedelta(days=days)
    fields = {
        "title": f"Event {slug}",
        "description": "Come along.",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "time_zone": "Asia/Yerevan",
        "place": "Square",
        "city": "Yerevan",
        "country": "AM",
    }
    fields.update(extra)
    return Event.objects.create(slug=slug, **fields)
