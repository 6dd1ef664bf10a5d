"""Password-reset mail goes to an address anyone can type: it is limited per address."""

import time

from django.core import mail

from conftest import make_user

RESET_URL = "/en/accounts/password/reset/"


def test_fifty_resets_for_one_address_in_an_hour_send_at_most_three_emails(db, client, monkeypatch):
    make_user("someone@example.org")
    # One request every 72 seconds, each from a new address, for an hour: the rate per IP
    # never bites, only the limit per e-mail address can.
    start = time.time()
    for i in range(50):
        monkeypatch.setattr(time, "time", lambda i=i: start + 72 * i)
        client.post(RESET_URL, {"email": "someone@example.org"}, REMOTE_ADDR=f"10.0.3.{i}")
    sent = [m for m in mail.outbox if "someone@example.org" in m.to]
    assert 1 <= len(sent) <= 3


def test_a_reset_for_an_address_with_no_account_sends_nothing(db, client):
    # Sign-up is closed (common.accounts): an "invite to sign up" e-mail would lead nowhere.
    client.post(RESET_URL, {"email": "nobody@example.org"})
    assert mail.outbox == []
