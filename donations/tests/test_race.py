"""Twenty simultaneous deliveries of one event: one paid donation, one receipt."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from conftest import completed_session, deliver, make_donation, stripe_event
from donations.models import Donation, DonationStatus, StripeEvent

DELIVERIES = 20


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's row locks; SQLite serialises every writer anyway",
)
# Threads need committed rows; the serialized rollback puts back what the migrations made
# (content pages, groups, commitments) for the tests that run after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_simultaneous_deliveries_make_one_paid_donation_and_one_receipt(stripe_api):
    donation = make_donation()
    event = stripe_event("checkout.session.completed", completed_session(donation))
    barrier = threading.Barrier(DELIVERIES)
    statuses = []

    def deliver_once():
        try:
            client = Client()
            barrier.wait(timeout=30)
            statuses.append(deliver(client, event).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver_once) for _ in range(DELIVERIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == [200] * DELIVERIES
    assert Donation.objects.filter(status=DonationStatus.PAID).count() == 1
    assert StripeEvent.objects.count() == 1
    assert len(mail.outbox) == 1
