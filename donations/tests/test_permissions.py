"""Finance reads donations in the admin; editors cannot."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from conftest import PASSWORD, make_user
from donations.models import DonationStatus
from donations.tests.conftest import make_donation

CHANGELIST = "/en/admin/donations/donation/"


def sign_in_with_second_factor(client, user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302


@pytest.fixture
def carla(db):
    """Carla keeps the accounts: staff, in the Finance group."""
    user = make_user("carla@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Finance"))
    return user


@pytest.fixture
def dan(db):
    """Dan edits profiles: staff, in the Editors group."""
    user = make_user("dan@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_groups_hold_exactly_the_promised_permissions(db):
    finance = set(Group.objects.get(name="Finance").permissions.values_list("codename", flat=True))
    assert {"view_donation", "change_donation", "view_stripeevent"} <= finance
    assert "delete_donation" not in finance
    assert (
        not Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label="donations")
        .exists()
    )
    assert Permission.objects.filter(codename="view_donation").exists()


def test_finance_sees_donations_totals_and_refunds(client, carla):
    make_donation(status=DonationStatus.PAID, donor_email="paid@example.org")
    make_donation(
        status=DonationStatus.REFUNDED, donor_email="refunded@example.org", amount_refunded=5000
    )
    sign_in_with_second_factor(client, carla)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert "paid@example.org" in response.text
    assert "refunded@example.org" in response.text
    assert "Refunded" in response.text
    assert "Paid donations per month" in response.text
    assert "€50.00" in response.text
    assert client.get(CHANGELIST + "?status__exact=REFUNDED").status_code == 200
    assert client.get(CHANGELIST + "?q=paid%40example.org").status_code == 200


def test_finance_exports_csv(client, carla):
    donation = make_donation(status=DonationStatus.PAID, donor_name="=HYPERLINK(1)")
    sign_in_with_second_factor(client, carla)
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [donation.pk]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("uuid,created_at")
    assert str(donation.uuid) in lines[1]
    assert "'=HYPERLINK(1)" in lines[1]


def test_finance_cannot_add_or_delete_donations(client, carla):
    donation = make_donation()
    sign_in_with_second_factor(client, carla)
    assert client.get(CHANGELIST + "add/").status_code == 403
    assert client.get(f"{CHANGELIST}{donation.pk}/delete/").status_code == 403


def test_editor_gets_403_on_donations_and_stripe_events(client, dan):
    donation = make_donation()
    sign_in_with_second_factor(client, dan)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{donation.pk}/change/").status_code == 403
    assert client.get("/en/admin/donations/stripeevent/").status_code == 403
    assert "donor" not in client.get("/en/admin/").text.lower()
