"""Staff reach the admin only after a second factor (allauth TOTP)."""

import pytest
from django.urls import reverse

from conftest import add_second_factor, current_code, make_user, sign_in

ADMIN = "/en/admin/"


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_staff_without_second_factor_cannot_open_the_admin(client, alice):
    sign_in(client, alice)
    response = client.get(ADMIN, follow=True)
    # Not sent to enrol with the password alone: staff enrol through their invitation.
    assert response.status_code == 403
    assert "An invitation is needed" in response.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_staff_with_totp_must_enter_a_code(client, alice):
    secret = add_second_factor(alice)

    response = sign_in(client, alice)
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    # Password alone is not enough: the admin stays closed.
    assert client.get(ADMIN).status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_wrong_code_keeps_the_admin_closed(client, alice):
    add_second_factor(alice)
    sign_in(client, alice)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # the form again, with an error
    assert client.get(ADMIN).status_code == 302


def test_non_staff_cannot_open_the_admin_even_with_a_code(client, bob):
    secret = add_second_factor(bob)
    sign_in(client, bob)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.get(ADMIN).status_code == 302


@pytest.fixture
def demo_staff(db, settings):
    return make_user(settings.DEMO_STAFF_EMAIL, is_staff=True, is_superuser=True)


def test_demo_staff_may_skip_the_second_factor_in_debug_mode(client, demo_staff, settings):
    settings.DEBUG = True
    sign_in(client, demo_staff)
    assert client.get(ADMIN).status_code == 200


def test_demo_staff_needs_the_second_factor_when_debug_is_off(client, demo_staff, settings):
    settings.DEBUG = False
    sign_in(client, demo_staff)
    assert client.get(ADMIN).status_code == 302


def test_admin_speaks_the_visitors_language(client, alice):
    secret = add_second_factor(alice)
    sign_in(client, alice)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    french = client.get("/fr/admin/").content.decode()
    assert '<html lang="fr"' in french
    assert "Administration de Libertas" in french and "Données de la campagne" in french
    armenian = client.get("/hy/admin/").content.decode()
    assert '<html lang="hy"' in armenian
    assert "Libertas կառավարման վահանակ" in armenian and "Արշավի տվյալներ" in armenian
