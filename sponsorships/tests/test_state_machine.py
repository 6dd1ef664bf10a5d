"""The sponsorship state machine (services.STEPS): each step moves the status as the table
says, writes one trail entry naming the staff member, and a step the status does not allow is
refused with nothing changed, written or sent."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from common.models import TrailEntry
from conftest import make_sponsor, make_sponsorship
from sponsorships import services
from sponsorships.models import Sponsorship

pytestmark = pytest.mark.django_db

Status = Sponsorship.Status


@pytest.fixture
def pending(aram):
    sponsor = make_sponsor("Ville de Valence", email_confirmed_at=timezone.now())
    return make_sponsorship(sponsor, aram, status=Status.PENDING)


def only_entry(sponsorship):
    [entry] = TrailEntry.objects.filter(object_id=str(sponsorship.pk))
    return entry


def test_approval_moves_pending_to_active_and_writes_who_and_why(pending, alice):
    services.approve(pending, "Welcome.", actor=alice)
    pending.refresh_from_db()
    assert pending.status == Status.ACTIVE
    entry = only_entry(pending)
    assert (entry.actor, entry.action, entry.reason) == (alice, "approve_sponsorship", "Welcome.")
    assert entry.details == {"old": "PENDING", "new": "ACTIVE"}


def test_declining_moves_pending_to_declined_with_its_trail_entry(pending, alice):
    services.decline(pending, "Not now.", actor=alice)
    pending.refresh_from_db()
    assert pending.status == Status.DECLINED
    entry = only_entry(pending)
    assert (entry.actor, entry.action, entry.reason) == (alice, "decline_sponsorship", "Not now.")
    assert entry.details == {"old": "PENDING", "new": "DECLINED"}


def test_recording_the_signing_keeps_the_status_and_writes_its_entry(pending, alice):
    services.approve(pending, actor=alice)
    services.record_signing(pending, datetime.date(2026, 3, 8), "Valence", actor=alice)
    pending.refresh_from_db()
    assert pending.status == Status.ACTIVE
    assert pending.signed_on == datetime.date(2026, 3, 8)
    entry = TrailEntry.objects.get(action="record_signing")
    assert entry.actor == alice
    assert entry.details["signed_on"] == "2026-03-08"
    assert entry.details["old"] == entry.details["new"] == "ACTIVE"


def test_ending_moves_active_to_ended_with_the_reason_in_the_trail(pending, alice):
    services.approve(pending, actor=alice)
    services.end(
        pending,
        datetime.date(2026, 9, 1),
        Sponsorship.EndReason.WITHDRAWAL,
        actor=alice,
        why="The city council voted to stop.",
    )
    pending.refresh_from_db()
    assert pending.status == Status.ENDED
    entry = TrailEntry.objects.get(action="end_sponsorship")
    assert (entry.actor, entry.reason) == (alice, "The city council voted to stop.")
    assert entry.details["end_reason"] == "WITHDRAWAL"
    assert (entry.details["old"], entry.details["new"]) == ("ACTIVE", "ENDED")


def test_the_steps_each_status_offers_follow_the_table(pending):
    offered = {}
    for status in Status:
        pending.status = status
        offered[status] = set(services.possible_steps(pending))
    assert offered == {
        Status.PENDING: {"approve", "decline", "send_confirmation", "confirm_on_paper"},
        Status.ACTIVE: {"sign", "end"},
        Status.DECLINED: {"approve"},
        Status.ENDED: set(),
    }


REFUSED = [
    (Status.ACTIVE, lambda s: services.decline(s)),
    (Status.ENDED, lambda s: services.approve(s)),
    (Status.ENDED, lambda s: services.end(s, datetime.date(2026, 1, 1), "RELEASE")),
    (Status.PENDING, lambda s: services.end(s, datetime.date(2026, 1, 1), "RELEASE")),
    (Status.PENDING, lambda s: services.record_signing(s, datetime.date(2026, 1, 1), "X")),
    (Status.DECLINED, lambda s: services.decline(s)),
    (Status.ACTIVE, lambda s: services.send_confirmation_for_staff(s)),
]


@pytest.mark.parametrize(("status", "step"), REFUSED)
def test_a_step_the_status_does_not_allow_is_refused_and_leaves_no_trace(aram, status, step):
    sponsorship = make_sponsorship(make_sponsor("Ville", email_confirmed_at=timezone.now()), aram)
    Sponsorship.objects.filter(pk=sponsorship.pk).update(status=status)
    sponsorship.refresh_from_db()
    with pytest.raises(services.StepRefused):
        step(sponsorship)
    sponsorship.refresh_from_db()
    assert sponsorship.status == status
    assert not TrailEntry.objects.exists()
    assert mail.outbox == []


def test_a_step_is_checked_against_the_status_in_the_database_not_a_stale_copy(pending, alice):
    stale = Sponsorship.objects.get(pk=pending.pk)
    services.decline(pending, actor=alice)  # another tab declined it meanwhile
    with pytest.raises(services.StepRefused):
        services.end(stale, datetime.date(2026, 1, 1), "RELEASE", actor=alice)
    stale.refresh_from_db()
    assert stale.status == Status.DECLINED


def test_approval_of_an_unconfirmed_request_is_refused(aram):
    sponsorship = make_sponsorship(make_sponsor("Unconfirmed"), aram, status=Status.PENDING)
    with pytest.raises(services.StepRefused):
        services.approve(sponsorship)
    assert not TrailEntry.objects.exists()


def test_the_admin_step_records_the_signed_in_staff_member(staff_client, pending, alice):
    from django.urls import reverse

    url = reverse("admin:sponsorships_sponsorship_workflow", args=[pending.pk, "decline"])
    staff_client.post(url, {"message": "Sorry."})
    assert only_entry(pending).actor == alice
