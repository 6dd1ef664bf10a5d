"""The demo data: a sample of every layout, loaded as often as `make run` likes.

A second load must change nothing: no row, no history entry, no timestamp, no file; and what
staff changed in a sample stays as they left it.
"""

import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from campaign.models import NewsItem, Organisation, Page, Petition
from prisoners import photos
from prisoners.models import (
    CampaignFigure,
    Category,
    Detainee,
    Status,
    TimelineEvent,
    Visibility,
)
from sponsorships.models import Sponsor, Sponsorship


@pytest.fixture
def demo_media(settings, tmp_path, db):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def everything():
    """Every row of every table (histories and link tables included), and every file."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        rows[model._meta.label] = list(model._default_manager.order_by("pk").values())
    files = sorted(
        str(path.relative_to(root))
        for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT))
        for path in root.rglob("*")
    )
    return rows, files


def test_loading_the_demo_twice_changes_no_row_history_timestamp_or_file(demo_media, settings):
    # In debug mode, as `make run` loads it: the demo staff account is made too.
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    first = everything()
    call_command("load_demo", verbosity=0)
    second = everything()
    assert second[1] == first[1]
    for label, rows in first[0].items():
        assert second[0][label] == rows, label
    # Not an empty comparison: the first load made records, their history and their files.
    assert first[0]["prisoners.HistoricalDetainee"]
    assert any(name.startswith("photos/") for name in first[1])


def test_a_sample_staff_edited_keeps_the_edit_after_another_load(demo_media):
    call_command("load_demo", verbosity=0)
    detainee = Detainee.objects.get(slug="sample-aram-petrosyan")
    detainee.name_en = "Aram Petrossian (corrected)"
    detainee.save()
    news = NewsItem.objects.get(slug="release-of-32-prisoners-december-2023")
    news.title_en = "Edited by staff"
    news.save()
    call_command("load_demo", verbosity=0)
    assert Detainee.objects.get(slug="sample-aram-petrosyan").name_en == (
        "Aram Petrossian (corrected)"
    )
    assert NewsItem.objects.get(pk=news.pk).title_en == "Edited by staff"
    assert detainee.history.count() == 2


def test_a_sample_staff_hid_or_deleted_is_not_brought_back(demo_media):
    # Hiding gives a record a new random address: loading again must not take the old one
    # for a missing sample and publish the person a second time.
    call_command("load_demo", verbosity=0)
    hidden = Detainee.objects.get(slug="sample-aram-petrosyan")
    hidden.visibility = Visibility.HIDDEN
    hidden.save()
    Detainee.objects.get(slug="sample-anahit-hovhannisyan").delete()
    count = Detainee.objects.count()
    call_command("load_demo", verbosity=0)
    assert Detainee.objects.count() == count
    assert not Detainee.objects.filter(slug="sample-aram-petrosyan").exists()
    assert not Detainee.objects.filter(name_en="Aram Petrosyan").public().exists()


def test_every_demo_detainee_is_marked_as_a_sample(demo_data):
    for detainee in Detainee.objects.all():
        assert detainee.slug.startswith("sample-")
        assert detainee.biography_en.startswith("Sample record")
        assert detainee.biography_fr.startswith("Fiche d'exemple")
        assert detainee.biography_hy.startswith("Օրինակելի")


def test_the_demo_shows_every_category_status_and_visibility(demo_data):
    demo = Detainee.objects.all()
    assert set(demo.values_list("category", flat=True)) == set(Category.values)
    assert set(demo.values_list("status", flat=True)) == set(Status.values)
    assert set(demo.values_list("visibility", flat=True)) == set(Visibility.values)
    assert max(len(name) for name in demo.values_list("name_en", flat=True)) > 30


def test_demo_portraits_are_illustrations_published_only_for_public_records(demo_media):
    call_command("load_demo", verbosity=0)
    with_photo = Detainee.objects.exclude(photo="")
    assert with_photo.filter(visibility=Visibility.PUBLIC).count() >= 5
    for detainee in with_photo:
        assert detainee.photo_alt_en == "Illustration — not a photograph of this person"
        assert detainee.photo_alt_fr.startswith("Illustration — pas une photographie")
        assert detainee.photo_alt_hy.startswith("Նկարազարդում")
        assert "illustration" in detainee.photo_credit
        # The original is private; only a PUBLIC record has public copies.
        assert (settings.PRIVATE_MEDIA_ROOT / detainee.photo.name).is_file()
        public = detainee.visibility == Visibility.PUBLIC
        assert photos.is_published(detainee.photo_token) == public
    # The LIMITED and the HIDDEN sample both hold a photo, and no copy of it is public.
    assert with_photo.exclude(visibility=Visibility.PUBLIC).count() == 2
    published = {p.name for p in (demo_media / photos.FOLDER).iterdir()}
    assert (
        len(published)
        == len(photos.RENDITIONS) * with_photo.filter(visibility=Visibility.PUBLIC).count()
    )


def test_every_photo_shape_is_in_the_demo(demo_media):
    call_command("load_demo", verbosity=0)
    shapes = set()
    for detainee in Detainee.objects.exclude(photo=""):
        width, height = detainee.photo.width, detainee.photo.height
        shapes.add("portrait" if height > width else "landscape" if width > height else "square")
    assert shapes == {"portrait", "landscape", "square"}


def test_the_demo_has_a_hearing_ahead_and_the_campaign_figures_with_their_source(demo_data):
    today = timezone.localdate()
    ahead = TimelineEvent.objects.filter(kind=TimelineEvent.Kind.HEARING, date__gt=today)
    assert ahead.filter(detainee__visibility=Visibility.PUBLIC).exists()
    assert ahead.first().date <= today + datetime.timedelta(days=60)
    figures = {f.key: f for f in CampaignFigure.objects.all()}
    assert (figures["held"].low, figures["prisoners-of-war"].low) == (23, 9)
    assert (figures["civilians"].low, figures["political-leaders"].low) == (6, 8)
    assert (figures["forcibly-disappeared"].low, figures["forcibly-disappeared"].high) == (80, 200)
    assert all(f.source and f.label_en and f.label_fr and f.label_hy for f in figures.values())


def test_the_demo_has_logos_of_every_shape_news_images_and_signatures(demo_media):
    call_command("load_demo", verbosity=0)
    logos = list(Sponsor.objects.exclude(logo=""))
    shapes = {(s.logo_width > s.logo_height, s.logo.name.endswith(".png")) for s in logos}
    assert (True, False) in shapes and (False, False) in shapes  # wide and square
    assert any(s.logo.name.endswith(".png") for s in logos)  # transparent
    assert Sponsorship.objects.filter(status=Sponsorship.Status.PENDING).exists()
    assert Sponsorship.objects.filter(status=Sponsorship.Status.ACTIVE).count() >= 4
    news = NewsItem.objects.exclude(image="")
    assert news.count() >= 2
    assert all(item.image_alt_en.startswith("Illustration") for item in news)
    petition = Petition.objects.get()
    assert petition.confirmed_count == petition.signatures.confirmed().count() > 0


def test_the_demo_keeps_the_collective_and_the_content_pages(demo_data):
    assert Organisation.objects.count() == 3
    assert Page.objects.exists()
