"""Finance reads donations in the admin; editors cannot."""

from django.contrib.auth.models import Group, Permission
from django.utils.timezone import now

from conftest import make_donation, signed_in
from donations.models import DonationStatus

CHANGELIST = "/en/admin/donations/donation/"


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


def test_finance_sees_donations_totals_and_refunds(client, finance):
    make_donation(status=DonationStatus.PAID, donor_email="paid@example.org", paid_at=now())
    make_donation(
        status=DonationStatus.REFUNDED,
        donor_email="refunded@example.org",
        amount_refunded=5000,
        paid_at=now(),
    )
    signed_in(finance, client)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert "paid@example.org" in response.text
    assert "refunded@example.org" in response.text
    assert "Refunded" in response.text
    assert "net of refunds" in response.text
    assert "€50.00" in response.text
    assert client.get(CHANGELIST + "?status__exact=REFUNDED").status_code == 200
    assert client.get(CHANGELIST + "?q=paid%40example.org").status_code == 200


def test_finance_exports_csv(client, finance):
    donation = make_donation(status=DonationStatus.PAID, donor_name="=HYPERLINK(1)")
    signed_in(finance, client)
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [donation.pk]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("uuid,created_at")
    assert str(donation.uuid) in lines[1]
    assert "'=HYPERLINK(1)" in lines[1]


def test_finance_cannot_add_or_delete_donations(client, finance):
    donation = make_donation()
    signed_in(finance, client)
    assert client.get(CHANGELIST + "add/").status_code == 403
    assert client.get(f"{CHANGELIST}{donation.pk}/delete/").status_code == 403


def test_editor_gets_403_on_donations_and_stripe_events(client, editor):
    donation = make_donation()
    signed_in(editor, client)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{donation.pk}/change/").status_code == 403
    assert client.get("/en/admin/donations/stripeevent/").status_code == 403
    assert "donor" not in client.get("/en/admin/").text.lower()
