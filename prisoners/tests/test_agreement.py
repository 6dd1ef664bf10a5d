"""French agrees with the person's recorded sex; the neutral form stands where it is unknown.

A LIMITED record always reads in the neutral form: its public view shows no more than the
initials and the facts of the detention, and "Libérée" would tell the public one more fact.
"""

import datetime

from django.utils import translation

from conftest import make_detainee
from prisoners.models import Category, Detainee, Sex, Status, Visibility


def page(client, url):
    return client.get(url).content.decode()


def card(client):
    """The one card on the French list of released people (the status filter above it names
    statuses in general)."""
    html = page(client, "/fr/prisoners/?status=RELEASED")
    start = html.index("detainee-card")
    return html[start : html.index("</article>", start)]


def released_civilian(**fields):
    return make_detainee(
        status=Status.RELEASED,
        released_on=datetime.date(2024, 1, 19),
        birth_date=datetime.date(1990, 5, 3),
        **fields,
    )


def test_a_womans_profile_and_card_agree_in_french(client, db):
    detainee = released_civilian(sex=Sex.FEMALE)
    with translation.override("fr"):
        profile = page(client, detainee.get_absolute_url())
    text = card(client)
    assert "Civile</span>" in profile and "Libérée</span>" in profile
    assert '<dt class="col-sm-4">Née</dt>' in profile
    assert "Détenue pendant" in profile
    assert ">Civile</p>" in text and ">Libérée</span>" in text
    for masculine in ("Civil</span>", ">Civil</p>", "Libéré<", "Né(e)", "Détenu pendant"):
        assert masculine not in profile + text, masculine


def test_a_mans_profile_and_card_agree_in_french(client, db):
    detainee = released_civilian(sex=Sex.MALE)
    with translation.override("fr"):
        profile = page(client, detainee.get_absolute_url())
    text = card(client)
    assert "Civil</span>" in profile and "Libéré</span>" in profile
    assert '<dt class="col-sm-4">Né</dt>' in profile and "Détenu pendant" in profile
    assert ">Civil</p>" in text and ">Libéré</span>" in text


def test_an_unknown_sex_reads_in_the_neutral_form(client, db):
    detainee = released_civilian(sex=Sex.UNSTATED)
    with translation.override("fr"):
        profile = page(client, detainee.get_absolute_url())
    assert "Personne civile</span>" in profile and "En liberté</span>" in profile
    assert '<dt class="col-sm-4">Naissance</dt>' in profile
    assert "jours de détention" in profile


def test_a_limited_record_does_not_tell_the_sex_through_agreement(db):
    detainee = released_civilian(sex=Sex.FEMALE, visibility=Visibility.LIMITED)
    view = detainee.public_view()
    with translation.override("fr"):
        assert (view.category_label, view.status_label) == ("Personne civile", "En liberté")
        assert "jours de détention" in view.days_held_label


def test_every_category_and_status_agrees_with_a_woman():
    expected_categories = {
        Category.POW: "Prisonnière de guerre",
        Category.CIVILIAN: "Civile",
        Category.POLITICAL_LEADER: "Dirigeante politique",
        Category.DISAPPEARED: "Disparue de force",
    }
    expected_statuses = {
        Status.HELD: "Détenue",
        Status.RELEASED: "Libérée",
        Status.DECEASED: "Décédée",
        Status.UNKNOWN: "Sort inconnu",
    }
    with translation.override("fr"):
        for category, label in expected_categories.items():
            assert Detainee(category=category, sex=Sex.FEMALE).category_label == label
        for status, label in expected_statuses.items():
            assert Detainee(status=status, sex=Sex.FEMALE).status_label == label


def test_english_labels_are_the_same_for_everyone():
    for sex in (Sex.FEMALE, Sex.MALE, Sex.UNSTATED):
        detainee = Detainee(category=Category.POW, status=Status.HELD, sex=sex)
        with translation.override("en"):
            assert (detainee.category_label, detainee.status_label) == ("Prisoner of war", "Held")
