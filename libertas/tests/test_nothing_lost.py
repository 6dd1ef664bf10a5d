"""A failing mail server loses nothing: each flow saves its record, and its e-mail waits
in django-mailer's queue to be retried."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client
from mailer.models import Message

from campaign.models import Follower, Petition, Signature, SolidarityMessage
from conftest import deliver, make_donation, stripe_event
from donations.models import DonationStatus
from prisoners.models import Category, CorrectionRequest, Detainee, Visibility
from sponsorships.models import Commitment, Sponsor


class BrokenServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


@pytest.fixture
def broken_mail(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = "libertas.tests.test_nothing_lost.BrokenServer"


@pytest.fixture
def detainee(db):
    Petition.objects.create(title="Free them", text="x", addressees="y", goal=10)
    return Detainee.objects.create(
        slug="aram-test", name_en="Aram Test", category=Category.POW, visibility=Visibility.PUBLIC
    )


def sponsor_signup(client, detainee):
    data = {
        "kind": "CITY", "name": "Ville", "country": "FR", "public_consent": "on",
        "contact_name": "Jeanne", "email": "mairie@example.org", "target": str(detainee.pk),
        "commitments": [str(c.pk) for c in Commitment.objects.all()[:1]],
    }  # fmt: skip
    client.post("/en/sponsor/", data)
    return Sponsor.objects.count()


def petition(client, detainee):
    data = {"name": "Anna", "email": "anna@example.org", "country": "FR", "comment": ""}
    client.post("/en/petition/", data)
    return Signature.objects.count()


def follow(client, detainee):
    client.post(f"/en/follow/{detainee.slug}/", {"email": "anna@example.org"})
    return Follower.objects.count()


def solidarity_message(client, detainee):
    data = {"text": "Courage.", "first_name": "Anna", "city": "Lyon", "email": "anna@example.org"}
    client.post(f"/en/message/{detainee.slug}/", data)
    return SolidarityMessage.objects.count()


def correction(client, detainee):
    client.post(f"/en/prisoners/{detainee.slug}/report/", {"what_is_wrong": "Birth year"})
    return CorrectionRequest.objects.count()


FLOWS = {
    "sponsor sign-up": sponsor_signup,
    "petition": petition,
    "follow": follow,
    "message of solidarity": solidarity_message,
    "correction": correction,
}


@pytest.mark.parametrize("flow", FLOWS)
def test_a_failing_mail_server_keeps_the_record_and_the_queued_message(
    broken_mail, detainee, flow, settings
):
    assert FLOWS[flow](Client(), detainee) == 1  # the record is saved
    queued = Message.objects.count()
    assert queued >= 1
    call_command("send_mail", verbosity=0)
    assert Message.objects.deferred().count() == queued  # failed, kept for a retry
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_deferred", verbosity=0)
    call_command("send_mail", verbosity=0)
    assert len(mail.outbox) == queued and Message.objects.count() == 0


def test_a_failing_mail_server_keeps_a_paid_donation_and_its_receipt(
    broken_mail, detainee, settings, client, django_capture_on_commit_callbacks
):
    settings.STRIPE_SECRET_KEY = "sk_test_libertas"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
    donation = make_donation()
    session = {
        "id": donation.stripe_checkout_session_id,
        "object": "checkout.session",
        "mode": "payment",
        "payment_status": "paid",
        "status": "complete",
        "payment_intent": "pi_test_lost",
        "customer": "cus_test",
        "client_reference_id": str(donation.pk),
        "metadata": {"donation_id": str(donation.pk)},
    }
    # The receipt is queued once the payment is committed: the record comes first.
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, stripe_event("checkout.session.completed", session))
    assert response.status_code == 200
    donation.refresh_from_db()
    assert donation.status == DonationStatus.PAID
    assert Message.objects.count() == 1  # the receipt waits in the queue
    call_command("send_mail", verbosity=0)
    assert Message.objects.deferred().count() == 1
    donation.refresh_from_db()
    assert donation.status == DonationStatus.PAID
