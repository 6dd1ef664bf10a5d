"""Staff join by an e-mailed one-time link, and enrol their second factor through it."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from conftest import PASSWORD, current_code
from libertas.tests.test_admin_second_factor import ADMIN

NEW_PASSWORD = "a-long-new-staff-passphrase"


def invitation_link():
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def path_of(link):
    return re.sub(r"^https?://[^/]+", "", link)


def accept(client, link, password=NEW_PASSWORD):
    path = path_of(link)
    response = client.get(path)
    secret = client.session.get(SECRET_SESSION_KEY, "")
    client.post(
        path,
        {"new_password1": password, "new_password2": password, "code": current_code(secret)},
    )
    return response, secret


@pytest.fixture
def invited(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("invite_staff", "dana@example.org", "--group", "Editors", verbosity=0)
    return get_user_model().objects.get(email="dana@example.org")


def test_the_invitation_command_makes_staff_who_cannot_sign_in_yet(invited):
    assert invited.is_staff and not invited.is_superuser
    assert not invited.has_usable_password()
    assert list(invited.groups.values_list("name", flat=True)) == ["Editors"]
    assert mail.outbox[-1].to == ["dana@example.org"]


def test_through_the_link_staff_set_a_password_enrol_and_reach_the_admin(client, invited):
    response, secret = accept(client, invitation_link())
    assert response.status_code == 200
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)
    assert Authenticator.objects.filter(user=invited, type=Authenticator.Type.TOTP).exists()

    client.logout()
    client.post(reverse("account_login"), {"login": invited.email, "password": NEW_PASSWORD})
    assert client.get(ADMIN).status_code == 302  # the password alone is not enough
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.get(ADMIN).status_code == 200


def test_an_invitation_link_works_once(client, invited):
    link = invitation_link()
    accept(client, link)
    client.logout()
    response = client.get(path_of(link))
    assert response.status_code == 404
    assert b"new_password1" not in response.content


def test_an_invitation_link_expires(client, invited, settings):
    link = invitation_link()
    settings.PASSWORD_RESET_TIMEOUT = -1
    response = client.get(path_of(link))
    assert response.status_code == 404


def test_a_new_invitation_spends_the_old_one(client, invited, django_capture_on_commit_callbacks):
    first = invitation_link()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("invite_staff", "dana@example.org", verbosity=0)
    assert client.get(path_of(first)).status_code == 404
    assert client.get(path_of(invitation_link())).status_code == 200


def test_a_wrong_code_enrols_nothing_and_keeps_the_link(client, invited):
    path = path_of(invitation_link())
    client.get(path)
    response = client.post(
        path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, "code": "000000"}
    )
    assert response.status_code == 200
    invited.refresh_from_db()
    assert not invited.has_usable_password()
    assert not Authenticator.objects.filter(user=invited).exists()


def test_a_superuser_invites_from_the_admin(
    staff_client,
    django_capture_on_commit_callbacks,
):
    editor = Group.objects.get(name="Editors")
    url = reverse("admin:invite_staff")
    assert staff_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url, {"email": "erin@example.org", "groups": [editor.pk], "language": "fr"}
        )
    assert response.status_code == 302
    erin = get_user_model().objects.get(email="erin@example.org")
    assert erin.is_staff and list(erin.groups.all()) == [editor]
    assert "/fr/staff/invitation/" in mail.outbox[-1].body


def test_staff_who_are_not_superusers_cannot_invite(client, alice):
    alice.is_superuser = False
    alice.save()
    client.force_login(alice)
    assert client.get(reverse("admin:invite_staff")).status_code != 200


def test_nobody_becomes_staff_by_signing_up(client, db):
    client.post(
        reverse("account_signup"),
        {"email": "frank@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    # Sign-up is closed altogether (issue 17): no account at all, staff or not.
    assert not get_user_model().objects.filter(email="frank@example.org").exists()


def test_inviting_an_existing_account_takes_away_what_its_password_opened(
    client, bob, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("invite_staff", bob.email, verbosity=0)
    bob.refresh_from_db()
    assert bob.is_staff and not bob.has_usable_password()
    response = client.post(reverse("account_login"), {"login": bob.email, "password": PASSWORD})
    assert response.status_code == 200  # the form again: the old password opens nothing
