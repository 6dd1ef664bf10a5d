"""Right of access and erasure for donors, sponsors, signers, followers and reporters."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from campaign.models import Follower, Petition, Signature
from conftest import make_staff, make_user, run_confirmed_action, signed_in
from donations.models import Donation, DonationStatus
from prisoners.models import Category, CorrectionRequest, Detainee, Visibility
from sponsorships.models import Sponsor, Sponsorship

ANNA = "anna@example.org"
OTHER = "other@example.org"


def paid(email, name, amount, month, number):
    return Donation.objects.create(
        amount=amount,
        currency="EUR",
        frequency="ONCE",
        status=DonationStatus.PAID,
        donor_name=name,
        donor_email=email,
        show_on_wall=True,
        language="en",
        stripe_checkout_session_id=f"cs_test_{number}",
        stripe_payment_intent_id=f"pi_test_{number}",
        stripe_customer_id=f"cus_{number}",
        paid_at=timezone.make_aware(datetime.datetime(2026, month, 3, 12)),
    )


@pytest.fixture
def records(db):
    detainee = Detainee.objects.create(
        slug="aram-test", name_en="Aram Test", category=Category.POW, visibility=Visibility.PUBLIC
    )
    petition = Petition.objects.create(title="Free them", text="x", addressees="y", goal=10)
    now = timezone.now()
    anna_user = make_user(ANNA)
    sponsor = Sponsor.objects.create(
        kind=Sponsor.Kind.INDIVIDUAL,
        name="Anna Sample",
        country="FR",
        contact_name="Anna Sample",
        email=ANNA,
        phone="+33 6 00 00 00 00",
        user=anna_user,
    )
    Sponsorship.objects.create(sponsor=sponsor, detainee=detainee)
    other_sponsor = Sponsor.objects.create(
        kind=Sponsor.Kind.CITY, name="Ville", country="FR", contact_name="Olga Other", email=OTHER
    )
    return {
        "donations": [
            paid(ANNA, "Anna Sample", 5000, 1, 1),
            paid(ANNA, "Anna Sample", 2500, 2, 2),
            paid(OTHER, "Olga Other", 7000, 1, 3),
        ],
        "signature": Signature.objects.create(
            petition=petition, name="Anna Sample", email=ANNA, country="FR", comment="Free them",
            language="en", confirmed_at=now,
        ),
        "other_signature": Signature.objects.create(
            petition=petition, name="Olga Other", email=OTHER, country="AM", language="hy",
            confirmed_at=now,
        ),
        "follower": Follower.objects.create(detainee=detainee, email=ANNA, language="fr"),
        "other_follower": Follower.objects.create(detainee=detainee, email=OTHER, language="en"),
        "report": CorrectionRequest.objects.create(
            detainee=detainee, what_is_wrong="Birth year", name="Anna Sample", email=ANNA
        ),
        "sponsor": sponsor,
        "other_sponsor": other_sponsor,
        "user": anna_user,
    }  # fmt: skip


def export(email):
    out = StringIO()
    call_command("personal_data", "export", email, stdout=out)
    return json.loads(out.getvalue())


def by_month():
    return list(
        Donation.objects.filter(status=DonationStatus.PAID)
        .annotate(month=TruncMonth("paid_at"))
        .values("month", "currency")
        .annotate(total=Sum("amount"))
        .order_by("month")
    )


def test_export_holds_every_record_of_the_person_and_nothing_of_anyone_else(records):
    data = export("Anna@Example.org")
    assert {d["id"] for d in data["donations"]} == {d.pk for d in records["donations"][:2]}
    assert [s["id"] for s in data["sponsors"]] == [records["sponsor"].pk]
    assert data["sponsors"][0]["phone"] == "+33 6 00 00 00 00"
    assert [r["id"] for r in data["correction_requests"]] == [records["report"].pk]
    kinds = {(c["kind"], c["id"]) for c in data["campaign"]}
    assert kinds == {
        ("petition_signature", records["signature"].pk),
        ("follow", records["follower"].pk),
    }
    assert [a["id"] for a in data["accounts"]] == [records["user"].pk]
    text = json.dumps(data)
    assert "Olga" not in text and OTHER not in text and "Ville" not in text


def test_erasure_keeps_the_accounts_and_forgets_the_person(records):
    before = by_month()
    signatures_before = Signature.objects.confirmed().count()

    call_command("personal_data", "erase", ANNA, "--yes", stdout=StringIO())

    assert by_month() == before  # the accounts add up to the same, month by month
    for donation in records["donations"][:2]:
        donation.refresh_from_db()
        assert donation.donor_name == "" and ANNA not in donation.donor_email
        assert not donation.show_on_wall
        assert donation.stripe_payment_intent_id.startswith("pi_test_")
        assert donation.status == DonationStatus.PAID and donation.paid_at
    # The petition's count is unchanged; the signature no longer says who signed.
    assert Signature.objects.confirmed().count() == signatures_before
    records["signature"].refresh_from_db()
    assert records["signature"].name == "" and records["signature"].comment == ""
    assert not Follower.objects.filter(pk=records["follower"].pk).exists()
    records["report"].refresh_from_db()
    assert (records["report"].name, records["report"].email) == ("", "")
    records["sponsor"].refresh_from_db()
    assert records["sponsor"].contact_name == "" and records["sponsor"].phone == ""
    assert ANNA not in records["sponsor"].email
    records["user"].refresh_from_db()
    assert not records["user"].is_active and not records["user"].has_usable_password()

    # Nothing is left to export, and nobody else was touched.
    data = export(ANNA)
    assert not any(data[key] for key in data if key != "email")
    other = export(OTHER)
    assert len(other["donations"]) == 1 and other["donations"][0]["donor_name"] == "Olga Other"
    assert {c["kind"] for c in other["campaign"]} == {"petition_signature", "follow"}
    assert other["sponsors"][0]["contact_name"] == "Olga Other"


def test_an_unconfirmed_signature_is_deleted_on_erasure(records):
    records["signature"].confirmed_at = None
    records["signature"].save(update_fields=["confirmed_at"])
    call_command("personal_data", "erase", ANNA, "--yes", stdout=StringIO())
    assert not Signature.objects.filter(pk=records["signature"].pk).exists()


def test_staff_erase_a_donor_from_the_admin(records, staff_client):
    donation = records["donations"][0]
    _question, response = run_confirmed_action(
        staff_client, "/en/admin/donations/donation/", "erase_personal_data", [donation]
    )
    assert response.status_code == 302
    donation.refresh_from_db()
    assert donation.donor_name == "" and donation.amount == 5000
    # Only this app's records: the donor's follow is erased from the campaign's admin.
    assert Follower.objects.filter(email=ANNA).exists()


def test_staff_export_a_signer_from_the_admin_with_every_app(records, staff_client):
    response = staff_client.post(
        "/en/admin/campaign/signature/",
        {"action": "export_personal_data", "_selected_action": [records["signature"].pk]},
    )
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert len(data[ANNA]["donations"]) == 2 and OTHER not in response.content.decode()


# Export and erasure belong to the Privacy group and superusers, nobody else.


def test_an_editor_exporting_a_follower_never_gets_their_donations(records, editor):
    editor = signed_in(editor)
    response = editor.post(
        "/en/admin/campaign/follower/",
        {"action": "export_personal_data", "_selected_action": [records["follower"].pk]},
    )
    text = response.content.decode()
    assert "cus_1" not in text and "donation" not in response.get("Content-Type", "")
    assert "cus_1" not in editor.get("/en/admin/campaign/follower/").content.decode()


@pytest.mark.parametrize("group", ["Editors", "Finance"])
def test_only_the_privacy_role_is_offered_or_may_run_export_and_erasure(records, group):
    client = signed_in(make_staff(f"{group.lower()}@example.org", group))
    for url, row in [
        ("/en/admin/campaign/follower/", records["follower"]),
        ("/en/admin/campaign/signature/", records["signature"]),
        ("/en/admin/donations/donation/", records["donations"][0]),
        ("/en/admin/sponsorships/sponsor/", records["sponsor"]),
        ("/en/admin/prisoners/correctionrequest/", records["report"]),
    ]:
        page = client.get(url)
        assert "personal_data" not in page.content.decode(), (group, url)
        for action in ("export_personal_data", "erase_personal_data"):
            for confirm in ({}, {"post": "yes", "reason": "Asked by letter"}):
                response = client.post(
                    url, {"action": action, "_selected_action": [row.pk], **confirm}
                )
                assert response.get("Content-Type") != "application/json", (group, url)
    records["donations"][0].refresh_from_db()
    assert records["donations"][0].donor_name == "Anna Sample"
    assert Follower.objects.filter(pk=records["follower"].pk).exists()
    records["sponsor"].refresh_from_db()
    assert records["sponsor"].phone


def test_the_privacy_role_exports_and_erases_a_follower_everywhere(records, privacy):
    officer = signed_in(privacy)
    url = "/en/admin/campaign/follower/"
    assert "export_personal_data" in officer.get(url).content.decode()
    response = officer.post(
        url, {"action": "export_personal_data", "_selected_action": [records["follower"].pk]}
    )
    data = json.loads(response.content)
    assert [d["stripe_customer_id"] for d in data[ANNA]["donations"]] == ["cus_1", "cus_2"]
    _question, response = run_confirmed_action(
        officer, url, "erase_personal_data", [records["follower"]]
    )
    assert response.status_code == 302
    assert not Follower.objects.filter(email=ANNA).exists()
    records["donations"][0].refresh_from_db()
    assert records["donations"][0].donor_name == ""


def test_the_actions_themselves_refuse_a_caller_without_the_privacy_permission(records, rf):
    from django.contrib import admin
    from django.core.exceptions import PermissionDenied

    editor = make_user("editor@example.org", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    request = rf.post("/")
    request.user = editor
    model_admin = admin.site._registry[Follower]
    actions = {action.__name__: action for action in model_admin.actions}
    for name in ("export_personal_data", "erase_personal_data"):
        with pytest.raises(PermissionDenied):
            actions[name](model_admin, request, Follower.objects.all())
    assert Follower.objects.filter(email=ANNA).exists()
