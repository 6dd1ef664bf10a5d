"""Detainee.days_held_label: one rule for the profile, the card, the share image and the banner."""

import datetime

from django.utils import timezone, translation

from prisoners.models import Category, Detainee, Status, Visibility


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
    assert detainee.days_held_label == "Held for 10 days"


def test_without_a_start_date_nothing_is_said():
    assert Detainee(category=Category.POW, status=Status.HELD).days_held_label == ""


def test_a_limited_record_shows_the_same_label():
    detainee = Detainee(
        category=Category.POW,
        status=Status.HELD,
        captured_on=days_ago(3),
        visibility=Visibility.LIMITED,
        name_en="Aram Petrosyan",
    )
    assert detainee.public_view().days_held_label == "3 days in captivity"
