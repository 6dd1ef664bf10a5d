"""What a database backup reveals of accounts, and what sign-up tells a stranger (issue 12, 11)."""

from importlib import import_module

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import generate_totp_secret
from allauth.mfa.utils import decrypt
from django.core import mail
from django.db import connection
from django.urls import reverse

from conftest import PASSWORD, add_second_factor, current_code


def raw_rows(user):
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE user_id = %s", [user.pk])
        return " ".join(str(row[0]) for row in cursor.fetchall())


def test_totp_secret_is_not_stored_in_clear(alice):
    secret = add_second_factor(alice)
    codes = RecoveryCodes.activate(alice)
    seed = decrypt(codes.instance.data["seed"])
    stored = raw_rows(alice)
    assert secret not in stored
    assert seed not in stored
    assert codes.validate_code(codes.get_unused_codes()[0])
    totp = Authenticator.objects.get(user=alice, type=Authenticator.Type.TOTP)
    assert totp.wrap().validate_code(current_code(secret))


def sign_up(client, email):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_sign_up_answers_a_taken_address_like_a_new_one(client, bob):
    # Sign-up is closed (issue 17): both get the same closed page, and nobody hears of it.
    new = sign_up(client, "new@example.org")
    taken = sign_up(client, bob.email)
    assert (new.status_code, new.content) == (taken.status_code, taken.content)
    assert mail.outbox == []


def test_secrets_stored_in_clear_before_the_key_are_encrypted_by_the_migration(alice):
    from django.apps import apps

    encrypt_stored = import_module("common.migrations.0001_encrypt_mfa_secrets")
    secret = generate_totp_secret()
    Authenticator.objects.create(user=alice, type=Authenticator.Type.TOTP, data={"secret": secret})
    encrypt_stored.encrypt_stored_secrets(apps, None)
    encrypt_stored.encrypt_stored_secrets(apps, None)  # twice changes nothing more
    assert secret not in raw_rows(alice)
    totp = Authenticator.objects.get(user=alice, type=Authenticator.Type.TOTP)
    assert totp.wrap().validate_code(current_code(secret))
