"""Detainee.days_held_label: one rule for the profile, the card, the share image and the banner."""

import datetime

import pytest
from django.utils import timezone, translation

from prisoners.models import Category, Detainee, Status, Visibility


@pytest.fixture(autouse=True)
def in_english():
    # English unless a test says otherwise, whatever an earlier test left active.
    with translation.override("en"):
        yield


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_a_held_person_counts_days_in_captivity():
    detainee = Detainee(category=Category.POW, status=Status.HELD, captured_on=days_ago(1500))
    assert detainee.days_held_label == "1,500 days in captivity"


def test_the_count_is_grouped_and_said_in_the_active_language():
    detainee = Detainee(category=Category.POW, status=Status.HELD, captured_on=days_ago(1500))
    with translation.override("fr"):
        assert detainee.days_held_label == "1\u202f500 jours de captivité"  # narrow no-break space


def test_a_disappeared_person_counts_days_since_last_seen():
    detainee = Detainee(
        category=Category.DISAPPEARED, status=Status.UNKNOWN, last_seen_on=days_ago(1)
    )
    assert detainee.days_held_label == "1 day since last seen"


def test_a_released_person_was_held_for_a_number_of_days():
    detainee = Detainee(
        category=Category.CIVILIAN,
        status=Status.RELEASED,
        captured_on=datetime.date(2020, 1, 1),
        released_on=datetime.date(2020, 1, 11),
    )
    assert detainee.days_held_label == "Held for 10 days until release"
    assert detainee.days_held_phrase().number == 10


def test_a_deceased_person_was_held_until_death():
    detainee = Detainee(
        category=Category.POW,
        status=Status.DECEASED,
        sex="M",
        captured_on=datetime.date(2020, 11, 1),
        died_on=datetime.date(2022, 11, 1),
    )
    assert detainee.days_held_label == "Held for 730 days until death"


def test_a_disappeared_person_captured_on_a_known_date_counts_days_in_captivity():
    detainee = Detainee(
        category=Category.DISAPPEARED,
        status=Status.UNKNOWN,
        captured_on=days_ago(40),
        last_seen_on=days_ago(41),
    )
    assert detainee.days_held_label == "40 days in captivity"


def test_a_disappeared_person_later_released_was_held_until_release():
    detainee = Detainee(
        category=Category.DISAPPEARED,
        status=Status.RELEASED,
        last_seen_on=datetime.date(2023, 1, 1),
        released_on=datetime.date(2023, 1, 3),
    )
    assert detainee.days_held_label == "Held for 2 days until release"


def test_the_phrase_carries_its_number_and_says_itself():
    detainee = Detainee(category=Category.POW, status=Status.HELD, captured_on=days_ago(1))
    phrase = detainee.days_held_phrase()
    assert (phrase.number, str(phrase)) == (1, "1 day in captivity")


def test_without_a_start_date_nothing_is_said():
    assert Detainee(category=Category.POW, status=Status.HELD).days_held_label == ""
    assert Detainee(category=Category.POW, status=Status.HELD).days_held_phrase().number is None


def test_a_limited_record_shows_the_same_label():
    detainee = Detainee(
        category=Category.POW,
        status=Status.HELD,
        captured_on=days_ago(3),
        visibility=Visibility.LIMITED,
        name_en="Aram Petrosyan",
    )
    assert detainee.public_view().days_held_label == "3 days in captivity"
