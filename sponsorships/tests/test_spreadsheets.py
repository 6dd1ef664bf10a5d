"""Sponsors in and out of the admin as spreadsheets.

Cities often sign on paper: staff import their lists. The contact person, e-mail and phone
are personal data: Editors export sponsors without them, only the Privacy role with them.
A file never changes an address the sponsor confirmed, nor links an account.
"""

import pytest
from django.utils import timezone

from common.models import TrailEntry
from conftest import (
    confirm,
    csv_file,
    csv_rows,
    dry_run,
    export_form_data,
    make_sponsor,
    make_staff,
    make_user,
    signed_in,
)
from sponsorships.models import Sponsor

IMPORT = "/en/admin/sponsorships/sponsor/import/"
CONFIRM = "/en/admin/sponsorships/sponsor/process_import/"
EXPORT = "/en/admin/sponsorships/sponsor/export/"
CONTACT = "1"  # the index of SponsorContactResource in SponsorAdmin.resource_classes

HEADER = ["id", "kind", "name_en", "name_fr", "name_hy", "country", "city_en", "city_fr",
          "city_hy", "public_consent", "contact_name", "email", "phone", "language"]  # fmt: skip
VALBRUNE = ["", "CITY", "Town of Valbrune", "Ville de Valbrune", "Վալբրյուն քաղաք", "FR",
            "Valbrune", "Valbrune", "Վալբրյուն", "1", "Hélène Béranger", "mairie@valbrune.example",
            "+33 4 76 00 00 00", "fr"]  # fmt: skip


def export(client, **overrides):
    form = client.get(EXPORT).context["form"]
    return client.post(EXPORT, export_form_data(form, **overrides))


@pytest.fixture
def sponsor(db):
    return make_sponsor(
        "Ville de Test", contact_name="Anahit Contact", email="anahit@example.org",
        phone="+374 10 55 01 99",
    )  # fmt: skip


def test_a_paper_list_of_sponsors_is_imported_and_recorded_without_personal_data(editor):
    client = signed_in(editor)
    response = dry_run(client, IMPORT, csv_file([HEADER, VALBRUNE]), resource=CONTACT)
    assert Sponsor.objects.count() == 0
    response = confirm(client, CONFIRM, response)
    assert response.status_code == 302
    valbrune = Sponsor.objects.get()
    assert valbrune.name_hy == "Վալբրյուն քաղաք"
    assert valbrune.contact_name == "Hélène Béranger"
    assert valbrune.phone == "+33 4 76 00 00 00"
    # A file never links an account nor says the address was confirmed.
    assert valbrune.user is None and valbrune.email_confirmed_at is None
    entry = TrailEntry.objects.get(action="import")
    assert entry.details["new"] == 1
    text = f"{entry.object_repr} {entry.reason} {entry.details}"
    assert "valbrune" not in text.casefold() and "Béranger" not in text


def test_a_sponsor_is_found_by_its_name_and_country_when_the_row_has_no_id(editor, sponsor):
    client = signed_in(editor)
    row = ["", "CITY", "Ville de Test", "", "", "FR", "Nouvelle ville", "", "", "1",
           "Anahit Contact", "anahit@example.org", "", "fr"]  # fmt: skip
    confirm(client, CONFIRM, dry_run(client, IMPORT, csv_file([HEADER, row]), resource=CONTACT))
    sponsor.refresh_from_db()
    assert Sponsor.objects.count() == 1
    assert sponsor.city_en == "Nouvelle ville"


def test_a_bad_e_mail_address_is_a_row_error_and_nothing_is_saved(editor):
    client = signed_in(editor)
    bad = [*VALBRUNE[:11], "not-an-address", *VALBRUNE[12:]]
    response = dry_run(client, IMPORT, csv_file([HEADER, VALBRUNE, bad]), resource=CONTACT)
    [invalid] = response.context["result"].invalid_rows
    assert (invalid.number, list(invalid.field_specific_errors)) == (2, ["email"])
    assert "confirm_form" not in response.context
    assert Sponsor.objects.count() == 0


def test_an_import_cannot_change_an_address_the_sponsor_confirmed(editor, sponsor):
    sponsor.email_confirmed_at = timezone.now()
    sponsor.save()
    client = signed_in(editor)
    row = [str(sponsor.pk), "CITY", "Ville de Test", "", "", "FR", "", "", "", "1",
           "Anahit Contact", "attacker@example.org", "", "fr"]  # fmt: skip
    response = dry_run(client, IMPORT, csv_file([HEADER, row]), resource=CONTACT)
    [invalid] = response.context["result"].invalid_rows
    assert "email" in invalid.field_specific_errors
    sponsor.refresh_from_db()
    assert sponsor.email == "anahit@example.org"


def test_editors_export_sponsors_without_contact_details(editor, sponsor):
    client = signed_in(editor)
    response = export(client)
    [row] = csv_rows(response)
    assert row["name_en"] == "Ville de Test"
    assert not {"contact_name", "email", "phone"} & set(row)
    assert "anahit" not in response.content.decode().casefold()
    # Asking for the resource with contact details by hand is refused.
    response = export(client, resource=CONTACT)
    assert response.status_code == 200  # the form again, with its error
    assert "attachment" not in response.get("Content-Disposition", "")
    assert "anahit@example.org" not in response.content.decode()


def test_the_privacy_role_exports_sponsors_with_contact_details_never_cached(privacy, sponsor):
    client = signed_in(privacy)
    response = export(client, resource=CONTACT)
    [row] = csv_rows(response)
    assert row["email"] == "anahit@example.org"
    # The phone starts with +: a spreadsheet would read it as a formula.
    assert row["phone"] == "'+374 10 55 01 99"
    assert "no-store" in response["Cache-Control"]
    assert TrailEntry.objects.get(action="export_spreadsheet").details["rows"] == 1


def test_the_privacy_role_and_finance_cannot_import_sponsors(privacy):
    for user in (privacy, make_staff("finance@example.org", "Finance")):
        client = signed_in(user)
        assert client.get(IMPORT).status_code == 403
        response = dry_run(client, IMPORT, csv_file([HEADER, VALBRUNE]), resource=CONTACT)
        assert response.status_code == 403
    assert Sponsor.objects.count() == 0


def test_finance_cannot_export_sponsors(sponsor):
    client = signed_in(make_staff("finance@example.org", "Finance"))
    assert client.get(EXPORT).status_code == 403
    assert client.post(EXPORT, {"format": "0", "resource": "0"}).status_code == 403


def test_a_signed_in_sponsor_reaches_no_import_or_export(sponsor):
    user = make_user("sponsor@example.org")
    client = signed_in(user)
    for url in (IMPORT, EXPORT):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
