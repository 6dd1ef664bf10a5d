"""One way into the admin, and it always asks the second factor (issue 12, point 1).

Each test is an attack that worked once: a password alone signed in staff, removed or replaced
their authenticator, made recovery codes, or enrolled a device on a staff account.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, generate_totp_secret
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, add_second_factor, current_code, make_user, sign_in
from libertas.tests.test_admin_second_factor import ADMIN

ADMIN_LOGIN = "/en/admin/login/"


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def sign_in_with_code(client, user, secret):
    sign_in(client, user)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    # allauth refuses a code twice in its period; the next step of a test types it again.
    cache.clear()


def test_admin_login_form_never_signs_in_staff_with_a_password(client, alice, bob):
    add_second_factor(alice)
    sign_in(client, bob)
    response = client.post(ADMIN_LOGIN, {"username": "alice", "password": PASSWORD, "next": ADMIN})
    assert signed_in_user_id(client) == str(bob.pk)
    assert b'name="password"' not in response.content
    assert client.get(ADMIN).status_code != 200


def test_admin_login_never_shows_djangos_own_form(client, bob):
    sign_in(client, bob)
    response = client.get(ADMIN_LOGIN)
    assert b'name="password"' not in response.content
    assert b'name="username"' not in response.content


def test_sixty_wrong_passwords_on_the_admin_login_are_never_checked(client, alice, bob):
    sign_in(client, bob)  # the stock form was handed to signed-in visitors
    for _attempt in range(60):
        response = client.post(ADMIN_LOGIN, {"username": "alice", "password": "guess"})
        assert response.status_code != 200
        assert b'name="password"' not in response.content


def test_sixty_wrong_passwords_on_the_sign_in_page_are_limited(alice):
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    answers = [
        attacker.post(reverse("account_login"), {"login": alice.email, "password": "guess"})
        for _attempt in range(60)
    ]
    limited = [a.status_code == 429 or b"Too many failed" in a.content for a in answers]
    assert all(limited[10:])


def test_one_attackers_address_does_not_lock_out_another_staff_member(alice):
    carol = make_user("carol@example.org", is_staff=True)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(60):
        attacker.post(reverse("account_login"), {"login": alice.email, "password": "guess"})
    colleague = Client(REMOTE_ADDR="198.51.100.7")
    response = colleague.post(
        reverse("account_login"), {"login": carol.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert signed_in_user_id(colleague) == str(carol.pk)


def test_password_reauthentication_cannot_replace_the_authenticator(client, alice):
    secret = add_second_factor(alice)
    sign_in_with_code(client, alice, secret)

    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.post(reverse("mfa_deactivate_totp"))
    client.get(reverse("mfa_activate_totp"))
    attacker_secret = client.session.get(SECRET_SESSION_KEY) or generate_totp_secret()
    client.post(reverse("mfa_activate_totp"), {"code": current_code(attacker_secret)})

    totp = Authenticator.objects.get(user=alice, type=Authenticator.Type.TOTP)
    assert totp.wrap().validate_code(current_code(secret))


def test_password_reauthentication_cannot_make_recovery_codes(client, alice):
    secret = add_second_factor(alice)
    sign_in_with_code(client, alice, secret)

    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.post(reverse("mfa_generate_recovery_codes"))
    assert not Authenticator.objects.filter(
        user=alice, type=Authenticator.Type.RECOVERY_CODES
    ).exists()


def test_a_fresh_code_lets_staff_change_their_authenticator(client, alice):
    secret = add_second_factor(alice)
    sign_in_with_code(client, alice, secret)

    response = client.post(reverse("mfa_deactivate_totp"))
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    client.post(reverse("mfa_reauthenticate"), {"code": current_code(secret)})
    client.post(reverse("mfa_deactivate_totp"))
    assert not Authenticator.objects.filter(user=alice).exists()


def test_staff_without_totp_cannot_enrol_with_a_password(client, alice):
    sign_in(client, alice)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session.get(SECRET_SESSION_KEY) or generate_totp_secret()
    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert not Authenticator.objects.filter(user=alice).exists()
    assert client.get(ADMIN).status_code != 200


def test_visitors_may_still_protect_their_own_account(client, bob):
    sign_in(client, bob)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert Authenticator.objects.filter(user=bob, type=Authenticator.Type.TOTP).exists()
