"""Password-reset mail goes to an address anyone can type: it is limited per address."""

import time

from django.core import mail

RESET_URL = "/en/accounts/password/reset/"


def test_fifty_resets_for_an_unknown_address_in_an_hour_send_at_most_three_emails(
    db, client, monkeypatch
):
    # One request every 72 seconds, each from a new address, for an hour: the rate per IP
    # never bites, only the limit per e-mail address can.
    start = time.time()
    for i in range(50):
        monkeypatch.setattr(time, "time", lambda i=i: start + 72 * i)
        client.post(RESET_URL, {"email": "nobody@example.org"}, REMOTE_ADDR=f"10.0.3.{i}")
    sent = [m for m in mail.outbox if "nobody@example.org" in m.to]
    assert 1 <= len(sent) <= 3
