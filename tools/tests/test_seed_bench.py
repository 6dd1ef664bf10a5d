"""`python -m tools.seed_bench` fills an empty database with every kind of record, and refuses
a live one."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from campaign.models import Event, NewsItem
from donations.models import Donation
from prisoners.models import Category, Detainee, Status, TimelineEvent, Visibility
from sponsorships.models import Sponsorship
from tools.seed_bench import Command as SeedBench


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def seed(**options):
    call_command(SeedBench(), detainees=40, sponsors=6, donations=30, verbosity=0, **options)


def test_seed_bench_makes_every_kind_of_record(db, media, client):
    seed()
    assert Detainee.objects.count() == 40
    assert set(Detainee.objects.values_list("category", flat=True)) == set(Category.values)
    assert set(Detainee.objects.values_list("status", flat=True)) == set(Status.values)
    assert set(Detainee.objects.values_list("visibility", flat=True)) == set(Visibility.values)
    assert TimelineEvent.objects.exists() and NewsItem.objects.exists() and Event.objects.exists()
    assert Sponsorship.objects.active().exists() and Donation.objects.paid().exists()
    # The folded search text is computed although no save() ran: the Armenian spelling finds it.
    assert Detainee.objects.search("Պետրոսյան").exists()
    person = Detainee.objects.exclude(photo="").filter(visibility=Visibility.PUBLIC).first()
    assert (media / person.photo_card.name).exists()
    assert person.name_fr and person.name_hy and person.biography_hy
    assert client.get(person.get_absolute_url()).status_code == 200


def test_seed_bench_can_run_twice(db, media):
    seed()
    seed()
    assert Detainee.objects.count() == 40


def test_seed_bench_refuses_a_database_with_other_records_unless_forced(db, media):
    Detainee.objects.create(slug="real-person", name="Real Person", category=Category.POW)
    with pytest.raises(CommandError, match="--force"):
        seed()
    assert Detainee.objects.count() == 1
    seed(force=True)
    assert Detainee.objects.count() == 41
