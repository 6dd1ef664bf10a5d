"""Accounts only for those who need them (issue 17, item 7): sponsors get theirs when staff
approve them, staff by invitation; nobody signs up."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from conftest import PASSWORD


def in_language(language, name):
    with translation.override(language):
        return reverse(name)


def test_posting_to_the_sign_up_address_creates_no_user(client, db):
    response = client.post(
        reverse("account_signup"),
        {"email": "mallory@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_the_sign_up_address_shows_a_page_that_says_sign_up_is_closed(client, db, language):
    page = client.get(in_language(language, "account_signup")).content.decode()
    assert 'name="password1"' not in page
    # It points the one kind of visitor who may need an account to the way of getting one.
    assert in_language(language, "sponsorships:signup") in page


@pytest.mark.parametrize("language", ["en", "fr", "hy"])
def test_sign_in_says_whom_it_is_for_and_offers_no_sign_up(client, db, language):
    page = client.get(in_language(language, "account_login")).content.decode()
    assert 'class="sign-in-audience"' in page
    assert in_language(language, "account_signup") not in page
    assert 'name="password"' in page


def test_no_page_of_the_layout_links_to_sign_up(client, db):
    for name in ["account_login", "account_reset_password", "campaign:home"]:
        page = client.get(reverse(name)).content.decode()
        assert reverse("account_signup") not in page, name


def test_a_password_reset_for_an_unknown_address_sends_no_invitation_to_sign_up(client, db):
    client.post(reverse("account_reset_password"), {"email": "stranger@example.org"})
    assert mail.outbox == []
