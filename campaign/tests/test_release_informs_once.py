"""Marking a person released in the admin, then ending their sponsorships on the page it leads
to: every follower and every sponsor's address hears exactly once; a hidden person's
followers hear nothing, and nothing sent names them."""

import pytest
from django.core import mail
from django.utils import timezone

from campaign.models import Follower
from conftest import make_detainee, make_sponsor, make_sponsorship, run_confirmed_action
from prisoners.models import Visibility
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db


def release_and_end(client, detainee, captures):
    with captures(execute=True):
        _question, response = run_confirmed_action(
            client, "/en/admin/prisoners/detainee/", "mark_released", [detainee]
        )
    ids = list(Sponsorship.objects.active().values_list("pk", flat=True))
    with captures(execute=True):
        client.post(response["Location"], {"sponsorships": ids})


@pytest.fixture
def followed_and_sponsored(db):
    detainee = make_detainee("aram-test", name="Aram Test")
    for address in ("fan@example.org", "other@example.org"):
        Follower.objects.create(
            detainee=detainee, email=address, language="en", confirmed_at="2024-01-01T00:00Z"
        )
    city = make_sponsor("Ville de Lyonnet", email_confirmed_at=timezone.now())
    again = make_sponsor("Ville de Lyonnet", email_confirmed_at=timezone.now())
    for sponsor in (city, city, again):
        make_sponsorship(sponsor, detainee)
    return detainee


def test_each_follower_and_each_sponsor_address_gets_one_e_mail(
    staff_client, followed_and_sponsored, django_capture_on_commit_callbacks
):
    release_and_end(staff_client, followed_and_sponsored, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "fan@example.org",
        "other@example.org",
        "ville-de-lyonnet@example.org",
    ]
    assert not Sponsorship.objects.active().exists()


def test_followers_of_a_hidden_person_get_nothing_and_sponsors_no_name(
    staff_client, followed_and_sponsored, django_capture_on_commit_callbacks
):
    followed_and_sponsored.visibility = Visibility.HIDDEN
    followed_and_sponsored.save()
    release_and_end(staff_client, followed_and_sponsored, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["ville-de-lyonnet@example.org"]]
    assert "Aram" not in mail.outbox[0].subject + mail.outbox[0].body
