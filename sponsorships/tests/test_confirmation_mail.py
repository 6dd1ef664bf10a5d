"""The sponsor sign-up confirmation goes to an address anyone can type: it carries no text the
visitor wrote except the contact's own name, goes once a day at most, and confirms only by POST."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import signup_data
from sponsorships.models import Sponsor
from sponsorships.tests.test_signup_to_public_display import link_in

pytestmark = pytest.mark.django_db

PHISHING_ORGANISATION = "Your bank account is locked: unlock it at evil dot example"


def test_the_confirmation_email_carries_no_organisation_name(client, aram, commitments):
    data = signup_data(aram, commitments, name=PHISHING_ORGANISATION)
    client.post(reverse("sponsorships:signup"), data)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "bank" not in message.body and "bank" not in message.subject
    assert message.body.startswith("Hello Jeanne Maire,")


def test_a_contact_name_that_is_not_a_name_is_refused(client, aram, commitments):
    data = signup_data(aram, commitments, contact_name="Jeanne\nUnlock at https://evil.example")
    response = client.post(reverse("sponsorships:signup"), data)
    assert "Write only your name" in response.content.decode()
    assert not Sponsor.objects.exists()
    assert mail.outbox == []


def test_ten_sign_ups_with_the_same_address_send_one_email(client, aram, commitments):
    for i in range(10):
        data = signup_data(aram, commitments, email="Mairie@Valbrune.example.org")
        client.post(reverse("sponsorships:signup"), data, REMOTE_ADDR=f"10.0.2.{i}")
    assert len(mail.outbox) == 1


def test_the_page_after_signing_up_states_the_period(client, aram, commitments):
    response = client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    assert "at most one e-mail to an address every 24 hours" in response.content.decode()


def test_opening_the_sponsor_link_confirms_nothing(client, aram, commitments):
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    path = link_in(mail.outbox[0]).split("://", 1)[1]
    path = path[path.index("/") :]
    assert client.get(path).status_code == 200
    assert Sponsor.objects.get().email_confirmed_at is None
    client.post(path)
    assert Sponsor.objects.get().email_confirmed_at is not None
