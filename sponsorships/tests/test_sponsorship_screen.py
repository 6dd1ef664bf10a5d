"""The sponsorship admin screen supports a decision: who the sponsor is, what else they
sponsor, whether the person already has a sponsor, how old the request is, private notes and a
follow-up date; filters offer only values that exist; a decided sponsorship keeps its person."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_detainee, make_sponsor, make_sponsorship
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db

LIST = reverse("admin:sponsorships_sponsorship_changelist")
SPONSORS = reverse("admin:sponsorships_sponsor_changelist")


def change_url(sponsorship):
    return reverse("admin:sponsorships_sponsorship_change", args=[sponsorship.pk])


def country_choices(page):
    """The names the country filter offers (after "All")."""
    block = page.split('data-filter-title="country"', 1)[1].split("</details>", 1)[0]
    return re.findall(r'<a href="[^"]*country__exact=\w+[^"]*">([^<]+)</a>', block)


@pytest.fixture
def requests(aram):
    french = make_sponsor("Ville de Lyonnet", country="FR", email_confirmed_at=timezone.now())
    armenian = make_sponsor("Gyumri", country="AM")
    return [
        make_sponsorship(french, aram, status=Sponsorship.Status.PENDING),
        make_sponsorship(armenian, aram, status=Sponsorship.Status.PENDING),
    ]


@pytest.mark.parametrize("url", [LIST, SPONSORS])
def test_the_country_filter_offers_only_the_countries_of_existing_sponsors(
    staff_client, requests, url
):
    page = staff_client.get(url).content.decode()
    assert sorted(country_choices(page)) == ["Armenia", "France"]


def test_the_country_filter_filters(staff_client, requests):
    page = staff_client.get(f"{LIST}?sponsor__country__exact=AM").content.decode()
    assert "Gyumri" in page and "Ville de Lyonnet" not in page


def test_the_screen_warns_that_the_person_already_has_an_active_sponsor(staff_client, requests):
    pending = requests[0]
    page = staff_client.get(change_url(pending)).content.decode()
    assert "nobody sponsors this person yet" in page
    active = make_sponsorship(make_sponsor("Amis d'Aram"), pending.detainee)
    page = staff_client.get(change_url(pending)).content.decode()
    assert "Warning: this person already has an active sponsor" in page
    assert change_url(active) in page
    # The active one does not warn about itself.
    assert (
        "nobody sponsors this person yet" in staff_client.get(change_url(active)).content.decode()
    )


def test_the_screen_shows_the_sponsor_their_other_sponsorships_and_the_age(staff_client, requests):
    pending = requests[0]
    Sponsorship.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=12, hours=1)
    )
    again = make_sponsor("Ville de Lyonnet")  # a second sign-up, same address
    other = make_sponsorship(again, make_detainee("ani"), status=Sponsorship.Status.ENDED)
    page = staff_client.get(change_url(pending)).content.decode()
    sponsor_link = reverse("admin:sponsorships_sponsor_change", args=[pending.sponsor_id])
    assert sponsor_link in page
    assert "Jeanne Contact" in page and "ville-de-lyonnet@example.org" in page
    assert "confirmed on" in page
    assert change_url(other) in page
    assert "12 days ago" in page
    assert "12 days ago" in staff_client.get(LIST).content.decode()


def test_notes_and_follow_up_are_kept_and_the_due_filter_finds_them(staff_client, requests):
    due, later = requests
    Sponsorship.objects.filter(pk=due.pk).update(
        follow_up_on=timezone.localdate(), internal_notes="Call the mayor's office."
    )
    Sponsorship.objects.filter(pk=later.pk).update(
        follow_up_on=timezone.localdate() + datetime.timedelta(days=3)
    )
    page = staff_client.get(f"{LIST}?follow_up=due").content.decode()
    assert change_url(due) in page and change_url(later) not in page
    assert "Call the mayor" in staff_client.get(change_url(due)).content.decode()


def form_data(sponsorship, **changes):
    data = {
        "commitments": [],
        "internal_notes": "",
        "follow_up_on": "",
        "public_note_en": "",
        "public_note_fr": "",
        "public_note_hy": "",
        "sponsor": sponsorship.sponsor_id,
        "detainee": sponsorship.detainee_id,
    }
    data.update(changes)
    return data


def test_posting_another_detainee_to_an_active_sponsorship_changes_nothing(staff_client, aram):
    active = make_sponsorship(make_sponsor("Ville"), aram)
    other = make_detainee("ani")
    page = staff_client.get(change_url(active)).content.decode()
    assert 'name="detainee"' not in page
    response = staff_client.post(change_url(active), form_data(active, detainee=other.pk))
    assert response.status_code == 302
    active.refresh_from_db()
    assert active.detainee == aram


def test_a_pending_request_may_still_be_moved_to_another_person(staff_client, aram):
    pending = make_sponsorship(make_sponsor("Ville"), aram, status=Sponsorship.Status.PENDING)
    other = make_detainee("ani")
    response = staff_client.post(change_url(pending), form_data(pending, detainee=other.pk))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.detainee == other
