"""What the confirmation e-mails of the petition and of follows may carry, how often, and
what confirms: they go to an address anyone can type, so they must be useless to an attacker."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from campaign import services
from campaign.models import Follower, Signature

SIGNER = {"name": "Anna", "email": "anna@example.org", "country": "FR", "comment": ""}
PHISHING = (
    "Your bank account is locked.\nUnlock it now at https://evil.example/unlock "
    "or call +1 555 0100 before midnight"
)


def confirm_path(message, kind):
    return re.search(rf"https?://[^/\s]+(/\S+/{kind}/confirm/\S+/)", message.body).group(1)


def sign(client, **fields):
    return client.post("/en/petition/", {**SIGNER, **fields})


NOT_A_NAME = "Write only your name, on one line, without a web or e-mail address."
TOO_LONG = "Ensure this value has at most 70 characters"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param(PHISHING, TOO_LONG, id="a paragraph with a link"),
        pytest.param("Visit evil.example", NOT_A_NAME, id="a bare domain"),
        pytest.param("Anna\r\nBcc: victim@example.org", NOT_A_NAME, id="two lines"),
        pytest.param("mail me: anna@evil.example", NOT_A_NAME, id="an address"),
        pytest.param("https://evil.example", NOT_A_NAME, id="a link alone"),
        pytest.param("A" * 71, TOO_LONG, id="longer than a name"),
    ],
)
def test_a_name_that_is_not_a_name_never_reaches_an_email(client, petition, name, message):
    response = sign(client, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name", ["Anna-Maria O’Neill", "J. R. R. Tolkien", "Արամ Պետրոսյան", "Zoë d'Arc"]
)
def test_real_names_in_any_script_are_welcome_and_greet_the_signer(client, petition, name):
    assert sign(client, name=name).status_code == 302
    assert f"Hello {name}," in mail.outbox[0].body


def test_a_stored_name_that_is_not_a_name_is_left_out_of_the_email(petition):
    # Rows saved before the rule (or by staff) go through the same check on the way out.
    signature = Signature.objects.create(
        petition=petition, name=PHISHING, email="anna@example.org", country="FR", language="en"
    )
    services.send_signature_confirmation(signature)
    body = mail.outbox[0].body
    assert "evil.example" not in body and "bank" not in body
    assert body.startswith("Hello,\n")


def test_the_comment_never_reaches_the_email(client, petition):
    sign(client, comment="Unlock your account at https://evil.example")
    assert len(mail.outbox) == 1
    assert "evil.example" not in mail.outbox[0].body


def test_ten_posts_of_the_same_address_send_one_email(client, petition):
    for i in range(10):
        client.post(
            "/en/petition/", {**SIGNER, "email": "Victim@Example.org"}, REMOTE_ADDR=f"10.0.0.{i}"
        )
    assert len(mail.outbox) == 1
    assert Signature.objects.count() == 1


def test_the_link_is_sent_again_once_the_period_is_over(client, petition):
    sign(client)
    Signature.objects.update(
        confirmation_sent_at=timezone.now() - datetime.timedelta(hours=24, minutes=1)
    )
    sign(client)
    assert len(mail.outbox) == 2


def test_the_page_after_signing_states_the_period(client, petition):
    response = client.get("/en/petition/thanks/")
    assert "at most one e-mail to an address every 24 hours" in response.content.decode()


def test_a_confirmed_signature_gets_no_more_email(client, petition):
    sign(client)
    client.post(confirm_path(mail.outbox[0], "petition"))
    Signature.objects.update(confirmation_sent_at=None)
    sign(client)
    assert len(mail.outbox) == 1


def test_opening_the_signature_link_confirms_nothing_until_the_button_is_pressed(client, petition):
    sign(client)
    path = confirm_path(mail.outbox[0], "petition")
    # A mail scanner fetches the link (twice, with HEAD too): nothing may count.
    for _ in range(2):
        page = client.get(path)
        client.head(path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()
    assert petition.signatures.confirmed().count() == 0
    response = client.post(path)
    assert response.status_code == 200
    assert "your signature counts" in response.content.decode()
    assert petition.signatures.confirmed().count() == 1


def test_the_signature_confirmation_needs_the_csrf_token(petition, client):
    from django.test import Client

    sign(client)
    path = confirm_path(mail.outbox[0], "petition")
    response = Client(enforce_csrf_checks=True).post(path)
    assert response.status_code == 403
    assert petition.signatures.confirmed().count() == 0


def test_ten_follows_of_the_same_address_send_one_email(client, detainee):
    for i in range(10):
        client.post(
            f"/en/follow/{detainee.slug}/",
            {"email": "Victim@Example.org"},
            REMOTE_ADDR=f"10.0.1.{i}",
        )
    assert len(mail.outbox) == 1
    assert Follower.objects.count() == 1


def test_opening_the_follow_link_confirms_nothing_until_the_button_is_pressed(client, detainee):
    client.post(f"/en/follow/{detainee.slug}/", {"email": "fan@example.org"})
    path = confirm_path(mail.outbox[0], "follow")
    page = client.get(path)
    client.head(path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert Follower.objects.confirmed().count() == 0
    response = client.post(path)
    assert "You are following this record" in response.content.decode()
    assert Follower.objects.confirmed().count() == 1


def test_the_page_after_following_states_the_period(client, detainee):
    response = client.get(f"/en/follow/{detainee.slug}/sent/")
    assert "at most one e-mail to an address every 24 hours" in response.content.decode()
