"""Sponsors find their portal: it is where they land after signing in, and the navigation
names it; staff and other accounts keep their way."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from conftest import (
    PASSWORD,
    add_second_factor,
    current_code,
    make_sponsor,
    make_user,
    sign_in,
    signup_data,
)
from sponsorships import services
from sponsorships.models import Sponsor, Sponsorship

pytestmark = pytest.mark.django_db

PORTAL = "/en/sponsor/portal/"


@pytest.fixture
def sponsor_user(db):
    user = make_user("mairie@valbrune.example.org")
    make_sponsor("Ville de Valbrune", user=user)
    return user


def test_a_sponsor_lands_in_the_portal_after_signing_in(client, sponsor_user):
    assert sign_in(client, sponsor_user)["Location"] == PORTAL


def test_a_sponsor_signing_in_in_french_lands_in_the_french_portal(client, sponsor_user):
    response = client.post(
        reverse("account_login").replace("/en/", "/fr/", 1),
        {"login": sponsor_user.email, "password": PASSWORD},
    )
    assert response["Location"] == "/fr/sponsor/portal/"


def test_an_explicit_safe_next_is_still_honoured_for_a_sponsor(client, sponsor_user):
    response = client.post(
        reverse("account_login") + "?next=/en/prisoners/",
        {"login": sponsor_user.email, "password": PASSWORD},
    )
    assert response["Location"] == "/en/prisoners/"


def test_an_unsafe_next_sends_the_sponsor_to_the_portal_not_away(client, sponsor_user):
    response = client.post(
        reverse("account_login") + "?next=https://evil.example.org/",
        {"login": sponsor_user.email, "password": PASSWORD},
    )
    assert response["Location"] == PORTAL


def test_a_plain_account_lands_where_it_did_before(client, bob):
    assert sign_in(client, bob)["Location"] == settings.LOGIN_REDIRECT_URL


def test_staff_who_also_speak_for_a_sponsor_keep_their_way_to_the_admin(client):
    staff = make_user("clerk@valbrune.example.org", is_staff=True, is_superuser=True)
    make_sponsor("Ville de Valbrune", user=staff)
    secret = add_second_factor(staff)
    response = client.post(
        reverse("account_login") + "?next=/en/admin/",
        {"login": staff.email, "password": PASSWORD},
    )
    # The second factor first, as always; then the admin, not the portal.
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == "/en/admin/"


def test_staff_signing_in_without_next_are_not_sent_to_the_portal(client):
    staff = make_user("clerk@valbrune.example.org", is_staff=True)
    make_sponsor("Ville de Valbrune", user=staff)
    secret = add_second_factor(staff)
    sign_in(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == settings.LOGIN_REDIRECT_URL


def test_the_navigation_names_the_portal_for_a_signed_in_sponsor_only(client, sponsor_user, bob):
    link = f'href="{PORTAL}"'
    assert link not in client.get("/en/prisoners/").text
    client.force_login(bob)
    assert "My sponsorship" not in client.get("/en/prisoners/").text
    client.force_login(sponsor_user)
    page = client.get("/en/prisoners/").text
    assert "My sponsorship" in page and link in page
    assert 'href="/hy/sponsor/portal/"' in client.get("/hy/prisoners/").text


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_after_choosing_a_password_the_next_step_leads_to_the_portal(client, aram, commitments):
    client.post(reverse("sponsorships:signup"), signup_data(aram, commitments))
    sponsor = Sponsor.objects.get()
    services.confirm_email(services.confirmation_token(sponsor))
    services.approve(Sponsorship.objects.get())
    reset_path = link_in(mail.outbox[-1]).removeprefix(settings.SITE_URL)
    response = client.get(reset_path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else reset_path
    password = "a-long-new-password-for-valbrune"
    done = client.post(form_path, {"password1": password, "password2": password}, follow=True)
    page = done.text
    assert "Your password is set" in page
    sign_in_url = reverse("account_login")
    assert f'href="{sign_in_url}"' in page
    response = client.post(sign_in_url, {"login": sponsor.email, "password": password})
    assert response["Location"] == PORTAL
    assert "Ville de Valbrune" in client.get(PORTAL).text
